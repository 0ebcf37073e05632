"""Sessions end everywhere on sign-out and deactivation (an old cookie replayed is refused), and role changes apply
at the next request without ending them;
throttling cannot lock everyone out of an account; the real client address behind trusted proxies; HSTS."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from debrief import create_app
from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import AuditEvent, SignInAttempt, User, utcnow
from tests.support.apps import IsolatedClient
from tests.support.factories import submitted_debrief
from tests.support.pages import Page, get_page, post_form, sign_in

PASSWORD = "correct-horse-battery"


def stolen_cookie(app, email: str) -> str:
    """Sign in on one client and hand back its session cookie, as a copy kept elsewhere would be."""
    elsewhere = app.test_client()
    sign_in(elsewhere, email)
    get_page(elsewhere, "/officer" if "officer" in email else "/admin/users")
    return elsewhere.get_cookie("debrief_session").value


def replay(app, cookie: str, url: str):
    client = app.test_client()
    client.set_cookie("debrief_session", cookie)
    return client.get(url)


def test_signing_out_ends_every_session_of_the_user(app, client, people):
    other_device = stolen_cookie(app, "officer@aaa.example")
    assert replay(app, other_device, "/officer").status_code == 200
    sign_in(client, "officer@aaa.example")
    kept = client.get_cookie("debrief_session").value
    post_form(client, "/sign-out", {}, form_page="/officer", status=302)
    for cookie in (kept, other_device):  # the cookie just signed out, and the one on another device
        response = replay(app, cookie, "/officer")
        assert response.status_code == 302 and "/sign-in" in response.headers["Location"]
    # Signing in again works, with a fresh session.
    sign_in(client, "officer@aaa.example")
    get_page(client, "/officer")


def test_deactivating_a_user_ends_their_sessions(app, client, people):
    cookie = stolen_cookie(app, "officer@aaa.example")
    officer = people[("A", Role.OFFICER)]
    sign_in(client, "admin@aaa.example")
    post_form(client, f"/admin/users/{officer.id}/deactivate", {}, status=302)
    assert replay(app, cookie, "/officer").status_code == 302
    # Even if the account were switched back on directly, the old cookie stays dead.
    db.session.execute(update(User).where(User.id == officer.id).values(active=True))
    db.session.commit()
    assert replay(app, cookie, "/officer").status_code == 302


def test_taking_a_role_away_is_refused_at_their_next_request_and_is_audited(app, client, people):
    # Their session goes on (a form they were typing elsewhere is not lost to the sign-in page), but the role's
    # pages refuse them at once: roles are read on every request.
    reviewer = people[("A", Role.REVIEWER)]
    elsewhere = app.test_client()
    sign_in(elsewhere, reviewer.email)
    get_page(elsewhere, "/review/")
    sign_in(client, "admin@aaa.example")
    page = get_page(client, f"/admin/users/{reviewer.id}/roles")
    assert page.h1 == "Change roles"
    post_form(client, f"/admin/users/{reviewer.id}/roles", {"roles": ["officer"]}, status=302)
    db.session.expire_all()
    assert db.session.get(User, reviewer.id).roles == {Role.OFFICER}
    assert elsewhere.get("/review/").status_code == 403
    assert elsewhere.get("/officer").status_code == 200
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user.roles_changed"))
    assert "reviewer" in event.details["before"] and event.details["roles"] == ["officer"]
    # The admin's own session is untouched.
    get_page(client, "/admin/users")


def test_adding_a_role_keeps_the_users_session_and_the_form_they_are_filling_in(app, client, people):
    # An officer half way through a debrief was sent to the sign-in page, losing what they had typed, because an
    # administrator gave them a second role. Roles are read on every request: the new one works at once.
    officer = people[("A", Role.OFFICER)]
    signed_in = app.test_client()
    sign_in(signed_in, officer.email)
    get_page(signed_in, "/officer")
    sign_in(client, "admin@aaa.example")
    post_form(client, f"/admin/users/{officer.id}/roles", {"roles": ["officer", "reviewer"]}, status=302)
    db.session.expire_all()
    assert db.session.get(User, officer.id).roles == {Role.OFFICER, Role.REVIEWER}
    assert signed_in.get("/officer").status_code == 200
    assert signed_in.get("/review/").status_code == 200  # the added role, without signing in again


def test_changing_roles_to_none_keeps_the_form_with_an_error(client, people):
    officer = people[("A", Role.OFFICER)]
    sign_in(client, "admin@aaa.example")
    page = post_form(client, f"/admin/users/{officer.id}/roles", {"roles": []}, status=200)
    assert page.error_summary() == ["Select at least one role"]
    assert db.session.get(User, officer.id).roles == {Role.OFFICER}


def attempt(app, address: str, email: str, password: str):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return post_form(client, "/sign-in", {"email": email, "password": password}, status=None)


def age_attempts(seconds: int) -> None:
    """Move every attempt back in time, as if `seconds` had passed."""
    for row in db.session.scalars(select(SignInAttempt)):
        row.at = row.at - timedelta(seconds=seconds)
    db.session.commit()


def test_a_failure_streak_from_one_address_only_briefly_locks_the_account_for_others(app, people):
    limit = app.config["SIGNIN_MAX_FAILURES_PER_ACCOUNT"]
    for _ in range(limit):
        attempt(app, "203.0.113.9", "officer@aaa.example", "wrong")
    # Right after the streak, another address meets a short lock, told how long to wait.
    locked = attempt(app, "198.51.100.7", "officer@aaa.example", PASSWORD)
    assert locked.status == 429 and "Wait 30 seconds" in locked.error_summary()[0]
    # The guessing address keeps hammering: refused without a password check, so the lock is not extended.
    for _ in range(10):
        assert attempt(app, "203.0.113.9", "officer@aaa.example", PASSWORD).status == 429
    age_attempts(31)
    assert attempt(app, "198.51.100.7", "officer@aaa.example", PASSWORD).status == 302
    # The guessing address itself stays locked out of the account for the window.
    assert attempt(app, "203.0.113.9", "officer@aaa.example", PASSWORD).status == 429


def test_the_account_lock_grows_with_failures_but_is_bounded(app, people):
    limit, cap = app.config["SIGNIN_MAX_FAILURES_PER_ACCOUNT"], app.config["SIGNIN_MAX_ACCOUNT_LOCK_SECONDS"]
    for n in range(limit - 1):  # a distributed guess: many addresses, each failing once
        attempt(app, f"192.0.2.{n}", "officer@aaa.example", "wrong")
    waits = []
    for n in range(limit, limit + 5):  # one more failure each time the lock runs out
        assert attempt(app, f"192.0.2.{n}", "officer@aaa.example", "wrong").status == 200
        probe = attempt(app, "198.51.100.7", "officer@aaa.example", PASSWORD)
        assert probe.status == 429
        waits.append(int(probe.error_summary()[0].split("Wait ")[1].split(" ")[0]))
        age_attempts(waits[-1] + 1)
    assert [round(w, -1) for w in waits] == [30, 60, 120, 240, cap]
    # The lock is over: the right password from the probing address signs in (its probes counted nothing).
    assert attempt(app, "198.51.100.7", "officer@aaa.example", PASSWORD).status == 302


def test_behind_trusted_proxies_the_limit_is_per_real_client(databases):
    url = databases.new_url()
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True, "TRUSTED_PROXIES": 1,
                      "SIGNIN_MAX_FAILURES_PER_ADDRESS": 3})
    app.test_client_class = IsolatedClient
    with app.app_context():
        from tests.support.factories import create_force, create_user

        force = create_force(code="AAA", name="Alphashire Police")
        create_user(force=force, roles=[Role.OFFICER], email="officer@aaa.example", name="Officer")

        def via_proxy(client_address: str, email: str, password: str):
            client = app.test_client()
            client.environ_base.update(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=client_address)
            return post_form(client, "/sign-in", {"email": email, "password": password}, status=None)

        for n in range(3):
            via_proxy("203.0.113.9", f"guess{n}@aaa.example", "wrong")
        assert via_proxy("203.0.113.9", "officer@aaa.example", PASSWORD).status == 429
        # Everyone else comes through the same proxy but is another client: not locked out.
        assert via_proxy("198.51.100.7", "officer@aaa.example", PASSWORD).status == 302
        addresses = set(db.session.scalars(select(SignInAttempt.address)))
        assert addresses == {"203.0.113.9", "198.51.100.7"}
        db.session.remove()
        db.engine.dispose()


def test_without_trusted_proxies_forwarded_headers_are_ignored(app, people):
    client = app.test_client()
    client.environ_base.update(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    post_form(client, "/sign-in", {"email": "officer@aaa.example", "password": "wrong"}, status=200)
    assert db.session.scalar(select(SignInAttempt.address)) == "10.0.0.1"


@pytest.mark.parametrize(("base_url", "hsts"), [
    ("http://localhost", False), ("http://127.0.0.1:5000", False), ("https://debrief.example.police.uk", True),
])
def test_hsts_only_off_localhost(client, base_url, hsts):
    response = client.get("/sign-in", base_url=base_url)
    assert ("Strict-Transport-Security" in response.headers) is hsts
    if hsts:
        assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


class Clock:
    """The time the session cookie's signature and its refresh read, moved by hand."""

    def __init__(self, start: float) -> None:
        self.now = start

    def time(self) -> float:
        return self.now


@pytest.fixture()
def clock(monkeypatch):
    import time

    import itsdangerous.timed

    import debrief.security

    fake = Clock(time.time())
    monkeypatch.setattr(itsdangerous.timed, "time", fake)
    monkeypatch.setattr(debrief.security, "time", fake)
    return fake


def _sets_cookie(response) -> bool:
    return any(h.startswith("debrief_session=") for h in response.headers.getlist("Set-Cookie"))


def test_the_session_cookie_is_signed_again_at_most_once_a_minute(client, people, clock):
    sign_in(client, "officer@aaa.example")
    client.get("/officer")  # the first page after signing in changes the session (a new CSRF token): set
    signed = client.get_cookie("debrief_session").value
    start = clock.now
    for seconds in (1, 30, 59):  # within the minute: the page is served, the cookie left as it is
        clock.now = start + seconds
        response = client.get("/officer")
        assert response.status_code == 200 and not _sets_cookie(response)
    assert client.get_cookie("debrief_session").value == signed
    clock.now = start + 60  # a minute on: signed again, so its expiry slides
    response = client.get("/officer")
    assert response.status_code == 200 and _sets_cookie(response)
    assert client.get_cookie("debrief_session").value != signed
    clock.now = start + 61  # and not again within the next minute
    assert not _sets_cookie(client.get("/officer"))


def test_a_used_session_slides_and_an_unused_one_ends(app, client, people, clock):
    lifetime = app.permanent_session_lifetime.total_seconds()
    sign_in(client, "officer@aaa.example")
    start = clock.now
    clock.now = start + lifetime - 10  # still in its lifetime: served, and signed again
    assert _sets_cookie(client.get("/officer"))
    clock.now = start + lifetime + 600  # past the first lifetime, within the slid one
    assert client.get("/officer").status_code == 200
    refreshed = clock.now
    clock.now = refreshed + 30  # served without signing again
    response = client.get("/officer")
    assert response.status_code == 200 and not _sets_cookie(response)
    # Unused for a lifetime since it was last signed: ended (at most a minute before a lifetime after the last request).
    clock.now = refreshed + lifetime + 1
    response = client.get("/officer")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def _signed_out_banner(page) -> str:
    banner = page.html.select_one(".govuk-notification-banner")
    return banner.get_text(" ", strip=True) if banner is not None else ""


def test_the_sign_in_page_says_why_a_session_ended_elsewhere(app, client, people):
    """The next click in another tab landed on the sign-in page with no word of why (walk9 10)."""
    officer = people[("A", Role.OFFICER)]
    elsewhere = app.test_client()
    sign_in(elsewhere, officer.email)
    sign_in(client, officer.email)
    post_form(client, "/account/password", {"current_password": PASSWORD, "new_password": "a long new pass phrase",
                                            "confirm_password": "a long new pass phrase"}, status=302)
    landed = elsewhere.get("/officer", follow_redirects=True)
    assert landed.request.path == "/sign-in"
    assert "You were signed out because your password was changed" in _signed_out_banner(Page(landed))
    # Signing out elsewhere ends this session too, and says so.
    sign_in(elsewhere, officer.email, "a long new pass phrase")
    post_form(client, "/sign-out", {}, form_page="/officer", status=302)
    landed = Page(elsewhere.get("/officer", follow_redirects=True))
    assert "you signed out in another tab or on another device" in _signed_out_banner(landed)
    # Signing in again starts afresh: nothing more is said.
    sign_in(elsewhere, officer.email, "a long new pass phrase")
    post_form(elsewhere, "/sign-out", {}, form_page="/officer", status=302)
    assert "You were signed out because" not in get_page(elsewhere, "/sign-in").text()


def test_a_deactivated_persons_ended_session_is_told_no_more_than_that_their_access_changed(app, client, people):
    officer = people[("A", Role.OFFICER)]
    elsewhere = app.test_client()
    sign_in(elsewhere, officer.email)
    sign_in(client, "admin@aaa.example")
    post_form(client, f"/admin/users/{officer.id}/deactivate", {}, status=302)
    page = Page(elsewhere.get("/officer", follow_redirects=True))
    assert "You were signed out because your access changed" in _signed_out_banner(page)
    assert "deactivat" not in page.text().lower()
    # Someone who never signed in is told nothing.
    assert _signed_out_banner(get_page(app.test_client(), "/sign-in")) == ""


def test_a_form_sent_from_an_ended_session_is_shown_back_not_dropped(app, client, people):
    """A debrief step sent after the session ended elsewhere went to the sign-in page and its text was lost
    (walk9 15). Nothing is saved (no session), nothing is kept: the page says so and shows what was typed."""
    from debrief.models import Debrief
    officer = people[("A", Role.OFFICER)]
    sign_in(client, officer.email)
    started = post_form(client, "/debriefs/new", {"kind": "hot"}, status=302)
    debrief_id = int(started.response.headers["Location"].split("/")[2])
    url = f"/debriefs/{debrief_id}/what-happened"
    token = get_page(client, url).csrf_token()
    elsewhere = app.test_client()
    sign_in(elsewhere, officer.email)
    post_form(elsewhere, "/account/password", {"current_password": PASSWORD, "new_password": "a long new pass phrase",
                                               "confirm_password": "a long new pass phrase"}, status=302)
    typed = "I was sent to a man on a bridge.\nHe said <b>no</b> at first."
    sent = client.post(url, data={"narrative": typed, "continue": "1", "csrf_token": token})
    assert sent.status_code == 200
    page = Page(sent)
    assert "your password was changed. What you sent has not been saved" in _signed_out_banner(page)
    shown = [dd.get_text() for dd in page.html.select(".debrief-lost__text")]
    assert shown == [typed]  # as typed, escaped; no token or button values
    db.session.expire_all()
    assert not db.session.get(Debrief, debrief_id).narrative
    # Signing in from that page goes back to the form.
    form = page.html.select_one("main form")
    assert form["action"] == f"/sign-in?next={url}"
    back = client.post(form["action"], data={"email": officer.email, "password": "a long new pass phrase",
                                             "csrf_token": page.csrf_token()})
    assert back.status_code == 302 and back.headers["Location"] == url


def test_a_role_taken_away_meanwhile_is_said_on_the_refusal_and_what_was_typed_is_shown(app, client, people):
    """Roles apply from the next click without signing the person out: a form sent from a page of a role just taken
    away was refused with no word of why, and its text lost."""
    reviewer = people[("A", Role.REVIEWER)]
    incident = submitted_debrief(author=people[("A", Role.OFFICER)]).incident
    elsewhere = app.test_client()
    sign_in(elsewhere, reviewer.email)
    url = f"/rca/start/{incident.id}"
    token = get_page(elsewhere, url).csrf_token()
    refused_before = Page(elsewhere.get("/admin/users"))
    assert refused_before.status == 403 and _signed_out_banner(refused_before) == ""  # nothing changed yet
    sign_in(client, "admin@aaa.example")
    post_form(client, f"/admin/users/{reviewer.id}/roles", {"roles": ["officer"]}, status=302)
    sent = Page(elsewhere.post(url, data={"level": "concise", "terms_of_reference": "Why was the van late?",
                                          "csrf_token": token}))
    assert sent.status == 403
    assert ("Your access changed while you were signed in: your roles are now Officer or staff. What you sent has "
            "not been saved") in _signed_out_banner(sent)
    assert [dd.get_text() for dd in sent.html.select(".debrief-lost__text")] == ["concise", "Why was the van late?"]
    # Signed in again, the roles they hold are the ones they signed in with: nothing more is said.
    post_form(elsewhere, "/sign-out", {}, form_page="/officer", status=302)
    sign_in(elsewhere, reviewer.email)
    assert _signed_out_banner(Page(elsewhere.get(url))) == ""
