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
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from debrief.models.audit import AuditChainHead, AuditEvent

_HEAD = AuditChainHead.__table__


def chain_of(force_id: int | None) -> int:
    return force_id or 0


def canonical(event: AuditEvent) -> bytes:
    """The fields an event's hash covers, as JSON with sorted keys: the same bytes on either database."""
    fields: dict[str, Any] = {
        "seq": event.chain_seq, "at": event.at.isoformat(timespec="microseconds"), "action": event.action,
        "actor_id": event.actor_id, "force_id": event.force_id, "record_type": event.record_type,
        "record_id": event.record_id, "details": event.details or {},
    }
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str).encode()


def link_hash(prev_hash: str, event: AuditEvent) -> str:
    return hashlib.sha256(prev_hash.encode() + b"\n" + canonical(event)).hexdigest()


def link(session: Session, event: AuditEvent) -> None:
    """Give a new event its place in its force's chain and its hash, in the caller's transaction.

    Locks the chain's head row until the caller commits or rolls back.
    """
    conn = session.connection()
    chain = chain_of(event.force_id)
    maker = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    # One upsert takes the next link (and the head's lock): a new chain starts at 1 after "", an old one moves on.
    seq, prev = conn.execute(
        maker(_HEAD).values(chain=chain, seq=1, last_hash="")
        .on_conflict_do_update(index_elements=[_HEAD.c.chain], set_={"seq": _HEAD.c.seq + 1})
        .returning(_HEAD.c.seq, _HEAD.c.last_hash)
    ).one()
    event.chain_seq, event.prev_hash = seq, prev
    event.hash = link_hash(prev, event)
    conn.execute(update(_HEAD).where(_HEAD.c.chain == chain).values(last_hash=event.hash))


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
