"""Withdrawing a published case study and republishing it corrected, on a real database: the workflow and its
history, the audit (who, when, reason), the gate on republishing, the dropped PDFs."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from debrief.auth.roles import Role
from debrief.errors import ServiceError
from debrief.extensions import db
from debrief.models import AuditEvent, CachedArtefact, CaseStudyEvent, utcnow
from debrief.publications import reading, service
from debrief.publications.gate import IdentifyingText
from tests.support.factories import audit_count, create_user
from tests.support.publication_factories import create_case_study, create_issue


@pytest.fixture
def learner(forces):
    return create_user(force=forces["A"], roles=[Role.LEARNING], email="learn@aaa.example", name="Lee Learning")


@pytest.fixture
def case(forces):
    issue = create_issue(number=4, theme="Custody")
    return create_case_study(force=forces["A"], issue=issue, title="Rousing checks missed",
                             deny_terms=["Dean Walsh", "Walsh"])


def _form(case, **changes):
    data = dict(title=case.title, themes=case.themes, summary=case.summary, what_happened=case.what_happened,
                findings_key_learning=case.findings_key_learning, action_taken=case.action_taken,
                outcome_for_individuals=case.outcome_for_individuals, recommendations=case.recommendations,
                operational_areas=case.operational_areas, factor_categories=case.factor_categories)
    data.update(changes)
    return data


def test_withdrawing_takes_it_out_of_every_public_query_keeps_its_issue_and_audits_who_when_why(case, learner):
    issue = case.issue
    assert reading.published_case_study(case.id) is not None
    service.withdraw_case_study(case, actor=learner, reason="  The stairwell described is distinctive.  ")
    assert case.status == "withdrawn" and case.issue_id == issue.id and case.withdrawn_at is not None
    assert case.status_reason == "The stairwell described is distinctive."
    assert reading.published_case_study(case.id) is None
    assert reading.issue_case_studies(issue) == []
    assert reading.withdrawals_in_issue(issue) == [case.withdrawn_at]
    assert reading.withdrawn_on(case.id) == case.withdrawn_at
    assert reading.published_question(case.questions[0].id) is None
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "case_study.withdrawn"))
    assert event.actor_id == learner.id and event.record_id == str(case.id) and event.at is not None
    assert event.details == {"reason": "The stairwell described is distinctive.", "number": 4}
    history = db.session.scalars(select(CaseStudyEvent).where(CaseStudyEvent.case_study_id == case.id)).all()
    assert (history[-1].action, history[-1].from_status, history[-1].to_status) == ("withdraw", "published",
                                                                                   "withdrawn")
    assert history[-1].comment == "The stairwell described is distinctive."


@pytest.mark.parametrize("reason, message", [("", "Enter why the case study is being withdrawn"),
                                             ("   ", "Enter why the case study is being withdrawn"),
                                             ("x" * 2001, "The reason must be 2000 characters or fewer")])
def test_a_withdrawal_needs_a_reason_and_changes_nothing_without_one(case, learner, reason, message):
    with pytest.raises(ServiceError, match=message) as raised:
        service.withdraw_case_study(case, actor=learner, reason=reason)
    assert raised.value.field == "reason"
    db.session.rollback()
    assert case.status == "published" and audit_count("case_study.withdrawn") == 0


@pytest.mark.parametrize("status", ["candidate", "in_edit", "approved", "scheduled", "returned", "rejected"])
def test_only_a_published_case_study_can_be_withdrawn(forces, learner, status):
    case = create_case_study(force=forces["A"], status=status)
    with pytest.raises(ServiceError):
        service.withdraw_case_study(case, actor=learner, reason="Because")
    db.session.rollback()
    assert case.status == status


def test_withdrawing_twice_is_refused_once_withdrawn(case, learner):
    service.withdraw_case_study(case, actor=learner, reason="Because")
    with pytest.raises(ServiceError, match="already been withdrawn"):
        service.withdraw_case_study(case, actor=learner, reason="Again")
    db.session.rollback()
    assert audit_count("case_study.withdrawn") == 1


def test_withdrawing_drops_every_kept_magazine_pdf_and_nothing_else(case, learner):
    db.session.add_all([CachedArtefact(key="a" * 64, kind="magazine-pdf", body=b"%PDF", size=4, created_at=utcnow()),
                        CachedArtefact(key="b" * 64, kind="rca-graph", body=b"<svg/>", size=6, created_at=utcnow())])
    db.session.commit()
    service.withdraw_case_study(case, actor=learner, reason="Because")
    assert list(db.session.scalars(select(CachedArtefact.kind))) == ["rca-graph"]


def test_a_withdrawn_case_study_is_corrected_where_it_stands_and_republished_into_its_issue(case, learner):
    issue, position = case.issue, case.position
    service.withdraw_case_study(case, actor=learner, reason="Names a street")
    service.update_case_study(case, actor=learner, **_form(case, what_happened="Officers attended a street."))
    assert case.status == "withdrawn"  # an edit does not send it back through approval and an issue
    service.add_question(case, actor=learner, audience="trainers", text="What does your training say?")
    service.republish_case_study(case, actor=learner)
    assert case.status == "published" and case.issue_id == issue.id and case.position == position
    assert case.withdrawn_at is None and case.corrected_at is not None and case.status_reason == ""
    assert [c.id for c in reading.issue_case_studies(issue)] == [case.id]
    assert reading.withdrawals_in_issue(issue) == [] and reading.withdrawn_on(case.id) is None
    assert audit_count("case_study.republished") == 1
    assert [e.action for e in case.events][-2:] == ["withdraw", "republish"]


def test_an_edit_of_a_withdrawn_case_study_passes_the_gate_as_any_edit(case, learner):
    service.withdraw_case_study(case, actor=learner, reason="Because")
    with pytest.raises(IdentifyingText):
        service.update_case_study(case, actor=learner, **_form(case, summary="Dean Walsh was restrained."))
    db.session.rollback()
    assert "Walsh" not in case.summary


def test_republishing_passes_the_publication_gate_again(case, learner):
    service.withdraw_case_study(case, actor=learner, reason="Because")
    case.summary += " Walsh was there."  # straight into the database: a save would have refused it
    db.session.commit()
    with pytest.raises(IdentifyingText):
        service.republish_case_study(case, actor=learner)
    db.session.rollback()
    assert case.status == "withdrawn" and reading.published_case_study(case.id) is None


def test_republishing_needs_a_reflective_question(case, learner):
    service.withdraw_case_study(case, actor=learner, reason="Because")
    for question in list(case.questions):
        service.remove_question(question, actor=learner)
    with pytest.raises(ServiceError, match="Add at least one reflective question"):
        service.republish_case_study(case, actor=learner)
    db.session.rollback()
    assert case.status == "withdrawn"


def test_only_a_withdrawn_case_study_can_be_republished(case, learner):
    with pytest.raises(ServiceError, match="not withdrawn"):
        service.republish_case_study(case, actor=learner)
    db.session.rollback()
    assert case.corrected_at is None and db.session.scalar(
        select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "case_study.republished")) == 0
