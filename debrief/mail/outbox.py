"""Queueing email: a row added to the caller's transaction (so a rolled-back write sends nothing), and the absolute
links email carries, made from BASE_URL rather than from any request."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app
from sqlalchemy import select

from debrief.extensions import db
from debrief.mail.messages import Message
from debrief.models import OutboxMessage, utcnow


def queue(recipient: str, message: Message, *, dedupe_key: str | None = None,
          unsubscribe_url: str | None = None) -> OutboxMessage | None:
    """Add `message` for `recipient` to the current transaction; None if one with `dedupe_key` is already queued.

    Nothing is committed here: the caller's commit sends it, its rollback forgets it. The unique dedupe key also
    stops a second copy that a concurrent transaction queued: one of the two commits fails."""
    if dedupe_key is not None and already_queued([dedupe_key]):
        return None
    row = OutboxMessage(kind=message.kind, recipient=recipient, subject=message.subject, body=message.body,
                        html=message.html, unsubscribe_url=unsubscribe_url, dedupe_key=dedupe_key,
                        created_at=utcnow(), next_attempt_at=utcnow(), attempts=0)
    db.session.add(row)
    return row


def already_queued(keys: list[str]) -> set[str]:
    if not keys:
        return set()
    found: set[str] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        found |= set(db.session.scalars(select(OutboxMessage.dedupe_key).where(OutboxMessage.dedupe_key.in_(chunk))))
    return found


def absolute_url(endpoint: str, **values) -> str:
    """An address of this service for an email: BASE_URL's scheme, host and path, then the endpoint's route."""
    base = urlsplit(current_app.config["BASE_URL"])
    adapter = current_app.url_map.bind(base.netloc, script_name=base.path or "/", url_scheme=base.scheme or "https")
    return adapter.build(endpoint, values, force_external=True)
