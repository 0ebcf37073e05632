"""Forces' responses to reflective questions, and readers' feedback on issues: the magazine's two writes from outside
the learning team. Each is one transaction; the force response is audited."""
from __future__ import annotations

import hashlib
import hmac
from datetime import date, timedelta

from sqlalchemy import func, select

from debrief.audit import record
from debrief.extensions import db
from debrief.models import Force, ForceResponse, IssueFeedback, MagazineIssue, ReflectiveQuestion, User, utcnow

RESPONSE_MAX_LENGTH = 4000
FEEDBACK_COMMENT_MAX_LENGTH = 1000
FEEDBACK_USEFUL = ("yes", "partly", "no")
FEEDBACK_PER_HOUR = 5


class ResponseError(ValueError):
    """A write that cannot be made; the message is for the person. `field` names the input."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class FeedbackLimitReached(ResponseError):
    pass


def _question_is_published(question: ReflectiveQuestion) -> bool:
    case_study = question.case_study
    if case_study.status != "published":
        return False
    return case_study.issue is None or case_study.issue.status == "published"


def record_force_response(question: ReflectiveQuestion, force: Force, response: str, done_on: date | None,
                          actor: User, *, today: date | None = None) -> ForceResponse:
    """Create or update `force`'s one response to a published question. Only a user of that force may record it."""
    today = today or utcnow().date()
    if actor.force_id != force.id:
        raise ResponseError("You can only record a response for your own force.")
    if not _question_is_published(question):
        raise ResponseError("This question has not been published.")
    response = (response or "").strip()
    if not response:
        raise ResponseError("Enter what your force did in response", field="response")
    if len(response) > RESPONSE_MAX_LENGTH:
        raise ResponseError(f"What your force did must be {RESPONSE_MAX_LENGTH} characters or fewer",
                            field="response")
    if done_on is None:
        raise ResponseError("Enter the date your force did it", field="done_on")
    if done_on > today:
        raise ResponseError("The date your force did it must be today or in the past", field="done_on")
    row = db.session.scalar(select(ForceResponse).where(ForceResponse.question_id == question.id,
                                                        ForceResponse.force_id == force.id))
    created = row is None
    if created:
        row = ForceResponse(question_id=question.id, force_id=force.id, response=response, done_on=done_on,
                            recorded_by_id=actor.id)
        db.session.add(row)
    else:
        row.response, row.done_on, row.recorded_by_id = response, done_on, actor.id
    db.session.flush()
    record("force_response.recorded", actor=actor, force_id=force.id, record_type="force_response",
           record_id=row.id, question=question.id, case_study=question.case_study_id, created=created)
    db.session.commit()
    return row


def client_key(address: str | None, secret: str | bytes) -> str:
    """A keyed hash of the client's address: enough to count its feedback, useless to find the address again."""
    key = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(key, f"feedback:{address or 'unknown'}".encode(), hashlib.sha256).hexdigest()


def feedback_allowed(key: str, *, now=None) -> bool:
    now = now or utcnow()
    recent = db.session.scalar(select(func.count(IssueFeedback.id)).where(
        IssueFeedback.client_key == key, IssueFeedback.created_at > now - timedelta(hours=1))) or 0
    return recent < FEEDBACK_PER_HOUR


def leave_feedback(issue: MagazineIssue, *, useful: str, comment: str, key: str) -> IssueFeedback:
    """A reader's feedback on a published issue, refused past FEEDBACK_PER_HOUR from one client in an hour."""
    if issue.status != "published":
        raise ResponseError("This issue has not been published.")
    if useful not in FEEDBACK_USEFUL:
        raise ResponseError("Select whether this issue was useful", field="useful")
    comment = (comment or "").strip()
    if len(comment) > FEEDBACK_COMMENT_MAX_LENGTH:
        raise ResponseError(f"Your comments must be {FEEDBACK_COMMENT_MAX_LENGTH:,} characters or fewer",
                            field="comment")
    if not feedback_allowed(key):
        raise FeedbackLimitReached("You have sent a lot of feedback in the last hour. Try again later.")
    row = IssueFeedback(issue_id=issue.id, useful=useful, comment=comment, client_key=key)
    db.session.add(row)
    db.session.commit()
    return row
