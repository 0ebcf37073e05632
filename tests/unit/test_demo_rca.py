"""seed-demo's root-cause analyses: at least three signed off by a second reviewer, with graphs and action plans,
and one in each working state so every reviewer finds work waiting."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from debrief.demo import DEMO_PASSWORD
from debrief.demo.rcas import seed_rcas
from debrief.extensions import db
from debrief.models import RootCauseAnalysis
from debrief.rca import service


def test_three_signed_off_rcas_with_realistic_graphs_and_plans(app, demo_data):
    everything = db.session.scalars(select(RootCauseAnalysis)).all()
    rcas = [r for r in everything if r.status == "signed_off"]
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


def test_one_rca_in_each_working_state(app, demo_data):
    from debrief.models import User

    by_status: dict[str, list[RootCauseAnalysis]] = {}
    for rca in db.session.scalars(select(RootCauseAnalysis)):
        returned = any(e.action == "returned" for e in rca.events) and rca.status == "draft"
        by_status.setdefault("returned" if returned else rca.status, []).append(rca)
    assert set(by_status) == {"draft", "in_review", "returned", "signed_off"}
    draft = by_status["draft"][0]
    assert [m.role for m in draft.team] == ["lead", "member"] and draft.team[1].has_conflict
    returned = by_status["returned"][0]
    assert service.latest_return(returned).section_comments.keys() == {"involvement_and_support", "lessons"}
    second = db.session.scalar(select(User).where(User.email == "reviewer2@nsp.example.police.uk"))
    assert by_status["in_review"][0] in service.awaiting_sign_off(second)


def test_no_rca_started_before_its_incident_or_after_today(app, demo_data):
    rcas = db.session.scalars(select(RootCauseAnalysis)).all()
    assert rcas
    for rca in rcas:
        assert rca.incident.occurred_at.date() <= rca.started_on <= date.today(), rca.incident.reference
