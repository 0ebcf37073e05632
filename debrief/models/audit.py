"""The append-only audit trail: who did or saw what, when, in which force."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from debrief.extensions import db
from debrief.models.base import utcnow
from debrief.models.force import Force
from debrief.models.user import User


class AuditEvent(db.Model):
    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_force_at", "force_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    action: Mapped[str] = mapped_column(String(64), index=True)
    record_type: Mapped[str | None] = mapped_column(String(40))
    record_id: Mapped[str | None] = mapped_column(String(40))
    force_id: Mapped[int | None] = mapped_column(ForeignKey("force.id"))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Tamper evidence: events of a force form a hash chain (debrief/audit/chain.py). NULL before chaining began.
    chain_seq: Mapped[int | None] = mapped_column(Integer)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))

    actor: Mapped[User | None] = relationship(lazy="joined")
    force: Mapped[Force | None] = relationship(lazy="joined")


class AuditChainHead(db.Model):
    """The latest link of one force's audit chain (chain 0: events of no force), locked to add the next."""

    __tablename__ = "audit_chain_head"

    chain: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64), default="")
    # The hash the latest link chained onto (its prev_hash): returned by the one upsert that takes a link.
    prev_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")


@event.listens_for(Session, "before_flush")
def _refuse_audit_changes(session: Session, _ctx, _instances) -> None:
    # The database triggers are the real guard; this catches it earlier with a clear message.
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, AuditEvent) and (obj in session.deleted or session.is_modified(obj)):
            raise PermissionError("Audit events are append-only")
