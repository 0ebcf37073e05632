"""The case-study workflow as a pure table: which action moves a case study from which status to which, and who.

No Flask, no database: the service asks `transition()` and records what it returns.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from debrief.errors import ServiceError


class CaseStudyStatus(StrEnum):
    """Where a case study stands, from released candidate to published (or sent back, or rejected), and withdrawn
    from public view after publication (to be corrected and republished)."""

    CANDIDATE = "candidate"
    IN_EDIT = "in_edit"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    RETURNED = "returned"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUSES = tuple(CaseStudyStatus)
CANDIDATE, IN_EDIT, APPROVED, SCHEDULED, PUBLISHED, RETURNED, REJECTED, WITHDRAWN = STATUSES

# Who acts: the learning team (never sees identifiable text), a reviewer of the releasing force, and publishing
# an issue (the learning team's "publish" on the issue, which moves every case study in it).
LEARNING_TEAM, FORCE_REVIEWER, PUBLISHING = "learning_team", "force_reviewer", "publishing"

STATUS_LABELS = {
    CANDIDATE: "Candidate", IN_EDIT: "In edit", APPROVED: "Approved", SCHEDULED: "Scheduled",
    PUBLISHED: "Published", RETURNED: "Returned to the force", REJECTED: "Rejected", WITHDRAWN: "Withdrawn",
}
STATUS_TAGS = {
    CANDIDATE: "govuk-tag--blue", IN_EDIT: "govuk-tag--light-blue", APPROVED: "govuk-tag--turquoise",
    SCHEDULED: "govuk-tag--purple", PUBLISHED: "govuk-tag--green", RETURNED: "govuk-tag--orange",
    REJECTED: "govuk-tag--red", WITHDRAWN: "govuk-tag--grey",
}

# States before an issue holds it: the learning team may still change the text (saving an approved one needs
# approving again), send it back or reject it.
EDITABLE = (CANDIDATE, IN_EDIT, APPROVED)
# A withdrawn case study is corrected where it stands: its text and questions may be changed, and it goes back into
# its issue by "republish" (which passes the publication gate again), not through approval and an issue's publishing.
CORRECTABLE = (*EDITABLE, WITHDRAWN)


@dataclass(frozen=True)
class Transition:
    action: str
    from_statuses: tuple[str, ...]
    to_status: str
    actor: str
    needs_comment: bool = False  # a reason or a question that goes with it
    label: str = ""


TRANSITIONS: tuple[Transition, ...] = (
    Transition("edit", (CANDIDATE, APPROVED), IN_EDIT, LEARNING_TEAM, label="Start editing"),
    Transition("approve", (IN_EDIT,), APPROVED, LEARNING_TEAM, label="Approve"),
    Transition("schedule", (APPROVED,), SCHEDULED, LEARNING_TEAM, label="Put in an issue"),
    Transition("unschedule", (SCHEDULED,), APPROVED, LEARNING_TEAM, label="Take out of the issue"),
    Transition("publish", (SCHEDULED,), PUBLISHED, PUBLISHING, label="Publish"),
    Transition("return", EDITABLE, RETURNED, LEARNING_TEAM, needs_comment=True, label="Return to the force"),
    Transition("reject", EDITABLE, REJECTED, LEARNING_TEAM, needs_comment=True, label="Reject"),
    Transition("resubmit", (RETURNED,), CANDIDATE, FORCE_REVIEWER, needs_comment=True, label="Resubmit"),
    # After publication: taken off every public page at once, with a reason kept internal; put back once corrected.
    Transition("withdraw", (PUBLISHED,), WITHDRAWN, LEARNING_TEAM, needs_comment=True, label="Withdraw"),
    Transition("republish", (WITHDRAWN,), PUBLISHED, LEARNING_TEAM, label="Republish"),
)
BY_ACTION = {t.action: t for t in TRANSITIONS}


class TransitionRefused(ServiceError):
    """The action is not allowed from this status, or not by this actor, or lacks its reason."""


def allowed(status: str, actor: str) -> list[Transition]:
    """The actions `actor` may take on a case study in `status`, in table order."""
    return [t for t in TRANSITIONS if status in t.from_statuses and t.actor == actor]


def transition(status: str, action: str, actor: str, comment: str = "") -> str:
    """The status after `action`; raises TransitionRefused with a message for the user."""
    t = BY_ACTION.get(action)
    if t is None:
        raise TransitionRefused(f"Unknown action {action!r}.")
    if t.actor != actor:
        raise TransitionRefused(f"Only {t.actor.replace('_', ' ')} can {t.label.lower()}.")
    if status not in t.from_statuses:
        raise TransitionRefused(
            f"A case study that is {STATUS_LABELS.get(status, status).lower()} cannot be moved that way.")
    if t.needs_comment and not comment.strip():
        raise TransitionRefused("Enter the reason" if action == "reject" else
                                "Enter why the case study is being withdrawn" if action == "withdraw" else
                                "Enter the question for the force" if action == "return" else
                                "Enter your answer to the learning team's question")
    return t.to_status


def is_editable(status: str) -> bool:
    """Whether the learning team may change the text and questions now (before an issue holds it, or withdrawn)."""
    return status in CORRECTABLE
