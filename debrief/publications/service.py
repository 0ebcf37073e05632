"""Case-study operations: each re-checks text, moves the workflow, audits, and commits once (issues: issues.py).

`create_candidate` is the exception: it is one step of `release.service.release()` and leaves the commit to
it, so a release either creates the candidate and marks the RCA released, or does neither.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import select

from debrief.errors import ServiceError
from debrief import reference as ref
from debrief.extensions import db
from debrief.models import CaseStudy, CaseStudyEvent, Force, ReflectiveQuestion, User
from debrief.models.publication import AUDIENCES, CASE_STUDY_TEXTS
from debrief.publications import workflow as wf
from debrief.publications.gate import passes
from debrief.publications.common import (  # noqa: F401  (the errors are part of this module's interface)
    IdentifyingText, audit_case, check, codes, move, recheck_stored, require_editable,
)
# Issue operations live in issues.py; they are part of this service's interface too.
from debrief.publications.issues import (  # noqa: F401
    add_article, add_to_issue, approved_not_in_issue, case_studies, create_issue, issues, move_in_issue,
    publish_issue, record_feedback_view, remove_article, remove_from_issue, status_counts, update_article,
    update_issue,
)
# Withdrawal and republication after publication live in withdrawal.py; part of this service's interface too.
from debrief.publications.withdrawal import check_reason, republish_case_study, withdraw_case_study  # noqa: F401

# --- release ---------------------------------------------------------------------------------------

def create_candidate(force: Force, texts: Mapping[str, str], deny_terms: Sequence[str], source_rca_id: int | None,
                     actor: User | None, *, themes: Iterable[str], factor_categories: Iterable[str],
                     operational_areas: Iterable[str] = ()) -> CaseStudy:
    """A candidate case study from a reviewer's release. Flushes, never commits: the caller's transaction.

    Only the deny list is enforced here: the reviewer has seen the source and may have undone a pattern's
    replacement on purpose; a name, number, place or force of the case's own records is never released.
    """
    if not (texts.get("title") or "").strip():
        raise ServiceError("Enter a title for the case study", "title")
    if source_rca_id is not None and db.session.scalar(
            select(CaseStudy.id).where(CaseStudy.source_rca_id == source_rca_id)) is not None:
        raise ServiceError("This RCA has already been released as a case study.")
    fields = {"title": texts["title"].strip()[:200],
              **{key: (texts.get(key) or "").strip() for key, _ in CASE_STUDY_TEXTS}}
    passes(fields, deny_terms, patterns=False)
    case = CaseStudy(force_id=force.id, source_rca_id=source_rca_id, status=wf.CANDIDATE, **fields,
                     themes=list(dict.fromkeys(themes)), factor_categories=list(dict.fromkeys(factor_categories)),
                     operational_areas=codes(operational_areas, ref.OPERATIONAL_AREAS),
                     deny_terms=list(deny_terms), created_by_id=getattr(actor, "id", None))
    db.session.add(case)
    db.session.add(CaseStudyEvent(case_study=case, actor_id=getattr(actor, "id", None), action="release",
                                  from_status=None, to_status=wf.CANDIDATE, comment=""))
    db.session.flush()
    audit_case("case_study.created", case, actor, source_rca=source_rca_id)
    return case


# --- the learning team's edits ------------------------------------------------------------------------

def record_view(case: CaseStudy, *, actor: User) -> None:
    audit_case("case_study.viewed", case, actor, status=case.status)
    db.session.commit()


def update_case_study(case: CaseStudy, *, actor: User, title: str, themes: Iterable[str], summary: str,
                      what_happened: str, findings_key_learning: str, action_taken: str,
                      outcome_for_individuals: str, recommendations: str, operational_areas: Iterable[str],
                      factor_categories: Iterable[str]) -> None:
    """Save the edit form; refused whole (nothing saved) if any field would bring an identifier back."""
    require_editable(case)
    texts = {"title": title.strip(), "summary": summary.strip(), "what_happened": what_happened.strip(),
             "findings_key_learning": findings_key_learning.strip(), "action_taken": action_taken.strip(),
             "outcome_for_individuals": outcome_for_individuals.strip(), "recommendations": recommendations.strip()}
    if not texts["title"]:
        raise ServiceError("Enter a title", "title")
    if len(texts["title"]) > 200:
        raise ServiceError("Title must be 200 characters or fewer", "title")
    if not texts["summary"]:
        raise ServiceError("Enter a summary", "summary")
    check(case, texts)
    changed = [k for k, v in texts.items() if getattr(case, k) != v]
    for key, value in texts.items():
        setattr(case, key, value)
    lists = {"themes": codes(themes, ref.INCIDENT_TYPES),
             "operational_areas": codes(operational_areas, ref.OPERATIONAL_AREAS),
             "factor_categories": list(dict.fromkeys(factor_categories))}
    for key, value in lists.items():
        if list(getattr(case, key) or []) != value:
            changed.append(key)
            setattr(case, key, value)
    # Saving a candidate starts the edit; an approved one goes back to edit only if something changed.
    if case.status == wf.CANDIDATE or (case.status == wf.APPROVED and changed):
        move(case, "edit", actor, wf.LEARNING_TEAM)
    audit_case("case_study.updated", case, actor, fields=changed)
    db.session.commit()


def _question_text(case: CaseStudy, audience: str, text: str) -> str:
    if audience not in AUDIENCES:
        raise ServiceError("Select who the question is for", "audience")
    text = text.strip()
    if not text:
        raise ServiceError("Enter the question", "question")
    check(case, {"question": text})
    return text


def add_question(case: CaseStudy, *, actor: User, audience: str, text: str) -> ReflectiveQuestion:
    require_editable(case)
    text = _question_text(case, audience, text)
    position = 1 + max((q.position for q in case.questions if q.audience == audience), default=-1)
    question = ReflectiveQuestion(case_study=case, audience=audience, text=text, position=position)
    db.session.add(question)
    db.session.flush()
    audit_case("case_study.question_added", case, actor, question=question.id, audience=audience)
    db.session.commit()
    return question


def update_question(question: ReflectiveQuestion, *, actor: User, audience: str, text: str) -> None:
    case = question.case_study
    require_editable(case)
    question.text, question.audience = _question_text(case, audience, text), audience
    audit_case("case_study.question_updated", case, actor, question=question.id, audience=audience)
    db.session.commit()


def remove_question(question: ReflectiveQuestion, *, actor: User) -> None:
    case = question.case_study
    require_editable(case)
    if question.responses:
        raise ServiceError("Forces have responded to this question, so it cannot be removed.")
    qid = question.id
    case.questions.remove(question)
    db.session.delete(question)
    audit_case("case_study.question_removed", case, actor, question=qid)
    db.session.commit()


# --- transitions -----------------------------------------------------------------------------------------

def approve_case_study(case: CaseStudy, *, actor: User) -> None:
    if not case.questions:
        raise ServiceError("Add at least one reflective question before approving")
    recheck_stored(case)  # nothing on the deny list slipped in by any route
    move(case, "approve", actor, wf.LEARNING_TEAM)
    db.session.commit()


def return_to_force(case: CaseStudy, *, actor: User, question: str) -> None:
    """Send it back to the releasing force with a question. The question is checked like any other text."""
    check(case, {"question": question})
    move(case, "return", actor, wf.LEARNING_TEAM, question)
    case.status_reason = question.strip()
    db.session.commit()


def reject_case_study(case: CaseStudy, *, actor: User, reason: str) -> None:
    move(case, "reject", actor, wf.LEARNING_TEAM, reason)
    case.status_reason = reason.strip()
    db.session.commit()


def returned_for_force(force_id: int) -> list[CaseStudy]:
    return list(db.session.scalars(select(CaseStudy).where(
        CaseStudy.force_id == force_id, CaseStudy.status == wf.RETURNED).order_by(CaseStudy.updated_at.desc())))


def released_by_force(force_id: int) -> list[CaseStudy]:
    return list(db.session.scalars(select(CaseStudy).where(CaseStudy.force_id == force_id)
                                   .order_by(CaseStudy.id.desc())))


def record_force_view(case: CaseStudy, *, actor: User) -> None:
    audit_case("case_study.returned_viewed", case, actor, status=case.status)
    db.session.commit()


def resubmit_case_study(case: CaseStudy, *, actor: User, answer: str) -> None:
    """The releasing force answers the learning team's question; the case study becomes a candidate again.

    The answer is read by the learning team, who never see identifiable text, so it is checked too."""
    if actor.force_id != case.force_id:
        raise ServiceError("Only the force that released this case study can answer.")
    if answer.strip():
        check(case, {"answer": answer})
    move(case, "resubmit", actor, wf.FORCE_REVIEWER, answer)
    case.status_reason = ""
    db.session.commit()

