"""Case-study and magazine-issue operations: each re-checks text, moves the workflow, audits, and commits once.

`create_candidate` is the exception: it is one step of `rca.release_service.release()` and leaves the commit to
it, so a release either creates the candidate and marks the RCA released, or does neither.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import func, select

from debrief import reference as ref
from debrief.audit import record
from debrief.extensions import db
from debrief.models import (
    Article, CaseStudy, CaseStudyEvent, Force, MagazineIssue, ReflectiveQuestion, User, utcnow,
)
from debrief.models.publication import AUDIENCES, CASE_STUDY_TEXTS
from debrief.publications import workflow as wf
from debrief.publications.checks import accepted_identifiers, check_texts

FIELD_LABELS: dict[str, str] = {"title": "Title", **dict(CASE_STUDY_TEXTS), "question": "Question",
                                "answer": "Answer", "theme": "Theme", "introduction": "Introduction",
                                "body": "Article text", "article_title": "Article title"}


class PublicationError(ValueError):
    """An operation that cannot be carried out; the message is for the user, `field` names the input."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class IdentifyingText(PublicationError):
    """Text that would bring an identifier back. `errors` maps each field to what kind of thing was found."""

    def __init__(self, errors: Mapping[str, list[str]]) -> None:
        self.errors = dict(errors)
        first = next(iter(self.errors), None)
        super().__init__(identifying_message(first, self.errors[first]) if first else "", first)

    def messages(self) -> dict[str, str]:
        return {field: identifying_message(field, kinds) for field, kinds in self.errors.items()}


def identifying_message(field: str, kinds: Sequence[str]) -> str:
    label = FIELD_LABELS.get(field, field.replace("_", " ").capitalize())
    return (f"{label} contains something that could identify a person, place or force ({' and '.join(kinds)}). "
            "Remove it or replace it with a label such as ‘Officer A’ or ‘a town’")


# --- helpers -------------------------------------------------------------------------------------

def _audit(event: str, case: CaseStudy, actor: User | None, **details: Any) -> None:
    record(event, actor=actor, force_id=case.force_id, record_type="case_study", record_id=case.id, **details)


def _audit_issue(event: str, issue: MagazineIssue, actor: User | None, **details: Any) -> None:
    record(event, actor=actor, force_id=None, record_type="magazine_issue", record_id=issue.id,
           number=issue.number, **details)


def _move(case: CaseStudy, action: str, actor: User | None, who: str, comment: str = "") -> None:
    """Apply one transition of the table, with its history row and audit event (no commit)."""
    try:
        to = wf.transition(case.status, action, who, comment)
    except wf.TransitionRefused as error:
        raise PublicationError(str(error), "comment" if wf.BY_ACTION.get(action) and
                               wf.BY_ACTION[action].needs_comment and not comment.strip() else None) from error
    before = case.status
    case.status = to
    db.session.add(CaseStudyEvent(case_study=case, actor_id=getattr(actor, "id", None), action=action,
                                  from_status=before, to_status=to, comment=comment.strip()))
    _audit("case_study.moved", case, actor, step=action, from_status=before, to_status=to)


def _accepted(case: CaseStudy) -> frozenset[str]:
    return accepted_identifiers([*case.texts().values(), *(q.text for q in case.questions)])


def _check(case: CaseStudy, texts: Mapping[str, str]) -> None:
    problems = check_texts(texts, case.deny_terms or [], accepted=_accepted(case))
    if problems:
        raise IdentifyingText(problems)


def _codes(values: Iterable[str], vocab) -> list[str]:
    known = ref.codes(vocab)
    return [v for v in dict.fromkeys(values) if v in known]


def _require_editable(case: CaseStudy) -> None:
    if not wf.is_editable(case.status):
        raise PublicationError("This case study can no longer be changed: it is "
                               f"{wf.STATUS_LABELS[case.status].lower()}.")


# --- release ---------------------------------------------------------------------------------------

def create_candidate(force: Force, texts: Mapping[str, str], deny_terms: Sequence[str], source_rca_id: int | None,
                     actor: User | None, *, themes: Iterable[str], factor_categories: Iterable[str],
                     operational_areas: Iterable[str] = ()) -> CaseStudy:
    """A candidate case study from a reviewer's release. Flushes, never commits: the caller's transaction.

    Only the deny list is enforced here: the reviewer has seen the source and may have undone a pattern's
    replacement on purpose; a name, number, place or force of the case's own records is never released.
    """
    if not (texts.get("title") or "").strip():
        raise PublicationError("Enter a title for the case study", "title")
    if source_rca_id is not None and db.session.scalar(
            select(CaseStudy.id).where(CaseStudy.source_rca_id == source_rca_id)) is not None:
        raise PublicationError("This RCA has already been released as a case study.")
    fields = {"title": texts["title"].strip()[:200],
              **{key: (texts.get(key) or "").strip() for key, _ in CASE_STUDY_TEXTS}}
    problems = check_texts(fields, deny_terms, patterns=False)
    if problems:
        raise IdentifyingText(problems)
    case = CaseStudy(force_id=force.id, source_rca_id=source_rca_id, status=wf.CANDIDATE, **fields,
                     themes=list(dict.fromkeys(themes)), factor_categories=list(dict.fromkeys(factor_categories)),
                     operational_areas=_codes(operational_areas, ref.OPERATIONAL_AREAS),
                     deny_terms=list(deny_terms), created_by_id=getattr(actor, "id", None))
    db.session.add(case)
    db.session.add(CaseStudyEvent(case_study=case, actor_id=getattr(actor, "id", None), action="release",
                                  from_status=None, to_status=wf.CANDIDATE, comment=""))
    db.session.flush()
    _audit("case_study.created", case, actor, source_rca=source_rca_id)
    return case


# --- the learning team's edits ------------------------------------------------------------------------

def record_view(case: CaseStudy, *, actor: User) -> None:
    _audit("case_study.viewed", case, actor, status=case.status)
    db.session.commit()


def update_case_study(case: CaseStudy, *, actor: User, title: str, themes: Iterable[str], summary: str,
                      what_happened: str, findings_key_learning: str, action_taken: str,
                      outcome_for_individuals: str, recommendations: str, operational_areas: Iterable[str],
                      factor_categories: Iterable[str]) -> None:
    """Save the edit form; refused whole (nothing saved) if any field would bring an identifier back."""
    _require_editable(case)
    texts = {"title": title.strip(), "summary": summary.strip(), "what_happened": what_happened.strip(),
             "findings_key_learning": findings_key_learning.strip(), "action_taken": action_taken.strip(),
             "outcome_for_individuals": outcome_for_individuals.strip(), "recommendations": recommendations.strip()}
    if not texts["title"]:
        raise PublicationError("Enter a title", "title")
    if len(texts["title"]) > 200:
        raise PublicationError("Title must be 200 characters or fewer", "title")
    if not texts["summary"]:
        raise PublicationError("Enter a summary", "summary")
    _check(case, texts)
    changed = [k for k, v in texts.items() if getattr(case, k) != v]
    for key, value in texts.items():
        setattr(case, key, value)
    lists = {"themes": _codes(themes, ref.INCIDENT_TYPES),
             "operational_areas": _codes(operational_areas, ref.OPERATIONAL_AREAS),
             "factor_categories": list(dict.fromkeys(factor_categories))}
    for key, value in lists.items():
        if list(getattr(case, key) or []) != value:
            changed.append(key)
            setattr(case, key, value)
    # Saving a candidate starts the edit; an approved one goes back to edit only if something changed.
    if case.status == wf.CANDIDATE or (case.status == wf.APPROVED and changed):
        _move(case, "edit", actor, wf.LEARNING_TEAM)
    _audit("case_study.updated", case, actor, fields=changed)
    db.session.commit()


def _question_text(case: CaseStudy, audience: str, text: str) -> str:
    if audience not in AUDIENCES:
        raise PublicationError("Select who the question is for", "audience")
    text = text.strip()
    if not text:
        raise PublicationError("Enter the question", "question")
    _check(case, {"question": text})
    return text


def add_question(case: CaseStudy, *, actor: User, audience: str, text: str) -> ReflectiveQuestion:
    _require_editable(case)
    text = _question_text(case, audience, text)
    position = 1 + max((q.position for q in case.questions if q.audience == audience), default=-1)
    question = ReflectiveQuestion(case_study=case, audience=audience, text=text, position=position)
    db.session.add(question)
    db.session.flush()
    _audit("case_study.question_added", case, actor, question=question.id, audience=audience)
    db.session.commit()
    return question


def update_question(question: ReflectiveQuestion, *, actor: User, audience: str, text: str) -> None:
    case = question.case_study
    _require_editable(case)
    question.text, question.audience = _question_text(case, audience, text), audience
    _audit("case_study.question_updated", case, actor, question=question.id, audience=audience)
    db.session.commit()


def remove_question(question: ReflectiveQuestion, *, actor: User) -> None:
    case = question.case_study
    _require_editable(case)
    if question.responses:
        raise PublicationError("Forces have responded to this question, so it cannot be removed.")
    qid = question.id
    case.questions.remove(question)
    db.session.delete(question)
    _audit("case_study.question_removed", case, actor, question=qid)
    db.session.commit()


# --- transitions -----------------------------------------------------------------------------------------

def approve_case_study(case: CaseStudy, *, actor: User) -> None:
    if not case.questions:
        raise PublicationError("Add at least one reflective question before approving")
    _check(case, case.texts())  # nothing identifying slipped in by any route
    _move(case, "approve", actor, wf.LEARNING_TEAM)
    db.session.commit()


def return_to_force(case: CaseStudy, *, actor: User, question: str) -> None:
    """Send it back to the releasing force with a question. The question is checked like any other text."""
    _check(case, {"question": question})
    _move(case, "return", actor, wf.LEARNING_TEAM, question)
    case.status_reason = question.strip()
    db.session.commit()


def reject_case_study(case: CaseStudy, *, actor: User, reason: str) -> None:
    _move(case, "reject", actor, wf.LEARNING_TEAM, reason)
    case.status_reason = reason.strip()
    db.session.commit()


def returned_for_force(force_id: int) -> list[CaseStudy]:
    return list(db.session.scalars(select(CaseStudy).where(
        CaseStudy.force_id == force_id, CaseStudy.status == wf.RETURNED).order_by(CaseStudy.updated_at.desc())))


def released_by_force(force_id: int) -> list[CaseStudy]:
    return list(db.session.scalars(select(CaseStudy).where(CaseStudy.force_id == force_id)
                                   .order_by(CaseStudy.id.desc())))


def record_force_view(case: CaseStudy, *, actor: User) -> None:
    _audit("case_study.returned_viewed", case, actor, status=case.status)
    db.session.commit()


def resubmit_case_study(case: CaseStudy, *, actor: User, answer: str) -> None:
    """The releasing force answers the learning team's question; the case study becomes a candidate again.

    The answer is read by the learning team, who never see identifiable text, so it is checked too."""
    if actor.force_id != case.force_id:
        raise PublicationError("Only the force that released this case study can answer.")
    if answer.strip():
        _check(case, {"answer": answer})
    _move(case, "resubmit", actor, wf.FORCE_REVIEWER, answer)
    case.status_reason = ""
    db.session.commit()


# --- magazine issues -------------------------------------------------------------------------------------------

def _require_draft_issue(issue: MagazineIssue) -> None:
    if issue.status == "published":
        raise PublicationError("This issue has been published and can no longer be changed.")


def _issue_deny_terms(issue: MagazineIssue) -> list[str]:
    return sorted({t for case in issue.case_studies for t in (case.deny_terms or [])})


def _check_issue_text(issue: MagazineIssue, texts: Mapping[str, str]) -> None:
    # Introductions and articles are the learning team's and contributors' own words: contributors may name
    # themselves, so only the deny lists of the issue's case studies apply.
    problems = check_texts(texts, _issue_deny_terms(issue), patterns=False)
    if problems:
        raise IdentifyingText(problems)


def next_issue_number() -> int:
    return (db.session.scalar(select(func.max(MagazineIssue.number))) or 0) + 1


def create_issue(*, actor: User, theme: str, introduction: str | None = "",
                 number: int | None = None) -> MagazineIssue:
    theme = (theme or "").strip()
    if not theme:
        raise PublicationError("Enter the theme of the issue", "theme")
    number = number or next_issue_number()
    if db.session.scalar(select(MagazineIssue.id).where(MagazineIssue.number == number)) is not None:
        raise PublicationError(f"There is already an issue {number}", "number")
    issue = MagazineIssue(number=number, theme=theme[:200], introduction=(introduction or "").strip(), status="draft")
    db.session.add(issue)
    db.session.flush()
    _audit_issue("issue.created", issue, actor)
    db.session.commit()
    return issue


def update_issue(issue: MagazineIssue, *, actor: User, theme: str, introduction: str | None) -> None:
    _require_draft_issue(issue)
    theme = (theme or "").strip()
    if not theme:
        raise PublicationError("Enter the theme of the issue", "theme")
    introduction = (introduction or "").strip()
    _check_issue_text(issue, {"theme": theme, "introduction": introduction})
    issue.theme, issue.introduction = theme[:200], introduction
    _audit_issue("issue.updated", issue, actor, change="theme and introduction")
    db.session.commit()


def _renumber(issue: MagazineIssue, ordered: list[CaseStudy]) -> None:
    for position, case in enumerate(ordered):
        case.position = position


def add_to_issue(issue: MagazineIssue, case: CaseStudy, *, actor: User) -> None:
    _require_draft_issue(issue)
    if case.status != wf.APPROVED:
        raise PublicationError("Only an approved case study can be put in an issue.", "case_study")
    ordered = list(issue.case_studies)
    _move(case, "schedule", actor, wf.LEARNING_TEAM, f"Issue {issue.number}")
    case.issue = issue
    case.position = len(ordered)
    _audit_issue("issue.updated", issue, actor, change=f"added case study {case.id}")
    db.session.commit()


def remove_from_issue(issue: MagazineIssue, case: CaseStudy, *, actor: User) -> None:
    _require_draft_issue(issue)
    if case.issue_id != issue.id:
        raise PublicationError("That case study is not in this issue.")
    _move(case, "unschedule", actor, wf.LEARNING_TEAM, f"Issue {issue.number}")
    case.issue = None
    case.position = 0
    _renumber(issue, [c for c in issue.case_studies if c.id != case.id])
    _audit_issue("issue.updated", issue, actor, change=f"removed case study {case.id}")
    db.session.commit()


def move_in_issue(issue: MagazineIssue, case: CaseStudy, *, actor: User, direction: str) -> None:
    """Move a case study one place up or down the issue's running order."""
    _require_draft_issue(issue)
    ordered = list(issue.case_studies)
    if case not in ordered or direction not in ("up", "down"):
        raise PublicationError("That case study is not in this issue.")
    i = ordered.index(case)
    j = i - 1 if direction == "up" else i + 1
    if 0 <= j < len(ordered):
        ordered[i], ordered[j] = ordered[j], ordered[i]
        _renumber(issue, ordered)
    _audit_issue("issue.updated", issue, actor, change=f"moved case study {case.id} {direction}")
    db.session.commit()


def _article_fields(issue: MagazineIssue, title: str, contributor: str, body: str) -> dict[str, str]:
    fields = {"title": title.strip(), "contributor": contributor.strip(), "body": body.strip()}
    if not fields["title"]:
        raise PublicationError("Enter the article's title", "title")
    if not fields["body"]:
        raise PublicationError("Enter the article's text", "body")
    _check_issue_text(issue, {"article_title": fields["title"], "body": fields["body"]})
    return fields


def add_article(issue: MagazineIssue, *, actor: User, title: str, contributor: str, body: str) -> Article:
    _require_draft_issue(issue)
    fields = _article_fields(issue, title, contributor, body)
    article = Article(issue=issue, position=len(issue.articles), **fields)
    db.session.add(article)
    db.session.flush()
    _audit_issue("issue.updated", issue, actor, change=f"added article {article.id}")
    db.session.commit()
    return article


def update_article(article: Article, *, actor: User, title: str, contributor: str, body: str) -> None:
    issue = article.issue
    _require_draft_issue(issue)
    for key, value in _article_fields(issue, title, contributor, body).items():
        setattr(article, key, value)
    _audit_issue("issue.updated", issue, actor, change=f"changed article {article.id}")
    db.session.commit()


def remove_article(article: Article, *, actor: User) -> None:
    issue = article.issue
    _require_draft_issue(issue)
    aid = article.id
    issue.articles.remove(article)
    db.session.delete(article)
    _audit_issue("issue.updated", issue, actor, change=f"removed article {aid}")
    db.session.commit()


def publish_issue(issue: MagazineIssue, *, actor: User) -> None:
    """Make the issue and every case study in it public. Needs at least one case study; then read-only."""
    _require_draft_issue(issue)
    cases = list(issue.case_studies)
    if not cases:
        raise PublicationError("Add at least one approved case study before publishing the issue")
    now = utcnow()
    for case in cases:
        _check(case, {**case.texts(), **{f"question-{q.id}": q.text for q in case.questions}})
        _move(case, "publish", actor, wf.PUBLISHING, f"Issue {issue.number}")
        case.published_at = now
    issue.status, issue.published_at = "published", now
    _audit_issue("issue.published", issue, actor, case_studies=[c.id for c in cases])
    db.session.commit()


def record_feedback_view(issue: MagazineIssue, *, actor: User) -> None:
    _audit_issue("issue.feedback_viewed", issue, actor, count=len(issue.feedback))
    db.session.commit()


# --- lists for the learning team's pages -------------------------------------------------------------------

def case_studies(status: str | None = None) -> list[CaseStudy]:
    query = select(CaseStudy).order_by(CaseStudy.updated_at.desc(), CaseStudy.id.desc())
    if status:
        query = query.where(CaseStudy.status == status)
    return list(db.session.scalars(query))


def status_counts() -> dict[str, int]:
    rows = db.session.execute(select(CaseStudy.status, func.count()).group_by(CaseStudy.status))
    return {status: n for status, n in rows}


def issues() -> list[MagazineIssue]:
    return list(db.session.scalars(select(MagazineIssue).order_by(MagazineIssue.number.desc())))


def approved_not_in_issue() -> list[CaseStudy]:
    return list(db.session.scalars(select(CaseStudy).where(CaseStudy.status == wf.APPROVED,
                                                           CaseStudy.issue_id.is_(None)).order_by(CaseStudy.id)))
