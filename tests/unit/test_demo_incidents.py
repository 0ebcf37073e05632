"""seed-demo's incidents: enough, varied, believable, idempotent, dated in the past and free of public names."""
from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from debrief import reference as ref
from debrief.auth.roles import Role
from debrief.demo import DEMO_FORCES, demo_email, seed_demo
from debrief.demo.incidents import STEP_SLUGS, seed_incidents
from debrief.extensions import db
from debrief.models import Debrief, Incident, User
from tests.support.factories import create_force, create_user

# Common first names that no demo user has: none may appear in any demo text.
COMMON_NAMES = [
    "John", "David", "Michael", "Sarah", "James", "Emma", "Mohammed", "Muhammad", "Olivia", "Jack", "Chloe",
    "Jessica", "Robert", "Paul", "Lisa", "Karen", "Stephen", "Ryan", "Aaron", "Kayleigh", "Shannon", "Connor",
    "Liam", "Sophie", "Ahmed", "Daniel", "Rebecca", "Leanne", "Wayne", "Craig", "Jade", "Amy", "Kevin", "Gary",
    "Tracey", "Rowan", "Victoria", "George", "Charlotte", "Harry", "Jordan", "Kyle", "Stacey", "Natalie",
]
TITLE_AND_NAME = re.compile(r"\b(Mr|Mrs|Ms|Miss|Mx|Dr)\.? [A-Z]")


@pytest.fixture
def seeded(app, demo_data):
    """Works whether or not seed_demo already calls seed_incidents: returns how many demo incidents exist.
    (demo_data: the test's database is a copy of one seed_demo() filled; test_cli seeds a fresh one itself.)"""
    already = db.session.scalar(select(func.count(Incident.id)))
    made = seed_incidents()
    assert made == 0 if already else made > 0
    return db.session.scalar(select(func.count(Incident.id)))


def _demo_officer(code: str) -> User:
    return db.session.scalar(select(User).where(User.email == demo_email(code, Role.OFFICER)))


def _texts(incident: Incident) -> list[str]:
    out = [incident.place or "", incident.summary or ""]
    for d in incident.debriefs:
        out += [d.narrative or "", d.went_well or "", d.could_differ or "", d.why_differ or "",
                d.wellbeing_concerns or "", d.support_details or "", d.intelligence or "", d.concerns or ""]
        out += [e.what for e in d.timeline] + [i.description or "" for i in d.injuries]
    return out


def test_seeds_enough_incidents_across_both_forces(seeded):
    assert seeded >= 32
    incidents = db.session.scalars(select(Incident)).all()
    assert len(incidents) == seeded
    per_force = Counter(i.force.code for i in incidents)
    assert set(per_force) == {code for code, _ in DEMO_FORCES}
    assert min(per_force.values()) >= 15
    assert all(re.fullmatch(rf"DEMO-{i.force.code}-\d{{4}}", i.reference) for i in incidents)
    assert len({t for i in incidents for t in i.themes}) >= 10
    assert len({i.location_type for i in incidents}) >= 6
    assert all(2 <= len(i.themes) <= 3 for i in incidents)
    assert all(1 <= len(i.officers) <= 3 for i in incidents)
    assert all(i.reporter_id in {o.user_id for o in i.officers} for i in incidents)
    assert all(o.user.force_id == i.force_id for i in incidents for o in i.officers)


def test_mix_of_near_misses_force_and_injuries(seeded):
    incidents = db.session.scalars(select(Incident)).all()
    near = sum(1 for i in incidents if i.near_miss)
    assert 0.2 <= near / len(incidents) <= 0.45
    debriefs = [d for i in incidents for d in i.debriefs]
    fired = {d.incident_id for d in debriefs for t in d.tactics if t.tactic == "taser" and "fired" in t.taser_levels}
    prone = {d.incident_id for d in debriefs for t in d.tactics
             if t.tactic == "ground_restraint" and t.position == "prone"}
    assert len(fired) >= 4 and len(prone) >= 4
    force_share = sum(1 for i in incidents if any(d.used_force for d in i.debriefs)) / len(incidents)
    injury_share = sum(1 for i in incidents if any(d.any_injuries for d in i.debriefs)) / len(incidents)
    assert 0.5 <= force_share <= 0.75
    assert 0.25 <= injury_share <= 0.45
    severities = Counter(x.severity for d in debriefs for x in d.injuries)
    assert severities["minor"] > severities["severe"] > 0 and severities["fatal"] == 0
    for d in debriefs:
        for t in d.tactics:
            if t.tactic == "ground_restraint":
                assert t.position and 1 <= t.duration_minutes <= 15
    assert sum(1 for d in debriefs if d.kind == "cold" and d.facilitator and d.attendees) >= 2
    on_duty = Counter(d.hours_on_duty for d in debriefs if d.status != "requested")
    assert None not in on_duty and len(on_duty) >= 3 and on_duty["10_to_12"] >= 1  # a long shift too


def test_every_code_is_from_the_vocabularies(seeded):
    vocab = {name: set(ref.codes(getattr(ref, name))) for name in (
        "INCIDENT_TYPES", "LOCATION_TYPES", "TACTICS", "TASER_LEVELS", "RESTRAINT_POSITIONS", "IMPACT_FACTORS",
        "FORCE_REASONS", "INJURY_SEVERITIES", "AGE_BANDS", "SEXES", "ETHNICITIES", "ETHNICITY_BASES",
        "VULNERABILITY_FLAGS", "PERSON_ROLES", "DEBRIEF_KINDS", "SHIFT_HOURS")}
    for i in db.session.scalars(select(Incident)):
        assert set(i.themes) <= vocab["INCIDENT_TYPES"] and i.location_type in vocab["LOCATION_TYPES"]
        for p in i.public:
            assert p.role in vocab["PERSON_ROLES"] and p.age_band in vocab["AGE_BANDS"]
            assert p.sex in vocab["SEXES"] and p.ethnicity in vocab["ETHNICITIES"]
            assert p.ethnicity_basis in vocab["ETHNICITY_BASES"] and p.disability_known in {"yes", "no", "not_known"}
            assert set(p.vulnerability_codes) <= vocab["VULNERABILITY_FLAGS"]
        for d in i.debriefs:
            assert d.kind in vocab["DEBRIEF_KINDS"]
            assert d.hours_on_duty is None or d.hours_on_duty in vocab["SHIFT_HOURS"]
            assert set(d.reasons) <= vocab["FORCE_REASONS"] and set(d.impact_factors) <= vocab["IMPACT_FACTORS"]
            assert set(d.section_status) <= set(STEP_SLUGS)
            assert set(d.section_status.values()) <= {"completed", "in_progress", "not_started"}
            for t in d.tactics:
                assert t.tactic in vocab["TACTICS"] and set(t.taser_levels) <= vocab["TASER_LEVELS"]
                assert t.position is None or t.position in vocab["RESTRAINT_POSITIONS"]
            for x in d.injuries:
                assert x.person in {"subject", "officer"} and x.severity in vocab["INJURY_SEVERITIES"]
                assert x.medical_help in {"none", "offered", "provided"}


def test_statuses_are_consistent(seeded):
    for d in db.session.scalars(select(Debrief)):
        if d.status == "submitted":
            assert d.declaration and d.submitted_at and d.narrative and d.timeline
            assert 3 <= len(d.timeline) <= 6
            assert all(v == "completed" for v in d.section_status.values())
            assert ("tactics" in d.section_status) == bool(d.used_force)
            assert d.used_force is not None and d.any_injuries is not None
        elif d.status == "draft":
            assert not d.declaration and d.submitted_at is None
            assert "not_started" in d.section_status.values()
        else:
            assert d.status == "requested" and d.narrative is None
            assert d.due_at == d.requested_at + timedelta(days=3)
        if d.author_id != d.incident.reporter_id:
            assert d.requested_at is not None


def test_nothing_is_dated_in_the_future(seeded):
    now = datetime.now()
    for i in db.session.scalars(select(Incident)):
        assert i.occurred_at <= now and i.occurred_at >= now - timedelta(days=320)
        assert i.created_at >= i.occurred_at
        for d in i.debriefs:
            for moment in (d.requested_at, d.submitted_at, d.created_at, d.updated_at):
                assert moment is None or i.occurred_at <= moment <= now
    requested = db.session.scalars(select(Debrief).where(Debrief.status == "requested")).all()
    assert any(d.due_at < now for d in requested) and any(d.due_at > now for d in requested)


def test_is_idempotent(seeded):
    counts = (db.session.scalar(select(func.count(Incident.id))), db.session.scalar(select(func.count(Debrief.id))),
              db.session.scalar(select(func.count(User.id))))
    assert seed_incidents() == 0
    seed_demo()
    assert counts == (db.session.scalar(select(func.count(Incident.id))),
                      db.session.scalar(select(func.count(Debrief.id))),
                      db.session.scalar(select(func.count(User.id))))


def test_demo_officers_have_a_lived_in_my_debriefs(seeded):
    now = datetime.now()
    for code, _ in DEMO_FORCES:
        officer = _demo_officer(code)
        mine = db.session.scalars(select(Debrief).where(Debrief.author_id == officer.id)).all()
        statuses = Counter(d.status for d in mine)
        assert statuses["submitted"] >= 3 and statuses["draft"] >= 1
        requests = [d for d in mine if d.status == "requested"]
        assert requests and all(d.incident.reporter_id != officer.id for d in requests)
        assert any(d.due_at > now for d in requests)
        assert any(d.incident.reporter_id == officer.id for d in mine)
        extra = db.session.scalars(select(User).where(User.force_id == officer.force_id,
                                                      User.email.like("p_.%"))).all()
        assert 3 <= len(extra) <= 4 and all(u.has_role(Role.OFFICER) and u.collar_number for u in extra)


def test_no_names_of_the_public_in_any_text(seeded):
    user_names = {part for u in db.session.scalars(select(User)) for part in u.name.split()}
    forbidden = set(COMMON_NAMES) | user_names
    pattern = re.compile(r"\b(" + "|".join(sorted(forbidden)) + r")\b")
    for incident in db.session.scalars(select(Incident)):
        for text in _texts(incident):
            assert not pattern.search(text), text
            assert not TITLE_AND_NAME.search(text), text


def test_texts_are_not_all_the_same(seeded):
    narratives = [d.narrative for d in db.session.scalars(select(Debrief)) if d.narrative]
    assert len(set(narratives)) >= 30


def test_a_fixed_anchor_date_gives_dates_before_it(app):
    for code, name in DEMO_FORCES:  # just what seed_incidents needs, without seed_demo's own incidents
        create_user(force=create_force(code=code, name=name), email=demo_email(code, Role.OFFICER))
    anchor = date(2026, 3, 1)
    assert seed_incidents(today=anchor) >= 32
    latest = db.session.scalar(select(func.max(Incident.occurred_at)))
    assert latest < datetime(2026, 3, 1)


def test_each_officers_role_on_the_day_is_a_main_duty_group(seeded):
    from debrief.models import IncidentOfficer

    roles = Counter(db.session.scalars(select(IncidentOfficer.role_on_day)))
    assert set(roles) <= set(ref.codes(ref.MAIN_DUTIES)) | {None}
    assert {"response", "custody"} <= set(roles)  # real groups, not "Another value"
