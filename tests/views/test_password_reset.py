"""An administrator resets a person's password: the way back for someone locked out by the sign-in throttle or who has
forgotten it (walk9 16: throttled, with no route back but waiting, and nothing saying whom to ask)."""
from __future__ import annotations

from sqlalchemy import select

from debrief.auth.passwords import verify_password
from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import AuditEvent, User
from tests.support.factories import audit_count
from tests.support.pages import Page, get_page, post_form, sign_in

TEMPORARY = "a temporary pass phrase"


def _lock_out(app, client, email: str) -> None:
    for _ in range(app.config["SIGNIN_MAX_FAILURES_PER_ACCOUNT"]):
        post_form(client, "/sign-in", {"email": email, "password": "not the password"}, status=200)
    page = post_form(client, "/sign-in", {"email": email, "password": "correct-horse-battery"}, status=429)
    assert "ask your administrator to reset it" in page.error_summary()[0]


def test_a_force_administrator_resets_a_locked_out_persons_password(app, client, people):
    officer = people[("A", Role.OFFICER)]
    elsewhere = app.test_client()
    sign_in(elsewhere, officer.email)  # a session still open somewhere
    locked = app.test_client()
    _lock_out(app, locked, officer.email)
    sign_in(client, "admin@aaa.example")
    account = get_page(client, f"/admin/users/{officer.id}")
    link = account.html.find("a", string=lambda s: s and s.strip() == "Reset password")
    assert link is not None and link["href"] == f"/admin/users/{officer.id}/reset-password"
    url = link["href"]
    form = get_page(client, url)
    assert "not counting spaces" in form.text() and "signed out at once" in form.text()
    refused = post_form(client, url, {"password": "short"}, status=200)
    assert refused.title.startswith("Error: ")
    assert refused.error_summary() == ["Password must be 12 characters or more, not counting spaces"]
    assert not refused.html.select_one("input[name=password]").get("value")
    done = post_form(client, url, {"password": TEMPORARY}, status=302)
    assert done.response.headers["Location"] == f"/admin/users/{officer.id}"
    assert "password has been reset" in get_page(client, f"/admin/users/{officer.id}").text()
    db.session.expire_all()
    user = db.session.get(User, officer.id)
    assert verify_password(user.password_hash, TEMPORARY) and user.password_change_due
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user.password_reset"))
    assert event.actor_id == people[("A", Role.ADMIN)].id and event.record_id == str(officer.id)
    assert event.details["email"] == officer.email and event.details["failures_cleared"] >= 3
    # The throttle no longer holds the account: the person signs in at once, from where they were locked out, and
    # must set their own password first.
    sign_in(locked, officer.email, TEMPORARY)
    assert locked.get("/officer").headers["Location"] == "/account/password"
    # Their other session has ended, and says why.
    landed = Page(elsewhere.get("/officer", follow_redirects=True))
    assert "your administrator reset your password" in landed.html.select_one(".govuk-notification-banner").text


def test_who_may_reset_whose_password(app, client, people):
    admin, learner = people[("A", Role.ADMIN)], people[("A", Role.LEARNING)]
    sign_in(client, admin.email)
    # Not their own (the change-password page is theirs), not a national account, not another force's.
    for person in (admin, learner):
        assert "Reset password" not in get_page(client, f"/admin/users/{person.id}").text()
        refused = client.get(f"/admin/users/{person.id}/reset-password")
        assert refused.status_code == 302 and refused.headers["Location"] == f"/admin/users/{person.id}"
    assert client.get(f"/admin/users/{people[('B', Role.OFFICER)].id}/reset-password").status_code == 404
    # A deactivated account is reactivated first.
    officer = people[("A", Role.OFFICER)]
    post_form(client, f"/admin/users/{officer.id}/deactivate", {}, status=302)
    assert "Reset password" not in get_page(client, f"/admin/users/{officer.id}").text()
    assert audit_count("user.password_reset") == 0
    # The national administrator resets a learning-team account's.
    national = app.test_client()
    sign_in(national, people[("A", Role.NATIONAL_ADMIN)].email)
    url = f"/national/learning-team/{learner.id}/reset-password"
    assert get_page(national, f"/national/learning-team/{learner.id}").html.select_one(f"a[href='{url}']")
    post_form(national, url, {"password": TEMPORARY}, status=302)
    db.session.expire_all()
    assert db.session.get(User, learner.id).password_change_due
    assert audit_count("user.password_reset") == 1


def test_the_users_page_says_when_signing_in_is_blocked_and_a_change_is_due(app, client, people):
    """A walk found "Status: Active" for an account locked out by the throttle and for one whose password was reset:
    the administrator had to guess that a reset was what was needed."""
    officer = people[("A", Role.OFFICER)]
    sign_in(client, "admin@aaa.example")
    text = get_page(client, f"/admin/users/{officer.id}").text()
    assert "None in the last 15 minutes" in text and "blocked" not in text
    _lock_out(app, app.test_client(), officer.email)
    text = get_page(client, f"/admin/users/{officer.id}").text()
    assert "signing in is blocked for now: resetting the password lifts the block" in text
    post_form(client, f"/admin/users/{officer.id}/reset-password", {"password": TEMPORARY}, status=302)
    text = get_page(client, f"/admin/users/{officer.id}").text()
    assert "must change their password when they next sign in" in text and "None in the last 15 minutes" in text
