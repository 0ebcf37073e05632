"""End to end: an officer files a full debrief with Taser fired and prone restraint; a colleague adds theirs; a reviewer sees both."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from debrief.auth.roles import Role
from tests.browser.conftest import check_accessibility, follow, screenshot, sign_in
from tests.support.factories import PASSWORD, create_user

pytestmark = pytest.mark.browser


def save_and_continue(page):
    follow(page.get_by_role("button", name="Save and continue"))


def test_two_officers_debrief_and_a_reviewer_reads_both(page, forces, people):
    create_user(force=forces["A"], roles=[Role.OFFICER], name="Jamie Colleague",
                email="jamie@aaa.example", collar_number="A123")
    when = date.today() - timedelta(days=1)
    sign_in(page, "officer@aaa.example", PASSWORD)
    follow(page.get_by_role("button", name="Start a new debrief"))
    check_accessibility(page)
    page.get_by_label("Hot debrief").check()
    follow(page.get_by_role("button", name="Continue"))
    page.wait_for_url("**/debriefs/*")
    check_accessibility(page)
    screenshot(page, "debrief-task-list-new")
    follow(page.get_by_role("link", name="About the incident"))

    # One validation error on the way: the time is missing.
    page.get_by_label("Day", exact=True).fill(str(when.day))
    page.get_by_label("Month", exact=True).fill(str(when.month))
    page.get_by_label("Year", exact=True).fill(str(when.year))
    page.get_by_label("No").check()
    page.get_by_label("Type of location").select_option("street")
    page.get_by_label("Where it happened").fill("the footbridge over the railway")
    page.get_by_label("Use of force").check()
    page.get_by_label("Mental health").check()
    page.get_by_label("Summary").fill("A man in crisis on a footbridge was detained under section 136.")
    save_and_continue(page)
    assert page.title().startswith("Error: ")
    assert "Enter the time of the incident, for example 14:30" in page.locator(".govuk-error-summary").inner_text()
    assert page.get_by_label("Where it happened").input_value() == "the footbridge over the railway"
    check_accessibility(page)
    screenshot(page, "debrief-question-error")
    page.get_by_label("Time of the incident").fill("21:40")
    save_and_continue(page)

    page.get_by_label("Search by name or collar number").fill("A123")
    follow(page.get_by_role("button", name="Search"))
    follow(page.get_by_role("button", name="Add Jamie Colleague"))
    page.get_by_label("Your role on the day").select_option("response")
    check_accessibility(page)
    save_and_continue(page)

    page.get_by_role("group", name="Did you use force?").get_by_label("Yes").check()
    for question, answer in [("Were you single-crewed?", "No"), ("Are you trained to carry Taser?", "Yes"),
                             ("Were you carrying Taser?", "Yes"), ("Were you assaulted?", "Yes")]:
        page.get_by_role("group", name=question).get_by_label(answer).check()
    page.get_by_role("group", name="How long had you been on duty when it happened?").get_by_label(
        "10 to 12 hours").check()
    check_accessibility(page)
    save_and_continue(page)

    # Conditional questions reveal in place.
    follow(page.get_by_role("button", name="Add a subject"))
    assert not page.get_by_label("Fired", exact=True).is_visible()
    page.get_by_role("group", name="Which tactics did you use on this person?").get_by_label(
        "Taser (conducted energy device)").check()
    page.get_by_label("Fired", exact=True).check()
    page.get_by_label("Drawn", exact=True).check()
    page.get_by_label("Cartridges discharged").fill("1")
    page.get_by_label("Energy cycles").fill("1")
    page.get_by_label("Who removed the probes?").select_option("paramedic")
    page.get_by_label("Aftercare given").fill("Seen by a paramedic at the scene")
    page.get_by_role("group", name="Which tactics did you use on this person?").get_by_label(
        "Ground restraint", exact=True).check()
    page.get_by_label("Position of the ground restraint").select_option("prone")
    page.get_by_label("How long did the ground restraint last, in minutes?").fill("3")
    page.get_by_role("group", name="Which tactics were effective?").get_by_label(
        "Taser (conducted energy device)").check()
    page.get_by_role("group", name="Was this person injured?").get_by_label("Minor").check()
    page.get_by_label("Describe their injury").fill("Two small Taser barb wounds")
    page.get_by_role("group", name="Medical help for this person").get_by_label("Provided").check()
    page.locator("#bwv_worn-2").check()  # "No" (the nested "Did it record?" has a No too)
    check_accessibility(page)
    follow(page.get_by_role("button", name="Save subject"))
    page.get_by_label("Protect self").check()
    check_accessibility(page)
    save_and_continue(page)

    page.get_by_role("group", name="Was anyone injured?").get_by_label("Yes").check()
    page.get_by_role("group", name="Injury to you or colleagues").get_by_label("No injury").check()
    page.get_by_role("group", name="Medical help for you or colleagues").get_by_label("None needed").check()
    check_accessibility(page)
    save_and_continue(page)

    check_accessibility(page)
    page.get_by_label("What happened").fill("I was sent to a man on the footbridge who was threatening to jump.")
    # "Come back later" from the middle of the flow, then carry on from My debriefs.
    follow(page.get_by_role("button", name="Save and come back later"))
    page.wait_for_url("**/officer")
    check_accessibility(page)
    follow(page.get_by_role("link", name="AAA-").first)
    follow(page.get_by_role("link", name="What happened"))
    assert "threatening to jump" in page.get_by_label("What happened").input_value()
    save_and_continue(page)

    page.get_by_label("Time", exact=True).fill("21:42")
    page.get_by_label("What happened at this time").fill("Arrived on the footbridge")
    page.get_by_label("Source").fill("Body-worn video")
    follow(page.get_by_role("button", name="Add entry"))
    check_accessibility(page)
    save_and_continue(page)

    check_accessibility(page)
    page.get_by_label("What went well?").fill("Clear communication with the control room.")
    page.get_by_label("What could have been done differently?").fill("A mental health nurse could have come sooner.")
    page.get_by_label("Why would that have helped?").fill("Less need for force.")
    save_and_continue(page)
    page.get_by_role("group", name="Would you like support?").get_by_label("No").check()
    check_accessibility(page)
    save_and_continue(page)
    check_accessibility(page)
    save_and_continue(page)  # intelligence and concerns: nothing to add

    assert page.locator("h1").inner_text() == "Check your answers before submitting your debrief"
    assert ("Taser (conducted energy device) (drawn, fired; 1 cartridge; 1 cycle; probes: a paramedic; "
            "aftercare: Seen by a paramedic at the scene): effective") in page.content()
    assert "Ground restraint (prone, 3 minutes)" in page.content()
    check_accessibility(page)
    screenshot(page, "debrief-check-answers")
    page.get_by_label("I confirm this is a true account").check()
    follow(page.get_by_role("button", name="Submit debrief"))
    page.wait_for_url("**/submitted")
    assert "Debrief submitted" in page.content()
    check_accessibility(page)
    follow(page.get_by_role("button", name="Sign out"))

    # The named colleague adds their own debrief to the same incident.
    sign_in(page, "jamie@aaa.example", PASSWORD)
    page.wait_for_url("**/officer")
    assert "Asked to add your debrief" in page.content()
    check_accessibility(page)
    follow(page.get_by_role("link", name="AAA-").first)
    check_accessibility(page)  # "Add your debrief": the request from a colleague
    page.get_by_label("Hot debrief").check()
    page.get_by_label("Your role on the day").select_option("response")
    follow(page.get_by_role("button", name="Continue"))
    follow(page.get_by_role("link", name="About the incident"))
    check_accessibility(page)  # shared section: read-only for someone who did not start the incident
    assert "only they can change this section" in page.content()
    page.go_back()
    follow(page.get_by_role("link", name="Use of force"))
    page.get_by_role("group", name="Did you use force?").get_by_label("No").check()
    for question in ("Were you single-crewed?", "Are you trained to carry Taser?", "Were you carrying Taser?",
                     "Were you assaulted?"):
        page.get_by_role("group", name=question).get_by_label("No").check()
    page.get_by_label("Less than 4 hours").check()
    save_and_continue(page)
    page.get_by_role("radio", name="No", exact=True).last.check()  # "Was anyone injured?" No
    save_and_continue(page)
    page.get_by_label("What happened").fill("I arrived as backup and spoke to the control room.")
    save_and_continue(page)
    page.get_by_label("Time", exact=True).fill("21:45")
    page.get_by_label("What happened at this time").fill("Arrived as backup")
    page.get_by_label("Source").fill("My recollection")
    follow(page.get_by_role("button", name="Add entry"))
    save_and_continue(page)
    page.get_by_label("What went well?").fill("Team work.")
    page.get_by_label("What could have been done differently?").fill("Radio coverage on the bridge.")
    page.get_by_label("Why would that have helped?").fill("Faster backup.")
    save_and_continue(page)
    page.get_by_role("group", name="Would you like support?").get_by_label("No").check()
    save_and_continue(page)
    save_and_continue(page)
    page.get_by_label("I confirm this is a true account").check()
    follow(page.get_by_role("button", name="Submit debrief"))
    page.wait_for_url("**/submitted")
    follow(page.get_by_role("button", name="Sign out"))

    # A reviewer of the force sees both debriefs side by side.
    sign_in(page, "reviewer@aaa.example", PASSWORD)
    page.wait_for_url("**/review/")
    check_accessibility(page)
    follow(page.get_by_role("link", name="AAA-").first)
    page.wait_for_url("**/review/incidents/*")
    page.locator(".debrief-side-by-side section").nth(1).wait_for()
    assert page.locator(".debrief-side-by-side section").count() == 2
    assert "Jamie Colleague (Response" in page.content() and "Radio coverage on the bridge." in page.content()
    check_accessibility(page)
    screenshot(page, "review-incident")
