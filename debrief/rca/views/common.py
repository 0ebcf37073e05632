"""What every RCA page shares: the RCA of the user's force, the edit rule, audited views and template helpers."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, request, url_for

from debrief.extensions import db
from debrief.fragments import kept
from debrief.models import ChronologyEntry, RcaNode, Recommendation, RootCauseAnalysis
from debrief.models.rca import RECOMMENDATION_FOR_LABELS
from debrief.rca import service
from debrief.rca.access import current_actor, rca_of_force
from debrief.rca.views import parts


__all__ = ["current_actor", "rca_of_force", "require_editor", "record_page_view", "node_or_404", "entry_or_404",
           "recommendation_or_404", "audited", "register"]


def require_editor(rca: RootCauseAnalysis) -> None:
    """Only the lead changes a draft; everyone else of the force reads it (the rule is the service's). The lead
    reaching a change page of an RCA that is in review or signed off (an old tab, a bookmark) is told why it cannot
    change and sent to its overview, not shown "you do not have permission"."""
    actor = current_actor()
    if service.can_edit(rca, actor):
        return
    if rca.lead_id == actor.id and not rca.editable:
        flash(service.locked_reason(rca), "important")
        abort(redirect(url_for("rca.overview", rca_id=rca.id)))
    abort(403)


def record_page_view(rca: RootCauseAnalysis, page: str) -> None:
    """Audit a page showing the RCA's records (after a refused POST, nothing of it is kept)."""
    if request.method != "GET":
        db.session.rollback()
    service.record_view(rca, actor=current_actor(), page=page)


def audited(rca: RootCauseAnalysis, page: str, body: str) -> str:
    """The page drawn (`body`), then its view audited: the audit's commit would expire everything the page loaded,
    so recording it first would load it all again."""
    record_page_view(rca, page)
    return body


def node_or_404(rca: RootCauseAnalysis, node_id: int) -> RcaNode:
    node = service.node_in(rca, node_id)
    if node is None:
        abort(404)
    return node


def entry_or_404(rca: RootCauseAnalysis, entry_id: int) -> ChronologyEntry:
    entry = next((e for e in rca.chronology if e.id == entry_id), None)
    if entry is None:
        abort(404)
    return entry


def recommendation_or_404(rca: RootCauseAnalysis, recommendation_id: int) -> Recommendation:
    recommendation = next((r for r in rca.recommendations if r.id == recommendation_id), None)
    if recommendation is None:
        abort(404)
    return recommendation


def _loop_helpers() -> dict:
    """Every RCA page shows a loop stored in its graph as an error (templates/rca/_loops.html), from the graph's
    summary (kept per graph version: a page that shows no items loads none for it)."""
    return {"rca_stored_loops": lambda rca: service.graph_summary(rca).loops}


def recommendation_for_label(code: str) -> str:
    return RECOMMENDATION_FOR_LABELS.get(code, code)


def chronology_when(at, incident_day=None, *, full: bool = False) -> str:
    """A chronology time: the time alone on the incident's day, the date with its year on any other day."""
    if at is None:
        return "Time not known"
    if not full and incident_day is not None and at.date() == incident_day:
        return at.strftime("%H:%M")
    return at.strftime("%-d %B %Y, %H:%M")


def register(bp: Blueprint) -> None:
    bp.context_processor(_loop_helpers)
    bp.add_app_template_global(recommendation_for_label, "recommendation_for_label")
    bp.add_app_template_filter(chronology_when, "chronology_when")
    # The layout's subnav and notice, drawn once per distinct content (debrief.fragments).
    bp.add_app_template_global(kept, "kept")
    bp.add_app_template_global(parts.header, "rca_header")
    bp.add_app_template_global(parts.release, "rca_release")
