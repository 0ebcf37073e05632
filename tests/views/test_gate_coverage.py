"""Every column a public page can render is declared in gate.PUBLIC_COLUMNS, and every declared column is gated.

The first test plants a distinct marker in every free-text column of every row (magazine, force responses, feedback,
the source incident and debrief, users, forces), walks every public page, export and the PDF, and lists the columns
whose markers came out. Any that is not in PUBLIC_COLUMNS (or NOT_GATED, the force's name in the response log) fails.
The second drives each declared column's road with an identifying text and expects the gate to refuse it.
"""
from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from sqlalchemy import String, Text, func, select, update

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import MagazineIssue
from debrief.publications import responses, service
from debrief.publications.gate import NOT_GATED, PUBLIC_COLUMNS, IdentifyingText
from tests.support.factories import create_user, submitted_debrief
from tests.support.publication_factories import (
    create_case_study, create_feedback, create_force_response, create_issue,
)
from tests.views.test_public_walk import _walk

MIN_FREE_TEXT_LENGTH = 64  # shorter String columns hold codes and statuses, not text anyone types for publication
APPEND_ONLY = {"audit_event"}  # the database refuses any change to it (and no page outside the admin's reads it)


def _free_text_columns():
    for table in db.metadata.sorted_tables:
        if table.name in APPEND_ONLY:
            continue
        for column in table.columns:
            if column.primary_key or column.foreign_keys:
                continue
            kind = column.type
            if isinstance(kind, Text) or (isinstance(kind, String) and (kind.length or 0) >= MIN_FREE_TEXT_LENGTH):
                yield table, column


@pytest.fixture
def magazine(forces):
    issue = create_issue(number=1, articles=[{"title": "A view", "contributor": "A trainer", "body": "Some words."}])
    case = create_case_study(force=forces["A"], issue=issue)
    create_force_response(question=case.questions[0], force=forces["B"])
    create_feedback(issue=issue, comment="Useful.")
    officer = create_user(force=forces["A"], roles=[Role.OFFICER], collar_number="AB1234")
    submitted_debrief(author=officer, support_wanted=True, support_details="Someone to talk to")
    return issue


def test_every_column_a_public_page_renders_is_declared_and_gated(client, magazine):
    markers: dict[str, str] = {}
    n = 0
    for table, column in _free_text_columns():
        n += 1
        marker = f"Zq{n:03d}qZ"
        markers[marker] = f"{table.name}.{column.name}"
        # Appended, so every row keeps its meaning (and the markers are on rows that are public); cut to fit.
        length = getattr(column.type, "length", None)
        kept = func.substr(column, 1, length - len(marker) - 1) if length else column
        db.session.execute(update(table).where(column.isnot(None)).values({column.name: kept + f" {marker}"}))
    db.session.commit()
    pages = _walk(client)
    seen = {markers[m] for text in pages.values() for m in re.findall(r"Zq\d{3}qZ", text) if m in markers}
    assert seen - set(PUBLIC_COLUMNS) - set(NOT_GATED) == set()
    # The list is not stale: every declared column does reach a public page.
    assert set(PUBLIC_COLUMNS) - seen == set()


IDENTIFYING = "Ring Sergeant Mark Lowe on 07700 900123."


@pytest.fixture
def learner(forces):
    return create_user(force=forces["A"], roles=[Role.LEARNING])


def _case_field(field):
    def road(case, learner, issue, draft_issue, question, reviewer):
        texts = {k: getattr(case, k) for k in ("title", "summary", "what_happened", "findings_key_learning",
                                               "action_taken", "outcome_for_individuals", "recommendations")}
        texts[field] = IDENTIFYING
        service.update_case_study(case, actor=learner, themes=[], operational_areas=[], factor_categories=[], **texts)
    return road, field


def _article(field):
    def road(case, learner, issue, draft_issue, question, reviewer):
        texts = {"title": "A view", "contributor": "A trainer", "body": "Some words."}
        texts[field] = IDENTIFYING
        service.add_article(draft_issue, actor=learner, **texts)
    return road, {"title": "article_title"}.get(field, field)


ROADS = {
    **{f"case_study.{f}": _case_field(f) for f in ("title", "summary", "what_happened", "findings_key_learning",
                                                   "action_taken", "outcome_for_individuals", "recommendations")},
    "reflective_question.text": (lambda case, learner, *_: service.add_question(
        case, actor=learner, audience="trainers", text=IDENTIFYING), "question"),
    "magazine_issue.theme": (lambda case, learner, issue, draft, *_: service.update_issue(
        draft, actor=learner, theme=IDENTIFYING, introduction=""), "theme"),
    "magazine_issue.introduction": (lambda case, learner, issue, draft, *_: service.update_issue(
        draft, actor=learner, theme="Custody", introduction=IDENTIFYING), "introduction"),
    **{f"article.{f}": _article(f) for f in ("title", "contributor", "body")},
    "force_response.response": (lambda case, learner, issue, draft, question, reviewer: responses.record_force_response(
        question, reviewer.force, IDENTIFYING, date.today(), reviewer), "response"),
}


@pytest.mark.parametrize("column", sorted(PUBLIC_COLUMNS))
def test_every_public_column_has_a_road_through_the_gate(forces, learner, column):
    assert column in ROADS, f"{column} is rendered publicly but no test drives its road through the gate"
    road, field = ROADS[column]
    issue = create_issue(number=1)
    issue.published_at = datetime(2024, 1, 1)
    published = create_case_study(force=forces["A"], issue=issue)
    editable = create_case_study(force=forces["A"], status="in_edit")
    draft_issue = create_issue(number=2, status="draft")
    reviewer = create_user(force=forces["B"], roles=[Role.REVIEWER])
    with pytest.raises(IdentifyingText) as refused:
        road(editable, learner, issue, draft_issue, published.questions[0], reviewer)
    assert field in refused.value.errors
    message = refused.value.messages()[field]
    assert "Mark Lowe" not in message and "07700" not in message  # the kind, never the words
    db.session.rollback()
    stored = [getattr(o, a) for o in (editable, draft_issue) for a in ("title", "theme") if hasattr(o, a)]
    assert IDENTIFYING not in stored
    assert db.session.scalar(select(MagazineIssue.theme).where(MagazineIssue.number == 2)) != IDENTIFYING
