"""A signed-off RCA whose texts name real-looking people, a place and the force, and its release as a candidate.

Built through the same services a reviewer's clicks call (rca/service.py, release/service.py).
"""
from __future__ import annotations

from datetime import date, datetime, time

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import CaseStudy, Force, RootCauseAnalysis, TimelineEntry
from debrief.rca import service
from debrief.release import service as release_service
from tests.support.factories import create_force, create_user, submitted_debrief
from tests.support.rca_factories import write_report

SUMMARY = ("PC Ellie Morgan and PC Neil Dawson restrained Dean Walsh on Mill Lane, Ashford on 27 March after a "
           "call from his sister Karen. Northshire Police recorded it as a use of force.")
TIMELINE = [
    (time(22, 15), "Call from Karen Walsh about her brother on Mill Lane"),
    (time(22, 40), "Ellie Morgan arrived alone; Neil Dawson eight minutes later"),
    (time(22, 55), "Dean Walsh restrained on the ground for four minutes"),
]
FINDINGS = "Morgan waited alone for backup because night cover left one unit for the whole district."
# Everything the public must never see of this case.
SECRETS = ("Ellie", "Morgan", "Neil", "Dawson", "Dean", "Walsh", "Karen", "Mill Lane", "Ashford", "Northshire",
           "4417", "5530")


def named_people(force: Force | None = None) -> dict[str, object]:
    force = force or create_force(code="NSP", name="Northshire Police")
    return {
        "force": force,
        "officer": create_user(force=force, roles=[Role.OFFICER], name="Ellie Morgan", collar_number="4417",
                               email=f"ellie.morgan@{force.code.lower()}.example"),
        "colleague": create_user(force=force, roles=[Role.OFFICER], name="Neil Dawson", collar_number="5530",
                                 email=f"neil.dawson@{force.code.lower()}.example"),
        "lead": create_user(force=force, roles=[Role.REVIEWER], name="Tom Reilly", email=f"tom.reilly@{force.code.lower()}.example"),
        "second": create_user(force=force, roles=[Role.REVIEWER], name="Meera Joshi",
                              email=f"meera.joshi@{force.code.lower()}.example"),
    }


def signed_off_rca(who: dict[str, object], *,
                   actions: tuple[tuple[str, str], ...] = (("Audit the roster", "Resourcing team"),)) -> RootCauseAnalysis:
    """`actions`: (description, owner) of each action of the one recommendation."""
    officer, lead, second = who["officer"], who["lead"], who["second"]
    debrief = submitted_debrief(author=officer, reporter=who["colleague"], occurred_at=datetime(2026, 3, 27, 22, 15),
                                place="Mill Lane, Ashford")
    debrief.incident.summary = SUMMARY
    debrief.timeline = [TimelineEntry(at=at, what=what, source="My recollection", position=i)
                        for i, (at, what) in enumerate(TIMELINE)]
    db.session.commit()
    rca = service.start_rca(debrief.incident, actor=lead, level="concise", terms_of_reference="Why alone?")
    problem = service.mark_problem(rca, rca.chronology[1], actor=lead)
    factor = service.add_factor(rca, actor=lead, contributes_to=problem, label="No second unit at night",
                                category="working_conditions", evidence_kind="timeline",
                                evidence_entry_id=rca.chronology[1].id)
    service.set_root_cause(rca, factor, actor=lead, confirmed=True)
    write_report(rca, lead, FINDINGS)
    rec = service.save_recommendation(rca, actor=lead, recommendation=None, text="Review night cover",
                                      node_ids=[factor.id])
    for description, owner in actions:
        service.save_action(rca, actor=lead, recommendation=rec, action=None, description=description,
                            owner=owner, due_on=date(2026, 6, 1), measure="Two units on nights",
                            status="open", reason="", today=date(2026, 4, 1))
    service.send_for_review(rca, actor=lead)
    service.sign_off(rca, actor=second, comment="Signed off.")
    return rca


def released_case_study(who: dict[str, object], *, title: str = "Alone at night on a restraint",
                        **rca_options) -> CaseStudy:
    """Release the RCA with the anonymiser's text as it stands (flags justified) and return the candidate."""
    rca = signed_off_rca(who, **rca_options)
    lead = who["lead"]
    found = release_service.flags(rca, release_service.prepared(rca, release_service.release_for(rca)))
    release_service.save_decisions(rca, actor=lead, title=title, undone=[], redactions=[],
                                   justifications={f.code: "Reviewed: not identifying." for f in found})
    case_id = release_service.release(rca, actor=lead)
    return db.session.get(CaseStudy, case_id)
