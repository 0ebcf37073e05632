"""record(): add an audit event to the caller's transaction, checking it was declared and chaining it; record_read():
the same for a page's read of personal data, committed here, so views never commit."""
from __future__ import annotations

from typing import Any

from sqlalchemy import insert

from debrief.audit import chain
from debrief.audit.events import EVENTS
from debrief.extensions import db
from debrief.models.audit import AuditEvent
from debrief.models.base import utcnow


def record(
    action: str,
    *,
    actor: Any | None,
    force_id: int | None,
    record_type: str | None = None,
    record_id: Any = None,
    **details: Any,
) -> AuditEvent:
    """Add (not commit) an event, so it lands in the same transaction as the write it describes."""
    event = _linked(action, actor=actor, force_id=force_id, record_type=record_type, record_id=record_id, **details)
    db.session.add(event)
    return event


def _linked(
    action: str,
    *,
    actor: Any | None,
    force_id: int | None,
    record_type: str | None = None,
    record_id: Any = None,
    **details: Any,
) -> AuditEvent:
    """A new event, checked against its declaration and given its place in its force's chain (not yet stored)."""
    spec = EVENTS.get(action)
    if spec is None:
        raise KeyError(f"Undeclared audit event {action!r}")
    missing = spec.required - details.keys()
    if missing:
        raise ValueError(f"Audit event {action!r} is missing {sorted(missing)}")
    event = AuditEvent(
        action=action,
        at=utcnow(),
        actor_id=getattr(actor, "id", None),
        force_id=force_id,
        record_type=record_type,
        record_id=None if record_id is None else str(record_id),
        details=details,
    )
    chain.link(db.session, event)  # its place and hash in the force's chain, under the chain head's lock
    return event


# A read's event is stored with one Core insert built once, not through the session's unit of work (a flush costs
# several times the insert itself).
_INSERT_EVENT = insert(AuditEvent.__table__)
_EVENT_COLUMNS = tuple(c.key for c in AuditEvent.__table__.columns if c.key != "id")


def record_read(
    action: str,
    *,
    actor: Any | None,
    force_id: int | None,
    record_type: str | None = None,
    record_id: Any = None,
    **details: Any,
) -> AuditEvent:
    """Record a read (a page that showed personal data) and commit it: the read's own transaction, so a view that
    only reads calls this and never commits itself."""
    event = _linked(action, actor=actor, force_id=force_id, record_type=record_type, record_id=record_id, **details)
    stored = db.session.execute(_INSERT_EVENT, {key: getattr(event, key) for key in _EVENT_COLUMNS})
    event.id = stored.inserted_primary_key[0]
    db.session.commit()
    return event
