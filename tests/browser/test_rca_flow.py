"""End to end: a reviewer runs an RCA on a demo incident and sends it for review; a second reviewer signs it off."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from debrief.demo import DEMO_PASSWORD, seed_demo
from debrief.extensions import db
from debrief.models import Incident, RootCauseAnalysis
from tests.browser.conftest import check_accessibility, follow, screenshot, sign_in

pytestmark = pytest.mark.browser


def _go(page, link_name: str) -> None:
    follow(page.get_by_role("link", name=link_name, exact=True))
    check_accessibility(page)


def _add_factor(page, label: str, category: str, evidence: str, document: str | None = None) -> None:
    page.get_by_label("Contributory factor").fill(label)
    page.get_by_label(category, exact=True).check()
    page.get_by_label(evidence, exact=True).check()
    if document:
        page.get_by_label("Document", exact=True).fill(document)
    check_accessibility(page)
    follow(page.get_by_role("button", name="Save"))


def test_reviewer_builds_an_rca_and_a_second_reviewer_signs_it_off(page, app):
    seed_demo()
    incident = db.session.scalar(select(Incident).where(
        Incident.reference.like("DEMO-NSP-%"), Incident.summary.like("A woman in crisis%")).order_by(Incident.id))
    assert db.session.scalar(select(RootCauseAnalysis.id).where(RootCauseAnalysis.incident_id == incident.id)) is None

    sign_in(page, "reviewer@nsp.example.police.uk", DEMO_PASSWORD)
    page.goto(f"/review/incidents/{incident.id}")
    follow(page.get_by_role("link", name="Start a root-cause analysis"))
    check_accessibility(page)
    page.get_by_label("Concise").check()
    page.get_by_label("Terms of reference").fill("How the crisis on the bridge was handled, and how the wait for "
                                                 "the place of safety could be shorter.")
    follow(page.get_by_role("button", name="Start the RCA"))
    assert "The chronology has been built" in page.locator(".govuk-notification-banner").inner_text()
    check_accessibility(page)

    # Problems come from the chronology.
    _go(page, "Chronology")
    rows = page.locator("tbody tr")
    assert rows.count() >= 3
    screenshot(page, "rca-chronology")
    follow(page.get_by_role("button", name=re.compile(r"^Mark as problem\W+entry 2$")))
    follow(page.get_by_role("button", name=re.compile(r"^Mark as problem\W+entry 3$")))
    assert page.locator("tbody tr").filter(has_text="Service delivery problem").count() == 2

    # Factors with categories and evidence, asked of the first problem.
    _go(page, "Factor graph")
    follow(page.get_by_role("link", name=re.compile("^What contributed to this")).first)
    check_accessibility(page)
    _add_factor(page, "Place of safety full with no escalation out of hours", "Partner agencies", "A document "
                "(policy, log, training record)", "Section 136 protocol")
    follow(page.get_by_role("link", name=re.compile("^What contributed to this")).first)
    _add_factor(page, "No negotiator available at night", "Team and supervision", "Not yet evidenced")

    # A 5-whys chain from the second problem.
    follow(page.get_by_role("link", name=re.compile("^Ask 5 whys")).nth(1))
    check_accessibility(page)
    page.locator("#why_1").fill("Officers waited with her at the roadside")
    page.locator("#category_1").select_option("physical_environment")
    page.locator("#why_2").fill("No ambulance was free to take her")
    page.locator("#category_2").select_option("partner_agencies")
    page.locator("#why_3").fill("Ambulance demand was at its winter peak")
    page.locator("#category_3").select_option("organisational_strategic")
    follow(page.get_by_role("button", name="Add the chain"))
    assert "5-whys chain has been added" in page.locator(".govuk-notification-banner").inner_text()

    # A loop is refused with a message naming it.
    page.get_by_label("This item").select_option(label="Contributory factor: Ambulance demand was at its winter peak")
    page.get_by_label("contributed to").select_option(label="Contributory factor: Ambulance demand was at its winter peak")
    follow(page.get_by_role("button", name="Add link"))
    assert "cannot contribute to itself" in page.locator(".govuk-error-summary").inner_text()
    check_accessibility(page)

    follow(page.get_by_role("button", name=re.compile(r"^Confirm as root cause\W+Place of safety full")))
    assert page.locator(".debrief-drawing svg").count() == 1
    assert "The graph as text" in page.content()
    check_accessibility(page)
    screenshot(page, "rca-graph")

    _go(page, "Fishbone")
    assert page.locator(".debrief-drawing svg").count() == 1
    screenshot(page, "rca-fishbone")

    _go(page, "Overview")
    _go(page, "Write the findings")
    page.get_by_label("Findings").fill("The place of safety had no capacity and no agreed escalation when full, "
                                       "so the wait fell on officers at the roadside.")
    follow(page.get_by_role("button", name="Save findings"))

    # A recommendation with two actions.
    _go(page, "Recommendations and actions")
    _go(page, "Add a recommendation")
    page.get_by_label("Recommendation").fill("Agree an escalation point with the mental health trust.")
    page.get_by_label("Place of safety full with no escalation out of hours").check()
    follow(page.get_by_role("button", name="Save recommendation"))
    due = date.today() + timedelta(days=60)
    for n, (action, owner) in enumerate([("Revise the section 136 protocol", "Mental health partnership lead"),
                                         ("Brief control room supervisors", "Control room training team")]):
        if n:
            follow(page.get_by_role("link", name="Add an action to recommendation 1"))
        check_accessibility(page)
        page.get_by_label("Action", exact=True).fill(action)
        page.get_by_label("Owner").fill(owner)
        page.get_by_label("Day").fill(str(due.day))
        page.get_by_label("Month").fill(str(due.month))
        page.get_by_label("Year").fill(str(due.year))
        page.get_by_label("Measure of success").fill("Protocol signed by both organisations")
        page.get_by_label("Open", exact=True).check()
        follow(page.get_by_role("button", name="Save action"))
    assert page.locator("tbody tr").count() == 2
    check_accessibility(page)

    _go(page, "Overview")
    follow(page.get_by_role("button", name="Send for review"))
    assert "Sent for review" in page.locator(".govuk-notification-banner").inner_text()
    # The author cannot sign off their own RCA.
    assert page.get_by_role("button", name="Confirm decision").count() == 0
    assert "you cannot sign off your own RCA" in page.content()
    rca_url = page.url
    follow(page.get_by_role("button", name="Sign out"))

    sign_in(page, "reviewer2@nsp.example.police.uk", DEMO_PASSWORD)
    page.goto(rca_url)
    check_accessibility(page)
    page.get_by_label("Sign off").check()
    follow(page.get_by_role("button", name="Confirm decision"))
    assert "signed off" in page.locator(".govuk-notification-banner").inner_text()
    check_accessibility(page)
    _go(page, "Report")
    assert "Root-cause analysis report" in page.content()
    screenshot(page, "rca-report")
    rca = db.session.scalar(select(RootCauseAnalysis).where(RootCauseAnalysis.incident_id == incident.id))
    db.session.refresh(rca)
    assert rca.status == "signed_off" and rca.signed_off_by.email == "reviewer2@nsp.example.police.uk"
