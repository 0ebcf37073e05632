"""Keyword-only factories for test records, going through the same services as the app."""
from __future__ import annotations

import itertools

from sqlalchemy import func, select

from debrief.auth.roles import Role
from debrief.auth.service import create_user as create_user_service
from debrief.extensions import db
from debrief.models import AuditEvent, Force, User

PASSWORD = "correct-horse-battery"
_seq = itertools.count(1)


def create_force(*, code: str = "TST", name: str | None = None) -> Force:
    force = db.session.scalar(select(Force).where(Force.code == code))
    if force is None:
        force = Force(code=code, name=name or f"{code} Police")
        db.session.add(force)
        db.session.commit()
    return force


def create_user(*, force: Force, roles=(Role.OFFICER,), email: str | None = None, name: str | None = None,
                password: str = PASSWORD, collar_number: str | None = None) -> User:
    n = next(_seq)
    return create_user_service(
        email=email or f"user{n}@{force.code.lower()}.example",
        name=name or f"Test User {n}",
        force=force,
        roles=[Role(r) for r in roles],
        password=password,
        actor=None,
        collar_number=collar_number,
    )


TWO_FORCES = (("A", "AAA", "Alphashire Police"), ("B", "BBB", "Bravoshire Constabulary"))


def two_forces() -> dict[str, Force]:
    """The suite's two forces, keyed "A" and "B"."""
    return {key: create_force(code=code, name=name) for key, code, name in TWO_FORCES}


def one_user_per_role(forces: dict[str, Force]) -> dict[tuple[str, Role], User]:
    """One user per role in each force, keyed like ('A', Role.ADMIN). Those already in the database (copied from
    the template the `people` fixture's tests start from, made by this same function) are read back, not made again."""
    people = {}
    for key, force in forces.items():
        for role in Role:
            email = f"{role.value}@{force.code.lower()}.example"
            people[(key, role)] = db.session.scalar(select(User).where(User.email == email)) or create_user(
                force=force, roles=[role], email=email, name=f"{role.label} {key}")
    return people


def submitted_debrief(*, author: User, reporter: User | None = None, **answers):
    """A complete, submitted debrief of a new incident; `reporter` started the incident (default: author)."""
    from datetime import datetime, time, timedelta

    from debrief.debriefs.steps import COMPLETED, STEP_BY_SLUG
    from debrief.models import Debrief, Incident, IncidentOfficer, TimelineEntry, utcnow

    reporter = reporter or author
    n = next(_seq)
    incident = Incident(
        force_id=author.force_id, reference=f"{author.force.code}-T-{n:04d}", reporter_id=reporter.id,
        occurred_at=answers.pop("occurred_at", datetime.now().replace(microsecond=0) - timedelta(days=2)),
        location_type="street", place=answers.pop("place", f"High Street {n}"), near_miss=answers.pop("near_miss", False),
        summary="A man was detained after a struggle.", about_status=COMPLETED, people_status=COMPLETED,
    )
    incident.set_themes(answers.pop("themes", ["use_of_force"]))
    incident.officers = [IncidentOfficer(user_id=author.id)] + (
        [IncidentOfficer(user_id=reporter.id)] if reporter.id != author.id else [])
    db.session.add(incident)
    defaults = dict(
        kind="hot", status="submitted", submitted_at=utcnow(), declaration=True,
        section_status={slug: COMPLETED for slug in STEP_BY_SLUG if not STEP_BY_SLUG[slug].shared},
        used_force=False, single_crewed=False, hours_on_duty="4_to_8", taser_trained=True, taser_carried=True,
        assaulted=False,
        any_injuries=False, narrative="I attended and spoke to the man.", went_well="Good communication.",
        could_differ="Earlier backup.", why_differ="Safer for everyone.", wellbeing_concerns="Tired after a long shift",
        support_wanted=False, intelligence=None, concerns=None,
    )
    defaults.update(answers)
    debrief = Debrief(incident=incident, author_id=author.id, **defaults)
    debrief.timeline = [TimelineEntry(at=time(14, 30), what="Arrived", source="My recollection", position=0)]
    db.session.add(debrief)
    db.session.commit()
    return debrief


def audit_count(action: str) -> int:
    """How many audit events of `action` have been recorded."""
    return db.session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == action))
