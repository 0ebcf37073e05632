"""The full RCA report, on screen and as a PDF."""
from __future__ import annotations

from flask import Blueprint, Response, render_template

from debrief.auth.roles import Permission
from debrief.models import utcnow
from debrief.models.rca import ACTION_STATUS_LABELS
from debrief.rca import service
from debrief.rca.framework import category_name
from debrief.rca.pdf import report_pdf as build_pdf  # WeasyPrint itself loads only when a PDF is asked for
from debrief.rca.render import (
    text_alternative,
)
from debrief.rca.report_sections import SECTIONS
from debrief.rca.views.common import audited, current_actor, rca_of_force
from debrief.rca.views.graph import drawing
from debrief.security import requires


def _report_context(rca):
    nodes, edges = service.graph_nodes(rca), service.graph_edges(rca)
    return {"rca": rca, "drawing": drawing(rca, "graph"), "analysis": service.analyse(rca),
            "text": text_alternative(nodes, edges), "by_id": {n.id: n for n in rca.nodes},
            "category_name": category_name, "status_labels": ACTION_STATUS_LABELS, "today": utcnow().date(),
            "sections": SECTIONS, "mix": service.strength_mix(rca), "all_weak": service.all_weak(rca)}


@requires(Permission.REVIEW_INCIDENTS)
def report(rca_id: int):
    rca = rca_of_force(rca_id)
    return audited(rca, "report", render_template("rca/report.html", **_report_context(rca)))


@requires(Permission.REVIEW_INCIDENTS)
def report_pdf(rca_id: int):
    rca = rca_of_force(rca_id)
    html = render_template("rca/report_print.html", **_report_context(rca))
    service.record_download(rca, actor=current_actor(), fmt="report.pdf")
    return Response(build_pdf(html), mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{rca.incident.reference}-rca.pdf"'})


def register(bp: Blueprint) -> None:
    bp.add_url_rule("/<int:rca_id>/report", "report", report)
    bp.add_url_rule("/<int:rca_id>/report.pdf", "report_pdf", report_pdf)

