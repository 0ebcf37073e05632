"""The RCA's pages (blueprint "rca", under /rca/): one module per sub-concept, each listing its routes in register().

overview (list, start, details, review and sign-off), chronology, graph (graph, fishbone, drawings), items (factors,
root causes, links, five whys), plan (findings, recommendations, actions), report, team. The release screen
(/rca/<id>/release) belongs to debrief/release/. Views parse the request, call one service function, render or
redirect; the rules live in debrief/rca/service/ and the pure modules beside it.
"""
from __future__ import annotations

from flask import Blueprint

from debrief.rca.views import chronology, common, graph, items, overview, plan, report, team


bp = Blueprint("rca", __name__, url_prefix="/rca")
for part in (common, overview, chronology, graph, items, plan, report, team):
    part.register(bp)
