"""The last incident reference number handed out, per force and year: taken under lock so none is given twice."""
from __future__ import annotations

from sqlalchemy import ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column

from debrief.extensions import db


class ReferenceCounter(db.Model):
    __tablename__ = "reference_counter"

    force_id: Mapped[int] = mapped_column(ForeignKey("force.id", ondelete="CASCADE"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last: Mapped[int] = mapped_column(Integer, nullable=False)
