"""End to end: a reviewer releases a signed-off RCA (one undo, one redaction); the learning team edits it (one edit
refused for bringing a name back), approves it, puts it in an issue and publishes; signed out, a reader opens the
issue, the case factor table and the force response log. axe-core on every page; screenshots."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import CaseStudy, MagazineIssue, utcnow
from debrief.publications.responses import record_force_response
from tests.browser.conftest import check_accessibility, follow, screenshot, sign_in
from tests.support.factories import PASSWORD, create_user
from tests.support.release_factories import SECRETS, named_people, signed_off_rca

pytestmark = pytest.mark.browser


def _sign_out(page) -> None:
    follow(page.get_by_role("button", name="Sign out"))


def test_release_edit_publish_and_read(page, app):
    who = named_people()
    rca = signed_off_rca(who)
    learner = create_user(force=who["force"], roles=[Role.LEARNING], name="Grace Okafor",
                          email="grace.okafor@nsp.example")

    # The reviewer prepares the release from the signed-off RCA.
    sign_in(page, who["lead"].email, PASSWORD)
    page.goto(f"/rca/{rca.id}")
    follow(page.get_by_role("link", name="Prepare the anonymised release"))
    check_accessibility(page)
    assert page.locator("mark.debrief-replaced", has_text="Ellie Morgan").count() >= 1
    screenshot(page, "magazine-flow-release-before")
    page.get_by_label("Title of the case study").fill("Waiting alone for backup")
    undo = page.get_by_label(re.compile(r"^“(At )?22:15” → “"))  # an exact time the reviewer decides can stay
    undo.check()
    page.get_by_label("Section").select_option("findings_key_learning")
    page.get_by_label("Words to redact").fill("whole district")
    follow(page.get_by_role("button", name="Save and check again"))
    check_accessibility(page)
    released_side = page.locator(".debrief-release-text").nth(3)  # what happened: the side to be released
    assert "22:15" in released_side.inner_text()
    findings = page.locator(".debrief-release-text").nth(5)
    assert "[redacted]" in findings.inner_text() and "whole district" not in findings.inner_text()
    screenshot(page, "magazine-flow-release-decided")
    follow(page.get_by_role("button", name="Release as a candidate case study"))
    check_accessibility(page)
    assert "Released to the learning team" in page.locator(".govuk-notification-banner").inner_text()
    assert "Released" in page.locator(".govuk-caption-l").inner_text()
    _sign_out(page)

    # The learning team works on the candidate: only anonymised text.
    sign_in(page, learner.email, PASSWORD)
    check_accessibility(page)
    assert "Waiting alone for backup" in page.locator("main").inner_text()
    follow(page.get_by_role("link", name="Waiting alone for backup"))
    check_accessibility(page)
    main = page.locator("main").inner_text()
    for secret in SECRETS:
        assert secret not in main, secret
    screenshot(page, "magazine-flow-learning-case-study")
    follow(page.get_by_role("link", name="Edit the case study"))
    check_accessibility(page)
    summary = page.get_by_label("Summary", exact=True)
    summary.fill(summary.input_value() + " Dawson said afterwards that the wait felt endless.")
    follow(page.get_by_role("button", name="Save the case study"))
    page.locator(".govuk-error-summary").wait_for()
    check_accessibility(page)
    assert page.title().startswith("Error: ")
    errors = page.locator(".govuk-error-summary").inner_text()
    assert "There is a problem" in errors and "Summary contains something that could identify" in errors
    assert "Dawson" not in errors
    assert "Dawson said afterwards" in page.get_by_label("Summary", exact=True).input_value()  # kept as typed
    screenshot(page, "magazine-flow-learning-edit-refused")
    page.get_by_label("Summary", exact=True).fill(
        "Officer A waited alone for backup late one evening while a man was restrained on the ground. The only "
        "other unit was eight minutes away.")
    page.get_by_label("Response policing").check()
    follow(page.get_by_role("button", name="Save the case study"))
    check_accessibility(page)
    follow(page.get_by_role("link", name="Add a question for officers and staff"))
    check_accessibility(page)
    page.get_by_label("Question", exact=True).fill("Would you wait for backup, and how would you decide?")
    follow(page.get_by_role("button", name="Save the question"))
    check_accessibility(page)
    follow(page.get_by_role("link", name="Approve"))
    check_accessibility(page)
    follow(page.get_by_role("button", name="Approve"))
    check_accessibility(page)
    assert "approved" in page.locator(".govuk-notification-banner").inner_text()

    # An issue with a theme, the case study in it, published.
    follow(page.get_by_role("link", name="Magazine issues").first)
    check_accessibility(page)
    follow(page.get_by_role("link", name="Start a new issue"))
    check_accessibility(page)
    page.get_by_label("Theme").fill("Working alone")
    page.get_by_label("Introduction").fill("Cases where an officer waited alone for help.")
    follow(page.get_by_role("button", name="Start the issue"))
    check_accessibility(page)
    page.get_by_label("Approved case study").select_option(label="Waiting alone for backup")
    follow(page.get_by_role("button", name="Add to this issue"))
    check_accessibility(page)
    screenshot(page, "magazine-flow-learning-issue")
    follow(page.get_by_role("link", name="Publish issue 1"))
    check_accessibility(page)
    follow(page.get_by_role("button", name="Publish the issue"))
    check_accessibility(page)
    assert "Issue 1 has been published" in page.locator(".govuk-notification-banner").inner_text()
    _sign_out(page)

    # A force records a response to the published question (the magazine side's own operation).
    db.session.expire_all()
    case = db.session.scalar(select(CaseStudy))
    assert case.status == "published" and db.session.scalar(select(MagazineIssue.status)) == "published"
    record_force_response(case.questions[0], who["force"], "Single-crewed officers now get a backup ETA from "
                          "the control room.", utcnow().date(), who["lead"])

    # A reader, signed out.
    for url, name in (("/magazine/issues/1", "magazine-flow-public-issue"),
                      ("/magazine/case-factor-table", "magazine-flow-public-case-factor-table"),
                      ("/magazine/force-response-log", "magazine-flow-public-force-response-log")):
        page.goto(url)
        check_accessibility(page)
        text = page.locator("main").inner_text()
        # The response log names responding forces by design; this case's force responded to its own question.
        for secret in [s for s in SECRETS if not (url.endswith("force-response-log") and s == "Northshire")]:
            assert secret not in text, (url, secret)
        screenshot(page, name)
    page.goto("/magazine/issues/1")
    follow(page.get_by_role("link", name="Waiting alone for backup").first)
    check_accessibility(page)
    assert "Would you wait for backup" in page.locator("main").inner_text()
    screenshot(page, "magazine-flow-public-case-study")
    assert page.console_errors == []
