"""What a newcomer's walk of the force and national administrators' journeys found: roles changed in two tabs,
deactivation without "Are you sure" and without a way back, national accounts in a force administrator's hands, a
national administrator who could not open a learning-team account, blank names and passwords, and a double click."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from debrief.admin.views import RETYPE_PASSWORD
from debrief.auth.roles import Role
from debrief.auth.service import change_roles
from debrief.extensions import db
from debrief.models import User
from debrief.once import NOTICE
from tests.support.factories import audit_count
from tests.support.pages import Page, get_page, post_form, sign_in

NEW = {"name": "Sam Carter", "email": "sam.carter@aaa.example", "collar_number": "", "roles": ["officer"],
       "password": "a-long-enough-password"}


def _form(page: Page, **changes) -> MultiDict:
    """What the browser sends from the page's form (hidden fields and ticked boxes), with `changes` over it."""
    data = MultiDict()
    for field in page.html.select("main form[method=post] input"):
        name, kind = field.get("name"), field.get("type", "")
        if name and not (kind in ("checkbox", "radio") and not field.has_attr("checked")) and kind != "submit":
            data.add(name, field.get("value", ""))
    for name, value in changes.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    return data


def _link(page: Page, text: str):
    """The link (or link-styled button) whose words are `text`, or None."""
    return next((a for a in page.html.select("main a") if a.get_text(" ", strip=True) == text), None)


def _users() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count(User.id)))


# 1. Two tabs on one user's roles: the second save does not silently overwrite the first.

def test_a_roles_page_drawn_from_roles_changed_since_is_refused_with_what_they_are_now(client, people):
    officer = people[("A", Role.OFFICER)]
    sign_in(client, "admin@aaa.example")
    tab_a = get_page(client, f"/admin/users/{officer.id}/roles")
    tab_b = get_page(client, f"/admin/users/{officer.id}/roles")
    first = client.post(f"/admin/users/{officer.id}/roles", data=_form(tab_a, roles=["officer", "reviewer"]))
    assert first.status_code == 302
    second = Page(client.post(f"/admin/users/{officer.id}/roles", data=_form(tab_b, roles=["officer", "wellbeing"])))
    assert second.status == 200 and second.title.startswith("Error: ")
    [message] = second.error_summary()
    assert "roles were changed by Force administrator A" in message
    assert "they are now Officer or staff, PSD reviewer" in message
    db.session.refresh(officer)
    assert officer.roles == {Role.OFFICER, Role.REVIEWER}  # A's change kept
    ticked = {i["value"] for i in second.html.select("input[name=roles][checked]")}
    assert ticked == {"officer", "wellbeing"}  # B's ticks kept
    # Saving again from that page is knowing: it goes through.
    again = client.post(f"/admin/users/{officer.id}/roles", data=_form(second, roles=["officer", "wellbeing"]))
    assert again.status_code == 302
    db.session.refresh(officer)
    assert officer.roles == {Role.OFFICER, Role.WELLBEING} and audit_count("user.roles_changed") == 2


def test_the_service_refuses_roles_drawn_from_an_older_state(people):
    officer, admin = people[("A", Role.OFFICER)], people[("A", Role.ADMIN)]
    with pytest.raises(Exception, match="they are now Officer or staff"):
        change_roles(officer, [Role.REVIEWER], actor=admin, drawn_from=[Role.REVIEWER])


# 10. A save that changed nothing is information, not success.

def test_saving_the_same_roles_says_so_as_information(client, people):
    officer = people[("A", Role.OFFICER)]
    sign_in(client, "admin@aaa.example")
    page = get_page(client, f"/admin/users/{officer.id}/roles")
    response = client.post(f"/admin/users/{officer.id}/roles", data=_form(page), follow_redirects=True)
    landed = Page(response)
    assert not landed.html.select(".govuk-notification-banner--success")
    banner = landed.html.select_one(".govuk-notification-banner")
    assert "roles were not changed" in banner.get_text() and "Success" not in banner.get_text()


# 2. Deactivation: "Are you sure", a way back, and a page that says so.

def test_deactivating_asks_first_and_reactivating_undoes_it_both_audited(client, people):
    officer = people[("A", Role.OFFICER)]
    sign_in(client, "admin@aaa.example")
    account = get_page(client, f"/admin/users/{officer.id}")
    assert not account.html.select("main form[method=post]")  # nothing acts from the account's page itself
    link = _link(account, "Deactivate user")
    assert link["href"] == f"/admin/users/{officer.id}/deactivate"
    confirm = get_page(client, link["href"])
    assert confirm.h1 == f"Are you sure you want to deactivate {officer.name}?"
    assert "signed out at once" in confirm.text() and "records" in confirm.text()
    db.session.refresh(officer)
    assert officer.active  # opening the page changed nothing
    done = Page(client.post(link["href"], data=_form(confirm), follow_redirects=True))
    assert "has been deactivated" in done.html.select_one(".govuk-notification-banner--success").get_text()
    assert "This account was deactivated by Force administrator A" in done.text()
    assert not _link(done, "Deactivate user")
    # Roles of a deactivated account can still be changed, and the page says when they apply.
    roles = get_page(client, f"/admin/users/{officer.id}/roles")
    assert "apply if it is reactivated" in roles.text()
    reactivate = _link(done, "Reactivate user")["href"]
    confirm = get_page(client, reactivate)
    assert confirm.h1 == f"Are you sure you want to reactivate {officer.name}?"
    client.post(reactivate, data=_form(confirm))
    db.session.refresh(officer)
    assert officer.active and officer.deactivated_at is None
    assert audit_count("user.deactivated") == 1 and audit_count("user.reactivated") == 1
    assert sign_in(client.application.test_client(), officer.email)


def test_a_deactivation_page_opened_after_someone_else_deactivated_says_who(client, people):
    officer = people[("A", Role.OFFICER)]
    sign_in(client, "admin@aaa.example")
    stale = get_page(client, f"/admin/users/{officer.id}/deactivate")
    assert client.post(f"/admin/users/{officer.id}/deactivate", data=_form(stale)).status_code == 302
    again = Page(client.post(f"/admin/users/{officer.id}/deactivate", data=_form(stale), follow_redirects=True))
    assert "was already deactivated by Force administrator A" in again.text()
    assert audit_count("user.deactivated") == 1


# 3. A force administrator cannot touch an account holding a national role, and is not offered to.

@pytest.mark.parametrize("role, whose", [(Role.LEARNING, "Managed by the national administrator"),
                                         (Role.NATIONAL_ADMIN, "Managed on the server")])
def test_a_force_admin_sees_national_accounts_read_only(client, people, role, whose):
    person = people[("A", role)]
    sign_in(client, "admin@aaa.example")
    row = next(tr for tr in get_page(client, "/admin/users").html.select("tbody tr") if person.email in tr.get_text())
    assert whose in row.get_text()
    page = get_page(client, f"/admin/users/{person.id}")
    assert whose in page.text()
    assert not _link(page, "Deactivate user") and not page.html.select('main a[href$="/roles"]')
    for action in ("roles", "deactivate"):
        assert client.get(f"/admin/users/{person.id}/{action}").status_code == 302
    token = page.csrf_token() or get_page(client, "/admin/users/new").csrf_token()
    client.post(f"/admin/users/{person.id}/roles", data={"csrf_token": token, "roles": ["admin"]})
    db.session.refresh(person)
    assert person.roles == {role} and audit_count("user.roles_changed") == 0


def test_the_service_refuses_a_force_admin_on_a_learning_account_whatever_the_change(people):
    learner, admin = people[("A", Role.LEARNING)], people[("A", Role.ADMIN)]
    for roles in ([Role.ADMIN], [Role.OFFICER], [Role.LEARNING, Role.OFFICER]):
        with pytest.raises(Exception, match="only a national administrator can change it"):
            change_roles(learner, roles, actor=admin)


# 4. The national administrator opens, deactivates, reactivates and restores learning-team accounts.

def test_the_national_admin_opens_deactivates_and_reactivates_a_learning_account(client, people):
    learner = people[("B", Role.LEARNING)]
    sign_in(client, "national_admin@aaa.example")
    listed = get_page(client, "/national/learning-team")
    href = _link(listed, learner.name)["href"]
    assert href == f"/national/learning-team/{learner.id}"
    account = get_page(client, href)
    assert learner.email in account.text() and not account.html.select('main a[href$="/roles"]')
    deactivate = _link(account, "Deactivate user")["href"]
    client.post(deactivate, data=_form(get_page(client, deactivate)))
    db.session.refresh(learner)
    assert not learner.active
    reactivate = _link(get_page(client, href), "Reactivate user")["href"]
    client.post(reactivate, data=_form(get_page(client, reactivate)))
    db.session.refresh(learner)
    assert learner.active and audit_count("user.reactivated") == 1
    # A force's own account is not the national administrator's.
    assert client.get(f"/national/learning-team/{people[('A', Role.OFFICER)].id}").status_code == 404


def test_the_national_admin_restores_a_learning_role_a_force_admin_took_away(client, people):
    learner, admin = people[("A", Role.LEARNING)], people[("A", Role.ADMIN)]
    # As the walk found it: done before force administrators were stopped (here straight in the data).
    from debrief.audit import record
    record("user.roles_changed", actor=admin, force_id=learner.force_id, record_type="user", record_id=learner.id,
           email=learner.email, before=["learning"], roles=["admin"])
    learner.set_roles({Role.ADMIN})
    db.session.commit()
    sign_in(client, "national_admin@aaa.example")
    listed = get_page(client, "/national/learning-team")
    assert "Learning-team role taken away" in listed.text()
    account = get_page(client, _link(listed, learner.name)["href"])
    restore = _link(account, "Restore the learning-team role")["href"]
    confirm = get_page(client, restore)
    assert "Learning team" in confirm.text()
    client.post(restore, data=_form(confirm))
    db.session.refresh(learner)
    assert learner.roles == {Role.LEARNING}


@pytest.mark.parametrize("email", ["learner@gmail.com", "learner@aaa.example"])
def test_a_learning_team_account_needs_a_police_or_government_address(client, people, email):
    sign_in(client, "national_admin@aaa.example")
    before = _users()
    hints = [h.get_text(strip=True) for h in get_page(client, "/national/learning-team/new").html.select(".govuk-hint")]
    assert "A police or government address, ending .police.uk or .gov.uk" in hints  # said before it is refused
    page = post_form(client, "/national/learning-team/new", {**NEW, "email": email, "roles": ["learning"]},
                     status=200)
    assert page.error_summary() == [
        "Enter an email address on a police or government domain (ending .police.uk or .gov.uk): "
        "learning-team accounts work across forces", RETYPE_PASSWORD]
    assert _users() == before
    assert post_form(client, "/national/learning-team/new",
                     {**NEW, "email": "learner@college.police.uk", "roles": ["learning"]}, status=302)


# 5. A name of only spaces, a password of only spaces.

@pytest.mark.parametrize("url, extra", [("/admin/users/new", {}),
                                        ("/national/learning-team/new", {"email": "a@b.police.uk",
                                                                         "roles": ["learning"]})])
def test_a_blank_name_or_password_is_refused(client, people, url, extra):
    sign_in(client, "admin@aaa.example" if url.startswith("/admin") else "national_admin@aaa.example")
    before = _users()
    page = post_form(client, url, {**NEW, **extra, "name": "   ", "password": " " * 12}, status=200)
    assert page.error_summary() == ["Enter the person's full name", "Enter a password that is not only spaces"]
    assert _users() == before


def test_the_service_refuses_a_blank_name_even_from_the_server(forces):
    from debrief.auth.service import create_user
    with pytest.raises(Exception, match="Enter the person's full name"):
        create_user(email="x@aaa.example", name=" \t ", force=forces["A"], roles=[Role.OFFICER],
                    password="a-long-enough-password", actor=None)


# 6. A double click on "Add user" makes one user and lands on their page.

@pytest.mark.parametrize("who, url, listed, account, extra", [
    ("admin@aaa.example", "/admin/users/new", "/admin/users", "/admin/users/{id}", {}),
    ("national_admin@aaa.example", "/national/learning-team/new", "/national/learning-team",
     "/national/learning-team/{id}", {"email": "sam.carter@college.police.uk", "roles": ["learning"]}),
])
def test_add_user_sent_twice_makes_one_user_and_lands_on_their_page(client, people, who, url, listed, account, extra):
    sign_in(client, who)
    page = get_page(client, url)
    data = _form(page, **{**NEW, **extra})
    first = client.post(url, data=data)
    assert first.status_code == 302 and first.headers["Location"] == listed
    count = _users()
    again = client.post(url, data=data)
    made = db.session.scalar(select(User).where(User.email == {**NEW, **extra}["email"]))
    assert again.status_code == 302 and again.headers["Location"] == account.format(id=made.id)
    assert _users() == count
    landed = get_page(client, again.headers["Location"])
    assert NOTICE in landed.text() and made.email in landed.text()


# The walk's wrong or misleading words.

def test_a_role_change_saved_onto_a_deactivated_account_says_so(client, people):
    officer = people[("A", Role.OFFICER)]
    sign_in(client, "admin@aaa.example")
    stale = get_page(client, f"/admin/users/{officer.id}/roles")  # a tab opened while the account was active
    deactivate = f"/admin/users/{officer.id}/deactivate"
    client.post(deactivate, data=_form(get_page(client, deactivate)), follow_redirects=True)
    done = Page(client.post(f"/admin/users/{officer.id}/roles", data=_form(stale, roles=["officer", "reviewer"]),
                            follow_redirects=True))
    banner = done.html.select_one(".govuk-notification-banner--success").get_text(" ", strip=True)
    assert "account is deactivated: the roles apply only if it is reactivated" in banner
    assert "next click" not in banner
    # An active account's change still applies from their next click.
    other = people[("A", Role.REVIEWER)]
    page = get_page(client, f"/admin/users/{other.id}/roles")
    done = Page(client.post(f"/admin/users/{other.id}/roles", data=_form(page, roles=["reviewer", "officer"]),
                            follow_redirects=True))
    assert "apply from their next click" in done.html.select_one(".govuk-notification-banner--success").get_text()


@pytest.mark.parametrize("email, url, words", [
    ("admin@aaa.example", "/national/learning-team", "ask another administrator of your force"),
    ("national_admin@aaa.example", "/admin/users", "ask whoever runs Debrief on the server"),
    ("learning@aaa.example", "/admin/users", "ask the national administrator"),
    ("officer@aaa.example", "/admin/users", "ask your force administrator"),
])
def test_the_403_page_says_who_can_help_by_the_persons_roles(client, people, email, url, words):
    sign_in(client, email)
    page = get_page(client, url, status=403)
    assert words in page.text()
    if not email.startswith("officer"):
        assert "ask your force administrator" not in page.text()


def test_the_server_deactivates_and_reactivates_a_national_administrator_as_the_force_admin_is_told(
        app, client, people):
    national = people[("A", Role.NATIONAL_ADMIN)]
    sign_in(client, "admin@aaa.example")
    told = get_page(client, f"/admin/users/{national.id}").text()
    assert "with the create-user, deactivate-user and reactivate-user commands" in told
    runner = app.test_cli_runner()
    result = runner.invoke(args=["deactivate-user", "--email", national.email.upper()])
    assert result.exit_code == 0, result.output
    db.session.refresh(national)
    assert not national.active and audit_count("user.deactivated") == 1
    page = get_page(client, f"/admin/users/{national.id}")
    assert "This account was deactivated by the server" in page.text()
    assert runner.invoke(args=["deactivate-user", "--email", national.email]).exit_code == 1  # already
    assert runner.invoke(args=["deactivate-user", "--email", "nobody@aaa.example"]).exit_code == 1
    assert runner.invoke(args=["reactivate-user", "--email", national.email]).exit_code == 0
    db.session.refresh(national)
    assert national.active and audit_count("user.reactivated") == 1
