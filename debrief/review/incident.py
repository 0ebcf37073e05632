"""The reviewer's incident page: the incident, every debrief's answers and the RCA, in a fixed number of queries."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import abort
from sqlalchemy import select
from sqlalchemy.orm import joinedload, lazyload, selectinload

from debrief.audit import record_read
from debrief.extensions import db
from debrief.models import Amendment, Debrief, Incident, IncidentOfficer, RootCauseAnalysis, SupportAcknowledgement, User
from debrief.models.debrief import DebriefStatus
from debrief.wellbeing.service import SupportStatus

# Everything the page shows of each debrief in five queries whatever the number of debriefs: the incident with its
# themes, members of the public, reporter, and its RCA with the lead; its officers; its debriefs with their subjects,
# injuries, amendments and any acknowledgement of a request for support; their tactics; their timelines. People by
# name (their roles are not loaded).
_INCIDENT_PAGE = (
    joinedload(Incident.theme_rows),
    joinedload(Incident.public),
    joinedload(Incident.reporter).lazyload(User.role_rows),
    selectinload(Incident.officers).joinedload(IncidentOfficer.user).lazyload(User.role_rows),
    selectinload(Incident.debriefs).options(
        lazyload(Debrief.incident), joinedload(Debrief.author).lazyload(User.role_rows),
        joinedload(Debrief.subjects), joinedload(Debrief.injuries),
        joinedload(Debrief.amendments).joinedload(Amendment.author).lazyload(User.role_rows),
        joinedload(Debrief.support_acknowledgement).lazyload(SupportAcknowledgement.acknowledged_by),
        selectinload(Debrief.tactics), selectinload(Debrief.timeline)),
    lazyload(RootCauseAnalysis.incident), joinedload(RootCauseAnalysis.lead).lazyload(User.role_rows),
    lazyload(RootCauseAnalysis.signed_off_by),
)


@dataclass(frozen=True)
class IncidentPage:
    """The incident (with every debrief's answers) and its RCA, if one was started."""

    incident: Incident
    rca: RootCauseAnalysis | None


def incident_for_page(user: User, incident_id: int) -> IncidentPage:
    """The incident of `user`'s force with every debrief's answers, and its RCA, in one statement and the
    collections' few; another force's looks as if it does not exist."""
    row = db.session.execute(
        select(Incident, RootCauseAnalysis).outerjoin(RootCauseAnalysis, RootCauseAnalysis.incident_id == Incident.id)
        .where(Incident.id == incident_id).options(*_INCIDENT_PAGE)).unique().first()
    if row is None or row[0].force_id != user.force_id:
        abort(404)
    return IncidentPage(row[0], row[1])


def support_statuses(debriefs: list[Debrief]) -> dict[int, SupportStatus]:
    """Each debrief's support request and its acknowledgement (loaded with the debriefs)."""
    return {d.id: SupportStatus(bool(d.support_wanted), d.support_acknowledgement.acknowledged_at
                                if d.support_wanted and d.support_acknowledgement else None) for d in debriefs}


def page_context(page: IncidentPage) -> dict[str, Any]:
    incident = page.incident
    debriefs = [d for d in incident.debriefs if d.status == DebriefStatus.SUBMITTED]
    return {"incident": incident, "debriefs": debriefs,
            "pending": [d for d in incident.debriefs if d.status != DebriefStatus.SUBMITTED],
            "rca": page.rca, "support_status": support_statuses(debriefs)}


def record_incident_view(incident: Incident, *, actor: User, debriefs: list[Debrief]) -> None:
    record_read("incident.viewed", actor=actor, force_id=incident.force_id, record_type="incident",
                record_id=incident.id, reference=incident.reference, debriefs=[d.id for d in debriefs])
