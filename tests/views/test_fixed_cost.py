"""What every signed-in page pays, paid once where it safely can be: a session cookie verified once per worker (its
age still checked on every request, a changed cookie still refused), a session's signed CSRF token reused for a minute
(still valid, never given to another session), the navigation built once per role set (the active entry per page), and
the signed-in person read as one plain row per request (no ORM User, Force or UserRole objects), still checked on
every request."""
from __future__ import annotations

import itsdangerous
from flask_login import current_user
from sqlalchemy import event

from debrief.auth.principal import SignedIn, acting_user
from debrief.auth.roles import Permission, Role
from debrief.extensions import db
from debrief.models import Force, User, UserRole
from tests.support.pages import get_page, sign_in
from tests.views.test_sessions import Clock, clock  # noqa: F401  (the fixture)


def _count_verifications(monkeypatch) -> list[int]:
    calls = [0]
    real = itsdangerous.URLSafeTimedSerializer.loads

    def loads(self, *args, **kwargs):
        calls[0] += 1
        return real(self, *args, **kwargs)

    monkeypatch.setattr(itsdangerous.URLSafeTimedSerializer, "loads", loads)
    return calls


def test_a_cookie_is_verified_once_and_its_age_still_ends_it(app, client, people, clock, monkeypatch):
    sign_in(client, "officer@aaa.example")
    get_page(client, "/officer")
    calls = _count_verifications(monkeypatch)
    for seconds in (1, 2, 3):
        clock.now += seconds
        get_page(client, "/officer")
    assert calls[0] <= 1  # at most the first request with the current cookie verifies it
    clock.now += app.permanent_session_lifetime.total_seconds() + 1
    response = client.get("/officer")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_a_changed_cookie_is_refused_after_the_real_one_was_verified(app, client, people):
    sign_in(client, "officer@aaa.example")
    get_page(client, "/officer")
    cookie = client.get_cookie("debrief_session").value
    body, signature = cookie.rsplit(".", 1)
    forged = f"{body}.{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"
    other = app.test_client()
    other.set_cookie("debrief_session", forged)
    response = other.get("/officer")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_a_sessions_csrf_token_is_reused_for_a_minute_and_stays_valid(app, client, people, clock):
    sign_in(client, "officer@aaa.example")
    first = get_page(client, "/officer").csrf_token()
    clock.now += 30
    assert get_page(client, "/officer").csrf_token() == first
    clock.now += 31
    fresh = get_page(client, "/officer").csrf_token()
    assert fresh and fresh != first
    # Another session never gets this session's token.
    other = app.test_client()
    sign_in(other, "officer@bbb.example")
    assert get_page(other, "/officer").csrf_token() not in (first, fresh)
    # The reused token is a valid one: signing out with it works and ends the session.
    response = client.post("/sign-out", data={"csrf_token": first})
    assert response.status_code == 302
    assert client.get("/officer").status_code == 302


def test_navigation_is_the_roles_own_with_the_current_page_marked(app, client, people):
    sign_in(client, "reviewer@aaa.example")
    nav = get_page(client, "/review/").html.select(".govuk-service-navigation__item")
    active = [item.get_text(strip=True) for item in nav if "govuk-service-navigation__item--active" in item["class"]]
    assert active == ["Reviews"]
    nav = get_page(client, "/rca/").html.select(".govuk-service-navigation__item--active")
    assert [item.get_text(strip=True) for item in nav] == ["Root-cause analyses"]
    officer = app.test_client()
    sign_in(officer, "officer@aaa.example")
    links = get_page(officer, "/officer").html.select(".govuk-service-navigation__link")
    assert [a.get_text(strip=True) for a in links] == ["My debriefs"]


def test_the_signed_in_user_is_read_as_one_plain_row_not_as_model_objects(app, client, people):
    sign_in(client, "reviewer@aaa.example")
    get_page(client, "/no-role")
    loaded: list[str] = []

    def on_load(target, _context):
        loaded.append(type(target).__name__)

    for model in (User, Force, UserRole):
        event.listen(model, "load", on_load)
    try:
        get_page(client, "/no-role")
    finally:
        for model in (User, Force, UserRole):
            event.remove(model, "load", on_load)
    assert loaded == []


def test_the_signed_in_person_is_who_and_what_their_user_is(app, client, people):
    reviewer = people[("A", Role.REVIEWER)]
    sign_in(client, "reviewer@aaa.example")
    with client:  # the request's context is kept after it, to look at its current_user
        get_page(client, "/no-role")
        me = current_user._get_current_object()
        assert isinstance(me, SignedIn)
        assert (me.id, me.name, me.email, me.force_id) == (reviewer.id, reviewer.name, reviewer.email,
                                                           reviewer.force_id)
        assert (me.force.id, me.force.code, me.force.name) == (reviewer.force_id, "AAA", "Alphashire Police")
        assert me.roles == frozenset({Role.REVIEWER}) and me.has_role(Role.REVIEWER)
        assert me.can(Permission.REVIEW_INCIDENTS) and not me.can(Permission.MANAGE_USERS)
        assert me.is_authenticated and me.is_active and me.active and not me.is_anonymous
        assert me.get_id() == str(reviewer.id)
        assert me == reviewer and hash(me) == hash(reviewer.id)  # equal to their User, as UserMixin compares
        user = acting_user()  # a view whose service links them to a new record takes the model object
        assert isinstance(user, User) and user.id == reviewer.id


def test_a_user_with_no_role_is_signed_in_with_none(app, client, people):
    officer = people[("A", Role.OFFICER)]
    sign_in(client, "officer@aaa.example")
    officer.set_roles([])  # directly, not through the service (which would end their sessions)
    db.session.commit()
    with client:
        page = get_page(client, "/officer", status=403)  # still signed in, without the permission
        assert current_user.roles == frozenset() and current_user.is_authenticated
    assert page.html.select_one(".debrief-account__name").get_text() == f"{officer.name}, Alphashire Police"
    # The page for someone with no role yet is theirs (it answered 403), and they can sign out.
    assert client.get("/").headers["Location"].endswith("/no-role")
    get_page(client, "/no-role")
    token = get_page(client, "/no-role").csrf_token()
    assert client.post("/sign-out", data={"csrf_token": token}).status_code == 302
    assert client.get("/officer").status_code == 302  # signed out: to the sign-in page


def test_a_pooled_connection_is_pinged_before_use_only_where_a_server_can_drop_it(app):
    # SQLite's connections are in the worker's own process: a ping (a cursor and SELECT 1) every request bought nothing.
    assert db.engine.pool._pre_ping is (db.engine.dialect.name != "sqlite")


def test_a_page_imports_no_govuk_macro_templates_once_they_are_loaded(app, client, people, monkeypatch):
    sign_in(client, "reviewer@aaa.example")
    get_page(client, "/review/")  # calls the layout's macros: each is imported once, at its first call
    asked: list[str] = []
    real = app.jinja_env.get_template

    def get_template(name, *args, **kwargs):
        asked.append(str(name))
        return real(name, *args, **kwargs)

    monkeypatch.setattr(app.jinja_env, "get_template", get_template)
    page = get_page(client, "/review/")
    assert not [name for name in asked if name.startswith("govuk_frontend_jinja/components/")]
    assert page.html.select(".govuk-table") or page.html.select(".govuk-tag")  # the global macros still draw
