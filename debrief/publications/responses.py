"""Forces' responses to reflective questions, and readers' feedback on issues: the magazine's two writes from outside
the learning team. Each is one transaction; force responses are audited.

A force response passes the publication gate when recorded (it is then a draft), again when the learning team
approves it (only then is it public), and can be withdrawn with a reason. Feedback is never public, but it is
personal data: what the gate finds in a comment is flagged to the learning team, and old feedback is deleted
(`delete_old_feedback`, run by `flask delete-old-feedback`)."""
from __future__ import annotations

import hashlib
import hmac
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from debrief.errors import ServiceError
from debrief.anonymise import anonymise
from debrief.anonymise.deny_terms import deny_terms_beside
from debrief.audit import record
from debrief.extensions import db
from debrief.models import Force, ForceResponse, IssueFeedback, MagazineIssue, ReflectiveQuestion, User, utcnow
from debrief.models.publication import IssueStatus, RecommendationStance, ResponseStatus
from debrief.publications import gate, reading

RESPONSE_MAX_LENGTH = 4000
FEEDBACK_COMMENT_MAX_LENGTH = 1000
FEEDBACK_USEFUL = ("yes", "partly", "no")
FEEDBACK_PER_HOUR = 5
# The same reader sending the same answer and words on one issue within this long is sending it again (Back then
# Send: the browser shows the page afresh with what was typed, and a new one-time token).
FEEDBACK_REPEAT_WINDOW = timedelta(minutes=30)


class FeedbackRepeated(Exception):
    """The same reader sent the same feedback on this issue a moment ago: nothing is saved a second time."""


class FeedbackLimitReached(ServiceError):
    pass


def _question_is_published(question: ReflectiveQuestion) -> bool:
    return reading.published_question(question.id) is not None


# A typing slip guard ("0225" for "2025"), not a rule of the log: before any response the log could hold.
EARLIEST_DONE_ON = date(2000, 1, 1)


def _gate_response(question: ReflectiveQuestion, text: str) -> None:
    """The publication gate for a response: the deny lists of its case study and every case study beside it in the
    issue, and the UK patterns and context rules."""
    case_study = question.case_study
    beside = case_study.issue.case_studies if case_study.issue is not None else [case_study]
    gate.passes({"response": text}, deny_terms_beside(c.deny_terms for c in {*beside, case_study}))


def record_force_response(question: ReflectiveQuestion, force: Force, response: str, done_on: date | None,
                          actor: User, *, today: date | None = None,
                          recommendation_stance: str | None = None, only_new: bool = False) -> ForceResponse:
    """Create or update `force`'s one response to a published question, as a draft for the learning team to approve.
    Only a user of that force may record it; text that could identify anyone is refused and nothing is saved.
    `recommendation_stance` (a RecommendationStance value, or None) is where the force is with the case study's
    recommendations. `only_new`: the page it was sent from showed no response; one recorded since (in another tab)
    is a lost race, StaleDataError like any save from an older version, not overwritten."""
    today = today or utcnow().date()
    if actor.force_id != force.id:
        raise ServiceError("You can only record a response for your own force.")
    if not _question_is_published(question):
        raise ServiceError("This question has not been published.")
    response = (response or "").strip()
    if not response:
        raise ServiceError("Enter what your force did in response", field="response")
    if len(response) > RESPONSE_MAX_LENGTH:
        raise ServiceError(f"What your force did must be {RESPONSE_MAX_LENGTH} characters or fewer",
                            field="response")
    if done_on is None:
        raise ServiceError("Enter the date your force did it", field="done_on")
    if done_on > today:
        raise ServiceError("The date your force did it must be today or in the past", field="done_on")
    # Not bounded by the question's publication: a force may have acted before it (on the case study published
    # on its own before the issue, on its own RCA, or on its own initiative), and the log records what it has done.
    if done_on < EARLIEST_DONE_ON:
        raise ServiceError(f"The date your force did it must be on or after {EARLIEST_DONE_ON:%-d %B %Y}",
                           field="done_on")
    if recommendation_stance is not None and recommendation_stance not in {s.value for s in RecommendationStance}:
        raise ServiceError("Select where your force is with the recommendations", field="recommendation_stance")
    _gate_response(question, response)
    row = db.session.scalar(select(ForceResponse).where(ForceResponse.question_id == question.id,
                                                        ForceResponse.force_id == force.id))
    created = row is None
    if only_new and not created:
        raise StaleDataError("a response was recorded meanwhile")
    if created:
        row = ForceResponse(question_id=question.id, force_id=force.id, response=response, done_on=done_on,
                            recorded_by_id=actor.id)
        db.session.add(row)
    else:
        row.response, row.done_on, row.recorded_by_id = response, done_on, actor.id
    row.recommendation_stance = recommendation_stance
    # Every change goes back to the learning team before it is public again.
    row.status, row.moderated_by_id, row.moderated_at, row.withdrawn_reason = ResponseStatus.DRAFT.value, None, None, ""
    db.session.flush()
    record("force_response.recorded", actor=actor, force_id=force.id, record_type="force_response",
           record_id=row.id, question=question.id, case_study=question.case_study_id, created=created,
           recommendation_stance=recommendation_stance)
    db.session.commit()
    return row


def _audit_response(event: str, row: ForceResponse, actor: User, **details) -> None:
    record(event, actor=actor, force_id=row.force_id, record_type="force_response", record_id=row.id,
           question=row.question_id, **details)


def approve_force_response(row: ForceResponse, *, actor: User) -> None:
    """The learning team publishes a draft response on the public log, after the gate looks at it again."""
    if row.status != ResponseStatus.DRAFT:
        raise ServiceError("Only a response waiting for approval can be approved.")
    if not _question_is_published(row.question):
        raise ServiceError("This question is no longer published.")
    _gate_response(row.question, row.response)
    row.status, row.moderated_by_id, row.moderated_at = ResponseStatus.APPROVED.value, actor.id, utcnow()
    _audit_response("force_response.approved", row, actor)
    db.session.commit()


def withdraw_force_response(row: ForceResponse, *, actor: User, reason: str) -> None:
    """Take a response off every public page, with the reason (audited). A draft can be withdrawn too."""
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError("Enter why the response is being withdrawn", field="reason")
    if len(reason) > 2000:
        raise ServiceError("The reason must be 2,000 characters or fewer", field="reason")
    if row.status == ResponseStatus.WITHDRAWN:
        raise ServiceError("This response has already been withdrawn.")
    row.status, row.withdrawn_reason = ResponseStatus.WITHDRAWN.value, reason
    row.moderated_by_id, row.moderated_at = actor.id, utcnow()
    _audit_response("force_response.withdrawn", row, actor, reason=reason)
    db.session.commit()


def responses_to_moderate() -> list[ForceResponse]:
    """Drafts waiting for the learning team first, then what is public, then what was withdrawn."""
    order = {ResponseStatus.DRAFT.value: 0, ResponseStatus.APPROVED.value: 1, ResponseStatus.WITHDRAWN.value: 2}
    rows = list(db.session.scalars(select(ForceResponse).order_by(ForceResponse.updated_at.desc(),
                                                                  ForceResponse.id.desc())))
    return sorted(rows, key=lambda r: order.get(r.status, 3))


def client_key(address: str | None, secret: str | bytes) -> str:
    """A keyed hash of the client's address: enough to count its feedback, useless to find the address again."""
    key = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(key, f"feedback:{address or 'unknown'}".encode(), hashlib.sha256).hexdigest()


def feedback_allowed(key: str, *, now=None) -> bool:
    now = now or utcnow()
    recent = db.session.scalar(select(func.count(IssueFeedback.id)).where(
        IssueFeedback.client_key == key, IssueFeedback.created_at > now - timedelta(hours=1))) or 0
    return recent < FEEDBACK_PER_HOUR


WITHHELD = "[Not shown: it may identify someone, and the anonymiser could not take that out.]"


def anonymised_feedback(comment: str, deny: list[str]) -> str:
    """What is kept of a reader's comment that names someone (the learning team never reads identifying text, and
    nothing needs the original): the anonymiser's version, or, if the check still finds something in that, a
    line saying the comment was withheld."""
    text = anonymise(comment, people=deny).text
    return WITHHELD if gate.findings({"comment": text}, deny) else text


def leave_feedback(issue: MagazineIssue, *, useful: str, comment: str, key: str) -> IssueFeedback:
    """A reader's feedback on a published issue, refused past FEEDBACK_PER_HOUR from one client in an hour; the same
    answer and words from the same client within FEEDBACK_REPEAT_WINDOW are not saved again (FeedbackRepeated)."""
    if issue.status != IssueStatus.PUBLISHED:
        raise ServiceError("This issue has not been published.")
    if useful not in FEEDBACK_USEFUL:
        raise ServiceError("Select whether this issue was useful", field="useful")
    comment = (comment or "").strip()
    if len(comment) > FEEDBACK_COMMENT_MAX_LENGTH:
        raise ServiceError(f"Your comments must be {FEEDBACK_COMMENT_MAX_LENGTH:,} characters or fewer",
                            field="comment")
    deny = deny_terms_beside(c.deny_terms for c in issue.case_studies)
    kinds = gate.findings({"comment": comment}, deny).get("comment", []) if comment else []
    comment = anonymised_feedback(comment, deny) if kinds else comment
    if db.session.scalar(select(IssueFeedback.id).where(
            IssueFeedback.issue_id == issue.id, IssueFeedback.client_key == key, IssueFeedback.useful == useful,
            IssueFeedback.comment == comment, IssueFeedback.created_at >= utcnow() - FEEDBACK_REPEAT_WINDOW).limit(1)):
        raise FeedbackRepeated
    if not feedback_allowed(key):
        raise FeedbackLimitReached("You have sent a lot of feedback in the last hour. Try again later.")
    row = IssueFeedback(issue_id=issue.id, useful=useful, comment=comment, client_key=key, identifier_kinds=kinds)
    db.session.add(row)
    db.session.commit()
    return row


def delete_old_feedback(*, months: int, now=None) -> int:
    """Delete readers' feedback older than `months` (of 365.25 / 12 days); audited with the count."""
    from sqlalchemy import delete

    now = now or utcnow()
    before = now - timedelta(days=round(months * 365.25 / 12))
    count = db.session.scalar(select(func.count(IssueFeedback.id)).where(IssueFeedback.created_at < before)) or 0
    db.session.execute(delete(IssueFeedback).where(IssueFeedback.created_at < before))
    record("feedback.deleted", actor=None, force_id=None, count=count, before=before.isoformat(timespec="seconds"))
    db.session.commit()
    return count
