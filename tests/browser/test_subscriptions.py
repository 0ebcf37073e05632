"""End to end with a real SMTP server: a reader subscribes, confirms through the link in the email the server
received, a learning-team user publishes an issue, and the reader's notice arrives; the reader follows it to the issue
and unsubscribes from it. axe-core on every page."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from flask import current_app
from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.mail import sender
from debrief.models import Subscriber
from tests.browser.conftest import check_accessibility, follow, screenshot, sign_in
from tests.support.factories import PASSWORD, create_force, create_user
from tests.support.publication_factories import create_case_study, create_issue
from tests.support.smtp import body_text, links

pytestmark = pytest.mark.browser
READER = "reader@example.com"


def _deliver() -> None:
    report = sender.send_due(sender.transport_for(current_app.config), sender=current_app.config["MAIL_FROM"])
    assert report.failed == 0, report.errors


def test_subscribe_confirm_publish_and_the_notice_arrives(page, app, live_server, inbox):
    app.config["BASE_URL"] = live_server  # the links in the email lead to this server
    force = create_force(code="NSP", name="Northshire Police")
    create_issue(number=1)
    issue = create_issue(number=2, status="draft", theme="Custody and care")
    create_case_study(force=force, issue=issue, status="scheduled", title="Checks in the cell")
    learner = create_user(force=force, roles=[Role.LEARNING], email="learning@nsp.example")

    # A reader finds the form from the magazine; a mistyped address is an error that keeps what was typed.
    page.goto("/magazine/")
    follow(page.get_by_role("link", name="Get emails"))
    check_accessibility(page)
    page.get_by_label("Email address").fill("reader@example")
    follow(page.get_by_role("button", name="Subscribe"))
    check_accessibility(page)
    assert page.title().startswith("Error: ")
    assert "Enter an email address in the correct format" in page.locator(".govuk-error-summary").inner_text()
    assert page.get_by_label("Email address").input_value() == "reader@example"
    page.get_by_label("Email address").fill(READER)
    follow(page.get_by_role("button", name="Subscribe"))
    check_accessibility(page)
    assert page.locator("h1").inner_text() == "Check your email"
    screenshot(page, "subscriptions-check-your-email")

    # The confirmation email, from the real SMTP server; its link, then the button.
    _deliver()
    [mail] = inbox.wait_for(READER)
    confirm = next(link for link in links(mail) if "/confirm/" in link)
    assert confirm.startswith(live_server)
    page.goto(confirm)
    check_accessibility(page)
    follow(page.get_by_role("button", name="Confirm subscription"))
    check_accessibility(page)
    assert "Subscription confirmed" in page.locator("h1").inner_text()
    assert db.session.scalar(select(Subscriber.status)) == "confirmed"

    # The learning team publishes issue 2.
    inbox.clear()
    sign_in(page, learner.email, PASSWORD)
    page.goto(f"/learning/issues/{issue.id}/publish")
    check_accessibility(page)
    follow(page.get_by_role("button", name="Publish the issue"))
    check_accessibility(page)
    assert "Issue 2 has been published" in page.locator(".govuk-notification-banner").inner_text()
    follow(page.get_by_role("button", name="Sign out"))

    # The reader's notice arrives: the issue's number, theme and link, and an unsubscribe link.
    _deliver()
    [notice] = inbox.wait_for(READER)
    assert notice["Subject"] == "New issue: Learning from incidents, issue 2: Custody and care"
    issue_link = f"{live_server}/magazine/issues/2"
    assert issue_link in body_text(notice)
    unsubscribe = next(link for link in links(notice) if "/unsubscribe/" in link)
    assert notice["List-Unsubscribe"] == f"<{unsubscribe}>"
    page.goto(issue_link)
    check_accessibility(page)
    assert "Custody and care" in page.locator("main").inner_text()

    # One click on the link, then confirm: the address is deleted.
    page.goto(unsubscribe)
    check_accessibility(page)
    follow(page.get_by_role("button", name="Unsubscribe"))
    check_accessibility(page)
    assert "You have unsubscribed" in page.locator("h1").inner_text()
    assert urlsplit(page.url).path == "/magazine/unsubscribed"
    db.session.expire_all()
    assert db.session.scalar(select(Subscriber)) is None
    screenshot(page, "subscriptions-unsubscribed")
