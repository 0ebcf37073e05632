"""Withdrawing a published case study in a real browser: the learning team is asked for a reason (an empty one is
refused in the error summary), then "Are you sure?"; the public address then says only that it was withdrawn, and
when, and the issue says a case study was withdrawn; corrected and republished, its page says so. Each page passes
axe-core."""
from __future__ import annotations

import re

import pytest

from debrief.auth.roles import Role
from tests.browser.conftest import check_accessibility, follow, screenshot, sign_in
from tests.support.factories import PASSWORD, create_force, create_user
from tests.support.publication_factories import create_case_study, create_issue

pytestmark = pytest.mark.browser

REASON = "It describes the only stairwell of its kind in the county."


@pytest.fixture
def case(app):
    force = create_force(code="NSP", name="Northshire Police")
    create_user(force=force, roles=[Role.LEARNING], email="learning@nsp.example", name="Grace Okafor")
    issue = create_issue(number=1, theme="Custody")
    create_case_study(force=force, issue=issue, title="Rousing checks in custody")
    return create_case_study(force=force, issue=issue, title="Restraint on a stairwell",
                             summary="Two officers restrained a man on a narrow spiral stairwell.")


def test_withdraw_then_correct_and_republish(page, case):
    page.goto(f"/magazine/case-studies/{case.id}")
    assert "narrow spiral stairwell" in page.locator("main").inner_text()

    sign_in(page, "learning@nsp.example", PASSWORD)
    page.goto(f"/learning/case-studies/{case.id}")
    follow(page.get_by_role("link", name="Withdraw from the magazine"))
    check_accessibility(page)
    follow(page.get_by_role("button", name="Continue"))
    summary = page.locator(".govuk-error-summary")
    summary.wait_for(state="visible")
    assert page.title().startswith("Error: ")
    assert "Enter why the case study is being withdrawn" in summary.inner_text()
    check_accessibility(page)
    screenshot(page, "withdraw-reason-missing")

    page.get_by_label("Why is the case study being withdrawn?").fill(REASON)
    follow(page.get_by_role("button", name="Continue"))
    assert page.locator("h1").inner_text() == "Are you sure you want to withdraw ‘Restraint on a stairwell’?"
    assert "It will disappear at once" in page.locator(".govuk-warning-text").inner_text()
    check_accessibility(page)
    screenshot(page, "withdraw-are-you-sure")
    follow(page.get_by_role("button", name="Yes, withdraw it"))
    page.wait_for_url(f"**/learning/case-studies/{case.id}")
    assert "withdrawn from every public page" in page.locator(".govuk-notification-banner").inner_text()
    assert REASON in page.locator("main").inner_text()
    check_accessibility(page)

    response = page.goto(f"/magazine/case-studies/{case.id}")
    assert response.status == 410
    main = page.locator("main").inner_text()
    assert "This case study has been withdrawn" in main and re.search(r"withdrawn from the magazine on \d+ \w+ \d{4}",
                                                                      main)
    assert "stairwell" not in main
    check_accessibility(page)
    screenshot(page, "withdrawn-public")
    page.goto("/magazine/issues/1")
    issue = page.locator("main").inner_text()
    assert "A case study was withdrawn from this issue on" in issue and "stairwell" not in issue
    assert "Rousing checks in custody" in issue
    check_accessibility(page)

    page.goto(f"/learning/case-studies/{case.id}")
    follow(page.get_by_role("link", name="Edit the case study"))
    page.get_by_label("Summary").fill("Two officers restrained a man on a stairwell.")
    follow(page.get_by_role("button", name=re.compile("^Save")))
    follow(page.get_by_role("link", name="Republish the corrected case study"))
    check_accessibility(page)
    follow(page.get_by_role("button", name="Republish the case study"))
    assert "republished" in page.locator(".govuk-notification-banner").inner_text()

    page.goto(f"/magazine/case-studies/{case.id}")
    main = page.locator("main").inner_text()
    assert re.search(r"Corrected on \d+ \w+ \d{4}\.", main) and "narrow spiral" not in main
    check_accessibility(page)
    screenshot(page, "corrected-public")
    # The browser reports the withdrawn address's 410 itself; nothing else may go wrong.
    assert [e for e in page.console_errors if "status of 410" not in e] == []
    assert len(page.console_errors) == 1
