"""Magazine issue operations for the learning team: theme, running order, articles, publishing. One transaction
each, audited; a published issue is read-only."""
from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from debrief.errors import ServiceError
from debrief.extensions import db
from debrief.models import Article, CaseStudy, IssueFeedback, MagazineIssue, ReflectiveQuestion, User, utcnow
from debrief.models.publication import IssueStatus
from debrief.publications import workflow as wf
from debrief.publications.common import audit_issue, move, recheck_stored
from debrief.anonymise.deny_terms import deny_terms_beside
from debrief.publications.gate import passes
from debrief.mail.subscriptions import queue_issue_notices

def _require_draft_issue(issue: MagazineIssue) -> None:
    if issue.status == IssueStatus.PUBLISHED:
        raise ServiceError("This issue has been published and can no longer be changed.")


def _issue_deny_terms(issue: MagazineIssue) -> list[str]:
    return deny_terms_beside(case.deny_terms for case in issue.case_studies)


def issue_texts(issue: MagazineIssue) -> dict[str, str]:
    """Every public text of the issue itself (theme, introduction, articles), keyed for the gate."""
    texts = {"theme": issue.theme, "introduction": issue.introduction or ""}
    for article in issue.articles:
        texts[f"article_title-{article.id}"] = article.title
        texts[f"contributor-{article.id}"] = article.contributor or ""
        texts[f"body-{article.id}"] = article.body
    return texts


def _check_issue_text(issue: MagazineIssue, texts: Mapping[str, str]) -> None:
    """The gate at save: the deny lists of every case study in the issue, the UK patterns and context rules."""
    passes(texts, _issue_deny_terms(issue))


def next_issue_number() -> int:
    return (db.session.scalar(select(func.max(MagazineIssue.number))) or 0) + 1


def create_issue(*, actor: User, theme: str, introduction: str | None = "",
                 number: int | None = None) -> MagazineIssue:
    theme = (theme or "").strip()
    if not theme:
        raise ServiceError("Enter the theme of the issue", "theme")
    number = number or next_issue_number()
    if db.session.scalar(select(MagazineIssue.id).where(MagazineIssue.number == number)) is not None:
        raise ServiceError(f"There is already an issue {number}", "number")
    introduction = (introduction or "").strip()
    passes({"theme": theme, "introduction": introduction}, [])  # no case studies beside it yet: patterns only
    issue = MagazineIssue(number=number, theme=theme[:200], introduction=introduction, status=IssueStatus.DRAFT)
    db.session.add(issue)
    db.session.flush()
    audit_issue("issue.created", issue, actor)
    db.session.commit()
    return issue


def update_issue(issue: MagazineIssue, *, actor: User, theme: str, introduction: str | None) -> None:
    _require_draft_issue(issue)
    theme = (theme or "").strip()
    if not theme:
        raise ServiceError("Enter the theme of the issue", "theme")
    introduction = (introduction or "").strip()
    _check_issue_text(issue, {"theme": theme, "introduction": introduction})
    issue.theme, issue.introduction = theme[:200], introduction
    audit_issue("issue.updated", issue, actor, change="theme and introduction")
    db.session.commit()


def _renumber(issue: MagazineIssue, ordered: list[CaseStudy]) -> None:
    for position, case in enumerate(ordered):
        case.position = position


def add_to_issue(issue: MagazineIssue, case: CaseStudy, *, actor: User) -> None:
    _require_draft_issue(issue)
    if case.status != wf.APPROVED:
        raise ServiceError("Only an approved case study can be put in an issue.", "case_study")
    ordered = list(issue.case_studies)
    move(case, "schedule", actor, wf.LEARNING_TEAM, f"Issue {issue.number}")
    case.issue = issue
    case.position = len(ordered)
    audit_issue("issue.updated", issue, actor, change=f"added case study {case.id}")
    db.session.commit()


def remove_from_issue(issue: MagazineIssue, case: CaseStudy, *, actor: User) -> None:
    _require_draft_issue(issue)
    if case.issue_id != issue.id:
        raise ServiceError("That case study is not in this issue.")
    move(case, "unschedule", actor, wf.LEARNING_TEAM, f"Issue {issue.number}")
    case.issue = None
    case.position = 0
    _renumber(issue, [c for c in issue.case_studies if c.id != case.id])
    audit_issue("issue.updated", issue, actor, change=f"removed case study {case.id}")
    db.session.commit()


def move_in_issue(issue: MagazineIssue, case: CaseStudy, *, actor: User, direction: str) -> None:
    """Move a case study one place up or down the issue's running order."""
    _require_draft_issue(issue)
    ordered = list(issue.case_studies)
    if case not in ordered or direction not in ("up", "down"):
        raise ServiceError("That case study is not in this issue.")
    i = ordered.index(case)
    j = i - 1 if direction == "up" else i + 1
    if 0 <= j < len(ordered):
        ordered[i], ordered[j] = ordered[j], ordered[i]
        _renumber(issue, ordered)
    audit_issue("issue.updated", issue, actor, change=f"moved case study {case.id} {direction}")
    db.session.commit()


def _article_fields(issue: MagazineIssue, title: str, contributor: str, body: str) -> dict[str, str]:
    fields = {"title": title.strip(), "contributor": contributor.strip(), "body": body.strip()}
    if not fields["title"]:
        raise ServiceError("Enter the article's title", "title")
    if not fields["body"]:
        raise ServiceError("Enter the article's text", "body")
    _check_issue_text(issue, {"article_title": fields["title"], "contributor": fields["contributor"],
                              "body": fields["body"]})
    return fields


def add_article(issue: MagazineIssue, *, actor: User, title: str, contributor: str, body: str) -> Article:
    _require_draft_issue(issue)
    fields = _article_fields(issue, title, contributor, body)
    article = Article(issue=issue, position=len(issue.articles), **fields)
    db.session.add(article)
    db.session.flush()
    audit_issue("issue.updated", issue, actor, change=f"added article {article.id}")
    db.session.commit()
    return article


def update_article(article: Article, *, actor: User, title: str, contributor: str, body: str) -> None:
    issue = article.issue
    _require_draft_issue(issue)
    for key, value in _article_fields(issue, title, contributor, body).items():
        setattr(article, key, value)
    audit_issue("issue.updated", issue, actor, change=f"changed article {article.id}")
    db.session.commit()


def remove_article(article: Article, *, actor: User) -> None:
    issue = article.issue
    _require_draft_issue(issue)
    aid = article.id
    issue.articles.remove(article)
    db.session.delete(article)
    audit_issue("issue.updated", issue, actor, change=f"removed article {aid}")
    db.session.commit()


def publish_issue(issue: MagazineIssue, *, actor: User) -> None:
    """Make the issue and every case study in it public. Needs at least one case study; then read-only."""
    _require_draft_issue(issue)
    cases = list(issue.case_studies)
    if not cases:
        raise ServiceError("Add at least one approved case study before publishing the issue")
    # The issue's own words were checked when saved, but only against the case studies in it then: an
    # introduction or article written before a case study was added has never met that case's deny list.
    _check_issue_text(issue, issue_texts(issue))
    now = utcnow()
    for case in cases:
        recheck_stored(case)
        move(case, "publish", actor, wf.PUBLISHING, f"Issue {issue.number}")
        case.published_at = now
    issue.status, issue.published_at = IssueStatus.PUBLISHED, now
    audit_issue("issue.published", issue, actor, case_studies=[c.id for c in cases])

    queue_issue_notices(issue, actor=actor)  # in this transaction: published and notified, or neither
    db.session.commit()


def record_feedback_view(issue: MagazineIssue, *, actor: User) -> None:
    audit_issue("issue.feedback_viewed", issue, actor, count=len(issue.feedback))
    db.session.commit()


# The learning team's lists.

def case_studies(status: str | None = None) -> list[CaseStudy]:
    """Case studies, last changed first, with what the learning team's list shows: the issue, how many questions."""
    query = select(CaseStudy).order_by(CaseStudy.updated_at.desc(), CaseStudy.id.desc()).options(
        joinedload(CaseStudy.issue), selectinload(CaseStudy.questions).load_only(ReflectiveQuestion.id))
    if status:
        query = query.where(CaseStudy.status == status)
    return list(db.session.scalars(query))


def status_counts() -> dict[str, int]:
    rows = db.session.execute(select(CaseStudy.status, func.count()).group_by(CaseStudy.status))
    return {status: n for status, n in rows}


def issues() -> list[MagazineIssue]:
    """Every issue, newest first, with how many case studies and pieces of feedback each has (what the list shows)."""
    return list(db.session.scalars(select(MagazineIssue).order_by(MagazineIssue.number.desc()).options(
        selectinload(MagazineIssue.case_studies).load_only(CaseStudy.id),
        selectinload(MagazineIssue.feedback).load_only(IssueFeedback.id))))


def approved_not_in_issue() -> list[CaseStudy]:
    return list(db.session.scalars(select(CaseStudy).where(CaseStudy.status == wf.APPROVED,
                                                           CaseStudy.issue_id.is_(None)).order_by(CaseStudy.id)))
