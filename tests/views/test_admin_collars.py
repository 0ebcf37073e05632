"""Collar numbers of accounts: one rule for every road that gives an active account one (adding it, reactivating it,
the server's create-user command), who a clash names, and the one form a number is kept in."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from debrief.admin.views import RETYPE_PASSWORD
from debrief.auth.roles import Role
from debrief.auth.service import reactivate_user
from debrief.errors import ServiceError
from debrief.extensions import db
from debrief.models import User
from tests.support.factories import audit_count, create_user
from tests.support.pages import Page, form_data, get_page, post_form, sign_in

NEW = {"name": "Reuse Collar", "email": "reuse@aaa.example", "collar_number": "", "roles": ["officer"],
       "password": "a-long-enough-password"}


def _deactivated_with_collar(forces, collar="ABCDEF"):
    """'Letters Only' as the walk found them: deactivated, their collar number then given to a new account."""
    letters = create_user(force=forces["A"], name="Letters Only", email="letters@aaa.example", collar_number=collar)
    letters.active = False
    db.session.commit()
    return letters


# 1. Reactivating an account whose collar number an active account now holds.

def test_reactivating_an_account_whose_collar_number_was_given_again_is_refused_and_warned(client, people, forces):
    letters = _deactivated_with_collar(forces)
    sign_in(client, "admin@aaa.example")
    post_form(client, "/admin/users/new", {**NEW, "collar_number": "abcdef"}, status=302)  # free while deactivated
    confirm = get_page(client, f"/admin/users/{letters.id}/reactivate")
    warning = confirm.html.select_one("main .govuk-warning-text").get_text(" ", strip=True)
    assert "Reuse Collar" in warning and "ABCDEF" in warning and "deactivate Reuse Collar's account" in warning
    assert "Give Letters Only their new collar number first" in warning
    assert confirm.html.select_one(f'main a[href="/admin/users/{letters.id}/collar-number"]').get_text() == \
        "Change Letters Only's collar number"
    assert not confirm.html.select("main form[method=post]")  # warned before the click: nothing to click
    token = get_page(client, "/admin/users/new").csrf_token()
    done = Page(client.post(f"/admin/users/{letters.id}/reactivate", data={"csrf_token": token},
                            follow_redirects=True))
    assert "cannot be reactivated" in done.text() and "Reuse Collar" in done.text()
    db.session.refresh(letters)
    assert not letters.active and audit_count("user.reactivated") == 0
    holders = db.session.scalar(select(func.count(User.id)).where(User.active.is_(True),
                                                                   func.upper(User.collar_number) == "ABCDEF"))
    assert holders == 1


def test_once_the_holder_is_deactivated_the_account_can_be_reactivated(client, people, forces):
    letters = _deactivated_with_collar(forces)
    reuse = create_user(force=forces["A"], name="Reuse Collar", collar_number="ABCDEF")
    admin = people[("A", Role.ADMIN)]
    with pytest.raises(ServiceError, match="cannot be reactivated"):
        reactivate_user(letters, actor=admin)
    db.session.rollback()
    reuse.active = False
    db.session.commit()
    reactivate_user(letters, actor=admin)
    assert letters.active and audit_count("user.reactivated") == 1


def test_an_account_keeps_its_own_collar_number_when_reactivated(people, forces):
    letters = _deactivated_with_collar(forces)
    create_user(force=forces["B"], collar_number="ABCDEF")  # another force's same number never clashes
    reactivate_user(letters, actor=people[("A", Role.ADMIN)])
    assert letters.active


def test_the_server_create_user_command_keeps_the_same_rule(app, people, forces):
    create_user(force=forces["A"], name="Kieran Walsh", collar_number="NS5096")
    result = app.test_cli_runner().invoke(args=["create-user", "--email", "dup@aaa.example", "--force", "AAA",
                                                "--role", "officer", "--collar-number", "ns 5096"],
                                          input="a-long-enough-password\n")
    assert result.exit_code == 1 and "already Kieran Walsh's" in result.output


# 2. National accounts: their collar numbers are unique among national accounts, and no force's officer is named
# to the national administrator.

LEARNER = {**NEW, "name": "Dup Collar", "email": "lt1@college.police.uk", "roles": ["learning"]}


def test_a_national_account_may_hold_a_number_a_force_officer_holds_and_no_officer_is_named(client, people, forces):
    create_user(force=forces["A"], name="Kieran Walsh", collar_number="NS5096")
    sign_in(client, "national_admin@aaa.example")
    page = post_form(client, "/national/learning-team/new", {**LEARNER, "collar_number": "NS5096"})
    assert page.status == 302 and "Kieran Walsh" not in page.response.get_data(as_text=True)
    made = db.session.scalar(select(User).where(User.email == "lt1@college.police.uk"))
    assert made.collar_number == "NS5096"
    # ... and a force administrator may give a force account a number a national account kept with the force holds.
    create_user(force=forces["A"], roles=[Role.LEARNING], collar_number="LT9")
    admin = client.application.test_client()
    sign_in(admin, "admin@aaa.example")
    post_form(admin, "/admin/users/new", {**NEW, "email": "x@aaa.example", "collar_number": "LT9"}, status=302)


def test_a_national_accounts_collar_number_clashes_only_with_national_accounts(client, people, forces):
    create_user(force=forces["B"], roles=[Role.LEARNING], name="Ada Learner", collar_number="LT7")
    create_user(force=forces["A"], roles=[Role.NATIONAL_ADMIN], name="Other National", collar_number="NA1",
                email="na2@aaa.example")
    sign_in(client, "national_admin@aaa.example")
    page = post_form(client, "/national/learning-team/new", {**LEARNER, "collar_number": "LT7"}, status=200)
    # A learning-team account, wherever its record is kept, is the national administrator's: named.
    assert page.error_summary() == ["Collar number LT7 is already Ada Learner's, on a national account: check the "
                                    "number, or deactivate the old account first", RETYPE_PASSWORD]
    page = post_form(client, "/national/learning-team/new", {**LEARNER, "collar_number": "NA1"}, status=200)
    # Another national administrator's account is managed on the server: not named.
    assert page.error_summary() == ["Collar number NA1 is already another active national account, which you do not "
                                    "manage: check the number", RETYPE_PASSWORD]


def test_national_accounts_read_as_national_not_as_one_force(client, people):
    learner = people[("A", Role.LEARNING)]
    sign_in(client, "national_admin@aaa.example")
    listed = get_page(client, "/national/learning-team")
    assert listed.html.select_one(".debrief-account__name").get_text(strip=True) == \
        "National administrator A, National administration"
    assert "Kept under" not in listed.text() and "belongs to no force" in listed.text()
    assert "kept with Alphashire Police" in get_page(client, "/national/learning-team/new").text()
    account = get_page(client, f"/national/learning-team/{learner.id}")
    assert account.html.select_one("main .govuk-caption-l").get_text(strip=True) == "National learning team"
    learning = client.application.test_client()
    sign_in(learning, learner.email)
    assert get_page(learning, "/learning/case-studies").html.select_one(".debrief-account__name").get_text(
        strip=True) == "Learning team A, National learning team"
    # A force account still reads as its force's.
    admin = client.application.test_client()
    sign_in(admin, "admin@aaa.example")
    page = get_page(admin, f"/admin/users/{people[('A', Role.OFFICER)].id}")
    assert page.html.select_one("main .govuk-caption-l").get_text(strip=True) == "Alphashire Police"
    assert "Force administrator A, Alphashire Police" in page.html.select_one(".debrief-account__name").get_text()


# 4. One form for a collar number, however it is typed.

@pytest.mark.parametrize("typed, kept", [("ns 5096", "NS5096"), ("NS-5096", "NS5096"), ("ab 12", "AB12"),
                                         (" n s–50 96 ", "NS5096"), ("", None)])
def test_a_collar_number_is_kept_in_one_form(client, people, typed, kept):
    sign_in(client, "admin@aaa.example")
    post_form(client, "/admin/users/new", {**NEW, "collar_number": typed}, status=302)
    assert db.session.scalar(select(User.collar_number).where(User.email == NEW["email"])) == kept


@pytest.mark.parametrize("typed", ["NS/5096", "---", "NS5096!", "A" * 21])
def test_a_collar_number_of_other_characters_is_refused_with_what_was_typed_kept(client, people, typed):
    sign_in(client, "admin@aaa.example")
    page = post_form(client, "/admin/users/new", {**NEW, "collar_number": typed}, status=200)
    [message] = page.error_summary()[:1]
    assert message.startswith("Collar number must")
    assert page.html.find("input", attrs={"name": "collar_number"})["value"] == typed


def test_numbers_typed_differently_are_one_number(client, people, forces):
    create_user(force=forces["A"], name="Kieran Walsh", collar_number="ns 5096")
    sign_in(client, "admin@aaa.example")
    page = post_form(client, "/admin/users/new", {**NEW, "collar_number": "NS-5096"}, status=200)
    assert page.error_summary() == ["Collar number NS5096 is already Kieran Walsh's in Alphashire Police: check the "
                                    "number, or deactivate the old account first", RETYPE_PASSWORD]


def test_a_number_kept_as_typed_before_still_clashes(client, people, forces):
    old = create_user(force=forces["A"], name="Old Style")
    old.collar_number = "ab 12"  # as accounts added before numbers were kept in one form
    db.session.commit()
    sign_in(client, "admin@aaa.example")
    page = post_form(client, "/admin/users/new", {**NEW, "collar_number": "AB-12"}, status=200)
    assert "already Old Style's" in page.error_summary()[0]


# 6. The temporary password is not sent back after a problem, and the summary says to type it again.

def test_after_any_problem_the_summary_says_to_type_the_password_again(client, people):
    sign_in(client, "admin@aaa.example")
    page = post_form(client, "/admin/users/new", {**NEW, "email": "not-an-email"}, status=200)
    assert page.error_summary() == ["Enter an email address in the correct format, like name@example.police.uk",
                                    RETYPE_PASSWORD]
    field = page.html.find("input", attrs={"name": "password"})
    assert not field.get("value") and page.html.select_one("#password-error")  # by the field, linked from the summary
    assert page.html.select_one('.govuk-error-summary a[href="#password"]')
    # A problem with the password itself is said once, as itself.
    page = post_form(client, "/admin/users/new", {**NEW, "password": "short"}, status=200)
    assert page.error_summary() == ["Password must be 12 characters or more, not counting spaces"]



# The way back for a returning officer whose number was given to someone else: a new number, then reactivation.

def test_a_force_admin_changes_a_collar_number_under_the_same_rule_then_reactivates(client, people, forces):
    letters = _deactivated_with_collar(forces)
    create_user(force=forces["A"], name="Reuse Collar", collar_number="ABCDEF")
    create_user(force=forces["A"], name="Kieran Walsh", collar_number="NS5096")
    sign_in(client, "admin@aaa.example")
    account = get_page(client, f"/admin/users/{letters.id}")
    change = account.html.select_one(f'main a[href="/admin/users/{letters.id}/collar-number"]')
    assert change is not None and "collar or staff number" in change.get_text()
    page = get_page(client, change["href"])
    assert page.html.find("input", attrs={"name": "collar_number"})["value"] == "ABCDEF"
    taken = Page(client.post(change["href"], data=form_data(page, collar_number="ns-5096")))
    assert taken.error_summary() == ["Collar number NS5096 is already Kieran Walsh's in Alphashire Police: check "
                                     "the number, or deactivate the old account first"]
    assert taken.title.startswith("Error: ")
    assert taken.html.find("input", attrs={"name": "collar_number"})["value"] == "ns-5096"
    done = Page(client.post(change["href"], data=form_data(page, collar_number="ab 99"), follow_redirects=True))
    assert "collar number has been changed to AB99" in done.text()
    db.session.refresh(letters)
    assert letters.collar_number == "AB99" and audit_count("user.collar_number_changed") == 1
    confirm = get_page(client, f"/admin/users/{letters.id}/reactivate")
    assert not confirm.html.select("main .govuk-warning-text") and confirm.html.select("main form[method=post]")
    # The audit log says it in words.
    log = get_page(client, "/admin/audit").text()
    assert "Changed a user's collar number" in log and "ABCDEF" in log and "AB99" in log


def test_a_force_admin_cannot_change_a_national_accounts_collar_number(client, people):
    learner = people[("A", Role.LEARNING)]
    sign_in(client, "admin@aaa.example")
    assert not get_page(client, f"/admin/users/{learner.id}").html.select('main a[href$="/collar-number"]')
    assert client.get(f"/admin/users/{learner.id}/collar-number").status_code == 302
    token = get_page(client, "/admin/users/new").csrf_token()
    client.post(f"/admin/users/{learner.id}/collar-number", data={"csrf_token": token, "collar_number": "X1"})
    db.session.refresh(learner)
    assert learner.collar_number is None and audit_count("user.collar_number_changed") == 0


def test_a_learning_account_is_reactivated_under_the_national_rule(people, forces):
    gone = create_user(force=forces["A"], roles=[Role.LEARNING], name="Gone Learner", collar_number="LT5")
    gone.active = False
    db.session.commit()
    create_user(force=forces["A"], name="Force Officer", collar_number="LT5")  # a force's number: no clash
    national = people[("A", Role.NATIONAL_ADMIN)]
    holder = create_user(force=forces["B"], roles=[Role.LEARNING], name="New Learner", collar_number="LT5")
    with pytest.raises(ServiceError, match="is now New Learner's, on a national account"):
        reactivate_user(gone, actor=national)
    db.session.rollback()
    holder.active = False
    db.session.commit()
    reactivate_user(gone, actor=national)
    assert gone.active
