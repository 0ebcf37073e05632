"""Staff notices: an officer when a debrief is requested of them and when it is overdue (once per request), a reviewer
when a root-cause analysis awaits their sign-off. Each carries the incident reference and a link, nothing else of the
record, and each is audited."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from debrief.audit.record import record
from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.mail import messages, outbox
from debrief.models import Debrief, RootCauseAnalysis, User, UserRole, utcnow
from debrief.models.debrief import OPEN_DEBRIEF_STATUSES


def _queue(user: User, message: messages.Message, *, key: str, actor, record_type: str, record_id: int,
           reference: str) -> bool:
    if not user.active or outbox.queue(user.email, message, dedupe_key=key) is None:
        return False
    record("mail.staff_notice_queued", actor=actor, force_id=user.force_id, record_type=record_type,
           record_id=record_id, kind=message.kind, recipient=user.id, incident=reference)
    return True


def notify_debrief_requested(debrief: Debrief, *, officer: User, reference: str, actor) -> bool:
    """In the transaction that asks `officer` for `debrief`."""
    message = messages.debrief_requested(
        reference=reference, due=debrief.due_at.date() if debrief.due_at else None,
        link=outbox.absolute_url("debriefs.accept", debrief_id=debrief.id))
    return _queue(officer, message, key=f"debrief-requested:{debrief.id}", actor=actor, record_type="debrief",
                  record_id=debrief.id, reference=reference)


def send_reminders(*, now: datetime | None = None) -> int:
    """Queue one overdue notice per requested debrief past its due date and not yet submitted; run it again and
    nothing more is queued. Returns how many were queued."""
    now = now or utcnow()
    overdue = list(db.session.scalars(select(Debrief).where(
        Debrief.status.in_(OPEN_DEBRIEF_STATUSES), Debrief.requested_at.isnot(None), Debrief.due_at < now)
        .order_by(Debrief.id)))
    done = outbox.already_queued([f"debrief-overdue:{d.id}" for d in overdue])
    queued = 0
    for debrief in overdue:
        key = f"debrief-overdue:{debrief.id}"
        if key in done:
            continue
        officer = db.session.get(User, debrief.author_id)
        reference = debrief.incident.reference
        message = messages.debrief_overdue(reference=reference, due=debrief.due_at.date(),
                                           link=outbox.absolute_url("debriefs.task_list_page", debrief_id=debrief.id))
        queued += _queue(officer, message, key=key, actor=None, record_type="debrief", record_id=debrief.id,
                         reference=reference)
    db.session.commit()
    return queued


def notify_awaiting_sign_off(rca: RootCauseAnalysis, *, actor, may_sign_off) -> int:
    """In the transaction that sends `rca` for review: every reviewer of the force who may sign it off
    (`may_sign_off(rca, reviewer)`, the RCA service's rule, passed in so mail depends on no service)."""
    reviewers = db.session.scalars(select(User).join(UserRole, UserRole.user_id == User.id).where(
        User.force_id == rca.force_id, User.active.is_(True), UserRole.role == Role.REVIEWER.value)
        .order_by(User.id))
    reference = rca.incident.reference
    sent = f"{rca.sent_for_review_at:%Y%m%dT%H%M%S%f}" if rca.sent_for_review_at else "0"
    link = outbox.absolute_url("rca.overview", rca_id=rca.id)
    queued = 0
    for reviewer in reviewers:
        if may_sign_off(rca, reviewer):
            queued += _queue(reviewer, messages.rca_awaiting_sign_off(reference=reference, link=link),
                             key=f"rca-sign-off:{rca.id}:{sent}:{reviewer.id}", actor=actor, record_type="rca",
                             record_id=rca.id, reference=reference)
    return queued
