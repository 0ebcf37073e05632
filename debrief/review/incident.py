"""The reviewer's incident page: the incident, every debrief's answers and the RCA, in a fixed number of queries."""
from __future__ import annotations

from typing import Any

from flask import abort
from sqlalchemy import select
from sqlalchemy.orm import joinedload, lazyload, selectinload

from debrief.audit import record
from debrief.extensions import db
from debrief.models import Amendment, Debrief, Incident, IncidentOfficer, RootCauseAnalysis, SupportAcknowledgement, User
from debrief.models.debrief import DebriefStatus
from debrief.wellbeing.service import SupportStatus

# Everything the page shows of each debrief in six queries whatever the number of debriefs: the incident with its
# themes, members of the public and reporter; its officers; its debriefs with their subjects, injuries and
# amendments; their tactics; their timelines. People by name (their roles are not loaded).
_INCIDENT_PAGE = (
    joinedload(Incident.theme_rows),
    joinedload(Incident.public),
    joinedload(Incident.reporter).lazyload(User.role_rows),
    selectinload(Incident.officers).joinedload(IncidentOfficer.user).lazyload(User.role_rows),
    selectinload(Incident.debriefs).options(
        lazyload(Debrief.incident), joinedload(Debrief.author).lazyload(User.role_rows),
        joinedload(Debrief.subjects), joinedload(Debrief.injuries),
        joinedload(Debrief.amendments).joinedload(Amendment.author).lazyload(User.role_rows),
        selectinload(Debrief.tactics), selectinload(Debrief.timeline)),
)


def incident_for_page(user: User, incident_id: int) -> Incident:
    """The incident of `user`'s force with every debrief's answers; another force's looks as if it does not exist."""
    incident = db.session.scalars(
        select(Incident).where(Incident.id == incident_id).options(*_INCIDENT_PAGE)).unique().first()
    if incident is None or incident.force_id != user.force_id:
        abort(404)
    return incident


def support_statuses(debriefs: list[Debrief]) -> dict[int, SupportStatus]:
    """Each debrief's support request and its acknowledgement, in one query."""
    asked = [d.id for d in debriefs if d.support_wanted]
    acks = {a.debrief_id: a for a in db.session.scalars(
        select(SupportAcknowledgement).where(SupportAcknowledgement.debrief_id.in_(asked)))} if asked else {}
    return {d.id: SupportStatus(bool(d.support_wanted), acks[d.id].acknowledged_at if d.id in acks else None)
            for d in debriefs}


def page_context(incident: Incident) -> dict[str, Any]:
    debriefs = [d for d in incident.debriefs if d.status == DebriefStatus.SUBMITTED]
    return {"incident": incident, "debriefs": debriefs,
            "pending": [d for d in incident.debriefs if d.status != DebriefStatus.SUBMITTED],
            "rca": db.session.scalar(select(RootCauseAnalysis).where(RootCauseAnalysis.incident_id == incident.id)
                                     .options(lazyload(RootCauseAnalysis.incident),
                                              joinedload(RootCauseAnalysis.lead).lazyload(User.role_rows))),
            "support_status": support_statuses(debriefs)}


def record_incident_view(incident: Incident, *, actor: User, debriefs: list[Debrief]) -> None:
    record("incident.viewed", actor=actor, force_id=incident.force_id, record_type="incident",
           record_id=incident.id, reference=incident.reference, debriefs=[d.id for d in debriefs])
    db.session.commit()
