"""Use of force per subject through the real forms (CSRF on), and what an officer sees of their incident's outcome."""
from __future__ import annotations

from datetime import datetime

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import Debrief
from tests.support.factories import submitted_debrief
from tests.support.pages import get_page, post_form, sign_in
from tests.support.publication_factories import create_case_study
from tests.support.release_factories import named_people, signed_off_rca
from tests.views.test_debriefs import ABOUT, start, step_url

USED_FORCE = {"used_force": "yes", "single_crewed": "no", "hours_on_duty": "4_to_8", "taser_trained": "yes",
              "taser_carried": "yes", "assaulted": "no", "continue": "1"}
HANDCUFFS = {"tactics": ["compliant_handcuffing"], "effective": ["compliant_handcuffing"], "injury_severity": "none",
             "bwv_worn": "no"}


def _used_force(client) -> Debrief:
    d = start(client)
    post_form(client, step_url(d, "use-of-force"), USED_FORCE, status=302)
    return d


def test_each_subject_has_its_own_tactics_taser_detail_injury_and_references(client, people):
    sign_in(client, "officer@aaa.example")
    d = _used_force(client)
    new = f"/debriefs/{d.id}/subjects/new"
    # The tactics step cannot be completed before a subject is recorded.
    none_yet = post_form(client, step_url(d, "tactics"), {"reasons": ["protect_self"], "continue": "1"}, status=200)
    assert none_yet.error_summary() == ["Add at least one person you used force on with ‘Add a subject’"]
    assert none_yet.html.select_one(".govuk-error-summary__list a")["href"] == new  # the page where it is done
    bad = post_form(client, new, {"tactics": ["taser", "ground_restraint"], "taser_levels": ["fired"],
                                  "restraint_position": "prone", "effective": ["baton_used"],
                                  "injury_severity": "minor", "bwv_worn": "yes", "log_reference": "CAD 77"},
                    status=200)
    assert bad.error_summary() == [
        "Enter how many cartridges were discharged", "Enter how many energy cycles there were",
        "Select who removed the probes", "Enter the aftercare given after Taser was discharged",
        "Enter how long the ground restraint lasted, in minutes", "Only mark tactics you used as effective",
        "Select the medical help for the person", "Select yes if body-worn video recorded the use of force"]
    assert bad.html.find("input", attrs={"name": "log_reference"})["value"] == "CAD 77"
    assert db.session.get(Debrief, d.id).subjects == []
    post_form(client, new, {"tactics": ["taser", "ground_restraint"], "taser_levels": ["aimed", "fired"],
                            "taser_cartridges": "2", "taser_cycles": "3", "probe_removal": "paramedic",
                            "aftercare": "Probes removed, checked by paramedic", "restraint_position": "prone",
                            "restraint_minutes": "6", "effective": ["taser"], "injury_severity": "minor",
                            "injury_medical": "provided", "bwv_worn": "yes", "bwv_recorded": "yes",
                            "bwv_reference": "BWV-1", "log_reference": "CAD 77", "custody_reference": "CU/1"},
              status=302)
    post_form(client, new, HANDCUFFS, status=302)
    post_form(client, step_url(d, "tactics"), {"reasons": ["protect_self"], "continue": "1"}, status=302)
    db.session.expire_all()
    d = db.session.get(Debrief, d.id)
    first, second = d.subjects
    assert (first.number, second.number) == (1, 2)
    taser = next(t for t in d.tactics_for(first) if t.tactic == "taser")
    assert (taser.taser_levels, taser.taser_cartridges, taser.taser_cycles, taser.probe_removal) == (
        ["aimed", "fired"], 2, 3, "paramedic")
    assert [t.tactic for t in d.tactics_for(second)] == ["compliant_handcuffing"]
    assert d.subject_injury(first).severity == "minor" and d.subject_injury(second) is None
    assert (first.bwv_worn, first.bwv_recorded, first.bwv_reference, first.custody_reference) == (
        True, True, "BWV-1", "CU/1")
    assert (second.bwv_worn, second.bwv_recorded) == (False, None)
    # The injuries step no longer asks about the subject: it is recorded with the force used on them.
    injuries = get_page(client, step_url(d, "injuries"))
    assert injuries.html.find("input", attrs={"name": "subject_severity"}) is None
    text = " ".join(get_page(client, f"/debriefs/{d.id}/check").text().split())
    assert "Subject 2: tactics Compliant handcuffing: effective" in text
    assert "Subject 1: references Log CAD 77, Custody or crime CU/1" in text
    # Removing a subject takes its tactics and injury with it.
    post_form(client, f"/debriefs/{d.id}/subjects/{first.id}/remove", {}, status=302, form_page=step_url(d, "tactics"))
    db.session.expire_all()
    d = db.session.get(Debrief, d.id)
    assert [s.number for s in d.subjects] == [2] and {t.tactic for t in d.tactics} == {"compliant_handcuffing"}
    assert [i for i in d.injuries if i.person == "subject"] == []


def test_saying_no_force_was_used_clears_the_subjects(client, people):
    sign_in(client, "officer@aaa.example")
    d = _used_force(client)
    post_form(client, f"/debriefs/{d.id}/subjects/new", HANDCUFFS, status=302)
    post_form(client, step_url(d, "use-of-force"), {**USED_FORCE, "used_force": "no"}, status=302)
    db.session.expire_all()
    d = db.session.get(Debrief, d.id)
    assert d.subjects == [] and d.tactics == []
    assert client.get(f"/debriefs/{d.id}/subjects/new").status_code == 404


def test_a_submitted_subject_is_amended_with_a_reason(client, people):
    officer = people[("A", Role.OFFICER)]
    d = submitted_debrief(author=officer, used_force=True)
    sign_in(client, "officer@aaa.example")
    # A submitted debrief that used force can have a subject added or changed, with a reason.
    url = f"/debriefs/{d.id}/subjects/new"
    refused = post_form(client, url, HANDCUFFS, status=200)
    assert refused.error_summary() == ["Enter why you are changing your submitted debrief"]
    post_form(client, url, {**HANDCUFFS, "reason": "Forgot the handcuffs"}, status=302)
    db.session.expire_all()
    d = db.session.get(Debrief, d.id)
    assert [a.reason for a in d.amendments] == ["Forgot the handcuffs"]
    assert {"field": "subject 1: tactics", "old": None, "new": ["compliant_handcuffing"]} in d.amendments[0].changes
    # Subjects are not removed from a submitted debrief: changed, with the reason kept.
    post_form(client, f"/debriefs/{d.id}/subjects/{d.subjects[0].id}/remove", {}, status=302,
              form_page=step_url(d, "tactics"))
    db.session.expire_all()
    assert len(db.session.get(Debrief, d.id).subjects) == 1


def test_my_debriefs_groups_hot_and_cold_by_incident_and_shows_the_outcome(client, app):
    who = named_people()
    rca = signed_off_rca(who)
    incident = rca.incident
    officer = who["officer"]
    hot = next(d for d in incident.debriefs if d.author_id == officer.id)
    cold = Debrief(incident=incident, author_id=officer.id, kind="cold", status="submitted",
                   submitted_at=datetime(2026, 4, 2, 10, 0), facilitator="Sgt Patel", section_status={})
    db.session.add(cold)
    other = submitted_debrief(author=officer)
    db.session.commit()
    sign_in(client, "ellie.morgan@nsp.example")
    home = get_page(client, "/officer")
    card = home.html.find(id=f"incident-{incident.id}")
    text = " ".join(card.get_text(" ").split())
    assert "Hot debrief" in text and "Cold debrief" in text
    assert text.index("Hot debrief") < text.index("Cold debrief")
    assert f"Root-cause analysis started {rca.started_on.strftime('%-d %B %Y')}" in text
    assert f"Signed off {rca.signed_off_at.strftime('%-d %B %Y')}" in text
    assert "read the case study" not in text
    # The RCA itself is never linked from the officer's page.
    assert not [a for a in home.html.find_all("a") if "/rca" in a["href"]]
    assert "Not taken to a root-cause analysis so far." in home.html.find(id=f"incident-{other.incident_id}").text
    assert hot.id != cold.id
    # Once the learning is published, the officer gets a link to the public case study.
    case = create_case_study(force=who["force"], status="published")
    case.source_rca_id = rca.id
    db.session.commit()
    card = get_page(client, "/officer").html.find(id=f"incident-{incident.id}")
    link = next(a for a in card.find_all("a") if "read the case study" in a.get_text())
    assert link["href"] == f"/magazine/case-studies/{case.id}"
    assert get_page(client, link["href"]).status == 200


def test_about_and_people_steps_still_work_for_a_new_debrief(client, people):
    sign_in(client, "officer@aaa.example")
    d = start(client)
    post_form(client, step_url(d, "about"), ABOUT, status=302)
    page = post_form(client, step_url(d, "people"), {"continue": "1"}, status=200)
    assert page.error_summary() == ["Select your role on the day"]
