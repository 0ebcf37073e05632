"""The public magazine and the force responses pages in Chromium: axe-clean, keyboard usable, screenshots."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import utcnow
from tests.browser.conftest import check_accessibility, follow, screenshot, sign_in
from tests.support.factories import PASSWORD
from tests.support.publication_factories import create_case_study, create_force_response, create_issue


@pytest.fixture
def magazine(forces):
    issue = create_issue(number=4, theme="Mental health and restraint",
                         introduction="This issue brings together four cases where a person in crisis was restrained.",
                         articles=[{"title": "Right Care, Right Person", "contributor": "A mental health lead",
                                    "body": "What changed when health partners took the calls."}])
    specs = [
        ("A man in crisis on a bridge", ["mental_health"], ["partner_agencies", "powers_guidance"], ["response"]),
        ("Restraint in a hot stairwell", ["use_of_force", "mental_health"], ["education_training"], ["response"]),
        ("A missed rousing check", ["custody"], ["custody_environment", "team_supervision"], ["custody"]),
        ("A call graded too low", ["call_handling"], ["control_room", "communication"], ["control_room"]),
    ]
    studies = []
    for title, themes, categories, areas in specs:
        studies.append(create_case_study(
            force=forces["A"], issue=issue, title=title, themes=themes, factor_categories=categories,
            operational_areas=areas, recommendations=f"Recommendations for {title.lower()}: review restraint training.",
            questions={"policy_makers_managers": [f"How would your force have handled {title.lower()}?"],
                       "officers_staff": ["What would you have done differently?"]}))
    create_force_response(question=studies[0].questions[0], force=forces["B"],
                          response="We agreed a joint protocol with the ambulance service.", done_on=date(2025, 6, 2))
    return issue, studies


def test_public_magazine_pages_are_accessible_and_keyboard_usable(page, magazine):
    issue, studies = magazine
    page.goto("/magazine/")
    check_accessibility(page)
    screenshot(page, "magazine-public-issues")
    follow(page.get_by_role("link", name="Issue 4: Mental health and restraint"))
    assert page.get_by_role("heading", level=1).inner_text() == "Mental health and restraint"
    check_accessibility(page)
    screenshot(page, "magazine-public-issue")
    follow(page.get_by_role("link", name="A man in crisis on a bridge"))
    check_accessibility(page)
    screenshot(page, "magazine-public-case-study")

    page.goto("/magazine/case-factor-table")
    check_accessibility(page)
    screenshot(page, "magazine-public-case-factor-table")
    # Keyboard only: choose a theme in the filter form and submit it.
    page.focus("#filter-theme")
    page.keyboard.press("ArrowDown")  # browsers change a closed select's value with the arrow keys
    page.select_option("#filter-theme", "custody")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Apply filters"
    page.keyboard.press("Enter")
    page.wait_for_url("**/case-factor-table?*theme=custody*")
    rows = page.locator("tbody th[scope=row]").all_inner_texts()
    assert rows == ["A missed rousing check"]
    check_accessibility(page)

    page.goto("/magazine/force-response-log")
    assert "Bravoshire Constabulary" in page.inner_text("main")
    check_accessibility(page)
    screenshot(page, "magazine-public-force-response-log")

    page.goto("/magazine/recommendations")
    page.get_by_label("Search recommendations").fill("bridge restraint")
    page.keyboard.press("Enter")
    page.wait_for_url("**/recommendations?q=*")
    assert page.locator(".debrief-results h3").all_inner_texts() == ["A man in crisis on a bridge"]
    check_accessibility(page)
    screenshot(page, "magazine-public-recommendations")
    assert page.console_errors == []


def test_reader_feedback_errors_then_confirmation(page, magazine):
    page.goto("/magazine/issues/4/feedback")
    check_accessibility(page)
    page.get_by_label("Tell us more (optional)").fill("Useful for our custody trainers.")
    follow(page.get_by_role("button", name="Send feedback"))
    assert page.title().startswith("Error: ")
    assert "Select whether this issue was useful" in page.locator(".govuk-error-summary").inner_text()
    assert page.get_by_label("Tell us more (optional)").input_value() == "Useful for our custody trainers."
    check_accessibility(page)
    screenshot(page, "magazine-public-feedback-error")
    page.get_by_label("Partly").check()
    follow(page.get_by_role("button", name="Send feedback"))
    assert "Feedback sent" in page.locator("h1").inner_text()
    check_accessibility(page)


def test_a_reviewer_records_the_forces_response(page, magazine, people):
    issue, studies = magazine
    sign_in(page, people[("B", Role.REVIEWER)].email, PASSWORD)
    follow(page.get_by_role("link", name="Force responses"))
    check_accessibility(page)
    screenshot(page, "magazine-force-responses")
    follow(page.get_by_role("link", name="How would your force have handled a call graded too low?"))
    page.get_by_label("What did your force do in response?").fill("We audit call grading every month.")
    # Dated on or after the issue's publication (today, in this fixture).
    today = utcnow().date()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    check_accessibility(page)
    screenshot(page, "magazine-force-response-form")
    follow(page.get_by_role("button", name="Send the response for approval"))
    assert "response has been recorded" in page.locator(".govuk-notification-banner").inner_text()
    page.goto("/magazine/force-response-log?audience=policy_makers_managers")
    assert "We audit call grading every month." not in page.inner_text("main")  # a draft until approved
    from debrief.models import ForceResponse
    from debrief.publications.responses import approve_force_response

    approve_force_response(db.session.scalar(select(ForceResponse).where(ForceResponse.status == "draft")),
                           actor=people[("A", Role.LEARNING)])
    page.goto("/magazine/force-response-log?audience=policy_makers_managers")
    assert "We audit call grading every month." in page.inner_text("main")


def test_a_reader_browses_the_issues_by_theme(page, magazine):
    """From the magazine home to the themes page, then to the issues holding one theme and a case study there."""
    page.goto("/magazine/")
    follow(page.get_by_role("link", name="browse the issues by theme"))
    assert page.get_by_role("heading", level=1).inner_text() == "Issues by theme"
    assert page.locator("main h2").all_inner_texts() == ["Use of force", "Custody", "Mental health", "Call handling"]
    check_accessibility(page)
    screenshot(page, "magazine-themes")
    follow(page.get_by_role("link", name="see them by issue (Mental health)"))
    assert page.get_by_role("combobox", name="Theme").input_value() == "mental_health"
    titles = page.locator(".debrief-issue-list .govuk-list--bullet a").all_inner_texts()
    assert titles == ["A man in crisis on a bridge", "Restraint in a hot stairwell"]
    check_accessibility(page)
    screenshot(page, "magazine-issues-by-theme")
    # The filter on the issues list, by keyboard: another theme, then submit.
    page.select_option("#filter-theme", "custody")
    follow(page.get_by_role("button", name="Show issues"))
    assert page.locator(".debrief-issue-list .govuk-list--bullet a").all_inner_texts() == ["A missed rousing check"]
    follow(page.get_by_role("link", name="A missed rousing check"))
    assert page.get_by_role("heading", level=1).inner_text() == "A missed rousing check"


def test_the_case_factor_table_is_whole_on_a_laptop_and_reflows_on_a_phone(browser, live_server, magazine):
    # At 1,280 by 900 the table is not a box of its own with rows cut off at the bottom: every row is on the page.
    context = browser.new_context(base_url=live_server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("/magazine/case-factor-table")
    region = page.locator(".debrief-table-scroll")
    scroll_height, client_height = region.evaluate("el => [el.scrollHeight, el.clientHeight]")
    assert scroll_height <= client_height, (scroll_height, client_height)
    assert page.locator(".debrief-factor-table tbody tr").count() == 4
    last = page.locator(".debrief-factor-table tbody tr").last.bounding_box()
    box = region.bounding_box()
    assert last["y"] + last["height"] <= box["y"] + box["height"] + 1
    screenshot(page, "magazine-case-factor-table-1280")
    context.close()
    # At 390 wide: no turned column headings taking the screen, no sideways scrolling, each row names its ticks.
    context = browser.new_context(base_url=live_server, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto("/magazine/case-factor-table")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert page.locator(".debrief-factor-table thead").bounding_box()["height"] <= 1
    first = page.locator(".debrief-factor-table tbody tr").first
    assert first.bounding_box()["height"] < 250
    ticked = first.locator(".debrief-tick-cell--ticked")
    labels = [ticked.nth(i).evaluate("el => getComputedStyle(el, '::before').content") for i in range(ticked.count())]
    assert '"Themes: Mental health"' in labels or any(label.startswith('"Themes: ') for label in labels), labels
    check_accessibility(page)
    screenshot(page, "magazine-case-factor-table-390")
    context.close()
