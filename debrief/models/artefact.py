"""Finished expensive outputs (drawn graphs, typeset PDFs) kept in the database, so every worker and host shares them."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from debrief.extensions import db
from debrief.models.base import utcnow


class CachedArtefact(db.Model):
    __tablename__ = "artefact_cache"

    # sha256 of the kind and of everything the output was made from: a change to what is drawn is a new key.
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    body: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)
    # The oldest are dropped first when the cache passes its size bound.
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
