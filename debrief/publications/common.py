"""What every case-study and issue operation shares: the errors, the re-check, one workflow step, the audit."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from debrief.errors import ServiceError
from debrief import reference as ref
from debrief.audit import record
from debrief.extensions import db
from debrief.models import CaseStudy, CaseStudyEvent, MagazineIssue, User
from debrief.publications import workflow as wf
from debrief.publications.checks import accepted_identifiers
# The errors and messages live with the gate; they are part of this module's interface too.
from debrief.publications.gate import (  # noqa: F401
    FIELD_LABELS, IdentifyingText, identifying_message, passes,
)


# --- helpers -------------------------------------------------------------------------------------

def audit_case(event: str, case: CaseStudy, actor: User | None, **details: Any) -> None:
    record(event, actor=actor, force_id=case.force_id, record_type="case_study", record_id=case.id, **details)


def audit_issue(event: str, issue: MagazineIssue, actor: User | None, **details: Any) -> None:
    record(event, actor=actor, force_id=None, record_type="magazine_issue", record_id=issue.id,
           number=issue.number, **details)


def move(case: CaseStudy, action: str, actor: User | None, who: str, comment: str = "") -> None:
    """Apply one transition of the table, with its history row and audit event (no commit)."""
    try:
        to = wf.transition(case.status, action, who, comment)
    except wf.TransitionRefused as error:
        raise ServiceError(str(error), "comment" if wf.BY_ACTION.get(action) and
                               wf.BY_ACTION[action].needs_comment and not comment.strip() else None) from error
    before = case.status
    case.status = to
    db.session.add(CaseStudyEvent(case_study=case, actor_id=getattr(actor, "id", None), action=action,
                                  from_status=before, to_status=to, comment=comment.strip()))
    audit_case("case_study.moved", case, actor, step=action, from_status=before, to_status=to)


def accepted_in(case: CaseStudy) -> frozenset[str]:
    """Pattern matches in the case study's stored text, which every earlier save has let stand."""
    return accepted_identifiers([*case.texts().values(), *(q.text for q in case.questions)])


def check(case: CaseStudy, texts: Mapping[str, str]) -> None:
    """Check new text (a save, a question, an answer) against the stored text: the deny list, and any pattern
    match the stored text does not already hold."""
    passes(texts, case.deny_terms or [], accepted=accepted_in(case))


def recheck_stored(case: CaseStudy) -> None:
    """Re-check the stored texts and questions before approving or publishing: the deny list only.

    The release's own text is not kept, so the stored text is the only allow-list there is; checking it for
    patterns against itself could never find anything. Each save has already pattern-checked what it brought in.
    """
    texts = {**case.texts(), **{f"question-{q.id}": q.text for q in case.questions}}
    passes(texts, case.deny_terms or [], patterns=False)


def codes(values: Iterable[str], vocab) -> list[str]:
    known = ref.codes(vocab)
    return [v for v in dict.fromkeys(values) if v in known]


def require_editable(case: CaseStudy) -> None:
    if not wf.is_editable(case.status):
        raise ServiceError("This case study can no longer be changed: it is "
                               f"{wf.STATUS_LABELS[case.status].lower()}.")
