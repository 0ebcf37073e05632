"""The moderation of a force's response in a real browser: a reviewer's response naming an officer is refused
(field and kind, what was typed kept); a clean one waits for the learning team, who approve it; it appears on the
public log; it is withdrawn with a reason; it is gone. Each page passes axe-core."""
from __future__ import annotations

import re
from datetime import datetime

import pytest

from debrief.auth.roles import Role
from debrief.extensions import db
from tests.browser.conftest import check_accessibility, follow, screenshot, sign_in
from tests.support.factories import PASSWORD, create_force, create_user
from tests.support.publication_factories import create_case_study, create_issue

pytestmark = pytest.mark.browser

NAMED = "Sergeant Mark Lowe briefed every custody officer; ring him on 07700 900123."
CLEAN = "Every custody officer was briefed on rousing checks at the start of each shift."


@pytest.fixture
def setting(app):
    own, other = create_force(code="NSP", name="Northshire Police"), create_force(code="WMC", name="Westmere Constabulary")
    create_user(force=own, roles=[Role.LEARNING], email="learning@nsp.example", name="Grace Okafor")
    create_user(force=other, roles=[Role.REVIEWER], email="reviewer@wmc.example", name="Fatima Begum")
    issue = create_issue(number=1, theme="Custody")
    issue.published_at = datetime(2025, 6, 1)
    db.session.commit()
    case = create_case_study(force=own, issue=issue, title="Checks in the cell",
                             questions={"officers_staff": ["How do you rouse a detained person?"]})
    return case.questions[0]


def _sign_out(page) -> None:
    follow(page.get_by_role("button", name="Sign out"))


def _fill_response(page, text: str) -> None:
    page.get_by_label("What did your force do in response?").fill(text)
    page.get_by_label("Day").fill("2")
    page.get_by_label("Month").fill("7")
    page.get_by_label("Year").fill("2025")
    follow(page.get_by_role("button", name="Send the response for approval"))


def test_a_named_response_is_refused_then_a_clean_one_is_approved_published_withdrawn_and_gone(page, setting):
    sign_in(page, "reviewer@wmc.example", PASSWORD)
    page.goto(f"/responses/questions/{setting.id}")
    _fill_response(page, NAMED)
    summary = page.locator(".govuk-error-summary")
    summary.wait_for(state="visible")
    assert page.title().startswith("Error: ")
    error = summary.inner_text()
    assert "What your force did contains something that could identify" in error and "a person's name" in error
    assert "Lowe" not in error and "07700" not in error
    assert page.get_by_label("What did your force do in response?").input_value() == NAMED
    check_accessibility(page)
    screenshot(page, "response-refused")

    _fill_response(page, CLEAN)
    page.wait_for_url("**/responses/")
    assert "The learning team will check it" in page.locator(".govuk-notification-banner").inner_text()
    assert "Waiting for approval" in page.locator("main").inner_text()
    _sign_out(page)

    page.goto("/magazine/force-response-log")
    assert CLEAN not in page.locator("main").inner_text()

    sign_in(page, "learning@nsp.example", PASSWORD)
    page.goto("/learning/responses/")
    assert CLEAN in page.locator("main").inner_text()
    check_accessibility(page)
    follow(page.get_by_role("button", name=re.compile("^Approve for the public log.*Westmere Constabulary")))
    assert "now in the public force response log" in page.locator(".govuk-notification-banner").inner_text()

    page.goto("/magazine/force-response-log")
    log = page.locator("main").inner_text()
    assert CLEAN in log and "Westmere Constabulary" in log
    screenshot(page, "response-public")

    page.goto("/learning/responses/")
    follow(page.get_by_role("link", name=re.compile("Withdraw")))
    follow(page.get_by_role("button", name="Withdraw the response"))
    page.locator(".govuk-error-summary").wait_for(state="visible")
    assert "Enter why the response is being withdrawn" in page.locator(".govuk-error-summary").inner_text()
    check_accessibility(page)
    page.get_by_label("Why is the response being withdrawn?").fill("The force asked us to take it down.")
    follow(page.get_by_role("button", name="Withdraw the response"))
    page.wait_for_url("**/learning/responses/")
    assert "withdrawn from every public page" in page.locator(".govuk-notification-banner").inner_text()

    page.goto("/magazine/force-response-log")
    assert CLEAN not in page.locator("main").inner_text()
    export = page.request.get("/magazine/issues/1.html")  # an attachment: fetched, not opened
    assert export.status == 200 and CLEAN not in export.text()
    assert page.console_errors == []
