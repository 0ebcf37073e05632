"""Support requests of a force and their acknowledgement (audited), and what a reviewer may know of them: only that
support was asked for and whether it was answered."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import joinedload, lazyload

from debrief.errors import ServiceError
from debrief.audit import record
from debrief.extensions import db
from debrief.models import Debrief, Incident, SupportAcknowledgement, User
from debrief.models.debrief import DebriefStatus


@dataclass(frozen=True)
class SupportStatus:
    """All a PSD reviewer (or the officer's own list) is told: asked for, and acknowledged when."""

    asked: bool
    acknowledged_at: datetime | None

    @property
    def text(self) -> str:
        if not self.asked:
            return "Not asked for"
        if self.acknowledged_at is None:
            return "Asked for; not yet acknowledged by the force's wellbeing contact"
        return f"Asked for; acknowledged by the force's wellbeing contact on {self.acknowledged_at:%-d %B %Y}"


def acknowledgement_for(debrief: Debrief) -> SupportAcknowledgement | None:
    return db.session.scalar(select(SupportAcknowledgement).where(SupportAcknowledgement.debrief_id == debrief.id))


def support_status(debrief: Debrief) -> SupportStatus:
    ack = acknowledgement_for(debrief) if debrief.support_wanted else None
    return SupportStatus(bool(debrief.support_wanted), ack.acknowledged_at if ack else None)


# Built once: a reused statement keeps its cache key (every officer's home page runs it).
_ACKNOWLEDGED = (select(SupportAcknowledgement.debrief_id, SupportAcknowledgement.acknowledged_at)
                 .where(SupportAcknowledgement.debrief_id.in_(bindparam("ids", expanding=True))))


def support_statuses(debriefs: list[Debrief]) -> dict[int, SupportStatus]:
    """support_status() of each debrief, by debrief id, in one query."""
    asked = [d.id for d in debriefs if d.support_wanted]
    acknowledged = dict(db.session.connection().execute(_ACKNOWLEDGED, {"ids": asked}).all()) if asked else {}
    return {d.id: SupportStatus(bool(d.support_wanted), acknowledged.get(d.id)) for d in debriefs}


def requests_for_force(force_id: int) -> list[tuple[Debrief, SupportAcknowledgement | None]]:
    """Submitted debriefs of the force that asked for support, unacknowledged first, newest first."""
    rows = db.session.execute(
        select(Debrief, SupportAcknowledgement)
        .join(Incident, Incident.id == Debrief.incident_id)
        .outerjoin(SupportAcknowledgement, SupportAcknowledgement.debrief_id == Debrief.id)
        .where(Incident.force_id == force_id, Debrief.status == DebriefStatus.SUBMITTED, Debrief.support_wanted.is_(True))
        .order_by(Debrief.submitted_at.desc(), Debrief.id.desc())
        .options(lazyload("*"), joinedload(Debrief.author).lazyload("*"))).all()
    return sorted(((d, a) for d, a in rows), key=lambda row: row[1] is not None)


def request_in_force(debrief_id: int, force_id: int) -> Debrief | None:
    """A submitted support request of the force, or None (another force's look as if they do not exist)."""
    return db.session.scalar(
        select(Debrief).join(Incident, Incident.id == Debrief.incident_id)
        .where(Debrief.id == debrief_id, Incident.force_id == force_id, Debrief.status == DebriefStatus.SUBMITTED,
               Debrief.support_wanted.is_(True)))


def record_requests_viewed(force_id: int, *, actor: User, count: int) -> None:
    record("wellbeing.requests_viewed", actor=actor, force_id=force_id, count=count)
    db.session.commit()


def acknowledge_support(debrief: Debrief, *, actor: User) -> SupportAcknowledgement:
    """The wellbeing contact has seen the request and will be in touch. Once per request."""
    if debrief.incident.force_id != actor.force_id:
        raise ServiceError("You can only acknowledge your own force's requests.")
    if not debrief.support_wanted or debrief.status != DebriefStatus.SUBMITTED:
        raise ServiceError("This debrief has not asked for support.")
    if acknowledgement_for(debrief) is not None:
        raise ServiceError("This request has already been acknowledged.")
    ack = SupportAcknowledgement(debrief_id=debrief.id, acknowledged_by_id=actor.id)
    db.session.add(ack)
    db.session.flush()
    record("wellbeing.acknowledged", actor=actor, force_id=actor.force_id, record_type="debrief",
           record_id=debrief.id)
    db.session.commit()
    return ack
