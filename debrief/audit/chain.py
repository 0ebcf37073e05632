"""Tamper evidence: each force's audit events form a hash chain, and `verify` finds the first broken link.

Every event carries `chain_seq` (1, 2, 3... within its force; chain 0 holds events of no force),
`prev_hash` (the hash of the event before it in the chain, "" for the first) and `hash`, the sha256
of the previous hash and the event's canonical fields. Changing, deleting or inserting an event
anywhere breaks a link. The head of each chain is a row of `audit_chain_head`: taking the next link
updates that row first, which serialises writers of one force's chain (a row lock until commit on
PostgreSQL; the database write lock on SQLite), so two requests never chain onto the same event.
Events written before chaining began (NULL chain_seq) are reported, not checked.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import String, bindparam, cast, func, literal, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from debrief.models.audit import AuditChainHead, AuditEvent

_HEAD = AuditChainHead.__table__


def chain_of(force_id: int | None) -> int:
    return force_id or 0


def _fields(event: AuditEvent) -> dict[str, Any]:
    return {
        "seq": event.chain_seq, "at": event.at.isoformat(timespec="microseconds"), "action": event.action,
        "actor_id": event.actor_id, "force_id": event.force_id, "record_type": event.record_type,
        "record_id": event.record_id, "details": event.details or {},
    }


def _json(fields: dict[str, Any]) -> str:
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def canonical(event: AuditEvent) -> bytes:
    """The fields an event's hash covers, as JSON with sorted keys: the same bytes on either database."""
    return _json(_fields(event)).encode()


def link_hash(prev_hash: str, event: AuditEvent) -> str:
    return hashlib.sha256(prev_hash.encode() + b"\n" + canonical(event)).hexdigest()


def _canonical_before_seq(event: AuditEvent) -> str:
    """The canonical JSON up to the value of "seq", its last key (keys are sorted): the database appends the
    sequence number and the closing brace, so it can hash a link whose number it alone knows."""
    text = _json({**_fields(event), "seq": 0})
    if not text.endswith(',"seq":0}'):
        raise ValueError("the canonical JSON no longer ends with seq")
    return text[: -len("0}")]


def _sql_link_hash(dialect: str, prev: Any, before_seq: Any, seq: Any) -> Any:
    """sha256 of prev + newline + the canonical JSON, in SQL: the same bytes as `link_hash`."""
    message = prev + literal("\n") + before_seq + cast(seq, String) + literal("}")
    if dialect == "postgresql":
        return func.encode(func.sha256(func.convert_to(message, "UTF8")), "hex")
    return func.debrief_sha256(message)  # registered on every SQLite connection (debrief/database.py)


@cache
def _take_link(dialect: str) -> Any:
    """The upsert that takes the next link, built once for each database (a reused statement skips SQLAlchemy's
    building, most of this function's time): bound to the chain and the canonical JSON; the database hashes the link
    whether it is the chain's first or the next."""
    maker = pg_insert if dialect == "postgresql" else sqlite_insert
    before_seq = bindparam("before_seq", type_=String)
    return (
        maker(_HEAD).values(chain=bindparam("chain"), seq=1, prev_hash="",
                            last_hash=_sql_link_hash(dialect, literal(""), before_seq, literal(1)))
        .on_conflict_do_update(index_elements=[_HEAD.c.chain], set_={
            "seq": _HEAD.c.seq + 1, "prev_hash": _HEAD.c.last_hash,
            "last_hash": _sql_link_hash(dialect, _HEAD.c.last_hash, before_seq, _HEAD.c.seq + 1)})
        .returning(_HEAD.c.seq, _HEAD.c.prev_hash, _HEAD.c.last_hash)
    )


def canonical_before_seq(event: AuditEvent) -> str:
    """The event's canonical JSON up to its link number (see _canonical_before_seq), for `take_link_statement`."""
    return _canonical_before_seq(event)


def take_link_statement(dialect: str) -> Any:
    """The upsert taking the next link (parameters "chain" and "before_seq"), for a caller that stores the event in the
    same statement: it returns the link's number, the hash it chains onto and its own hash."""
    return _take_link(dialect)


def linked(event: AuditEvent, seq: int, prev: str, new_hash: str, before_seq: str) -> None:
    """Give `event` the link the database took, checking that Python hashes it to the same value."""
    event.chain_seq, event.prev_hash = seq, prev
    # link_hash(prev, event), from the JSON already built: canonical(event) is before_seq + its number + "}".
    event.hash = hashlib.sha256(f"{prev}\n{before_seq}{seq}}}".encode()).hexdigest()
    if event.hash != new_hash:  # the database and Python must hash the same bytes, or verify would fail later
        raise RuntimeError(f"audit chain {chain_of(event.force_id)}: the database hashed link {seq} differently")


def link(session: Session, event: AuditEvent) -> None:
    """Give a new event its place in its force's chain and its hash, in the caller's transaction: one statement.

    One upsert takes the next link under the head row's lock (held until the caller commits or rolls back: a row
    lock on PostgreSQL, the write lock on SQLite): a new chain starts at 1 after ""; an old one moves on from the
    head's latest hash, which the database reads from the locked row and hashes into the new link, so two writers
    never chain onto the same event. It returns the link's number, the hash it chains onto and its own hash.
    """
    conn = session.connection()
    before_seq = _canonical_before_seq(event)  # the event's canonical JSON is built once
    seq, prev, new_hash = conn.execute(
        _take_link(conn.dialect.name), {"chain": chain_of(event.force_id), "before_seq": before_seq}).one()
    linked(event, seq, prev, new_hash, before_seq)


def sqlite_sha256(text: str) -> str:
    """SQLite's `debrief_sha256(text)`: the hex sha256 of the text's UTF-8 bytes."""
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    """One force's chain: how many events were checked and the first broken link, if any."""

    chain: int
    checked: int
    unchained: int
    broken_event_id: int | None = None
    broken_seq: int | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def _events(session: Session, chain: int) -> Iterator[AuditEvent]:
    where = AuditEvent.force_id.is_(None) if chain == 0 else AuditEvent.force_id == chain
    query = (select(AuditEvent).where(where, AuditEvent.chain_seq.is_not(None))
             .order_by(AuditEvent.chain_seq, AuditEvent.id).execution_options(yield_per=2_000))
    yield from session.scalars(query)


def verify_chain(session: Session, chain: int) -> ChainReport:
    where = AuditEvent.force_id.is_(None) if chain == 0 else AuditEvent.force_id == chain
    first_chained = session.scalar(select(func.min(AuditEvent.id)).where(where, AuditEvent.chain_seq.is_not(None)))
    unchained = session.scalar(select(func.count(AuditEvent.id)).where(where, AuditEvent.chain_seq.is_(None))) or 0
    if first_chained is not None:
        stray = session.scalar(select(func.min(AuditEvent.id)).where(
            where, AuditEvent.chain_seq.is_(None), AuditEvent.id > first_chained))
        if stray is not None:
            return ChainReport(chain, 0, unchained, stray, None,
                               "an event without a link was added after the chain began")
    expected, prev, checked = 1, "", 0
    for event in _events(session, chain):
        if event.chain_seq != expected:
            problem = (f"link {expected} is missing (deleted?)" if event.chain_seq > expected
                       else f"link {event.chain_seq} appears twice")
            return ChainReport(chain, checked, unchained, event.id, event.chain_seq, problem)
        if event.prev_hash != prev:
            return ChainReport(chain, checked, unchained, event.id, event.chain_seq,
                               "it does not point at the event before it")
        if event.hash != link_hash(prev, event):
            return ChainReport(chain, checked, unchained, event.id, event.chain_seq,
                               "its content no longer matches its hash (changed after it was written)")
        prev, expected, checked = event.hash, expected + 1, checked + 1
    head = session.get(AuditChainHead, chain)
    if head is not None and (head.seq != expected - 1 or head.last_hash != prev):
        return ChainReport(chain, checked, unchained, None, expected,
                           f"the chain ends at link {expected - 1} but {head.seq} were written (the latest deleted?)")
    return ChainReport(chain, checked, unchained)


def verify(session: Session) -> list[ChainReport]:
    """Every chain's report, force by force (0: events of no force)."""
    chains = {chain_of(f) for f in session.scalars(select(AuditEvent.force_id).distinct())}
    chains |= set(session.scalars(select(AuditChainHead.chain)))
    return [verify_chain(session, chain) for chain in sorted(chains)]
