"""Sign-in, sign-out, throttling, CSRF, cookies and headers."""
from __future__ import annotations

from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import AuditEvent
from debrief.security import public
from tests.support.pages import Page, get_page, post_form, sign_in


def test_each_role_lands_on_its_own_home(client, people):
    expected = {Role.OFFICER: "/officer", Role.REVIEWER: "/review/", Role.LEARNING: "/learning/case-studies",
                Role.ADMIN: "/admin/users"}
    for role, home in expected.items():
        c = client.application.test_client()
        page = sign_in(c, f"{role.value}@aaa.example")
        assert page.response.headers["Location"] == home


def test_failed_sign_in_is_generic_and_keeps_the_email(client, people):
    wrong_password = post_form(client, "/sign-in", {"email": "officer@aaa.example", "password": "nope"}, status=200)
    no_account = post_form(client, "/sign-in", {"email": "nobody@aaa.example", "password": "nope"}, status=200)
    for page in (wrong_password, no_account):
        assert page.error_summary() == ["Enter a correct email address and password"]
        assert page.title.startswith("Error: ")
    assert wrong_password.html.find("input", attrs={"name": "email"})["value"] == "officer@aaa.example"
    # The password is never sent back.
    assert not wrong_password.html.find("input", attrs={"name": "password"}).get("value")
    failures = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "auth.sign_in_failed")).all()
    assert len(failures) == 2


def test_empty_sign_in_form_says_what_to_enter(client):
    page = post_form(client, "/sign-in", {"email": "", "password": ""}, status=200)
    assert page.error_summary() == ["Enter your email address", "Enter your password"]
    assert [a["href"] for a in page.html.select(".govuk-error-summary a")] == ["#email", "#password"]


def test_sign_in_without_csrf_token_is_refused(client, people):
    response = client.post("/sign-in", data={"email": "officer@aaa.example", "password": "correct-horse-battery"})
    assert response.status_code == 400
    assert "session had expired" in Page(response).text()
    assert get_page(client, "/officer", status=302)


def test_deactivated_user_cannot_sign_in_and_is_told_so_only_with_the_right_password(client, people):
    user = people[("A", Role.OFFICER)]
    user.active = False
    db.session.commit()
    page = post_form(client, "/sign-in", {"email": user.email, "password": "correct-horse-battery"}, status=200)
    assert page.error_summary() == [
        "Your account has been deactivated. Ask your force administrator if you need to sign in again"]
    assert get_page(client, "/officer", status=302)  # not signed in
    # Without the password nothing says the account exists, let alone that it is deactivated.
    wrong = post_form(client, "/sign-in", {"email": user.email, "password": "not-the-password"}, status=200)
    assert wrong.error_summary() == ["Enter a correct email address and password"]


def test_sign_in_is_throttled_per_account(app, client, people):
    for _ in range(app.config["SIGNIN_MAX_FAILURES_PER_ACCOUNT"]):
        post_form(client, "/sign-in", {"email": "officer@aaa.example", "password": "wrong"}, status=200)
    # Even the right password is refused while the account is throttled.
    page = post_form(client, "/sign-in", {"email": "officer@aaa.example", "password": "correct-horse-battery"},
                     status=429)
    assert "too many attempts" in page.error_summary()[0]
    # Another account from another address is unaffected.
    other = app.test_client()
    assert post_form(other, "/sign-in", {"email": "reviewer@aaa.example", "password": "correct-horse-battery"},
                     status=302)


def test_sign_in_is_throttled_per_address(app, client, people):
    app.config["SIGNIN_MAX_FAILURES_PER_ADDRESS"] = 3
    for n in range(3):
        post_form(client, "/sign-in", {"email": f"guess{n}@aaa.example", "password": "wrong"}, status=200)
    post_form(client, "/sign-in", {"email": "admin@aaa.example", "password": "correct-horse-battery"}, status=429)


def test_next_only_goes_to_local_paths(client, people):
    token = get_page(client, "/sign-in").csrf_token()
    response = client.post("/sign-in?next=https://evil.example/", data={
        "email": "admin@aaa.example", "password": "correct-horse-battery", "csrf_token": token})
    assert response.headers["Location"] == "/admin/users"
    client2 = client.application.test_client()
    token = get_page(client2, "/sign-in").csrf_token()
    response = client2.post("/sign-in?next=/admin/audit", data={
        "email": "admin@aaa.example", "password": "correct-horse-battery", "csrf_token": token})
    assert response.headers["Location"] == "/admin/audit"


def test_sign_out_ends_the_session(client, people):
    sign_in(client, "officer@aaa.example")
    post_form(client, "/sign-out", {}, form_page="/officer", status=302)
    get_page(client, "/officer", status=302)
    actions = db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions[-2:] == ["auth.signed_in", "auth.signed_out"]


def test_sign_out_by_get_is_not_allowed(client, people):
    sign_in(client, "officer@aaa.example")
    assert client.get("/sign-out").status_code == 405
    get_page(client, "/officer")


def test_security_headers_on_every_response(client, people):
    for response in (client.get("/sign-in"), client.get("/nope"), client.get("/assets/css/app.css")):
        csp = response.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert "script-src 'self' 'nonce-" in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"]


def test_inline_script_carries_the_nonce(client):
    response = client.get("/sign-in")
    nonce = response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    scripts = Page(response).html.find_all("script")
    inline = [s for s in scripts if not s.get("src")]
    assert inline and all(s.get("nonce") == nonce for s in inline)


def test_session_cookie_flags(client, people):
    sign_in(client, "officer@aaa.example")
    cookie = client.get_cookie("debrief_session")
    assert cookie is not None and cookie.http_only and cookie.same_site == "Lax"
    assert not cookie.secure  # plain HTTP on localhost in tests


def test_session_cookie_is_secure_off_localhost(app, people):
    c = app.test_client()
    token = Page(c.get("/sign-in", base_url="https://debrief.example.police.uk")).csrf_token()
    response = c.post("/sign-in", base_url="https://debrief.example.police.uk",
                      headers={"Referer": "https://debrief.example.police.uk/sign-in"},
                      data={"email": "officer@aaa.example", "password": "correct-horse-battery", "csrf_token": token})
    assert response.status_code == 302
    set_cookie = [v for k, v in response.headers.items() if k == "Set-Cookie" and "debrief_session" in v][0]
    assert "Secure" in set_cookie and "HttpOnly" in set_cookie


def test_error_pages_are_govuk_style_without_traces(app, client, people):
    def boom():
        raise RuntimeError("secret stack detail")

    app.add_url_rule("/boom", "boom", public(boom))
    app.config["PROPAGATE_EXCEPTIONS"] = False
    page = get_page(client, "/no-such-page", status=404)
    assert page.h1 == "Page not found"
    response = client.get("/boom")
    assert response.status_code == 500
    assert b"secret stack detail" not in response.data and b"Traceback" not in response.data
    assert Page(response).h1 == "Sorry, there is a problem with the service"
