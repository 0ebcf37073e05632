"""A monthly rollup of the national use-of-force data, so every dashboard figure reads thousands of rows, not millions.

Each row counts one force's records of one month under one `measure` and `code`:

* ``all`` / ``""``: every record (records, assaulted, staff injured, subject injured);
* ``tactic`` / TACTICS code: records using it, and how many said effective / not effective;
* ``staff_injury`` and ``subject_injury`` / INJURY_SEVERITIES code or ``not_recorded``: injured people;
* ``impact_factor``, ``reason``, ``outcome`` / their codes: records giving the code;
* ``risk:<dimension>`` / group code: the risk view's four counts per group (see analytics/risk.py).

It is derived data: `debrief.analytics.national_summary` rebuilds it in SQL whenever the national data
has changed since the last build (recorded in `UseOfForceSummaryState`).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from debrief.extensions import db
from debrief.models.base import utcnow

class UseOfForceSummary(db.Model):
    __tablename__ = "use_of_force_summary"
    __table_args__ = (Index("ix_use_of_force_summary_measure", "measure", "force_id", "incident_month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    force_id: Mapped[int] = mapped_column(ForeignKey("force.id"))
    incident_month: Mapped[int] = mapped_column(Integer)  # YYYYMM
    measure: Mapped[str] = mapped_column(String(30))
    code: Mapped[str] = mapped_column(String(40))
    records: Mapped[int] = mapped_column(Integer, default=0)
    assaulted: Mapped[int] = mapped_column(Integer, default=0)
    staff_injured: Mapped[int] = mapped_column(Integer, default=0)
    subject_injured: Mapped[int] = mapped_column(Integer, default=0)
    effective: Mapped[int] = mapped_column(Integer, default=0)
    not_effective: Mapped[int] = mapped_column(Integer, default=0)


class UseOfForceSummaryState(db.Model):
    """What the rollup was built from: rebuilt when the national data no longer matches."""

    __tablename__ = "use_of_force_summary_state"

    id: Mapped[int] = mapped_column(primary_key=True)  # a single row, id 1
    max_record_id: Mapped[int] = mapped_column(Integer, default=0)
    record_count: Mapped[int] = mapped_column(Integer, default=0)
    built_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
