"""Demo magazine: release the signed-off demo RCAs, edit them into case studies, publish issue 1. Idempotent.

Everything goes through the real operations: `release.service` (the reviewer's release, flags justified),
`publications.service` (the learning team's edits, questions, approval, the issue) and
`publications.responses.record_force_response` (forces answering questions), so the demo exercises the checks.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.demo import data
from debrief.demo.accounts import demo_user
from debrief.demo.rcas import seed_rcas
from debrief.extensions import db
from debrief.models import CaseStudy, Force, Incident, MagazineIssue, RootCauseAnalysis, User, utcnow
from debrief.models.publication import IssueStatus
from debrief.models.rca import RcaStatus
from debrief.publications import service
from debrief.publications import workflow as wf
from debrief.publications.responses import approve_force_response, record_force_response
from debrief.release import service as release_service


def _rca(code: str, summary_starts: str) -> RootCauseAnalysis | None:
    return db.session.scalar(select(RootCauseAnalysis).join(Incident).join(Force, Force.id == Incident.force_id)
                             .where(Force.code == code, Incident.summary.like(summary_starts + "%"),
                                    RootCauseAnalysis.status == RcaStatus.SIGNED_OFF)
                             .order_by(RootCauseAnalysis.id).limit(1))


def _ensure_fourth_rca(password: str) -> None:
    seed_rcas(password, specs=[data.magazine()["taser_rca"]])


def _release(rca: RootCauseAnalysis, title: str) -> CaseStudy | None:
    """The reviewer's release: the anonymiser's text as it stands, every flag justified."""
    done = release_service.released_case(rca)
    if done is not None:
        return done
    lead = rca.lead
    found = release_service.flags(rca, release_service.prepared(rca, release_service.release_for(rca)))
    release_service.save_decisions(
        rca, actor=lead, title=title, undone=[], redactions=[],
        justifications={f.code: "Checked with the source: the place and date are general enough." for f in found})
    case_id = release_service.release(rca, actor=lead)
    return db.session.get(CaseStudy, case_id)


def _edit(case: CaseStudy, spec: dict[str, Any], learner: User) -> None:
    if case.status not in (wf.CANDIDATE, wf.IN_EDIT):
        return
    service.update_case_study(
        case, actor=learner, title=spec["title"], themes=spec["themes"], summary=spec["summary"],
        what_happened=case.what_happened, findings_key_learning=case.findings_key_learning,
        action_taken=case.action_taken, outcome_for_individuals=spec["outcome"],
        recommendations=case.recommendations, operational_areas=spec["areas"],
        factor_categories=case.factor_categories)
    have = {(q.audience, q.text) for q in case.questions}
    for audience, texts in spec["questions"].items():
        for text in texts:
            if (audience, text) not in have:
                service.add_question(case, actor=learner, audience=audience, text=text)
    service.approve_case_study(case, actor=learner)


def _issue(learner: User, cases: list[CaseStudy]) -> MagazineIssue:
    issue = db.session.scalar(select(MagazineIssue).where(MagazineIssue.number == 1))
    if issue is None:
        issue = service.create_issue(actor=learner, theme=data.magazine()["issue"]["theme"],
                                     introduction=data.magazine()["issue"]["introduction"], number=1)
    if issue.status == IssueStatus.PUBLISHED:
        return issue
    for case in cases:
        if case.status == wf.APPROVED and case.issue_id is None:
            service.add_to_issue(issue, case, actor=learner)
    titles = {a.title for a in issue.articles}
    for title, contributor, body in data.magazine()["issue"]["articles"]:
        if title not in titles:
            service.add_article(issue, actor=learner, title=title, contributor=contributor, body=body)
    service.publish_issue(issue, actor=learner)
    return issue


def _responses(cases: dict[str, CaseStudy], learner: User) -> int:
    made = 0
    for starts, audience, code, text, stance in data.magazine()["draft_responses"]:
        case = cases.get(starts)
        actor = demo_user(code, Role.ADMIN)
        question = next((q for q in case.questions if q.audience == audience), None) if case else None
        if question is None or actor is None or any(r.force_id == actor.force_id for r in question.responses):
            continue
        record_force_response(question, actor.force, text, utcnow().date(), actor,
                              recommendation_stance=stance)  # left for moderation
        made += 1
    for starts, audience, code, text, stance in data.magazine()["responses"]:
        case = cases.get(starts)
        actor = demo_user(code, Role.REVIEWER)
        question = next((q for q in case.questions if q.audience == audience), None) if case else None
        if question is None or actor is None or any(r.force_id == actor.force_id for r in question.responses):
            continue
        row = record_force_response(question, actor.force, text, utcnow().date(), actor, recommendation_stance=stance)
        approve_force_response(row, actor=learner)  # moderated like any other: the learning team approves it
        made += 1
    return made


def seed_magazine(password: str = data.PASSWORD) -> int:
    """Release, edit, approve and publish issue 1 with force responses; returns the case studies published now."""
    _ensure_fourth_rca(password)
    learner = demo_user("NSP", Role.LEARNING)
    if learner is None:
        return 0
    cases: dict[str, CaseStudy] = {}
    for starts, spec in data.magazine()["case_studies"].items():
        rca = _rca(spec["force"], starts)
        if rca is None:
            continue
        case = _release(rca, spec["release_title"])
        if case is None:
            continue
        _edit(case, spec, learner)
        cases[starts] = case
    issue = db.session.scalar(select(MagazineIssue).where(MagazineIssue.number == 1))
    published_before = issue is not None and issue.status == IssueStatus.PUBLISHED
    issue = _issue(learner, list(cases.values()))
    _responses(cases, learner)
    for code, starts, title in data.magazine()["for_editing"]:
        rca = _rca(code, starts)
        if rca is not None:
            _release(rca, title)
    return 0 if published_before else len(issue.case_studies)
