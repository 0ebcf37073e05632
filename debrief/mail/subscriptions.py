"""Readers' subscriptions to new magazine issues: subscribe (double opt-in, throttled, the same answer whatever the
address), confirm, unsubscribe, the notice queued to every confirmed subscriber when an issue is published (once per
issue and subscriber), and deleting unconfirmed addresses. Addresses are held for this alone."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import delete, func, or_, select
from sqlalchemy.exc import IntegrityError

from debrief.audit.record import record
from debrief.extensions import db
from debrief.mail import messages, outbox, tokens
from debrief.models import MagazineIssue, OutboxMessage, SubscribeAttempt, Subscriber, utcnow
from debrief.models.mail import SubscriberStatus

SUBSCRIBES_PER_CLIENT_PER_HOUR = 5
# However many clients ask, one address is sent at most this many subscription emails a day: no mail-bombing.
EMAILS_PER_ADDRESS_PER_DAY = 3
PENDING, CONFIRMED = SubscriberStatus.PENDING, SubscriberStatus.CONFIRMED


class SubscribeLimitReached(Exception):
    """Too many uses of the form from one client in the last hour."""


def client_key(address: str | None, secret: str | bytes) -> str:
    """A keyed hash of the client's address: enough to count its attempts, useless to find the address again."""
    key = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(key, f"subscribe:{address or 'unknown'}".encode(), hashlib.sha256).hexdigest()


def subscribe_allowed(key: str, *, now: datetime | None = None) -> bool:
    now = now or utcnow()
    recent = db.session.scalar(select(func.count(SubscribeAttempt.id)).where(
        SubscribeAttempt.client_key == key, SubscribeAttempt.at > now - timedelta(hours=1))) or 0
    return recent < SUBSCRIBES_PER_CLIENT_PER_HOUR


def _secret() -> str:
    return current_app.config["SECRET_KEY"]


def unsubscribe_url(subscriber: Subscriber) -> str:
    return outbox.absolute_url("subscriptions.unsubscribe",
                               token=tokens.unsubscribe_token(_secret(), subscriber.id, subscriber.unsubscribe_key))


def _emails_today(address: str, now: datetime) -> int:
    return db.session.scalar(select(func.count(OutboxMessage.id)).where(
        OutboxMessage.recipient == address,
        OutboxMessage.kind.in_((messages.SUBSCRIPTION_CONFIRM, messages.ALREADY_SUBSCRIBED)),
        OutboxMessage.created_at > now - timedelta(days=1))) or 0


def _find_or_add(address: str, now: datetime) -> Subscriber:
    subscriber = db.session.scalar(select(Subscriber).where(Subscriber.email == address))
    if subscriber is not None:
        return subscriber
    subscriber = Subscriber(email=address, status=PENDING, created_at=now, confirm_nonce=secrets.token_hex(16),
                            unsubscribe_key=secrets.token_hex(16))
    try:
        with db.session.begin_nested():  # someone else adding the same address at once: use theirs
            db.session.add(subscriber)
    except IntegrityError:
        subscriber = db.session.scalar(select(Subscriber).where(Subscriber.email == address))
    return subscriber


def subscribe(email: str, *, client: str, now: datetime | None = None) -> None:
    """Ask `email` to confirm (or tell it that it is subscribed already). Says nothing about which happened."""
    now = now or utcnow()
    if not subscribe_allowed(client, now=now):
        raise SubscribeLimitReached("You have tried to subscribe too many times in the last hour. Try again later.")
    db.session.add(SubscribeAttempt(client_key=client, at=now))
    address = email.strip().lower()
    if _emails_today(address, now) >= EMAILS_PER_ADDRESS_PER_DAY:
        db.session.commit()  # the attempt counts; the address gets nothing more today
        return
    subscriber = _find_or_add(address, now)
    db.session.flush()
    leave = unsubscribe_url(subscriber)
    if subscriber.status == CONFIRMED:
        message = messages.already_subscribed(unsubscribe_url=leave)
    else:
        if subscriber.confirm_nonce is None:
            subscriber.confirm_nonce = secrets.token_hex(16)
        token = tokens.confirm_token(_secret(), subscriber.id, subscriber.confirm_nonce)
        message = messages.subscription_confirm(
            confirm_url=outbox.absolute_url("subscriptions.confirm", token=token), unsubscribe_url=leave,
            valid_days=current_app.config["SUBSCRIBE_CONFIRM_DAYS"])
    outbox.queue(address, message, unsubscribe_url=leave)
    record("subscription.requested", actor=None, force_id=None, record_type="subscriber", record_id=subscriber.id,
           status=subscriber.status)
    db.session.commit()


class AlreadyConfirmed(Exception):
    """A confirmation link made here for a subscriber who has confirmed since (by this link or another)."""


def _confirmed_since(token: str) -> bool:
    """Whether an expired link was made here for an address that is now confirmed (its age does not matter then)."""
    try:
        subscriber_id, _ = tokens.read_confirm_token(_secret(), token, max_age=None)
    except tokens.TokenProblem:
        return False
    subscriber = db.session.get(Subscriber, subscriber_id)
    return subscriber is not None and subscriber.status == CONFIRMED


def pending_for_token(token: str) -> Subscriber:
    """The unconfirmed subscriber a confirmation link is for. AlreadyConfirmed if the link was made here for an
    address confirmed since; TokenProblem if it is expired, not ours, or its address has gone (unsubscribed)."""
    max_age = current_app.config["SUBSCRIBE_CONFIRM_DAYS"] * 24 * 60 * 60
    try:
        subscriber_id, nonce = tokens.read_confirm_token(_secret(), token, max_age=max_age)
    except tokens.TokenProblem as problem:
        if problem.reason == "expired" and _confirmed_since(token):
            raise AlreadyConfirmed() from None
        raise
    subscriber = db.session.get(Subscriber, subscriber_id)
    if subscriber is not None and subscriber.status == CONFIRMED:
        # Only the holder of a link signed here for this address gets this far: saying so tells no one else anything.
        raise AlreadyConfirmed()
    if (subscriber is None or subscriber.status != PENDING or subscriber.confirm_nonce is None
            or not hmac.compare_digest(subscriber.confirm_nonce, nonce)):
        raise tokens.TokenProblem("used")
    return subscriber


def confirm(token: str, *, now: datetime | None = None) -> Subscriber:
    subscriber = pending_for_token(token)
    subscriber.status, subscriber.confirmed_at, subscriber.confirm_nonce = CONFIRMED, now or utcnow(), None
    record("subscription.confirmed", actor=None, force_id=None, record_type="subscriber", record_id=subscriber.id)
    db.session.commit()
    return subscriber


def subscriber_for_unsubscribe(token: str) -> Subscriber | None:
    """The subscriber an unsubscribe link is for, None if already gone; TokenProblem if the link was not made here."""
    subscriber_id, key = tokens.read_unsubscribe_token(_secret(), token)
    subscriber = db.session.get(Subscriber, subscriber_id)
    if subscriber is None or not hmac.compare_digest(subscriber.unsubscribe_key, key):
        return None
    return subscriber


def unsubscribe(token: str) -> bool:
    """Delete the address at once, with any email to it not yet sent. False if it was not subscribed."""
    subscriber = subscriber_for_unsubscribe(token)
    if subscriber is None:
        return False
    db.session.execute(delete(OutboxMessage).where(OutboxMessage.recipient == subscriber.email,
                                                   OutboxMessage.sent_at.is_(None)))
    record("subscription.cancelled", actor=None, force_id=None, record_type="subscriber", record_id=subscriber.id,
           status=subscriber.status)
    db.session.delete(subscriber)
    db.session.commit()
    return True


def queue_issue_notices(issue: MagazineIssue, *, actor) -> int:
    """In the publishing transaction: one notice per confirmed subscriber, never two for one issue."""
    subscribers = list(db.session.scalars(select(Subscriber).where(Subscriber.status == CONFIRMED)
                                          .order_by(Subscriber.id)))
    keys = {s.id: f"issue:{issue.id}:subscriber:{s.id}" for s in subscribers}
    done = outbox.already_queued(list(keys.values()))
    issue_url = outbox.absolute_url("magazine.issue", number=issue.number)
    queued = 0
    for subscriber in subscribers:
        if keys[subscriber.id] in done:
            continue
        leave = unsubscribe_url(subscriber)
        message = messages.issue_published(number=issue.number, theme=issue.theme, issue_url=issue_url,
                                           unsubscribe_url=leave)
        db.session.add(OutboxMessage(kind=message.kind, recipient=subscriber.email, subject=message.subject,
                                     body=message.body, html=message.html, unsubscribe_url=leave,
                                     dedupe_key=keys[subscriber.id], created_at=utcnow(), next_attempt_at=utcnow(),
                                     attempts=0))
        queued += 1
    if queued:
        record("mail.issue_notices_queued", actor=actor, force_id=None, record_type="magazine_issue",
               record_id=issue.id, number=issue.number, count=queued)
    return queued


def delete_old(*, unconfirmed_days: int, sent_days: int, now: datetime | None = None) -> tuple[int, int]:
    """Delete addresses never confirmed within `unconfirmed_days`, with all email to them, every sent email older
    than `sent_days` (its address is personal data too) and the form's attempts older than a day. Audited."""
    now = now or utcnow()
    before = now - timedelta(days=unconfirmed_days)
    stale = select(Subscriber.email).where(Subscriber.status == PENDING, Subscriber.created_at < before)
    addresses = list(db.session.scalars(stale))
    sent_before = now - timedelta(days=sent_days)
    old_mail = db.session.execute(delete(OutboxMessage).where(or_(
        OutboxMessage.recipient.in_(addresses), OutboxMessage.sent_at < sent_before))).rowcount
    db.session.execute(delete(Subscriber).where(Subscriber.status == PENDING, Subscriber.created_at < before))
    # The throttle only looks back an hour; older attempts are of no use.
    db.session.execute(delete(SubscribeAttempt).where(SubscribeAttempt.at < now - timedelta(days=1)))
    record("subscription.unconfirmed_deleted", actor=None, force_id=None, count=len(addresses),
           before=before.isoformat(timespec="seconds"), sent_mail_deleted=old_mail)
    db.session.commit()
    return len(addresses), old_mail
