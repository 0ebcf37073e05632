"""Starting an RCA from the incident's debriefs, its details, and the force's lists of RCAs and actions."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import NamedTuple

from sqlalchemy import Select, bindparam, case, literal, select
from sqlalchemy.orm import aliased

from debrief.database import lock_row
from debrief.errors import ServiceError
from debrief.extensions import db
from debrief.models import (
    ChronologyEntry, Debrief, Incident, RcaAction, RcaEvent, RcaNode, RcaTeamMember, Recommendation, RootCauseAnalysis,
    User, utcnow,
)
from debrief.models.debrief import DebriefStatus
from debrief.models.rca import LEVELS, OPEN_ACTION_STATUSES, ChronologySource, TeamRole
from debrief.models.rca import RcaStatus
from debrief.rca import graph as rca_graph
from debrief.rca.service.chronology import entry_datetime
from debrief.rca.service.common import audit_rca, rca_for_incident, require_draft
from debrief.rca.service.team import check_independent
from debrief.rca.workdays import default_rca_due_date
from debrief.reference import DEBRIEF_KINDS, label_for


def source_label(debrief: Debrief) -> str:
    kind = label_for(DEBRIEF_KINDS, debrief.kind)
    return f"{kind} by {debrief.author.name}"


def already_started(rca: RootCauseAnalysis) -> str:
    started = f" on {rca.started_on:%-d %B %Y}" if rca.started_on else ""
    return f"An RCA for this incident already exists: it was started{started}, led by {rca.lead.name}."


class RcaAlreadyStarted(ServiceError):
    """Someone started the incident's RCA first (perhaps this person, in another tab): `rca` is that one."""

    def __init__(self, rca: RootCauseAnalysis) -> None:
        super().__init__(already_started(rca) + " Nothing new has been started.")
        self.rca = rca


def start_rca(incident: Incident, *, actor: User, level: str, terms_of_reference: str,
              today: date | None = None, lead: User | None = None) -> RootCauseAnalysis:
    """Open the incident's RCA with the chronology copied from every submitted debrief's timeline.

    The starter names the lead (themselves by default); whoever is named in the incident cannot lead it.
    """
    lead = lead or actor
    if lead.force_id != incident.force_id:
        raise ServiceError("Select a PSD reviewer of the force", "lead")
    check_independent(incident, lead, as_what="lead the RCA", field="lead")
    for locked in (False, True):
        if locked:  # two starts at once: the second waits here for the first to commit, then finds its RCA
            lock_row(incident)
        existing = rca_for_incident(incident)
        if existing is not None:
            raise RcaAlreadyStarted(existing)
    if level not in LEVELS:
        raise ServiceError("Select the level of investigation", "level")
    if not any(d.status == DebriefStatus.SUBMITTED for d in incident.debriefs):
        raise ServiceError("An RCA can start once at least one debrief of the incident has been submitted.")
    start = today or utcnow().date()
    rca = RootCauseAnalysis(incident=incident, force_id=incident.force_id, lead=lead, level=level,
                            terms_of_reference=terms_of_reference.strip(), findings="", started_on=start,
                            due_on=default_rca_due_date(start), status=RcaStatus.DRAFT, graph_version=1)
    db.session.add(rca)
    rca.team.append(RcaTeamMember(user=lead, role=TeamRole.LEAD, conflict_detail=""))
    entries = []
    for debrief in incident.debriefs:
        if debrief.status != DebriefStatus.SUBMITTED:
            continue
        for item in debrief.timeline:
            entries.append(ChronologyEntry(
                at=entry_datetime(incident, item.at), what=item.what,
                source=f"{source_label(debrief)} ({item.source})" if item.source else source_label(debrief),
                debrief_id=debrief.id, timeline_entry_id=item.id, source_kind=ChronologySource.DEBRIEF))
    entries.sort(key=lambda e: (e.at is None, e.at or datetime.min))
    for position, entry in enumerate(entries):
        entry.position = position
        rca.chronology.append(entry)
    # The summary's first sentence as a starting point: the reviewer rewords the outcome on the graph page.
    first = re.split(r"(?<=[.!?])\s", (incident.summary or "").strip(), maxsplit=1)[0]
    outcome = first[:120] or "The outcome of the incident"
    rca.nodes.append(RcaNode(kind=rca_graph.OUTCOME, label=outcome, description="", evidence_kind="none"))
    db.session.flush()
    audit_rca("rca.started", rca, actor, level=level, chronology_entries=len(entries), lead=lead.id)
    db.session.commit()
    return rca


def update_details(rca: RootCauseAnalysis, *, actor: User, level: str, terms_of_reference: str,
                   due_on: date, due_reason: str) -> None:
    require_draft(rca)
    if level not in LEVELS:
        raise ServiceError("Select the level of investigation", "level")
    changed = []
    if due_on != rca.due_on:
        if not due_reason.strip():
            raise ServiceError("Enter why the due date is changing", "due_reason")
        if due_on < rca.started_on:
            raise ServiceError("The due date must be on or after the day the RCA started", "due_on")
        db.session.add(RcaEvent(rca_id=rca.id, actor_id=actor.id, action="due_changed",
                                comment=f"from {rca.due_on:%-d %B %Y} to {due_on:%-d %B %Y}: {due_reason.strip()}"))
        rca.due_on = due_on
        changed.append("due_on")
    if level != rca.level:
        rca.level = level
        changed.append("level")
    if terms_of_reference.strip() != rca.terms_of_reference:
        rca.terms_of_reference = terms_of_reference.strip()
        changed.append("terms_of_reference")
    audit_rca("rca.updated", rca, actor, fields=changed)
    db.session.commit()


class Named(NamedTuple):
    name: str


@dataclass(frozen=True)
class RcaRow:
    """An RCA as a list of RCAs shows it (rca/_table.html), read in one query with its incident's reference and
    the people by name."""
    id: int
    reference: str
    lead_id: int
    lead_name: str
    level: str
    status: str
    due_on: date
    returned_at: datetime | None
    returned_by: Named | None
    returned_reason: str | None
    sent_for_review_at: datetime | None
    created_at: datetime
    may_sign_off: bool = False

    @property
    def is_returned(self) -> bool:
        return self.status == RcaStatus.DRAFT and self.returned_at is not None


def rca_rows_query(*conditions, may_sign_off=None) -> Select:
    """The RCAs meeting `conditions`, by status then due date, as `rca_rows` reads them; `may_sign_off` (a condition,
    signoff.may_sign_off_clause) fills each row's flag in the same statement. Built once by each caller, with bound
    parameters (building a statement costs more than running it)."""
    lead, returned_by = aliased(User), aliased(User)
    flag = case((may_sign_off, True), else_=False) if may_sign_off is not None else literal(False)
    return (select(RootCauseAnalysis.id, Incident.reference, RootCauseAnalysis.lead_id, lead.name,
                   RootCauseAnalysis.level, RootCauseAnalysis.status, RootCauseAnalysis.due_on,
                   RootCauseAnalysis.returned_at, returned_by.name, RootCauseAnalysis.returned_reason,
                   RootCauseAnalysis.sent_for_review_at, RootCauseAnalysis.created_at, flag)
            .join(Incident, Incident.id == RootCauseAnalysis.incident_id)
            .join(lead, lead.id == RootCauseAnalysis.lead_id)
            .outerjoin(returned_by, returned_by.id == RootCauseAnalysis.returned_by_id)
            .where(*conditions)
            .order_by(RootCauseAnalysis.status, RootCauseAnalysis.due_on, RootCauseAnalysis.id))


def rca_rows(query: Select, **params) -> list[RcaRow]:
    """The rows of an `rca_rows_query`, in one statement."""
    return [RcaRow(id=rca_id, reference=reference, lead_id=lead_id, lead_name=lead_name, level=level, status=status,
                   due_on=due_on, returned_at=returned_at, returned_by=Named(returner) if returner is not None else None,
                   returned_reason=reason, sent_for_review_at=sent, created_at=created, may_sign_off=bool(may))
            for rca_id, reference, lead_id, lead_name, level, status, due_on, returned_at, returner, reason, sent,
            created, may in db.session.connection().execute(query, params)]


@cache
def _force_rcas() -> Select:
    return rca_rows_query(RootCauseAnalysis.force_id == bindparam("force_id"))


def rcas_for_force(force_id: int) -> list[RcaRow]:
    """The force's RCAs for a list, in one statement."""
    return rca_rows(_force_rcas(), force_id=force_id)


@dataclass(frozen=True)
class OverdueAction:
    """An open action past its date, as the lists of overdue actions show it (rca/_overdue.html)."""
    description: str
    owner: str
    due_on: date
    rca_id: int
    reference: str


@cache
def _overdue_query(by_lead: bool) -> Select:
    query = (select(RcaAction.description, RcaAction.owner, RcaAction.due_on, Recommendation.rca_id, Incident.reference)
             .join(Recommendation, Recommendation.id == RcaAction.recommendation_id)
             .join(RootCauseAnalysis, RootCauseAnalysis.id == Recommendation.rca_id)
             .join(Incident, Incident.id == RootCauseAnalysis.incident_id)
             .where(RootCauseAnalysis.force_id == bindparam("force_id"), RcaAction.status.in_(OPEN_ACTION_STATUSES),
                    RcaAction.due_on < bindparam("today"))
             .order_by(RcaAction.due_on, RcaAction.id))
    return query.where(RootCauseAnalysis.lead_id == bindparam("lead_id")) if by_lead else query


def overdue_actions(force_id: int, *, today: date, lead: User | None = None) -> list[OverdueAction]:
    """Open actions past their date, soonest first, in one statement: each with its RCA and incident reference."""
    params = {"force_id": force_id, "today": today} | ({"lead_id": lead.id} if lead is not None else {})
    return [OverdueAction(*row) for row in db.session.connection().execute(_overdue_query(lead is not None), params)]
