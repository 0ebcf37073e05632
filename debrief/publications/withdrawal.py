"""Taking a published case study off every public page (withdraw, with an internal reason) and putting it back into
its issue once corrected (republish, through the same gate as first publication). One transaction each, audited.

Withdrawal changes the case study's status, so the one public rule (reading.visible_case_study) drops it from every
public query at once; the commit gives the magazine a new content version (page_cache watches CaseStudy), so no drawn
page keeps it; and the typeset magazine PDFs kept in the shared artefact cache are dropped, so none that held it is
kept anywhere (each is typeset again, without it, when next asked for).
"""
from __future__ import annotations

from sqlalchemy import delete

from debrief.errors import ServiceError
from debrief.extensions import db
from debrief.models import CachedArtefact, CaseStudy, User, utcnow
from debrief.publications import export, gate
from debrief.publications import workflow as wf
from debrief.publications.common import audit_case, move, recheck_stored

REASON_MAX_LENGTH = 2000


def withdraw_case_study(case: CaseStudy, *, actor: User, reason: str) -> None:
    """Withdraw a published case study from public view. The reason is for the learning team and the audit log only."""
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError("Enter why the case study is being withdrawn", "reason")
    if len(reason) > REASON_MAX_LENGTH:
        raise ServiceError(f"The reason must be {REASON_MAX_LENGTH} characters or fewer", "reason")
    if case.status == wf.WITHDRAWN:
        raise ServiceError("This case study has already been withdrawn.")
    check_reason(case, reason)
    move(case, "withdraw", actor, wf.LEARNING_TEAM, reason)
    case.status_reason = reason
    case.withdrawn_at = utcnow()
    audit_case("case_study.withdrawn", case, actor, reason=reason,
               number=case.issue.number if case.issue is not None else None)
    drop_magazine_pdfs()
    db.session.commit()


def check_reason(case: CaseStudy, reason: str) -> None:
    """The reason is kept in the case study's history, which the learning team reads: it must not write down again
    the detail that made the case study identifying (IdentifyingText on the reason's field if it does)."""
    gate.passes({"reason": reason}, case.deny_terms or [])


def republish_case_study(case: CaseStudy, *, actor: User) -> None:
    """Put a withdrawn (and corrected) case study back into its issue, after the checks of first publication: at least
    one reflective question, and every stored text and question re-checked against the case's deny list (each save
    since the withdrawal was checked for the anonymiser's patterns too). Any learning-team user may, as any may approve
    and publish."""
    if case.status != wf.WITHDRAWN:
        raise ServiceError("This case study is not withdrawn, so it cannot be republished.")
    if not case.questions:
        raise ServiceError("Add at least one reflective question before republishing")
    recheck_stored(case)
    move(case, "republish", actor, wf.LEARNING_TEAM)
    case.status_reason = ""
    case.withdrawn_at = None
    case.corrected_at = utcnow()
    audit_case("case_study.republished", case, actor, number=case.issue.number if case.issue is not None else None)
    db.session.commit()


def drop_magazine_pdfs() -> None:
    """Forget every typeset magazine PDF, here and in the shared cache (in the caller's transaction). They are kept
    under a hash of their HTML, so which held a given case study cannot be told: all go, and are typeset again."""
    db.session.execute(delete(CachedArtefact).where(CachedArtefact.kind == export.PDF_KIND))
    export.forget_pdfs()
