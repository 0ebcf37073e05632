"""What every RCA operation shares: the audit event, the draft-only rule, the graph's version, the views."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from debrief.audit import record, record_read
from debrief.errors import ServiceError
from debrief.extensions import db
from debrief.models import Incident, RootCauseAnalysis, User
from debrief.models.rca import RcaStatus


def audit_rca(event: str, rca: RootCauseAnalysis, actor: User, **details: Any) -> None:
    record(event, actor=actor, force_id=rca.force_id, record_type="rca", record_id=rca.id,
           incident=rca.incident.reference, **details)


def require_draft(rca: RootCauseAnalysis) -> None:
    if rca.status == RcaStatus.SIGNED_OFF:
        raise ServiceError("This RCA has been signed off and can no longer be changed.")
    if rca.status != RcaStatus.DRAFT:
        raise ServiceError("This RCA is with a second reviewer. It can be changed again if they return it.")


def graph_changed(rca: RootCauseAnalysis) -> None:
    rca.graph_version = (rca.graph_version or 0) + 1


def rca_for_incident(incident: Incident) -> RootCauseAnalysis | None:
    return db.session.scalar(select(RootCauseAnalysis).where(RootCauseAnalysis.incident_id == incident.id))


def record_view(rca: RootCauseAnalysis, *, actor: User, page: str) -> None:
    """A page that showed the RCA's records: stored and committed as a read (no ORM event object, no flush)."""
    record_read("rca.viewed", actor=actor, force_id=rca.force_id, record_type="rca", record_id=rca.id,
                incident=rca.incident.reference, page=page)


def record_download(rca: RootCauseAnalysis, *, actor: User, fmt: str) -> None:
    audit_rca("rca.downloaded", rca, actor, format=fmt)
    db.session.commit()


def can_edit(rca: RootCauseAnalysis, user: User) -> bool:
    """Only the lead changes an RCA, and only while it is a draft; everyone else of the force reads it."""
    return rca.lead_id == user.id and rca.editable


def locked_reason(rca: RootCauseAnalysis) -> str:
    """Why the lead cannot change the RCA now (it is not a draft)."""
    if rca.status == RcaStatus.IN_REVIEW:
        return ("This RCA is in review, so nothing in it can be changed. "
                "If the second reviewer returns it, you can change it again.")
    return "This RCA is signed off, so it is read-only. Its action plan can still be updated."


def can_update_plan(rca: RootCauseAnalysis, user: User) -> bool:
    """The action plan is carried out after sign-off, so the lead updates it then too; not while it is in review."""
    return rca.lead_id == user.id and rca.status != RcaStatus.IN_REVIEW
