"""Roles that keep identities apart: learning team and PSD never on one account, force administrators inside their
force, learning-team accounts made by the national administrator, who sees no force's records."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from debrief.admin.views import RETYPE_PASSWORD
from debrief.errors import ServiceError
from debrief.auth.roles import Role, combination_problem, grant_problem
from debrief.auth.service import create_user as create_account
from debrief.extensions import db
from debrief.models import User
from tests.support.factories import PASSWORD, audit_count, create_user
from tests.support.pages import get_page, post_form, sign_in

NEW = {"name": "Sam Carter", "email": "sam.carter@aaa.example", "collar_number": "",
       "password": "a-long-enough-password"}
SEPARATION = "one account cannot hold both"


def _users() -> int:
    return db.session.scalar(select(func.count(User.id)))


def test_the_rules_are_data():
    assert SEPARATION in combination_problem([Role.LEARNING, Role.REVIEWER])
    assert combination_problem([Role.OFFICER, Role.REVIEWER]) is None
    assert grant_problem([Role.LEARNING], [Role.ADMIN]).startswith("Learning-team accounts work across forces")
    assert grant_problem([Role.NATIONAL_ADMIN], [Role.ADMIN])
    assert grant_problem([Role.OFFICER, Role.WELLBEING], [Role.ADMIN]) is None
    assert grant_problem([Role.LEARNING], [Role.NATIONAL_ADMIN]) is None
    assert grant_problem([Role.REVIEWER], [Role.NATIONAL_ADMIN])


def test_the_service_refuses_learning_and_psd_together_even_from_the_server(forces):
    with pytest.raises(ServiceError, match=SEPARATION):
        create_account(email="both@aaa.example", name="Both", force=forces["A"], roles=[Role.LEARNING, Role.REVIEWER],
                       password=PASSWORD, actor=None)
    assert _users() == 0


def test_create_user_command_refuses_learning_and_psd_together_and_says_why(app, forces):
    result = app.test_cli_runner().invoke(
        args=["create-user", "--email", "both@aaa.example", "--force", "AAA", "--role", "learning", "--role",
              "reviewer"], input="a-long-enough-password\n")
    assert result.exit_code != 0
    assert SEPARATION in result.output
    assert _users() == 0


def test_a_force_admin_is_offered_only_roles_inside_the_force(client, people):
    sign_in(client, "admin@aaa.example")
    offered = {i["value"] for i in get_page(client, "/admin/users/new").html.select("input[name=roles]")}
    assert offered == {"officer", "reviewer", "admin", "wellbeing"}


@pytest.mark.parametrize("roles, reason", [
    (["learning"], "only a national administrator can give that role"),
    (["learning", "reviewer"], SEPARATION),
    (["national_admin"], "reaches beyond what you manage"),
    (["wellbeing", "reviewer"], "a wellbeing contact cannot also be a PSD reviewer"),
])
def test_a_force_admin_cannot_grant_beyond_the_force_nor_combine_learning_and_psd(client, people, roles, reason):
    sign_in(client, "admin@aaa.example")
    before = _users()
    page = post_form(client, "/admin/users/new", {**NEW, "roles": roles}, status=200)
    assert page.title.startswith("Error: ")
    # The refusal, then that the password (never sent back) must be typed again.
    assert len(page.error_summary()) == 2 and reason in page.error_summary()[0]
    assert page.error_summary()[1] == RETYPE_PASSWORD
    assert page.html.find("input", attrs={"name": "name"})["value"] == "Sam Carter"  # what was typed is kept
    created = audit_count("user.created")
    assert _users() == before and created == before  # the fixture's accounts only: nothing was added


def test_a_force_admin_cannot_add_a_user_to_another_force(people, forces):
    with pytest.raises(ServiceError, match="your own force"):
        create_account(email="x@bbb.example", name="X", force=forces["B"], roles=[Role.OFFICER], password=PASSWORD,
                       actor=people[("A", Role.ADMIN)])


def test_the_national_admin_adds_learning_team_accounts_only(client, people):
    sign_in(client, "national_admin@aaa.example")
    page = get_page(client, "/national/learning-team")
    assert "learning@aaa.example" in page.text() and "learning@bbb.example" in page.text()
    assert "officer@aaa.example" not in page.text()
    offered = {i["value"] for i in get_page(client, "/national/learning-team/new").html.select("input[name=roles]")}
    assert offered == {"learning"}
    # A learning-team account's address is on a police or government domain (auth.service.LEARNING_TEAM_DOMAINS).
    post_form(client, "/national/learning-team/new", {**NEW, "email": "sam.carter@aaa.police.uk", "roles": ["learning"]},
              status=302)
    made = db.session.scalar(select(User).where(User.email == "sam.carter@aaa.police.uk"))
    assert made.roles == {Role.LEARNING}
    refused = post_form(client, "/national/learning-team/new",
                        {**NEW, "email": "psd@aaa.example", "roles": ["learning", "reviewer"]}, status=200)
    assert SEPARATION in refused.error_summary()[0]
    refused = post_form(client, "/national/learning-team/new", {**NEW, "email": "r@aaa.example", "roles": ["reviewer"]},
                        status=200)
    assert "reaches beyond what you manage" in refused.error_summary()[0]
    assert db.session.scalar(select(User.id).where(User.email.in_(["psd@aaa.example", "r@aaa.example"]))) is None


@pytest.mark.parametrize("path", ["/review/", "/rca/", "/officer", "/admin/users", "/admin/audit", "/patterns/",
                                  "/learning/case-studies", "/wellbeing/", "/responses/", "/released/"])
def test_the_national_admin_has_no_access_to_any_forces_records(client, people, path):
    sign_in(client, "national_admin@aaa.example")
    assert client.get(path).status_code == 403


def test_a_force_admin_cannot_deactivate_a_learning_team_account_kept_under_their_force(client, people):
    learner = people[("A", Role.LEARNING)]
    sign_in(client, "admin@aaa.example")
    page = post_form(client, f"/admin/users/{learner.id}/deactivate", {}, follow=True, form_page="/admin/users/new")
    assert "only a national administrator can change it" in page.text()
    db.session.refresh(learner)
    assert learner.active is True and audit_count("user.deactivated") == 0
