"""After seed-demo every role has work waiting, as the README's table of demo sign-ins says, and the demo RCAs'
factor rankings have real structure (not every factor on one problem and one path)."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from debrief.extensions import db
from debrief.models import CaseStudy, Debrief, ForceResponse, RootCauseAnalysis, User, utcnow
from debrief.publications import response_log
from debrief.publications import workflow as wf
from debrief.rca import service as rca_service


def _user(email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


def test_every_demo_role_finds_work_waiting(app, demo_data):
    now = utcnow()
    for code in ("nsp", "wmc"):
        officer = _user(f"officer@{code}.example.police.uk")
        overdue = db.session.scalars(select(Debrief).where(
            Debrief.author_id == officer.id, Debrief.status == "requested", Debrief.due_at < now)).all()
        assert overdue, f"{code}: the officer has no overdue debrief request"

        reviewer = _user(f"reviewer@{code}.example.police.uk")
        recent = db.session.scalars(select(Debrief).where(
            Debrief.status == "submitted", Debrief.submitted_at >= now - timedelta(days=7))).all()
        new = [d for d in recent if d.incident.force_id == reviewer.force_id
               and rca_service.rca_for_incident(d.incident) is None]
        assert new, f"{code}: the reviewer has no new submissions"

        second = _user(f"reviewer2@{code}.example.police.uk")
        assert rca_service.awaiting_sign_off(second), f"{code}: the second reviewer has nothing to sign off"

        page = response_log.questions_for_force(officer.force_id)
        assert page.total > 0 and any(row["response"] is None for row in page.items), f"{code}: nothing left to answer"

    candidates = db.session.scalars(select(CaseStudy).where(CaseStudy.status == wf.CANDIDATE)).all()
    assert candidates, "the learning team has no released findings to edit"
    drafts = db.session.scalars(select(ForceResponse).where(ForceResponse.status == "draft")).all()
    assert drafts, "the learning team has no force response to moderate"


def test_demo_rca_rankings_are_not_all_ones(app, demo_data):
    rcas = db.session.scalars(select(RootCauseAnalysis).where(
        RootCauseAnalysis.status.in_(("signed_off", "in_review")))).all()
    assert len(rcas) >= 6
    for rca in rcas:
        ranking = rca_service.analyse(rca).ranking
        assert any(rank.problems_count > 1 or rank.paths_count > 1 for rank in ranking), rca.incident.summary
        # and not all the same either: the ranking orders something
        assert len({(rank.problems_count, rank.paths_count) for rank in ranking}) > 1, rca.incident.summary
