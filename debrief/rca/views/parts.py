"""The models of the RCA pages' kept parts (debrief.fragments): every RCA page's subnav and read-only notice, and the
overview's summary, progress, release and history. Each is built from what the page loaded in this request, as plain
values, so a part is drawn once per distinct content and never shows anything its model does not hold."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from flask import request
from flask_login import current_user

from debrief.errors import Place
from debrief.models.rca import RcaStatus
from debrief.rca.report_sections import SECTIONS
from debrief.template_helpers import rca_returned_note, rca_status_tag


@dataclass(frozen=True)
class Header:
    """The subnav of every RCA page (the page it is on marked) and the notice of an RCA that cannot be changed."""
    rca_id: int
    endpoint: str | None
    editable: bool
    lead_editing: bool  # the lead, on a draft: "Write the report" is in the subnav
    status: str
    signed_off_by: str
    signed_off_at: datetime | None
    sent_for_review_at: datetime | None


def header(rca) -> Header:
    is_lead = rca.lead_id == current_user.id
    return Header(rca.id, request.endpoint, rca.editable, rca.editable and is_lead, rca.status,
                  rca.signed_off_by.name if rca.status == RcaStatus.SIGNED_OFF and rca.signed_off_by else "",
                  rca.signed_off_at, rca.sent_for_review_at)


@dataclass(frozen=True)
class Returned:
    """A second reviewer's return, while the RCA is back with the lead."""
    actor: str
    at: datetime
    comment: str
    has_section_comments: bool
    section_comments: tuple[tuple[str, str], ...]  # (section heading, comment), in the report's order


@dataclass(frozen=True)
class Summary:
    """The overview from its summary list to its progress, and the lead's to-do list before sending for review."""
    rca_id: int
    incident_id: int
    incident_reference: str
    status: str
    status_text: str
    status_classes: str
    returned_note: str
    lead: str
    panel: str
    level: str
    started_on: date
    due_on: date
    overdue: bool
    terms_of_reference: str
    is_lead: bool
    lead_editing: bool
    returned: Returned | None
    changes: tuple[str, ...] | None
    entries: int
    problems: int
    factors: int
    root_causes: int
    candidates: int
    recommendations: int
    actions: int
    undeclared: tuple[str, ...]
    gaps: tuple[tuple[str, Place], ...]


def summary(rca, *, progress, graph, gaps, returned, changes, undeclared, today: date) -> Summary:
    tag = rca_status_tag(rca)
    is_lead = rca.lead_id == current_user.id
    kept_return = None
    if returned is not None and rca.status == RcaStatus.DRAFT:
        comments = returned.section_comments or {}
        kept_return = Returned(returned.actor.name, returned.at, returned.comment or "", bool(comments),
                               tuple((s.heading, comments[s.key]) for s in SECTIONS if comments.get(s.key)))
    return Summary(
        rca.id, rca.incident_id, rca.incident.reference, rca.status, tag["text"], tag["classes"],
        rca_returned_note(rca) if rca.is_returned else "", rca.lead.name,
        ", ".join(m.user.name for m in rca.team if m.role != "lead"), rca.level, rca.started_on, rca.due_on,
        rca.status != RcaStatus.SIGNED_OFF and rca.due_on < today, rca.terms_of_reference, is_lead,
        rca.editable and is_lead, kept_return,
        tuple(changes) if changes is not None and rca.status == RcaStatus.IN_REVIEW else None,
        progress.entries, progress.problems, graph.factors, graph.root_causes, graph.candidates,
        progress.recommendations, progress.actions, tuple(m.user.name for m in undeclared),
        tuple((str(gap), gap.place) for gap in gaps))


@dataclass(frozen=True)
class Release:
    """"Share the learning" on a signed-off RCA: the case study it was released as (id, title, status), if it was."""
    rca_id: int
    case: tuple[int, str, str] | None


def release(rca, released_case) -> Release:
    return Release(rca.id, tuple(released_case) if released_case is not None else None)


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    action: str
    actor: str
    comment: str


def history(events) -> tuple[HistoryLine, ...]:
    return tuple(HistoryLine(e.at, e.action, e.actor.name, e.comment or "") for e in events)
