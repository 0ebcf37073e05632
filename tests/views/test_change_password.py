"""Everyone changes their own password; an account an administrator made (who chose its first password) must do so
before anything else. A newcomer's walk found no way to change a password, and an add-user form calling the
password "temporary" though nothing ever asked for it to be changed."""
from __future__ import annotations

from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.auth.service import create_user
from debrief.extensions import db
from debrief.models import AuditEvent, User
from tests.support.factories import PASSWORD
from tests.support.pages import get_page, post_form, sign_in

NEW = "a long new pass phrase"
URL = "/account/password"


def _made_by_admin(people) -> User:
    admin = people[("A", Role.ADMIN)]
    return create_user(email="new.starter@aaa.example", name="New Starter", force=admin.force, roles=[Role.OFFICER],
                       password="chosen by the admin", actor=admin)


def test_an_account_an_administrator_made_sets_its_own_password_before_anything_else(client, people):
    user = _made_by_admin(people)
    assert user.password_change_due
    landed = sign_in(client, "new.starter@aaa.example", "chosen by the admin")
    assert landed.status == 302
    for path in ("/", "/officer", "/admin/users"):  # the home, their role's page, a page of no role of theirs
        response = client.get(path, follow_redirects=True)
        assert response.request.path == URL, path
    page = get_page(client, URL)
    assert "Your administrator chose the password" in page.text()
    done = post_form(client, URL, {"current_password": "chosen by the admin", "new_password": NEW,
                                   "confirm_password": NEW}, follow=True)
    assert "Your password has been changed" in done.text()
    db.session.refresh(user)
    assert not user.password_change_due
    assert client.get("/").status_code in (200, 302) and not client.get("/").headers.get("Location", "").endswith(URL)


def test_refusals_say_what_is_wrong_and_change_nothing(client, people):
    officer = people[("A", Role.OFFICER)]
    sign_in(client, officer.email)
    before = officer.password_hash
    cases = [
        ({"current_password": "wrong one entirely", "new_password": NEW, "confirm_password": NEW},
         "Your current password is not right"),
        ({"current_password": PASSWORD, "new_password": "short", "confirm_password": "short"},
         "Password must be 12 characters or more, not counting spaces"),
        ({"current_password": PASSWORD, "new_password": NEW, "confirm_password": NEW + "x"},
         "The new passwords do not match"),
        ({"current_password": PASSWORD, "new_password": " " * 14, "confirm_password": " " * 14},
         "Enter a new password that is not only spaces"),
        ({"current_password": "", "new_password": NEW, "confirm_password": NEW}, "Enter your current password"),
    ]
    for data, message in cases:
        page = post_form(client, URL, data, status=200)
        assert message in page.error_summary(), (data, page.error_summary())
        assert all(not (i.get("value") or "") for i in page.html.select("input[type=password]"))  # never sent back
    db.session.refresh(officer)
    assert officer.password_hash == before


def test_a_change_ends_the_persons_other_sessions_and_is_audited(app, client, people):
    officer = people[("A", Role.OFFICER)]
    other = app.test_client()
    sign_in(other, officer.email)
    sign_in(client, officer.email)
    post_form(client, URL, {"current_password": PASSWORD, "new_password": NEW, "confirm_password": NEW},
              status=302)
    assert client.get(URL).status_code == 200  # this session goes on
    assert other.get(URL).status_code == 302  # the other one has ended
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "user.password_changed")).all()
    assert [(e.actor_id, e.record_id) for e in events] == [(officer.id, str(officer.id))]
    sign_in(app.test_client(), officer.email, NEW)


def test_the_header_links_to_it_and_the_form_is_csrf_protected(client, people):
    sign_in(client, people[("A", Role.REVIEWER)].email)
    page = get_page(client, "/review/")
    assert page.html.select_one(f"header a[href='{URL}']") is not None
    assert client.post(URL, data={"current_password": "x", "new_password": NEW, "confirm_password": NEW}).status_code \
        == 400


SPACEY = [  # (password, what is said): the same on changing one's own and on an administrator's temporary one
    ("a b c d e f g h i j k", "Password must be 12 characters or more, not counting spaces"),  # 21 long, 11 letters
    ("   ab12cd34ef   ", "Password must not start or end with a space"),
    ("a long new pass phrase ", "Password must not start or end with a space"),
    (" " * 14, "not only spaces"),
]


def test_spaces_do_not_count_towards_the_length_and_may_not_pad_a_new_password(client, people):
    officer = people[("A", Role.OFFICER)]
    sign_in(client, officer.email)
    page = get_page(client, URL)
    assert "not counting spaces" in page.text() and "do not start or end with one" in page.text()
    for password, message in SPACEY:
        page = post_form(client, URL, {"current_password": PASSWORD, "new_password": password,
                                       "confirm_password": password}, status=200)
        assert any(message in m for m in page.error_summary()), (password, page.error_summary())
    # Spaces between words are a passphrase, kept exactly as typed.
    post_form(client, URL, {"current_password": PASSWORD, "new_password": "one two three four",
                            "confirm_password": "one two three four"}, status=302)
    sign_in(client.application.test_client(), officer.email, "one two three four")


def test_a_temporary_password_follows_the_same_rule(client, people):
    sign_in(client, "admin@aaa.example")
    page = get_page(client, "/admin/users/new")
    assert "not counting spaces" in page.text()
    new_user = {"name": "Sam Carter", "email": "sam.carter@aaa.example", "roles": ["officer"]}
    for password, message in SPACEY:
        page = post_form(client, "/admin/users/new", {**new_user, "password": password}, status=200)
        assert any(message in m for m in page.error_summary()), (password, page.error_summary())
    assert db.session.scalar(select(User).where(User.email == "sam.carter@aaa.example")) is None


def test_while_a_change_is_due_the_header_offers_only_what_opens(client, people):
    """The walk found "My debriefs" in the header of an account whose password was due: a link that led back here."""
    _made_by_admin(people)
    sign_in(client, "new.starter@aaa.example", "chosen by the admin")
    page = get_page(client, URL)
    assert page.html.select(".govuk-service-navigation") == []
    assert [a["href"] for a in page.html.select("header a")] == ["/", URL]  # the service name, Change password
    assert page.html.select_one("header form[action='/sign-out'] button").get_text(strip=True) == "Sign out"
    post_form(client, URL, {"current_password": "chosen by the admin", "new_password": NEW, "confirm_password": NEW},
              status=302)
    assert get_page(client, "/officer").html.select_one(".govuk-service-navigation a[href='/officer']") is not None


def test_a_form_drawn_before_a_change_made_in_another_tab_says_so(client, people):
    """Two tabs of one browser: the second, drawn before the first changed the password, said "Your current password
    is not right" of the password the person had just replaced (walk9 14)."""
    officer = people[("A", Role.OFFICER)]
    sign_in(client, officer.email)
    stale = get_page(client, URL)
    drawn_at = stale.html.select_one("input[name=drawn_at]")["value"]
    post_form(client, URL, {"current_password": PASSWORD, "new_password": NEW, "confirm_password": NEW}, status=302)
    db.session.refresh(officer)
    changed = officer.password_hash
    page = post_form(client, URL, {"current_password": PASSWORD, "new_password": "another pass phrase",
                                   "confirm_password": "another pass phrase", "drawn_at": drawn_at}, status=200)
    [message] = page.error_summary()
    assert message.startswith("Your password was changed by Officer") and "while this page was open" in message
    assert "Nothing has been changed here" in message
    db.session.refresh(officer)
    assert officer.password_hash == changed
    # The page is drawn again from the account as it is now: the next try is judged on its own.
    page = post_form(client, URL, {"current_password": NEW, "new_password": "another pass phrase",
                                   "confirm_password": "another pass phrase",
                                   "drawn_at": page.html.select_one("input[name=drawn_at]")["value"]}, status=302)
