"""Demo incidents and debriefs for seed-demo, so a new user sees a lived-in system. Idempotent.

Each hand-written scenario in `scenarios.json` (see `data.py`) becomes one incident per demo force, with its own date
(within the last ten months, never in the future), officers and debrief statuses. Deterministic: the same
anchor date gives the same records. Seed data is nobody's action, so nothing here is audited.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select

from debrief import reference as ref
from debrief.nationaldata.values import main_duty_code
from debrief.auth.roles import Role
from debrief.demo import data
from debrief.demo.accounts import demo_user, ensure_officers, force_by_code
from debrief.extensions import db
from debrief.models import (
    Debrief, DebriefTactic, Force, ForceSubject, Incident, IncidentOfficer, Injury, PublicPerson, TimelineEntry, User,
)

SEED = 2026
REFERENCE_PREFIX = "DEMO-"
DUE_DAYS = 3
OLDEST_DAYS = 305  # about ten months
STEP_SLUGS = ("use-of-force", "tactics", "injuries", "what-happened", "timeline", "reflection", "wellbeing",
              "intelligence")


@dataclass
class Crew:
    user: User
    role_on_day: str
    answers: dict[str, Any] | None
    status: str  # submitted / draft / requested


@dataclass
class Slot:
    scenario: dict[str, Any]
    days_ago: int
    crew: list[Crew] = field(default_factory=list)


def _general(role: str) -> bool:
    """A role the demo officer (a response PC) could have had on the day."""
    return role.startswith(("Response", "Neighbourhood")) and "sergeant" not in role.lower()


def _has_general_second(sc: dict) -> bool:
    return len(sc["crew"]) > 1 and sc["crew"][1][1] is not None and _general(sc["crew"][1][0])


def _general_lead(sc: dict) -> bool:
    return _general(sc["crew"][0][0])


def _bring_to(order: list[dict], pos: int, test) -> None:
    """Swap a scenario passing `test` from positions 0..pos into `pos` (later positions are already settled)."""
    for j in range(pos, -1, -1):
        if test(order[j]):
            order[j], order[pos] = order[pos], order[j]
            return
    raise ValueError("no demo scenario fits this slot")


def _plan(rng: random.Random, demo_officer: User, pcs: list[User], sergeant: User) -> list[Slot]:
    """Which scenario happens when, who was there, and how far each debrief has got.

    The last three slots are recent (a day or two ago): the demo officer's request that is not yet overdue,
    the demo officer's draft and another officer's draft. Older slots give the demo officer an overdue
    request, a debrief submitted for a colleague's incident and four incidents of their own."""
    order = list(data.scenarios()["scenarios"])
    rng.shuffle(order)
    n = len(order)
    _bring_to(order, n - 1, _has_general_second)
    _bring_to(order, n - 2, _general_lead)
    _bring_to(order, n - 3, _general_lead)
    days = sorted(rng.sample(range(6, OLDEST_DAYS), n - 3), reverse=True) + [2, 1, 1]

    demo_as: dict[int, tuple[int, str]] = {n - 1: (1, "requested"), n - 2: (0, "draft")}
    older = list(range(n - 3))
    rng.shuffle(older)
    seconds = [i for i in older if _has_general_second(order[i])]
    demo_as[seconds[0]] = (1, "requested")
    demo_as[seconds[1]] = (1, "submitted")
    leads = [i for i in older if _general_lead(order[i]) and i not in demo_as][:4]
    demo_as.update({i: (0, "submitted") for i in leads})

    slots = []
    for i, sc in enumerate(order):
        slot = Slot(scenario=sc, days_ago=days[i])
        demo_pos, demo_status = demo_as.get(i, (None, None))
        free = list(pcs)
        rng.shuffle(free)
        for k, (role, answers) in enumerate(sc["crew"]):
            if k == demo_pos:
                user, status = demo_officer, demo_status
            else:
                if "sergeant" in role.lower() and sergeant not in [c.user for c in slot.crew]:
                    user = sergeant
                else:
                    user = free.pop()
                if k == 0:
                    status = "draft" if i == n - 3 else "submitted"
                elif days[i] <= 2:
                    status = "requested"
                else:
                    status = "submitted" if rng.random() < 0.75 else "requested"
            slot.crew.append(Crew(user=user, role_on_day=role, answers=answers, status=status))
        slots.append(slot)
    return slots


class _Clock:
    """Times for one incident: shifted a little from the scenario's, and never later than the anchor."""

    def __init__(self, day: date, shift_minutes: int, ceiling: datetime):
        self.day, self.shift, self.ceiling = day, timedelta(minutes=shift_minutes), ceiling

    def at(self, hhmm: str) -> datetime:
        return datetime.combine(self.day, time.fromisoformat(hhmm)) + self.shift

    def cap(self, moment: datetime, floor: datetime) -> datetime:
        return max(floor, min(moment, self.ceiling))


def _fill_answers(debrief: Debrief, answers: dict[str, Any], clock: _Clock, *, draft: bool,
                  timeline_source: str | None = None, reflection: dict[str, Any] | None = None) -> None:
    """Copy a scenario's answers onto a debrief; a draft stops part-way through "What happened"."""
    uof = answers["force"]
    debrief.used_force = uof is not None
    # Shifts start at 07:00, 15:00 and 22:00 (as many response teams' do): time on duty is since the latest,
    # unless the scenario says the officer had been kept on longer.
    began = clock.at(answers["timeline"][0][0])
    debrief.hours_on_duty = answers.get("on_duty") or ref.shift_band(
        min((began.hour + began.minute / 60 - start) % 24 for start in (7, 15, 22)))
    if uof:
        debrief.reasons, debrief.impact_factors = list(uof["reasons"]), list(uof["impact"])
        for key in ("single_crewed", "taser_trained", "taser_carried", "assaulted"):
            setattr(debrief, key, uof[key])
        # The scenarios' force was used on one person: one subject holds it, as the national form records it.
        subject = ForceSubject(number=1, bwv_worn=True, bwv_recorded=True)
        debrief.subjects = [subject]
        debrief.tactics = [DebriefTactic(tactic=code, effective=effective, subject=subject,
                                         taser_levels=list((extra or {}).get("taser_levels", [])),
                                         position=(extra or {}).get("position"),
                                         duration_minutes=(extra or {}).get("duration_minutes"))
                           for code, effective, extra in uof["tactics"]]
    debrief.any_injuries = bool(answers["injuries"])
    debrief.injuries = [Injury(person=who, severity=severity, description=text, medical_help=help_, hospital=hosp,
                               subject=debrief.subjects[0] if who == "subject" and uof else None)
                        for who, severity, text, help_, hosp in answers["injuries"]]
    text = reflection or answers
    debrief.narrative = text["narrative"]
    rows = answers["timeline"][:2] if draft else answers["timeline"]
    debrief.timeline = [TimelineEntry(position=n, at=clock.at(at).time(), what=what,
                                      source=timeline_source or source)
                        for n, (at, what, source) in enumerate(rows)]
    status = {slug: "completed" for slug in STEP_SLUGS if slug != "tactics" or debrief.used_force}
    if draft:
        status.update({"what-happened": "in_progress", "timeline": "in_progress", "reflection": "not_started",
                       "wellbeing": "not_started", "intelligence": "not_started"})
        debrief.section_status = status
        return
    debrief.went_well, debrief.could_differ, debrief.why_differ = (
        text["went_well"], text["could_differ"], text["why_differ"])
    debrief.wellbeing_concerns = text["wellbeing"]
    debrief.support_wanted = text["support"] is not None
    debrief.support_details = text["support"]
    debrief.intelligence, debrief.concerns = text["intelligence"], text["concerns"]
    debrief.section_status = status


def _build_incident(force: Force, number: int, slot: Slot, rng: random.Random, ceiling: datetime,
                    today: date) -> Incident:
    sc = slot.scenario
    clock = _Clock(today - timedelta(days=slot.days_ago), rng.randint(-35, 35), ceiling)
    lead = slot.crew[0]
    occurred = min(clock.at(lead.answers["timeline"][0][0]), ceiling - timedelta(minutes=1))
    created = clock.cap(occurred + timedelta(minutes=rng.randint(40, 120)), occurred)
    incident = Incident(
        force_id=force.id, reference=f"{REFERENCE_PREFIX}{force.code}-{number:04d}", reporter_id=lead.user.id,
        occurred_at=occurred, location_type=sc["location"],
        place=sc["places"].get(force.code) or next(iter(sc["places"].values())),
        near_miss=sc["near_miss"], summary=sc["summary"], about_status="completed", people_status="completed",
        created_at=created, updated_at=created,
    )
    incident.set_themes(list(sc["themes"]))
    # The scenario's role ("Response PC") stored as the MAIN_DUTIES code the debrief form would save, so the
    # Patterns "main duty" figures show real duty groups.
    incident.officers = [IncidentOfficer(user_id=c.user.id, role_on_day=main_duty_code(c.role_on_day),
                                         collar_number=c.user.collar_number) for c in slot.crew]
    weights = [w for _, w in data.ETHNICITY_WEIGHTS]
    incident.public = [
        PublicPerson(role=p["role"], age_band=p["age_band"], sex=p["sex"],
                     ethnicity=p["ethnicity"] or rng.choices([e for e, _ in data.ETHNICITY_WEIGHTS], weights)[0],
                     ethnicity_basis=p["ethnicity_basis"], disability_known=p["disability_known"],
                     vulnerabilities=p["vulnerabilities"], number=n)
        for n, p in enumerate(sc["public"], start=1)
    ]
    db.session.add(incident)

    for k, member in enumerate(slot.crew):
        debrief = Debrief(incident=incident, author_id=member.user.id, kind="hot", status=member.status,
                          declaration=False, section_status={})
        if k == 0:
            started = created
        else:
            started = clock.cap(created + timedelta(minutes=rng.randint(5, 90)), created)
            debrief.requested_at = started
            debrief.due_at = started + timedelta(days=DUE_DAYS)
        debrief.created_at = debrief.updated_at = started
        if member.status in ("submitted", "draft"):
            _fill_answers(debrief, member.answers, clock, draft=member.status == "draft")
        if member.status == "submitted":
            debrief.submitted_at = clock.cap(started + timedelta(hours=rng.randint(2, 52)), started)
            debrief.updated_at = debrief.submitted_at
            debrief.declaration = True
        elif member.status == "draft":
            debrief.updated_at = clock.cap(started + timedelta(minutes=rng.randint(20, 240)), started)
        db.session.add(debrief)
    return incident


def _add_cold(incident: Incident, slot: Slot, force: Force, rng: random.Random, ceiling: datetime,
              today: date) -> None:
    """A facilitated cold debrief by the reporter, about a week after the incident."""
    cold, lead = slot.scenario["cold"], slot.crew[0]
    clock = _Clock(today - timedelta(days=slot.days_ago), 0, ceiling)
    held = clock.cap(incident.occurred_at + timedelta(days=rng.randint(5, 9), hours=rng.randint(1, 4)),
                     incident.occurred_at)
    debrief = Debrief(incident=incident, author_id=lead.user.id, kind="cold", status="submitted",
                      facilitator=data.scenarios()["facilitators"].get(force.code, "Duty inspector"),
                      attendees=cold["attendees"],
                      created_at=held, declaration=True, section_status={})
    _fill_answers(debrief, lead.answers, clock, draft=False, timeline_source="Agreed at the cold debrief",
                  reflection=cold)
    debrief.submitted_at = debrief.updated_at = clock.cap(held + timedelta(hours=rng.randint(2, 6)), held)
    db.session.add(debrief)


def demo_incidents_exist() -> bool:
    return db.session.scalar(
        select(Incident.id).where(Incident.reference.like(REFERENCE_PREFIX + "%")).limit(1)) is not None


def seed_incidents(today: date | None = None) -> int:
    """Demo officers, incidents and debriefs for the demo forces; returns how many incidents were made (0 if
    they already exist). Needs the forces and role users from `seed_demo`. Commits once at the end."""
    if demo_incidents_exist():
        return 0
    today = today or date.today()
    ceiling = datetime.combine(today, time.min)  # everything is dated yesterday or earlier
    rng = random.Random(SEED)
    made = 0
    for code, _name in data.FORCES:
        force = force_by_code(code)
        demo_officer = demo_user(code, Role.OFFICER)
        if force is None or demo_officer is None:
            continue
        pcs, sergeant = ensure_officers(force)
        slots = _plan(rng, demo_officer, pcs, sergeant)
        cold_done = False
        for number, slot in enumerate(slots, start=1):
            incident = _build_incident(force, number, slot, rng, ceiling, today)
            made += 1
            if (not cold_done and "cold" in slot.scenario and slot.days_ago >= 14
                    and slot.crew[0].status == "submitted"):
                _add_cold(incident, slot, force, rng, ceiling, today)
                cold_done = True
    db.session.commit()
    return made
