"""Email: the outbox of queued messages, the magazine's subscribers, and subscribe attempts kept to throttle the form."""
from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from debrief.extensions import db
from debrief.models.base import utcnow


class OutboxMessage(db.Model):
    """One email, queued in the same transaction as the write that causes it and sent later by `send-mail`.

    Pending: sent_at NULL, next_attempt_at set. Sent: sent_at set. Given up
    (too many failures, or refused for good): both NULL, with last_error saying why."""

    __tablename__ = "outbox_message"
    __table_args__ = (Index("ix_outbox_message_due", "sent_at", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))  # a mail.messages kind: subscription_confirm, issue_published, ...
    recipient: Mapped[str] = mapped_column(String(254), index=True)
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    html: Mapped[str | None] = mapped_column(Text)
    # Sent as the List-Unsubscribe header as well as in the body, for mail to subscribers.
    unsubscribe_url: Mapped[str | None] = mapped_column(String(500))
    # What makes a message once-only (say "issue:3:subscriber:12"): a second one with the key is never queued.
    dedupe_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    # A sender claims a message before talking to the mail server; another sender leaves it until the claim lapses.
    claimed_until: Mapped[datetime | None] = mapped_column(DateTime)
    claim: Mapped[str | None] = mapped_column(String(32))


class SubscriberStatus(StrEnum):
    """A subscriber's address: waiting for its confirmation link to be followed, or confirmed."""

    PENDING = "pending"
    CONFIRMED = "confirmed"


class Subscriber(db.Model):
    """A reader's address, held only to tell them of new magazine issues; deleted when they unsubscribe."""

    __tablename__ = "subscriber"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)  # stored lower-cased
    status: Mapped[str] = mapped_column(String(16), default=SubscriberStatus.PENDING, index=True)  # SubscriberStatus
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Random values signed into the links: a confirmation link works once; an unsubscribe link only for this row.
    confirm_nonce: Mapped[str | None] = mapped_column(String(32))
    unsubscribe_key: Mapped[str] = mapped_column(String(32))


class SubscribeAttempt(db.Model):
    """A use of the subscribe form, by a keyed hash of the client's address (never the address), to throttle it."""

    __tablename__ = "subscribe_attempt"
    __table_args__ = (Index("ix_subscribe_attempt_client_at", "client_key", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_key: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
