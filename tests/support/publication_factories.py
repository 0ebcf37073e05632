"""Keyword-only factories for case studies, magazine issues and force responses, built directly with the models.

They skip the learning team's workflow on purpose: tests of the public magazine need published data quickly, and
the workflow has its own tests. Each helper commits, so what it returns is in the database.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime

from sqlalchemy import func, select

from debrief.extensions import db
from debrief.models import (
    Article, CaseStudy, Force, ForceResponse, IssueFeedback, MagazineIssue, ReflectiveQuestion, utcnow,
)

_seq = itertools.count(1)

DEFAULT_QUESTIONS: dict[str, list[str]] = {
    "policy_makers_managers": ["How does your force make sure supervisors review restraint decisions?"],
    "officers_staff": ["What would you do if a detained person said they could not breathe?"],
    "trainers": ["Does your training cover the risks of prone restraint?"],
}


def _default_force() -> Force:
    force = db.session.scalar(select(Force).where(Force.code == "PUB"))
    if force is None:
        force = Force(code="PUB", name="Publishing Test Police")
        db.session.add(force)
        db.session.flush()
    return force


def create_case_study(
    *,
    force: Force | None = None,
    title: str | None = None,
    status: str = "published",
    issue: MagazineIssue | None = None,
    summary: str = "A man in mental health crisis was restrained by two officers.",
    what_happened: str = "Officer A and Officer B attended a report of a man behaving erratically in the street.",
    findings_key_learning: str = "Officers should monitor a person's breathing throughout any restraint.",
    action_taken: str = "The force updated its restraint training.",
    outcome_for_individuals: str = "Officer A received management action.",
    recommendations: str = "Review the guidance on prolonged restraint.",
    themes: Sequence[str] = ("use_of_force",),
    factor_categories: Sequence[str] = ("education_training",),
    operational_areas: Sequence[str] = ("response",),
    deny_terms: Sequence[str] = (),
    questions: Mapping[str, Iterable[str]] | None = None,
) -> CaseStudy:
    """A case study, published by default (with `published_at` set); `questions` maps audience -> texts.

    Pass `questions={}` for none. When `issue` is given, the case study is placed at the end of it.
    """
    n = next(_seq)
    force = force or _default_force()
    position = 0
    if issue is not None:
        position = db.session.scalar(
            select(func.count()).select_from(CaseStudy).where(CaseStudy.issue_id == issue.id)) or 0
    case_study = CaseStudy(
        force_id=force.id, status=status, title=title or f"Case study {n}",
        summary=summary, what_happened=what_happened, findings_key_learning=findings_key_learning,
        action_taken=action_taken, outcome_for_individuals=outcome_for_individuals,
        recommendations=recommendations, themes=list(themes), factor_categories=list(factor_categories),
        operational_areas=list(operational_areas), deny_terms=list(deny_terms),
        issue_id=issue.id if issue is not None else None, position=position,
        published_at=utcnow() if status == "published" else None,
    )
    questions = DEFAULT_QUESTIONS if questions is None else questions
    pos = 0
    for audience, texts in questions.items():
        for text in texts:
            case_study.questions.append(ReflectiveQuestion(audience=audience, text=text, position=pos))
            pos += 1
    db.session.add(case_study)
    db.session.commit()
    return case_study


def create_issue(
    *,
    number: int | None = None,
    theme: str = "Use of force",
    introduction: str = "This issue looks at restraint and the care of people in crisis.",
    status: str = "published",
    articles: Iterable[Mapping[str, str]] = (),
) -> MagazineIssue:
    """A magazine issue, published by default; `articles` are dicts of title/contributor/body. Put case studies in it
    with `create_case_study(issue=...)`."""
    if number is None:
        number = (db.session.scalar(select(func.max(MagazineIssue.number))) or 0) + 1
    issue = MagazineIssue(
        number=number, theme=theme, introduction=introduction, status=status,
        published_at=utcnow() if status == "published" else None,
    )
    for pos, article in enumerate(articles):
        issue.articles.append(Article(title=article["title"], contributor=article.get("contributor", ""),
                                      body=article.get("body", ""), position=pos))
    db.session.add(issue)
    db.session.commit()
    return issue


def create_force_response(
    *,
    question: ReflectiveQuestion,
    force: Force,
    response: str = "We reviewed our training and briefed every response team.",
    done_on: date | None = None,
    status: str = "approved",
) -> ForceResponse:
    """A force's response to a reflective question, straight into the database (no audit: use the service for that).
    Approved (on the public log) by default; pass status="draft" or "withdrawn" for the others."""
    row = ForceResponse(question_id=question.id, force_id=force.id, response=response,
                        done_on=done_on or date(2024, 3, 1), status=status)
    db.session.add(row)
    db.session.commit()
    return row


def create_feedback(
    *, issue: MagazineIssue, useful: str = "yes", comment: str = "", client_key: str = "0" * 64,
    created_at: datetime | None = None,
) -> IssueFeedback:
    """A reader's feedback on an issue."""
    row = IssueFeedback(issue_id=issue.id, useful=useful, comment=comment, client_key=client_key,
                        created_at=created_at or utcnow())
    db.session.add(row)
    db.session.commit()
    return row
