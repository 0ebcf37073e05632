"""A create form's one-time token, recorded by the first save it makes: a second POST of the same page (a double
click without JavaScript, the back button, a retried request) creates nothing and lands where the first one did."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from debrief.extensions import db
from debrief.models.base import utcnow


class SubmissionToken(db.Model):
    __tablename__ = "submission_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Unique: of two requests racing with one token, the second's INSERT fails, on SQLite and PostgreSQL alike.
    token: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Where the first submission's result is: the page it redirected to.
    result_url: Mapped[str] = mapped_column(String(500), default="")
