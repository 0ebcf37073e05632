"""End to end: an officer names a colleague found by collar number and one without an account, records force on two
subjects with Taser detail, and sees what became of an earlier incident, down to its published case study."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from debrief.extensions import db
from tests.browser.conftest import check_accessibility, follow, screenshot, sign_in
from tests.support.factories import PASSWORD
from tests.support.publication_factories import create_case_study
from tests.support.release_factories import named_people, signed_off_rca

pytestmark = pytest.mark.browser


def test_officer_names_people_records_force_per_subject_and_sees_the_outcome(page, app):
    who = named_people()
    rca = signed_off_rca(who)  # Ellie Morgan's earlier incident: RCA signed off
    case = create_case_study(force=who["force"], status="published", title="Waiting alone for backup")
    case.source_rca_id = rca.id
    db.session.commit()
    when = date.today() - timedelta(days=1)

    sign_in(page, "ellie.morgan@nsp.example", PASSWORD)
    follow(page.get_by_role("button", name="Start a new debrief"))
    page.get_by_label("Hot debrief").check()
    follow(page.get_by_role("button", name="Continue"))
    follow(page.get_by_role("link", name="About the incident"))
    page.get_by_label("Day", exact=True).fill(str(when.day))
    page.get_by_label("Month", exact=True).fill(str(when.month))
    page.get_by_label("Year", exact=True).fill(str(when.year))
    page.get_by_label("Time of the incident").fill("23:10")
    page.get_by_label("No").check()
    page.get_by_label("Type of location").select_option("street")
    page.get_by_label("Where it happened").fill("the taxi rank")
    page.get_by_label("Use of force").check()
    page.get_by_label("Summary").fill("Two men fighting at the taxi rank were separated and detained.")
    follow(page.get_by_role("button", name="Save and continue"))

    # The colleague is found by collar number; reviewers are never offered.
    page.get_by_label("Search by name or collar number").fill("5530")
    follow(page.get_by_role("button", name="Search"))
    assert "1 colleague found" in page.content() and "Neil Dawson (5530)" in page.content()
    check_accessibility(page)
    screenshot(page, "people-search-results")
    follow(page.get_by_role("button", name="Add Neil Dawson"))
    page.get_by_label("Search by name or collar number").fill("Tom")
    follow(page.get_by_role("button", name="Search"))
    assert "0 colleagues found" in page.content() and "Tom Reilly" not in page.content()

    # A colleague from another force, who has no account here.
    follow(page.get_by_role("link", name="Add a colleague without an account"))
    page.get_by_label("Full name").fill("Dan Hughes")
    follow(page.get_by_role("button", name="Add colleague"))
    assert page.title().startswith("Error: ")
    assert page.get_by_label("Full name").input_value() == "Dan Hughes"
    check_accessibility(page)
    page.get_by_label("Collar or staff number").fill("BT812")
    page.get_by_label("Force or organisation").fill("British Transport Police")
    follow(page.get_by_role("button", name="Add colleague"))
    page.get_by_label("Your role on the day").select_option("response")
    named = page.locator("#named-colleagues").inner_text()
    assert "Neil Dawson" in named and "Dan Hughes" in named and "British Transport Police" in named
    check_accessibility(page)
    screenshot(page, "people-named")
    follow(page.get_by_role("button", name="Save and continue"))

    page.get_by_role("group", name="Did you use force?").get_by_label("Yes").check()
    for question, answer in [("Were you single-crewed?", "No"), ("Are you trained to carry Taser?", "Yes"),
                             ("Were you carrying Taser?", "Yes"), ("Were you assaulted?", "No")]:
        page.get_by_role("group", name=question).get_by_label(answer).check()
    page.get_by_label("Less than 4 hours").check()
    follow(page.get_by_role("button", name="Save and continue"))

    # Subject 1: Taser fired, with its detail; a missing count is asked for, the rest kept.
    follow(page.get_by_role("button", name="Add a subject"))
    tactics = page.get_by_role("group", name="Which tactics did you use on this person?")
    tactics.get_by_label("Taser (conducted energy device)").check()
    page.get_by_label("Red-dotted", exact=True).check()
    page.get_by_label("Fired", exact=True).check()
    page.get_by_label("Cartridges discharged").fill("1")
    page.get_by_label("Who removed the probes?").select_option("paramedic")
    page.get_by_label("Aftercare given").fill("Probes removed by paramedic, wounds dressed")
    page.get_by_role("group", name="Which tactics were effective?").get_by_label(
        "Taser (conducted energy device)").check()
    page.get_by_role("group", name="Was this person injured?").get_by_label("Minor").check()
    page.get_by_role("group", name="Medical help for this person").get_by_label("Provided").check()
    page.locator("#bwv_worn").check()
    page.locator("#bwv_recorded").check()
    page.get_by_label("Body-worn video reference").fill("BWV-2231")
    page.get_by_label("Command and control log reference").fill("CAD 0412")
    follow(page.get_by_role("button", name="Save subject"))
    assert "Enter how many energy cycles there were" in page.locator(".govuk-error-summary").inner_text()
    assert page.get_by_label("Aftercare given").input_value() == "Probes removed by paramedic, wounds dressed"
    check_accessibility(page)
    page.get_by_label("Energy cycles").fill("2")
    screenshot(page, "subject-taser")
    follow(page.get_by_role("button", name="Save subject"))

    # Subject 2: handcuffed and held on the ground, face down, which needs a duration.
    follow(page.get_by_role("button", name="Add another subject"))
    tactics = page.get_by_role("group", name="Which tactics did you use on this person?")
    tactics.get_by_label("Non-compliant handcuffing").check()
    tactics.get_by_label("Ground restraint", exact=True).check()
    page.get_by_label("Position of the ground restraint").select_option("prone")
    page.get_by_role("group", name="Was this person injured?").get_by_label("No injury").check()
    page.locator("#bwv_worn-2").check()
    follow(page.get_by_role("button", name="Save subject"))
    assert "Enter how long the ground restraint lasted, in minutes" in page.locator(
        ".govuk-error-summary").inner_text()
    page.get_by_label("How long did the ground restraint last, in minutes?").fill("2")
    follow(page.get_by_role("button", name="Save subject"))

    cards = page.locator(".govuk-summary-card")
    assert cards.count() == 2
    first, second = cards.nth(0).inner_text(), cards.nth(1).inner_text()
    assert "red-dotted, fired; 1 cartridge; 2 cycles; probes: a paramedic" in first and "BWV-2231" in first
    assert "Non-compliant handcuffing: not effective" in second and "prone, 2 minutes" in second
    page.get_by_label("Protect self").check()
    check_accessibility(page)
    screenshot(page, "subjects-and-tactics")
    follow(page.get_by_role("button", name="Save and come back later"))

    # My debriefs: the new draft, and the earlier incident with what became of it.
    page.wait_for_url("**/officer")
    earlier = page.locator(f"#incident-{rca.incident_id}")
    text = earlier.inner_text()
    assert "Hot debrief" in text and "Root-cause analysis started" in text and "Signed off" in text
    check_accessibility(page)
    screenshot(page, "officer-home-outcome")
    follow(earlier.get_by_role("link", name="read the case study"))
    assert page.locator("h1").inner_text() == "Waiting alone for backup"
    assert "/magazine/case-studies/" in page.url
