"""A force wellbeing contact's acknowledgement of an officer's request for support: welfare's record, not PSD's."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from debrief.extensions import db
from debrief.models.base import utcnow
from debrief.models.user import User


class SupportAcknowledgement(db.Model):
    """One per debrief that asked for support. Reviewers may learn only that it exists (support was answered)."""

    __tablename__ = "support_acknowledgement"

    id: Mapped[int] = mapped_column(primary_key=True)
    debrief_id: Mapped[int] = mapped_column(ForeignKey("debrief.id", ondelete="CASCADE"), unique=True)
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    acknowledged_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    acknowledged_by: Mapped[User | None] = relationship()
