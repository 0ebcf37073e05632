"""Guided debriefs through the real forms (CSRF on): steps, errors, save for later, submit, amend, access."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import AuditEvent, Debrief, Incident
from tests.support.factories import create_user, submitted_debrief
from tests.support.pages import get_page, post_form, sign_in

YESTERDAY = date.today() - timedelta(days=1)
ABOUT = {"occurred_date": [str(YESTERDAY.day), str(YESTERDAY.month), str(YESTERDAY.year)],
         "occurred_time": "14:30", "near_miss": "no", "location_type": "street",
         "place": "outside the railway station", "themes": ["use_of_force", "mental_health"],
         "summary": "A man in crisis was detained.", "continue": "1"}


def start(client) -> Debrief:
    page = post_form(client, "/debriefs/new", {"kind": "hot"}, status=302)
    return db.session.get(Debrief, int(page.response.headers["Location"].split("/")[2]))


def step_url(d, slug):
    return f"/debriefs/{d.id}/{slug}"


def test_full_debrief_with_force_and_injuries(client, people, forces):
    sign_in(client, "officer@aaa.example")
    d = start(client)
    assert post_form(client, step_url(d, "about"), ABOUT, status=302).response.headers["Location"] == \
        step_url(d, "people")
    colleague = create_user(force=forces["A"], name="Priya Shah", collar_number="4521")
    people_page = step_url(d, "people")
    post_form(client, f"/debriefs/{d.id}/people/colleagues", {"user_id": str(colleague.id)}, status=302,
              form_page=people_page)
    post_form(client, people_page, {"role_on_day": "response", "continue": "1"}, status=302)
    page = post_form(client, step_url(d, "use-of-force"), {
        "used_force": "yes", "single_crewed": "no", "hours_on_duty": "10_to_12", "taser_trained": "yes",
        "taser_carried": "yes", "assaulted": "no", "continue": "1"}, status=302)
    assert page.response.headers["Location"] == step_url(d, "tactics")
    subject = post_form(client, f"/debriefs/{d.id}/subjects/new", {
        "tactics": ["taser", "ground_restraint"], "taser_levels": ["drawn", "fired"], "taser_cartridges": "1",
        "taser_cycles": "1", "probe_removal": "paramedic", "aftercare": "Seen by a paramedic",
        "restraint_position": "prone", "restraint_minutes": "4", "effective": ["taser"],
        "injury_severity": "minor", "injury_description": "Taser barb marks", "injury_medical": "provided",
        "bwv_worn": "yes", "bwv_recorded": "yes", "bwv_reference": "BWV-77", "log_reference": "CAD 1234"})
    assert subject.status == 302, subject.error_summary()
    post_form(client, step_url(d, "tactics"), {
        "reasons": ["protect_self"], "impact_factors": ["mental_health"], "continue": "1"}, status=302)
    post_form(client, step_url(d, "injuries"), {
        "any_injuries": "yes", "officer_severity": "none", "officer_medical": "none", "continue": "1"},
        status=302)
    post_form(client, step_url(d, "what-happened"), {"narrative": "I was sent to a man on a bridge.",
                                                     "continue": "1"}, status=302)
    post_form(client, step_url(d, "timeline"), {"entry-at": "14:31", "entry-what": "Arrived",
                                                "entry-source": "BWV", "action": "add"}, status=302)
    token = get_page(client, step_url(d, "timeline")).html.find("input", attrs={"name": "entry-csrf_token"})["value"]
    assert client.post(step_url(d, "timeline"), data={"action": "continue"}).status_code == 400
    assert client.post(step_url(d, "timeline"), data={"action": "continue", "entry-csrf_token": token}
                       ).status_code == 302
    post_form(client, step_url(d, "reflection"), {"went_well": "Calm talk", "could_differ": "Earlier MH triage",
                                                  "why_differ": "Less force", "continue": "1"}, status=302)
    post_form(client, step_url(d, "wellbeing"), {"wellbeing_concerns": "", "support_wanted": "no",
                                                 "continue": "1"}, status=302)
    page = post_form(client, step_url(d, "intelligence"), {"intelligence": "", "concerns": "", "continue": "1"},
                     status=302)
    assert page.response.headers["Location"] == f"/debriefs/{d.id}/check"
    check = get_page(client, f"/debriefs/{d.id}/check")
    text = " ".join(check.text().split())
    assert ("Taser (conducted energy device) (drawn, fired; 1 cartridge; 1 cycle; probes: a paramedic; "
            "aftercare: Seen by a paramedic): effective") in text
    assert "Ground restraint (prone, 4 minutes): not effective" in text
    assert "Subject 1: body-worn video Worn, recorded, reference BWV-77" in text
    assert "Time on duty 10 to 12 hours" in " ".join(check.text().split())
    no_declaration = post_form(client, f"/debriefs/{d.id}/check", {}, status=200)
    assert no_declaration.error_summary() == ["Confirm the declaration to submit your debrief"]
    post_form(client, f"/debriefs/{d.id}/check", {"declaration": "y"}, status=302)
    db.session.expire_all()
    d = db.session.get(Debrief, d.id)
    assert d.status == "submitted" and d.tactic("taser").taser_levels == ["drawn", "fired"]
    assert d.tactic("ground_restraint").duration_minutes == 4 and d.injuries[0].severity == "minor"
    assert [(s.number, s.log_reference) for s in d.subjects] == [(1, "CAD 1234")]
    assert {t.subject_id for t in d.tactics} == {d.subjects[0].id} == {d.injuries[0].subject_id}
    assert d.hours_on_duty == "10_to_12"
    # The named colleague was asked for their own debrief, due in 3 days.
    request = db.session.scalar(select(Debrief).where(Debrief.author_id == colleague.id))
    assert request.status == "requested" and (request.due_at - request.requested_at).days == 3
    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"incident.created", "debrief.updated", "debrief.requested", "debrief.submitted",
            "debrief.viewed"} <= actions


def test_errors_keep_what_was_typed_and_say_how_to_fix(client, people):
    sign_in(client, "officer@aaa.example")
    d = start(client)
    future = date.today() + timedelta(days=3)
    page = post_form(client, step_url(d, "about"), {
        **ABOUT, "occurred_date": [str(future.day), str(future.month), str(future.year)],
        "occurred_time": "25:99", "place": ""}, status=200)
    assert page.title.startswith("Error: ")
    assert page.error_summary() == [
        "The date of the incident must be today or in the past",
        "Enter the time of the incident as hours and minutes, for example 14:30",
        "Enter where the incident happened",
    ]
    assert page.html.select_one(".govuk-error-summary a")["href"] == "#occurred_date-day"
    assert page.html.find("input", attrs={"name": "occurred_time"})["value"] == "25:99"
    assert "A man in crisis was detained." in page.html.find("textarea", attrs={"name": "summary"}).text
    db.session.expire_all()
    assert db.session.get(Debrief, d.id).incident.place is None


def test_hand_made_date_with_one_part_is_an_error_not_a_crash(client, people):
    sign_in(client, "officer@aaa.example")
    d = start(client)
    page = post_form(client, step_url(d, "about"), {**ABOUT, "occurred_date": "12"}, status=200)
    assert page.error_summary()[0] == "Enter the date of the incident"


def test_save_and_come_back_later_keeps_valid_answers(client, people):
    sign_in(client, "officer@aaa.example")
    d = start(client)
    page = post_form(client, step_url(d, "reflection"), {"went_well": "Good teamwork", "later": "1"}, status=302)
    assert page.response.headers["Location"] == "/officer"
    db.session.expire_all()
    d = db.session.get(Debrief, d.id)
    assert d.went_well == "Good teamwork" and d.section_status["reflection"] == "in_progress"
    assert "Good teamwork" in get_page(client, step_url(d, "reflection")).html.find(
        "textarea", attrs={"name": "went_well"}).text
    assert "In progress" in get_page(client, f"/debriefs/{d.id}").text()


def test_amendment_after_submission_is_kept_with_reason(client, people):
    d = submitted_debrief(author=people[("A", Role.OFFICER)])
    sign_in(client, "officer@aaa.example")
    no_reason = post_form(client, step_url(d, "reflection"), {
        "went_well": "Much better teamwork", "could_differ": d.could_differ, "why_differ": d.why_differ},
        status=200)
    assert "Enter why you are changing your submitted debrief" in no_reason.error_summary()
    post_form(client, step_url(d, "reflection"), {
        "went_well": "Much better teamwork", "could_differ": d.could_differ, "why_differ": d.why_differ,
        "reason": "Typo"}, status=302)
    db.session.expire_all()
    d = db.session.get(Debrief, d.id)
    assert d.went_well == "Much better teamwork"
    assert d.amendments[0].changes == [{"field": "went_well", "old": "Good communication.",
                                        "new": "Much better teamwork"}]
    sign_in(reviewer := client.application.test_client(), "reviewer@aaa.example")
    page = get_page(reviewer, f"/review/incidents/{d.incident_id}")
    assert "Edit history" in page.text() and "Reason: Typo" in page.text()


def test_officer_cannot_open_another_officers_debrief(client, people, forces):
    from tests.support.factories import create_user

    other = create_user(force=forces["A"], roles=[Role.OFFICER])
    d = submitted_debrief(author=other)
    sign_in(client, "officer@aaa.example")
    # 404, as for an id that does not exist (was 403, which told them the debrief exists).
    assert client.get(f"/debriefs/{d.id}/check").status_code == 404
    assert client.get(f"/debriefs/{d.id}/reflection").status_code == 404
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "access.denied"))
    assert event.details["path"] == f"/debriefs/{d.id}/check"


def test_reviewer_cannot_open_another_forces_incident(client, people):
    d = submitted_debrief(author=people[("B", Role.OFFICER)])
    sign_in(client, "reviewer@aaa.example")
    assert client.get(f"/review/incidents/{d.incident_id}").status_code == 404
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "access.denied")) is not None


def test_learning_team_cannot_open_any_debrief(client, people):
    d = submitted_debrief(author=people[("A", Role.OFFICER)])
    sign_in(client, "learning@aaa.example")
    for path in (f"/debriefs/{d.id}/check", f"/review/incidents/{d.incident_id}", "/review/"):
        assert client.get(path).status_code == 403
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "access.denied")) is not None


def test_review_queue_filters(client, people):
    officer = people[("A", Role.OFFICER)]
    submitted_debrief(author=officer, near_miss=True, themes=["custody"])
    submitted_debrief(author=officer, used_force=True)
    sign_in(client, "reviewer@aaa.example")
    assert "2 incidents" in get_page(client, "/review/").text()
    assert "1 incidents" in get_page(client, "/review/?near_miss=yes").text()
    assert "1 incidents" in get_page(client, "/review/?theme=custody").text()
    assert "1 incidents" in get_page(client, "/review/?use_of_force=yes").text()
    bad = get_page(client, "/review/?from=2026-13-01")
    assert bad.title.startswith("Error: ") and "Enter a real ‘From’ date" in bad.error_summary()[0]


def test_duplicate_warning(client, people):
    first = submitted_debrief(author=people[("A", Role.OFFICER)], place="outside the railway station")
    sign_in(client, "officer@aaa.example")
    d = start(client)
    when = first.incident.occurred_at
    post_form(client, step_url(d, "about"), {**ABOUT, "occurred_date": [str(when.day), str(when.month),
                                                                         str(when.year)]}, status=302)
    assert "may be the same incident as" in get_page(client, f"/debriefs/{d.id}").text()
    assert db.session.scalar(select(Incident).where(Incident.id == d.incident_id)) is not None


def test_colleague_accepts_a_request_and_gives_their_role(client, people):
    sign_in(client, "officer@aaa.example")
    d = start(client)
    colleague = create_user(force=people[("A", Role.OFFICER)].force, email="priya@aaa.example", collar_number="4521")
    post_form(client, f"/debriefs/{d.id}/people/colleagues", {"user_id": str(colleague.id)}, status=302,
              form_page=step_url(d, "people"))
    request = db.session.scalar(select(Debrief).where(Debrief.author_id == colleague.id))
    other = client.application.test_client()
    sign_in(other, "priya@aaa.example")
    missing = post_form(other, f"/debriefs/{request.id}/start", {"kind": "hot"}, status=200)
    assert missing.error_summary() == ["Select your role on the day"]
    post_form(other, f"/debriefs/{request.id}/start", {"kind": "hot", "role_on_day": "custody"}, status=302)
    db.session.expire_all()
    request = db.session.get(Debrief, request.id)
    assert request.status == "draft"
    assert {o.user_id: o.role_on_day for o in request.incident.officers}[colleague.id] == "custody"


def test_an_end_before_the_start_is_refused_unless_it_ran_past_midnight(client, people):
    sign_in(client, "officer@aaa.example")
    d = start(client)
    # Two days ago, so "the next day at 01:15" is in the past whatever the time of day the test runs.
    earlier = YESTERDAY - timedelta(days=1)
    about = {**ABOUT, "occurred_date": [str(earlier.day), str(earlier.month), str(earlier.year)]}
    page = post_form(client, step_url(d, "about"), {**about, "ended_time": "13:00"}, status=200)
    assert "The time it ended must be after the time it started" in page.error_summary()[0]
    assert page.html.find("input", attrs={"name": "ended_time"})["value"] == "13:00"
    post_form(client, step_url(d, "about"), {**about, "ended_time": "01:15", "ended_next_day": "y"}, status=302)
    db.session.expire_all()
    incident = db.session.get(Debrief, d.id).incident
    assert incident.ended_at.date() == earlier + timedelta(days=1) and incident.ended_at.hour == 1
