"""A monthly rollup of the national use-of-force data, so every dashboard figure reads thousands of rows, not millions.

Each row counts one force's records of one month under one `measure` and `code`:

* ``all`` / ``""``: every record (records, assaulted, staff injured, subject injured);
* ``tactic`` / TACTICS code: records using it, and how many said effective / not effective;
* ``staff_injury`` and ``subject_injury`` / INJURY_SEVERITIES code or ``not_recorded``: injured people;
* ``impact_factor``, ``reason``, ``outcome`` / their codes: records giving the code;
* ``risk:<dimension>`` / group code: the risk view's four counts per group (see analytics/risk.py).

`DebriefSummary` alone also holds, for Training needs and the incident counts: ``tactic:<Taser group>`` / tactic
(uses, effective, not effective, and uses in debriefs where an officer or the subject was injured);
``reflection`` and ``reflection:training`` / topic code (debriefs whose reflections raise it, and of those that
mention training); ``incidents`` / ``incident`` or ``near_miss`` (incidents with a submitted debrief).

It is derived data: `debrief.analytics.national_summary` rebuilds it in SQL whenever the national data
has changed since the last build (recorded in `UseOfForceSummaryState`).

`DebriefSummary` counts the submitted debriefs the same way, with two more keys the debriefs have and the
national data does not: near miss or not, and the incident's theme (each debrief is counted once under
theme ``""``, meaning any, and once under each theme of its incident). `debrief.analytics.debrief_summary`
keeps it current: each change to a debrief, its incident, injuries, tactics or officers records the
(force, month) it touches in `DebriefSummaryChange`, in the same transaction, and the next dashboard
view recounts just those months.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from debrief.extensions import db
from debrief.models.base import utcnow


class _Counts:
    """What a rollup row counts, the same in both rollups so one query reads either."""

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


class UseOfForceSummary(_Counts, db.Model):
    __tablename__ = "use_of_force_summary"
    __table_args__ = (Index("ix_use_of_force_summary_measure", "measure", "force_id", "incident_month"),)


class UseOfForceSummaryState(db.Model):
    """What the rollup was built from: rebuilt when the national data no longer matches."""

    __tablename__ = "use_of_force_summary_state"

    id: Mapped[int] = mapped_column(primary_key=True)  # a single row, id 1
    max_record_id: Mapped[int] = mapped_column(Integer, default=0)
    record_count: Mapped[int] = mapped_column(Integer, default=0)
    built_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DebriefSummary(_Counts, db.Model):
    __tablename__ = "debrief_summary"
    __table_args__ = (Index("ix_debrief_summary_measure", "measure", "theme", "force_id", "incident_month"),
                      Index("ix_debrief_summary_slice", "force_id", "incident_month"))

    near_miss: Mapped[bool | None] = mapped_column(Boolean)
    theme: Mapped[str] = mapped_column(String(40), default="")  # "": every debrief; else an incident theme


class DebriefSummaryChange(db.Model):
    """A (force, month) of the debrief rollup to count again: written with the change that made it stale."""

    __tablename__ = "debrief_summary_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    force_id: Mapped[int] = mapped_column(Integer)  # no foreign key: it may outlive a force being removed
    incident_month: Mapped[int] = mapped_column(Integer)


class DebriefSummaryState(db.Model):
    """A single row (id 1) locked while the debrief rollup is recounted, so two requests never do it at once.

    `layout` is the version of what the rollup holds (its measures and codes): a release that changes it
    raises `debrief_summary.LAYOUT`, and the first view after the upgrade rebuilds the whole rollup.
    """

    __tablename__ = "debrief_summary_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    layout: Mapped[int] = mapped_column(Integer, default=0)
    built_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
