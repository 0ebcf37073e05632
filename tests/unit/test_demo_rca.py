"""seed-demo's root-cause analyses: at least three, signed off by a second reviewer, with graphs and action plans."""
from __future__ import annotations

from sqlalchemy import select

from debrief.demo import DEMO_PASSWORD, seed_demo
from debrief.demo_rca import seed_rcas
from debrief.extensions import db
from debrief.models import RootCauseAnalysis
from debrief.rca import service


def test_three_signed_off_rcas_with_realistic_graphs_and_plans(app):
    seed_demo()
    rcas = db.session.scalars(select(RootCauseAnalysis)).all()
    assert len(rcas) >= 3
    for rca in rcas:
        assert rca.status == "signed_off"
        assert rca.signed_off_by_id not in (None, rca.lead_id)
        analysis = service.analyse(rca)
        assert analysis.root_causes and analysis.candidates and not analysis.disconnected
        assert {n.kind for n in rca.nodes} >= {"outcome", "problem", "factor", "root_cause"}
        assert any(not n.evidenced for n in rca.nodes) or len(rca.nodes) > 5
        assert rca.recommendations and all(r.actions and r.nodes for r in rca.recommendations)
        assert service.review_gaps(rca) == []
    assert len({r.force_id for r in rcas}) == 2
    assert seed_rcas(DEMO_PASSWORD) == 0  # idempotent
