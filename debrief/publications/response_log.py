"""The public force response log: the reflective questions of public case studies with the approved responses
forces recorded, by force name; and the same questions with one force's own responses, for its responses page."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, case, func, select

from debrief.extensions import db
from debrief.models import CaseStudy, Force, ForceResponse, MagazineIssue, ReflectiveQuestion
from debrief.models.publication import ResponseStatus
from debrief.publications.filters import Filters, case_study_filters
from debrief.publications.listing import Page, within_pages
from debrief.publications.reading import AUDIENCE_CHOICES, visible_case_study

LOG_PAGE_SIZE = 50


@dataclass(frozen=True)
class LoggedResponse:
    force_name: str
    response: str
    done_on: object
    recorded_at: object


@dataclass(frozen=True)
class LoggedQuestion:
    id: int
    text: str
    audience: str
    case_study_id: int
    case_study_title: str
    issue_number: int | None
    responses: tuple[LoggedResponse, ...]


def _count_questions(conditions) -> int:
    return db.session.scalar(select(func.count(ReflectiveQuestion.id))
                             .join(CaseStudy, CaseStudy.id == ReflectiveQuestion.case_study_id)
                             .where(*conditions)) or 0


def _question_conditions(filters: Filters) -> list:
    conditions = case_study_filters(Filters(issue=filters.issue, theme=filters.theme))
    if filters.audience:
        conditions.append(ReflectiveQuestion.audience == filters.audience)
    # Only approved responses are public: a draft or withdrawn one neither answers a question nor names its force.
    answered = select(ForceResponse.question_id).where(ForceResponse.status == ResponseStatus.APPROVED.value)
    if filters.force:
        answered = answered.join(Force, Force.id == ForceResponse.force_id).where(Force.code == filters.force)
    if filters.unanswered:
        conditions.append(ReflectiveQuestion.id.not_in(answered))
    elif filters.force:
        conditions.append(ReflectiveQuestion.id.in_(answered))
    return conditions


def responding_forces() -> list[tuple[str, str]]:
    """(code, name) of the forces that have responded to a published question, for the response log's force filter:
    only names the log already shows (a force that released a case study is never named for that)."""
    answered = (select(ForceResponse.force_id).join(ReflectiveQuestion, ReflectiveQuestion.id == ForceResponse.question_id)
                .join(CaseStudy, CaseStudy.id == ReflectiveQuestion.case_study_id)
                .where(visible_case_study(), ForceResponse.status == ResponseStatus.APPROVED.value))
    return [(code, name) for code, name in db.session.execute(
        select(Force.code, Force.name).where(Force.id.in_(answered)).order_by(Force.name))]


def _audience_order():
    """The audiences in their vocabulary's order, for grouping a case study's questions."""
    return case({c.code: n for n, c in enumerate(AUDIENCE_CHOICES)}, value=ReflectiveQuestion.audience, else_=99)


def force_response_log(filters: Filters = Filters(), *, page: int = 1,
                       per_page: int = LOG_PAGE_SIZE) -> Page:
    """Every reflective question of a published case study (newest issue first) with the responses forces recorded,
    each by the force's name; filterable by issue, theme and audience."""
    conditions = _question_conditions(filters)
    total = _count_questions(conditions)
    page = within_pages(page, total, per_page)
    rows = db.session.execute(
        select(ReflectiveQuestion.id, ReflectiveQuestion.text, ReflectiveQuestion.audience, CaseStudy.id,
               CaseStudy.title, MagazineIssue.number)
        .join(CaseStudy, CaseStudy.id == ReflectiveQuestion.case_study_id)
        .outerjoin(MagazineIssue, MagazineIssue.id == CaseStudy.issue_id)
        .where(*conditions)
        .order_by(MagazineIssue.number.desc().nulls_last(), CaseStudy.position, CaseStudy.id, _audience_order(),
                  ReflectiveQuestion.position, ReflectiveQuestion.id)
        .limit(per_page).offset((page - 1) * per_page)).all()
    ids = [row[0] for row in rows]
    responses: dict[int, list[LoggedResponse]] = {i: [] for i in ids}
    if ids:
        for question_id, name, text, done_on, recorded_at in db.session.execute(
                select(ForceResponse.question_id, Force.name, ForceResponse.response, ForceResponse.done_on,
                       ForceResponse.recorded_at)
                .join(Force, Force.id == ForceResponse.force_id)
                .where(ForceResponse.question_id.in_(ids), ForceResponse.status == ResponseStatus.APPROVED.value,
                       *([Force.code == filters.force] if filters.force and not filters.unanswered else []))
                .order_by(Force.name, ForceResponse.id)):
            responses[question_id].append(LoggedResponse(name, text, done_on, recorded_at))
    items = [LoggedQuestion(id=row[0], text=row[1], audience=row[2], case_study_id=row[3], case_study_title=row[4],
                            issue_number=row[5], responses=tuple(responses[row[0]])) for row in rows]
    return Page(items, total, page, per_page)


def questions_for_force(force_id: int, filters: Filters = Filters(), *, page: int = 1,
                        per_page: int = LOG_PAGE_SIZE) -> Page:
    """Published questions with this force's own response (or None), for the force's responses page."""
    conditions = _question_conditions(filters)
    total = _count_questions(conditions)
    page = within_pages(page, total, per_page)
    rows = db.session.execute(
        select(ReflectiveQuestion, CaseStudy.title, MagazineIssue.number, ForceResponse)
        .join(CaseStudy, CaseStudy.id == ReflectiveQuestion.case_study_id)
        .outerjoin(MagazineIssue, MagazineIssue.id == CaseStudy.issue_id)
        .outerjoin(ForceResponse, and_(ForceResponse.question_id == ReflectiveQuestion.id,
                                       ForceResponse.force_id == force_id))
        .where(*conditions)
        .order_by(MagazineIssue.number.desc().nulls_last(), CaseStudy.position, CaseStudy.id, ReflectiveQuestion.position,
                  ReflectiveQuestion.id)
        .limit(per_page).offset((page - 1) * per_page)).all()
    items = [{"question": q, "case_study_title": title, "issue_number": number, "response": response}
             for q, title, number, response in rows]
    return Page(items, total, page, per_page)

