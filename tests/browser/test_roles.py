"""Each demo role signs in through the real form (CSRF on), lands on its own home, and the page passes axe-core."""
from __future__ import annotations

import pytest

from debrief.auth.roles import Role
from debrief.demo import DEMO_PASSWORD, demo_email
from tests.browser.conftest import check_accessibility, follow, screenshot, sign_in

pytestmark = pytest.mark.browser

HOMES = [
    ("officer", "/officer", "My debriefs"),
    ("reviewer", "/review/", "Incidents to review"),
    ("learning", "/learning/case-studies", "Case studies"),
    ("admin", "/admin/users", "Users"),
    ("wellbeing", "/wellbeing/", "Wellbeing support requests"),
    ("national_admin", "/national/learning-team", "Learning team"),
]


NAV = {"officer": "My debriefs", "reviewer": "Reviews", "learning": "Case studies", "admin": "Users",
       "wellbeing": "Support requests", "national_admin": "Learning team"}


# Menu items whose page heading must match the menu's words, per role.
MENU_PAGES = {"learning": [("Force responses", "Force responses")],
              "reviewer": [("Released findings", "Released findings"), ("Force responses", "Force responses")]}


@pytest.fixture
def demo(demo_data):
    return demo_data


def test_sign_in_page_is_accessible(page, demo):
    page.goto("/sign-in")
    assert page.title() == "Sign in – Debrief"
    check_accessibility(page)
    follow(page.get_by_role("button", name="Sign in"))
    page.locator(".govuk-error-summary").wait_for(state="visible")  # waits for the new page, not the old one
    assert page.title().startswith("Error: ")
    # GOV.UK Frontend's JavaScript moves focus to the error summary.
    page.wait_for_function("document.activeElement.classList.contains('govuk-error-summary')", timeout=5000)
    check_accessibility(page)
    screenshot(page, "sign-in-error")


@pytest.mark.parametrize("role,path,heading", HOMES)
def test_each_role_lands_on_its_home(page, demo, role, path, heading):
    sign_in(page, demo_email("NSP", Role(role)), DEMO_PASSWORD)
    page.wait_for_url(f"**{path}")
    assert page.locator("h1").inner_text() == heading
    nav = page.get_by_role("navigation", name="Main")
    assert nav.get_by_role("link", name=NAV[role]).is_visible()
    assert page.get_by_role("button", name="Sign out").is_visible()
    # A national account belongs to no force, though its record is kept with Northshire Police.
    assert {"learning": "National learning team", "national_admin": "National administration"}.get(
        role, "Northshire Police") in page.locator("header").inner_text()
    check_accessibility(page)
    screenshot(page, f"home-{role}")
    assert page.console_errors == []
    # At 1,280 px the menu is one line: every item at the same height (who is signed in sits in the header).
    page.set_viewport_size({"width": 1280, "height": 900})
    tops = nav.locator("li").evaluate_all("items => items.map(li => Math.round(li.getBoundingClientRect().top))")
    assert tops and len(set(tops)) == 1, tops
    assert "Sign out" not in nav.inner_text()
    # Each menu item's page is called what the menu calls it.
    for text, title in MENU_PAGES.get(role, ()):
        follow(nav.get_by_role("link", name=text))
        assert page.locator("h1").inner_text() == title
    follow(page.get_by_role("button", name="Sign out"))
    page.wait_for_url("**/sign-in")
    assert "You have signed out" in page.content()


def test_admin_adds_a_user_with_keyboard_only(page, demo):
    sign_in(page, demo_email("NSP", Role.ADMIN), DEMO_PASSWORD)
    page.wait_for_url("**/admin/users")
    follow(page.get_by_role("button", name="Add a user"))
    page.get_by_label("Full name").fill("Jo Bloggs")
    page.get_by_label("Email address").fill("jo.bloggs@nsp.example.police.uk")
    page.get_by_label("Officer or staff").check()
    page.get_by_role("textbox", name="Temporary password").fill("short")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # submitting from the keyboard
    assert page.title().startswith("Error: ")
    assert "Password must be 12 characters or more, not counting spaces" in page.locator(".govuk-error-summary").inner_text()
    assert page.get_by_label("Full name").input_value() == "Jo Bloggs"
    check_accessibility(page)
    screenshot(page, "add-user-error")
    page.get_by_role("textbox", name="Temporary password").fill("a-long-enough-password")
    follow(page.get_by_role("button", name="Add user"))
    page.wait_for_url("**/admin/users")
    assert "Jo Bloggs has been added" in page.content()
    check_accessibility(page)
