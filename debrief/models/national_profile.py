"""A second monthly rollup of the national use-of-force data: subjects' characteristics, and each tactic by the
officer's Taser training with its effectiveness and injuries (Who is subject to force, Training needs).

Each row counts one force's records of one month under one `measure`, `code` and `grp`:

* ``subject:ethnicity``, ``subject:age_band``, ``subject:sex`` / the code ("" when not recorded): records;
* ``subject:mental``, ``subject:physical`` / ``yes``, ``no`` or "": records;
* ``tactic`` / TACTICS code, `grp` the officer's Taser group (risk.TASER_GROUPS code or ``not_recorded``):
  uses, effective, not effective, and uses where an officer or the subject was injured.

Derived data, kept by `debrief.analytics.national_profile`, which the national data import runs with the first
rollup (rows are only ever added to the national data, so new records' counts are added beside the old ones).

`DebriefReflectionTopics` is the debriefs' counterpart for Training needs: each debrief's topics as a bit mask.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from debrief.extensions import db
from debrief.models.base import utcnow


class UseOfForceProfileSummary(db.Model):
    __tablename__ = "use_of_force_profile_summary"
    __table_args__ = (Index("ix_use_of_force_profile_summary_measure", "measure", "force_id", "incident_month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    force_id: Mapped[int] = mapped_column(ForeignKey("force.id"))
    incident_month: Mapped[int] = mapped_column(Integer)  # YYYYMM
    measure: Mapped[str] = mapped_column(String(30))
    code: Mapped[str] = mapped_column(String(40))
    grp: Mapped[str] = mapped_column(String(20), default="")
    records: Mapped[int] = mapped_column(Integer, default=0)
    effective: Mapped[int] = mapped_column(Integer, default=0)
    not_effective: Mapped[int] = mapped_column(Integer, default=0)
    staff_injured: Mapped[int] = mapped_column(Integer, default=0)
    subject_injured: Mapped[int] = mapped_column(Integer, default=0)


class UseOfForceProfileState(db.Model):
    """What the profile rollup holds: the highest record id and the number of records it was built from."""

    __tablename__ = "use_of_force_profile_state"

    id: Mapped[int] = mapped_column(primary_key=True)  # a single row, id 1
    max_record_id: Mapped[int] = mapped_column(Integer, default=0)
    record_count: Mapped[int] = mapped_column(Integer, default=0)
    built_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DebriefReflectionTopics(db.Model):
    """The training topics a debrief's "what could have been done differently" answers raise, as a bit mask
    (analytics.debrief_topics), kept as the answers are written so Training needs never reads the text."""

    __tablename__ = "debrief_reflection_topics"

    debrief_id: Mapped[int] = mapped_column(ForeignKey("debrief.id", ondelete="CASCADE"), primary_key=True)
    mask: Mapped[int] = mapped_column(Integer, default=0)
