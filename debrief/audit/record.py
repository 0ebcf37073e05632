"""record(): add an audit event to the caller's transaction, checking it was declared and chaining it; record_read():
the same for a page's read of personal data, committed here, so views never commit."""
from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import bindparam, insert, select

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
    event = _checked(action, actor=actor, force_id=force_id, record_type=record_type, record_id=record_id, **details)
    chain.link(db.session, event)  # its place and hash in the force's chain, under the chain head's lock
    return event


def _checked(
    action: str,
    *,
    actor: Any | None,
    force_id: int | None,
    record_type: str | None = None,
    record_id: Any = None,
    **details: Any,
) -> AuditEvent:
    """A new event, checked against its declaration (not yet linked or stored)."""
    return AuditEvent(**_declared(action, actor=actor, force_id=force_id, record_type=record_type,
                                  record_id=record_id, details=details))


def _declared(action: str, *, actor: Any | None, force_id: int | None, record_type: str | None, record_id: Any,
              details: dict[str, Any]) -> dict[str, Any]:
    """An event's own columns, checked against its declaration."""
    spec = EVENTS.get(action)
    if spec is None:
        raise KeyError(f"Undeclared audit event {action!r}")
    missing = spec.required - details.keys()
    if missing:
        raise ValueError(f"Audit event {action!r} is missing {sorted(missing)}")
    return {"action": action, "at": utcnow(), "actor_id": getattr(actor, "id", None), "force_id": force_id,
            "record_type": record_type, "record_id": None if record_id is None else str(record_id),
            "details": details}


class ReadEvent:
    """A read's event as stored: its columns, id and link, without a model object (building an AuditEvent, an ORM
    instance, cost more than the rest of the append but its two statements)."""

    __slots__ = ("id", "action", "at", "actor_id", "force_id", "record_type", "record_id", "details",
                 "chain_seq", "prev_hash", "hash")

    def __init__(self, columns: dict[str, Any]) -> None:
        for key, value in columns.items():
            setattr(self, key, value)
        self.id = self.chain_seq = self.prev_hash = self.hash = None


# A read's event is stored with one Core insert built once, not through the session's unit of work (a flush costs
# several times the insert itself).
_TABLE = AuditEvent.__table__
_INSERT_EVENT = insert(_TABLE)
_EVENT_COLUMNS = tuple(c.key for c in _TABLE.columns if c.key != "id")
_LINK_COLUMNS = ("chain_seq", "prev_hash", "hash")
_OWN_COLUMNS = tuple(c for c in _EVENT_COLUMNS if c not in _LINK_COLUMNS)


@cache
def _insert_linked_event() -> Any:
    """PostgreSQL: take the next link and store the event in ONE statement, the upsert of the chain head as a
    data-modifying CTE (run exactly once, under the head row's lock) that the event's insert reads its link from."""
    link = chain.take_link_statement("postgresql").cte("link")
    taken = {"chain_seq": link.c.seq, "prev_hash": link.c.prev_hash, "hash": link.c.last_hash}
    values = {key: bindparam(key, type_=_TABLE.c[key].type) for key in _OWN_COLUMNS}
    values.update({key: select(column).scalar_subquery() for key, column in taken.items()})
    return (insert(_TABLE).values(values).add_cte(link)
            .returning(_TABLE.c.id, _TABLE.c.chain_seq, _TABLE.c.prev_hash, _TABLE.c.hash))


def record_read(
    action: str,
    *,
    actor: Any | None,
    force_id: int | None,
    record_type: str | None = None,
    record_id: Any = None,
    **details: Any,
) -> ReadEvent:
    """Record a read (a page that showed personal data) and commit it: the read's own transaction, so a view that
    only reads calls this and never commits itself. On PostgreSQL one statement links and stores it; SQLite (no
    data-modifying CTEs) takes two, the link's upsert and the insert."""
    columns = _declared(action, actor=actor, force_id=force_id, record_type=record_type, record_id=record_id,
                        details=details)
    event = ReadEvent(columns)
    conn = db.session.connection()
    if conn.dialect.name == "postgresql":
        before_seq = chain.canonical_before_seq(event)
        params = {**columns, "chain": chain.chain_of(force_id), "before_seq": before_seq}
        event.id, seq, prev, new_hash = conn.execute(_insert_linked_event(), params).one()
        chain.linked(event, seq, prev, new_hash, before_seq)
    else:
        chain.link(db.session, event)
        stored = conn.execute(_INSERT_EVENT, {**columns, "chain_seq": event.chain_seq, "prev_hash": event.prev_hash,
                                              "hash": event.hash})
        event.id = stored.inserted_primary_key[0]
    db.session.commit()
    return event
