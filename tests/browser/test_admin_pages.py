"""The force and national administrators' pages on a phone (390 px, checked by the `page` fixture on every page
visited) and a laptop: nothing scrolls sideways, no word in the users table breaks mid-word ("Office r"), each user
is one labelled block on the phone, and deactivating goes through its "Are you sure" page. axe-core on each."""
from __future__ import annotations

import pytest

from debrief.auth.roles import Role
from tests.browser.conftest import check_accessibility, follow, screenshot, sign_in
from tests.browser.test_review_queue_layout import _BROKEN_WORDS
from tests.support.factories import PASSWORD, create_user

pytestmark = pytest.mark.browser

# Every cell but an email address's: an address is one long "word" that may break anywhere rather than widen the page.
_BROKEN_WORDS_BUT_ADDRESSES = _BROKEN_WORDS.replace("'table td, table th'",
                                                    "'table td:not(.debrief-users-table__email), table th'")
assert _BROKEN_WORDS_BUT_ADDRESSES != _BROKEN_WORDS


@pytest.fixture
def long_names(people, forces):
    create_user(force=forces["A"], roles=[Role.OFFICER, Role.REVIEWER, Role.ADMIN],
                name="Alexandra Featherstonehaugh-Worthington",
                email="alexandra.featherstonehaugh-worthington@professional-standards.aaa.example")
    return people


def test_the_users_list_fits_a_phone_and_breaks_no_word(page, long_names):
    sign_in(page, "admin@aaa.example", PASSWORD)
    page.wait_for_url("**/admin/users")
    for width in (1280, 800, 390):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate(_BROKEN_WORDS_BUT_ADDRESSES) == [], width
        assert page.evaluate("document.documentElement.scrollWidth") <= width, width
    # On the phone, each row is a block whose cells say what they are.
    labels = page.locator("tbody tr").first.locator("td").evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content)")
    assert labels == ['"Name: "', '"Email address: "', '"Roles: "', '"Status: "']
    screenshot(page, "admin-users-phone")
    page.set_viewport_size({"width": 1100, "height": 900})
    check_accessibility(page)


def test_deactivating_goes_through_are_you_sure_and_can_be_undone(page, long_names):
    sign_in(page, "admin@aaa.example", PASSWORD)
    follow(page.get_by_role("link", name="Alexandra Featherstonehaugh-Worthington"))
    follow(page.get_by_role("button", name="Deactivate user"))
    assert page.locator("h1").inner_text().startswith("Are you sure you want to deactivate")
    check_accessibility(page)
    follow(page.get_by_role("button", name="Yes, deactivate this user"))
    assert "has been deactivated" in page.locator(".govuk-notification-banner").inner_text()
    assert "This account was deactivated by" in page.locator("main").inner_text()
    check_accessibility(page)
    follow(page.get_by_role("button", name="Reactivate user"))
    follow(page.get_by_role("button", name="Yes, reactivate this user"))
    assert "has been reactivated" in page.locator(".govuk-notification-banner").inner_text()


def test_the_national_admins_pages_fit_a_phone(page, people):
    sign_in(page, "national_admin@aaa.example", PASSWORD)
    page.wait_for_url("**/national/learning-team")
    check_accessibility(page)
    follow(page.get_by_role("link", name=people[("B", Role.LEARNING)].name))
    assert people[("B", Role.LEARNING)].email in page.locator("main").inner_text()
    check_accessibility(page)
    follow(page.get_by_role("button", name="Deactivate user"))
    check_accessibility(page)
    page.goto("/national/learning-team/new")
    check_accessibility(page)


def test_a_name_of_one_long_word_wraps_in_headings_and_summaries_at_any_width(page, people, forces):
    """A 120-character name with no spaces (the form allows it) widened the account, roles and "Are you sure" pages
    at 390 px and at 1,280 px: headings, captions, banners and summary lists wrap a word too long for the line."""
    long = create_user(force=forces["A"], name="L" + "ongname" * 17, email="longname@aaa.example")
    assert len(long.name) == 120
    sign_in(page, "admin@aaa.example", PASSWORD)
    for path in (f"/admin/users/{long.id}", f"/admin/users/{long.id}/roles", f"/admin/users/{long.id}/deactivate"):
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(path)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (path, width)
    follow(page.get_by_role("button", name="Yes, deactivate this user"))  # the banner and warning name them too
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.documentElement.scrollWidth") <= width, width
    # The signed-in person's own name in the header, as long.
    signed_in = create_user(force=forces["A"], name="S" + "ignedin" * 17, email="signedin@aaa.example")
    page.context.clear_cookies()
    sign_in(page, signed_in.email, PASSWORD)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280


def test_the_audit_log_filters_by_person_with_the_keyboard_and_fits_a_phone(page, long_names):
    """From a user's page to their events; the filters are a GOV.UK form usable by keyboard; a bad date gets an error
    summary; axe-core passes on both."""
    sign_in(page, "admin@aaa.example", PASSWORD)
    follow(page.get_by_role("link", name="Alexandra Featherstonehaugh-Worthington"))
    follow(page.get_by_role("link", name="See their events in the audit log"))
    assert "match these filters" in page.locator("caption").inner_text()
    assert page.locator("#person").input_value() != ""
    check_accessibility(page)
    page.locator("#category").select_option(label="User accounts")
    page.locator("#since").get_by_label("Day").fill("31")
    page.locator("#since").get_by_label("Month").fill("2")
    page.locator("#since").get_by_label("Year").fill("2026")
    page.locator("#since").get_by_label("Year").press("Enter")
    page.wait_for_load_state()
    assert "The 'from' date must be a real date" in page.locator(".govuk-error-summary").inner_text()
    assert page.locator("#category").input_value() == "accounts"
    assert page.get_by_role("group", name="From").is_visible() and page.get_by_role("group", name="To").is_visible()
    check_accessibility(page)
    page.set_viewport_size({"width": 390, "height": 900})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "audit-filters-phone")
