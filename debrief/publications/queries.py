"""Read-only queries behind the public magazine: only published issues and case studies, never a force or source.

Portable across SQLite and PostgreSQL: the list columns (themes, categories, areas) are JSON arrays of codes, so a
filter on one code is a LIKE on the array's text for `"code"` (codes are checked against their vocabulary first).
The full-text search of the magazine is search.py.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field

from sqlalchemy import String, and_, case, cast, func, or_, select
from sqlalchemy.orm import selectinload

from debrief.analytics.sql import json_has
from debrief.extensions import db
from debrief.models import CaseStudy, Force, ForceResponse, MagazineIssue, ReflectiveQuestion
from debrief.models.publication import ResponseStatus
from debrief.rca.framework import CATEGORIES
from debrief.reference import INCIDENT_TYPES, OPERATIONAL_AREAS, QUESTION_AUDIENCES, Choice, codes

PUBLISHED = "published"
TABLE_PAGE_SIZE = 100
LOG_PAGE_SIZE = 50

THEME_CHOICES: tuple[Choice, ...] = INCIDENT_TYPES
CATEGORY_CHOICES: tuple[Choice, ...] = tuple(Choice(c.code, c.name) for c in CATEGORIES)
AREA_CHOICES: tuple[Choice, ...] = OPERATIONAL_AREAS
AUDIENCE_CHOICES: tuple[Choice, ...] = QUESTION_AUDIENCES


# --- Issues and case studies ------------------------------------------------------------------

def _visible_case_study():
    """A case study is public when it is published and, if it is in an issue, that issue is published too."""
    return and_(CaseStudy.status == PUBLISHED,
                or_(CaseStudy.issue_id.is_(None),
                    CaseStudy.issue_id.in_(select(MagazineIssue.id).where(MagazineIssue.status == PUBLISHED))))


def published_issues() -> list[MagazineIssue]:
    """Published issues, newest number first."""
    return list(db.session.scalars(
        select(MagazineIssue).where(MagazineIssue.status == PUBLISHED).order_by(MagazineIssue.number.desc())))


def published_issue(number: int) -> MagazineIssue | None:
    return db.session.scalar(select(MagazineIssue).where(MagazineIssue.number == number,
                                                         MagazineIssue.status == PUBLISHED))


def issue_case_studies(issue: MagazineIssue) -> list[CaseStudy]:
    """The published case studies of an issue, in the issue's order, with their questions loaded."""
    return list(db.session.scalars(
        select(CaseStudy).where(CaseStudy.issue_id == issue.id, CaseStudy.status == PUBLISHED)
        .options(selectinload(CaseStudy.questions))
        .order_by(CaseStudy.position, CaseStudy.id)))


def published_case_study(case_study_id: int) -> CaseStudy | None:
    return db.session.scalar(select(CaseStudy).where(CaseStudy.id == case_study_id, _visible_case_study()))


def published_case_study_ids(case_study_ids: set[int]) -> set[int]:
    """Which of these case studies are public, in one query."""
    if not case_study_ids:
        return set()
    return set(db.session.scalars(select(CaseStudy.id).where(CaseStudy.id.in_(case_study_ids), _visible_case_study())))


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
    return list(db.session.scalars(select(MagazineIssue.number).where(MagazineIssue.status == PUBLISHED)
                                   .order_by(MagazineIssue.number.desc())))


# --- Filters ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Filters:
    """Filters from a GET form; anything not in its vocabulary is dropped, so a crafted URL filters nothing."""

    issue: int | None = None
    theme: str | None = None
    category: str | None = None
    area: str | None = None
    audience: str | None = None
    force: str | None = None      # a force's code: the response log's questions that force answered (or not)
    unanswered: bool = False      # the response log's questions not yet answered (by that force, if one is chosen)

    @classmethod
    def from_args(cls, args) -> Filters:
        def pick(name: str, vocab) -> str | None:
            value = (args.get(name) or "").strip()
            return value if value in codes(vocab) else None

        issue_text = (args.get("issue") or "").strip()
        issue = int(issue_text) if issue_text.isdigit() and len(issue_text) < 9 else None
        force = (args.get("force") or "").strip().upper()
        return cls(issue=issue, theme=pick("theme", THEME_CHOICES), category=pick("category", CATEGORY_CHOICES),
                   area=pick("area", AREA_CHOICES), audience=pick("audience", AUDIENCE_CHOICES),
                   force=force if re.fullmatch(r"[A-Z0-9]{1,16}", force) else None,
                   unanswered=(args.get("answered") or "") == "no")

    @property
    def active(self) -> bool:
        return self.unanswered or any(v is not None for v in (self.issue, self.theme, self.category, self.area,
                                                              self.audience, self.force))

    def as_args(self) -> dict[str, str]:
        return {k: str(v) for k, v in (("issue", self.issue), ("theme", self.theme), ("category", self.category),
                                        ("area", self.area), ("audience", self.audience), ("force", self.force),
                                        ("answered", "no" if self.unanswered else None)) if v is not None}


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _has_code(column, code: str):
    """A JSON array column holding `code` (as the serialised `"code"`, wildcards escaped): the analytics' json_has."""
    return json_has(column, code)


def _case_study_filters(filters: Filters) -> list:
    conditions = [_visible_case_study()]
    if filters.issue is not None:
        conditions.append(CaseStudy.issue_id.in_(select(MagazineIssue.id).where(MagazineIssue.number == filters.issue)))
    if filters.theme:
        conditions.append(_has_code(CaseStudy.themes, filters.theme))
    if filters.category:
        conditions.append(_has_code(CaseStudy.factor_categories, filters.category))
    if filters.area:
        conditions.append(_has_code(CaseStudy.operational_areas, filters.area))
    return conditions


# --- Case factor table ------------------------------------------------------------------------

@dataclass(frozen=True)
class ColumnGroup:
    key: str           # "themes", "factor_categories", "operational_areas"
    heading: str
    columns: tuple[Choice, ...]


@dataclass(frozen=True)
class FactorRow:
    id: int
    title: str
    issue_number: int | None
    ticks: dict[str, frozenset[str]]  # group key -> codes ticked

    def ticked(self, group: str, code: str) -> bool:
        return code in self.ticks[group]


def page_count(total: int, per_page: int) -> int:
    return max(1, math.ceil(total / per_page))


def _within(page: int, total: int, per_page: int) -> int:
    """The page asked for, kept between the first and the last."""
    return max(1, min(page, page_count(total, per_page)))


def _count_questions(conditions) -> int:
    return db.session.scalar(select(func.count(ReflectiveQuestion.id))
                             .join(CaseStudy, CaseStudy.id == ReflectiveQuestion.case_study_id)
                             .where(*conditions)) or 0


@dataclass
class Page:
    items: list
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return page_count(self.total, self.per_page)

    @property
    def first_index(self) -> int:
        return 0 if self.total == 0 else (self.page - 1) * self.per_page + 1

    @property
    def last_index(self) -> int:
        return min(self.total, self.page * self.per_page)


@dataclass
class FactorTable:
    groups: list[ColumnGroup]
    rows: Page
    filters: Filters
    column_count: int = field(init=False)

    def __post_init__(self) -> None:
        self.column_count = sum(len(g.columns) for g in self.groups)


GROUPS = (("themes", "Themes", THEME_CHOICES), ("factor_categories", "Contributory factors", CATEGORY_CHOICES),
          ("operational_areas", "Operational areas", AREA_CHOICES))


def _codes_of(value) -> frozenset[str]:
    if isinstance(value, str):  # some drivers hand JSON back as text
        value = json.loads(value or "[]")
    return frozenset(v for v in (value or []) if isinstance(v, str))


def case_factor_table(filters: Filters = Filters(), *, page: int = 1,
                      per_page: int = TABLE_PAGE_SIZE) -> FactorTable:
    """Every published case study matching `filters` as a row, ticked against the vocabulary columns in use.

    The columns are those ticked by at least one matching case study (over all pages, so they stay put while
    paging), in vocabulary order; rows are newest issue first, then the issue's order. One scan: the lists come
    back as text and only the distinct ones are decoded, since the same few combinations recur across thousands
    of rows.
    """
    rows = db.session.execute(
        select(CaseStudy.id, CaseStudy.title, MagazineIssue.number, cast(CaseStudy.themes, String),
               cast(CaseStudy.factor_categories, String), cast(CaseStudy.operational_areas, String))
        .outerjoin(MagazineIssue, MagazineIssue.id == CaseStudy.issue_id)
        .where(*_case_study_filters(filters))
        .order_by(MagazineIssue.number.desc().nulls_last(), CaseStudy.position, CaseStudy.id)).all()
    decoded: dict[str | None, frozenset[str]] = {}

    def codes_in(text: str | None) -> frozenset[str]:
        if text not in decoded:
            decoded[text] = _codes_of(text or "[]")
        return decoded[text]

    groups = []
    for index, (key, heading, vocab) in enumerate(GROUPS, start=3):
        used: set[str] = set()
        for text in {row[index] for row in rows}:
            used |= codes_in(text)
        columns = tuple(c for c in vocab if c.code in used)
        if columns:
            groups.append(ColumnGroup(key, heading, columns))
    total = len(rows)
    page = _within(page, total, per_page)
    items = [FactorRow(id=row[0], title=row[1], issue_number=row[2],
                       ticks={"themes": codes_in(row[3]), "factor_categories": codes_in(row[4]),
                              "operational_areas": codes_in(row[5])})
             for row in rows[(page - 1) * per_page: page * per_page]]
    return FactorTable(groups=groups, rows=Page(items, total, page, per_page), filters=filters)


# --- Force response log -----------------------------------------------------------------------

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


def _question_conditions(filters: Filters) -> list:
    conditions = _case_study_filters(Filters(issue=filters.issue, theme=filters.theme))
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
                .where(_visible_case_study(), ForceResponse.status == ResponseStatus.APPROVED.value))
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
    page = _within(page, total, per_page)
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


def published_question(question_id: int) -> ReflectiveQuestion | None:
    """A reflective question of a published case study, or None."""
    return db.session.scalar(select(ReflectiveQuestion)
                             .join(CaseStudy, CaseStudy.id == ReflectiveQuestion.case_study_id)
                             .where(ReflectiveQuestion.id == question_id, _visible_case_study()))


def questions_for_force(force_id: int, filters: Filters = Filters(), *, page: int = 1,
                        per_page: int = LOG_PAGE_SIZE) -> Page:
    """Published questions with this force's own response (or None), for the force's responses page."""
    conditions = _question_conditions(filters)
    total = _count_questions(conditions)
    page = _within(page, total, per_page)
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


# --- Labels for templates ---------------------------------------------------------------------

def labels() -> dict[str, dict[str, str]]:
    """Display labels per list: themes, factor_categories, operational_areas, audiences (unknown codes as stored)."""
    return {"themes": {c.code: c.label for c in THEME_CHOICES},
            "factor_categories": {c.code: c.label for c in CATEGORY_CHOICES},
            "operational_areas": {c.code: c.label for c in AREA_CHOICES},
            "audiences": {c.code: c.label for c in AUDIENCE_CHOICES}}
