"""What a reader of the public magazine may see: published issues and the public case studies in them, their
questions by audience, and the labels of the lists they are tagged with; never a force or a source."""
from __future__ import annotations

from datetime import datetime
from functools import cache

from sqlalchemy import and_, bindparam, or_, select
from sqlalchemy.orm import joinedload, selectinload

from debrief.extensions import db
from debrief.models import CaseStudy, MagazineIssue, ReflectiveQuestion
from debrief.models.publication import IssueStatus
from debrief.publications.workflow import CaseStudyStatus
from debrief.rca.framework import CATEGORIES
from debrief.reference import INCIDENT_TYPES, OPERATIONAL_AREAS, QUESTION_AUDIENCES, Choice, codes

THEME_CHOICES: tuple[Choice, ...] = INCIDENT_TYPES
CATEGORY_CHOICES: tuple[Choice, ...] = tuple(Choice(c.code, c.name) for c in CATEGORIES)
AREA_CHOICES: tuple[Choice, ...] = OPERATIONAL_AREAS
AUDIENCE_CHOICES: tuple[Choice, ...] = QUESTION_AUDIENCES


def visible_case_study():
    """The one rule for every public query: a case study is public when it is published (so not withdrawn) and, if it
    is in an issue, that issue is published too. tests/unit/publications/test_public_rule.py fails when a module
    tests a case study's status for a public page any other way."""
    published_issues = select(MagazineIssue.id).where(MagazineIssue.status == IssueStatus.PUBLISHED)
    return and_(CaseStudy.status == CaseStudyStatus.PUBLISHED,
                or_(CaseStudy.issue_id.is_(None), CaseStudy.issue_id.in_(published_issues)))


@cache
def _published_issues():
    return select(MagazineIssue).where(MagazineIssue.status == IssueStatus.PUBLISHED).order_by(MagazineIssue.number.desc())


def published_issues() -> list[MagazineIssue]:
    """Published issues, newest number first (a statement built once: a reused statement keeps its cache key)."""
    return list(db.session.scalars(_published_issues()))


def published_issue(number: int) -> MagazineIssue | None:
    return db.session.scalar(select(MagazineIssue).where(MagazineIssue.number == number,
                                                         MagazineIssue.status == IssueStatus.PUBLISHED))


@cache
def _issue_case_studies():
    """Built once (a reused statement keeps its cache key): the issue page and its exports run it on every request."""
    return (select(CaseStudy).where(CaseStudy.issue_id == bindparam("issue_id"), visible_case_study())
            .options(selectinload(CaseStudy.questions)).order_by(CaseStudy.position, CaseStudy.id))


def issue_case_studies(issue: MagazineIssue) -> list[CaseStudy]:
    """The public case studies of an issue, in the issue's order, with their questions loaded."""
    return list(db.session.scalars(_issue_case_studies(), {"issue_id": issue.id}))


@cache
def _withdrawals_in_issue():
    return (select(CaseStudy.withdrawn_at).where(CaseStudy.issue_id == bindparam("issue_id"),
                                                 CaseStudy.status == CaseStudyStatus.WITHDRAWN)
            .order_by(CaseStudy.position, CaseStudy.id))


def withdrawals_in_issue(issue: MagazineIssue) -> list[datetime]:
    """When each case study withdrawn from this issue was withdrawn, in the issue's order: the date is all a reader
    is told of it (only that column is read)."""
    return list(db.session.scalars(_withdrawals_in_issue(), {"issue_id": issue.id}))


def withdrawn_on(case_study_id: int) -> datetime | None:
    """When this case study was withdrawn from public view, or None if it is not withdrawn (or does not exist)."""
    return db.session.scalar(select(CaseStudy.withdrawn_at).where(CaseStudy.id == case_study_id,
                                                                  CaseStudy.status == CaseStudyStatus.WITHDRAWN))


@cache
def _published_case_study():
    """A public case study with its issue and questions (its page and PDF show both) in one statement, built once: a
    reused statement keeps its cache key."""
    return (select(CaseStudy).where(CaseStudy.id == bindparam("case_study_id"), visible_case_study())
            .options(joinedload(CaseStudy.issue), joinedload(CaseStudy.questions)))


def published_case_study(case_study_id: int) -> CaseStudy | None:
    return db.session.execute(_published_case_study(), {"case_study_id": case_study_id}).unique().scalar_one_or_none()


def published_case_study_ids(case_study_ids: set[int]) -> set[int]:
    """Which of these case studies are public, in one query."""
    if not case_study_ids:
        return set()
    return set(db.session.scalars(select(CaseStudy.id).where(CaseStudy.id.in_(case_study_ids), visible_case_study())))


def published_question(question_id: int) -> ReflectiveQuestion | None:
    """A reflective question of a published case study, or None."""
    return db.session.scalar(select(ReflectiveQuestion)
                             .join(CaseStudy, CaseStudy.id == ReflectiveQuestion.case_study_id)
                             .where(ReflectiveQuestion.id == question_id, visible_case_study()))


def questions_by_audience(case_study: CaseStudy) -> list[tuple[Choice, list[ReflectiveQuestion]]]:
    """The case study's reflective questions grouped by audience, in the audiences' order; empty groups left out."""
    groups = [(choice, [q for q in case_study.questions if q.audience == choice.code]) for choice in AUDIENCE_CHOICES]
    known = set(codes(AUDIENCE_CHOICES))
    other = [q for q in case_study.questions if q.audience not in known]
    if other:
        groups.append((Choice("other", "Everyone"), other))
    return [(choice, questions) for choice, questions in groups if questions]


def issue_numbers() -> list[int]:
    """Numbers of the published issues, for filter menus."""
    return list(db.session.scalars(select(MagazineIssue.number).where(MagazineIssue.status == IssueStatus.PUBLISHED)
                                   .order_by(MagazineIssue.number.desc())))


def labels() -> dict[str, dict[str, str]]:
    """Display labels per list: themes, factor_categories, operational_areas, audiences (unknown codes as stored)."""
    return {"themes": {c.code: c.label for c in THEME_CHOICES},
            "factor_categories": {c.code: c.label for c in CATEGORY_CHOICES},
            "operational_areas": {c.code: c.label for c in AREA_CHOICES},
            "audiences": {c.code: c.label for c in AUDIENCE_CHOICES}}

