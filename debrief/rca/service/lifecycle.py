"""Starting an RCA from the incident's debriefs, its details, and the force's lists of RCAs and actions."""
from __future__ import annotations

import re
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import joinedload, lazyload

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


def rcas_for_force(force_id: int) -> list[RootCauseAnalysis]:
    """The force's RCAs for a list, in one statement: each with its incident and lead (by name), nothing else."""
    return list(db.session.scalars(
        select(RootCauseAnalysis).where(RootCauseAnalysis.force_id == force_id)
        .order_by(RootCauseAnalysis.status, RootCauseAnalysis.due_on, RootCauseAnalysis.id)
        .options(lazyload("*"), joinedload(RootCauseAnalysis.incident).lazyload("*"),
                 joinedload(RootCauseAnalysis.lead).lazyload("*"))))


def overdue_actions(force_id: int, *, today: date, lead: User | None = None) -> list[RcaAction]:
    """Open actions past their date, in one statement: each with its recommendation, RCA and incident reference."""
    query = (select(RcaAction).join(Recommendation).join(RootCauseAnalysis)
             .where(RootCauseAnalysis.force_id == force_id, RcaAction.status.in_(OPEN_ACTION_STATUSES),
                    RcaAction.due_on < today)
             .order_by(RcaAction.due_on, RcaAction.id)
             .options(lazyload("*"), joinedload(RcaAction.recommendation).options(
                 lazyload("*"), joinedload(Recommendation.rca).options(
                     lazyload("*"), joinedload(RootCauseAnalysis.incident).lazyload("*")))))
    if lead is not None:
        query = query.where(RootCauseAnalysis.lead_id == lead.id)
    return list(db.session.scalars(query))
