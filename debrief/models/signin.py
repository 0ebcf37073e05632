"""Sign-in attempts, kept so failures can be throttled per account and per address."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from debrief.extensions import db
from debrief.models.base import utcnow


class SignInAttempt(db.Model):
    __tablename__ = "sign_in_attempt"
    __table_args__ = (
        Index("ix_sign_in_attempt_email_at", "email", "at"),
        Index("ix_sign_in_attempt_address_at", "address", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    succeeded: Mapped[bool] = mapped_column(Boolean, default=False)
    # Refused by throttling without checking the password: does not extend anyone's lock.
    throttled: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
