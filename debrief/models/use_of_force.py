"""The national use-of-force data imported from forces' published files, shaped for aggregate queries.

One `UseOfForceRecord` is one row of the published file: one officer's use of force on one subject.
Rows are written only by `debrief.nationaldata.importer` (Core bulk inserts); every row belongs to a force
and to the `UseOfForceImportRun` that wrote it.

How values are stored
---------------------
* Single answers are reference.py codes in plain columns (`main_duty`, `subject_age_band`, ...);
  Yes/No answers are nullable booleans (NULL = the file left it blank).
* `incident_month` is the integer YYYYMM (202403 = March 2024) and `incident_hour` 0-23 (NULL when the
  file gives no time), precomputed so grouping by month or hour needs no date functions.
  Filter a date range on `incident_date`, group by `incident_month`.
* Multi-valued answers from small fixed vocabularies are integer bitmasks, one bit per code:
  `locations` (LOCATION_TYPES), `impact_factors` (IMPACT_FACTORS), `reasons` (FORCE_REASONS),
  `outcomes` (OUTCOMES), `ced_levels` (TASER_LEVELS) and `tactics` (TACTICS, any effectiveness).
  The bit of a code is `1 << position` in the tuples below (`*_BITS`), frozen here because stored
  data depends on them: add new codes at the end only. 0 means none.
  `location_type` also keeps the first (usually the only) location as a code, for a plain GROUP BY.
* Tactics with their effectiveness are also rows of the narrow `use_of_force_tactic` table
  (record_id, force_id, incident_month, tactic, effective), one per tactic per record.

Counting in SQL
---------------
* Rows with a flag:    ``SUM(CASE WHEN impact_factors & 4 <> 0 THEN 1 ELSE 0 END)``
  (in SQLAlchemy: ``func.sum(case((has_code(UseOfForceRecord.impact_factors, IMPACT_FACTOR_BITS,
  "drugs"), 1), else_=0))``; `has_code` builds ``column & bit <> 0``). Put one such SUM per code in a
  single SELECT to count every code in one pass over the table. `&` works the same on SQLite and
  PostgreSQL.
* Tactics by effectiveness: ``SELECT tactic, effective, COUNT(*) FROM use_of_force_tactic
  WHERE force_id = ? AND incident_month BETWEEN ? AND ? GROUP BY tactic, effective``
  (no join needed; join `use_of_force` on record_id only to filter by other columns).
* A record counts once per subject-officer pair; the files carry no person identifiers, so the
  "fewer than 5 people" suppression counts rows.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from enum import StrEnum
from functools import cache

from sqlalchemy import (
    Boolean, Column, ColumnElement, Date, DateTime, ForeignKey, Index, Integer, SmallInteger, String, Table, Text,
    Time, UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from debrief.extensions import db
from debrief.models.base import utcnow
from debrief.models.force import Force

# Bit positions of each bitmask column: frozen copies of the reference.py codes (append only).
LOCATION_BITS: tuple[str, ...] = (
    "street", "public_transport", "retail", "open_ground", "licensed_premises", "stadium", "hospital",
    "mental_health_setting", "police_vehicle_cage", "police_vehicle", "dwelling", "police_station",
    "custody_block", "ambulance", "other",
)
IMPACT_FACTOR_BITS: tuple[str, ...] = (
    "weapon", "alcohol", "drugs", "mental_health", "prior_knowledge", "size_gender_build",
    "acute_behavioural_disorder", "crowd", "other",
)
REASON_BITS: tuple[str, ...] = (
    "protect_self", "protect_public", "protect_subject", "protect_officers", "prevent_offence",
    "secure_evidence", "effect_search", "effect_arrest", "method_of_entry", "remove_handcuffs",
    "prevent_harm", "prevent_escape", "other",
)
OUTCOME_BITS: tuple[str, ...] = ("arrested", "made_off", "hospitalised", "detained_mha", "fatality", "other")
CED_LEVEL_BITS: tuple[str, ...] = ("drawn", "aimed", "red_dotted", "arced", "fired", "drive_stun")
TACTIC_BITS: tuple[str, ...] = (
    "tactical_communications", "compliant_handcuffing", "non_compliant_handcuffing", "limb_body_restraint",
    "ground_restraint", "unarmed_skills", "baton_drawn", "baton_used", "irritant_spray_drawn",
    "irritant_spray_used", "spit_and_bite_guard", "taser", "aep_aimed", "aep_fired", "firearm_aimed",
    "firearm_fired", "dog_deployed", "dog_bite", "shield", "improvised", "other",
)


def bit_of(bits: tuple[str, ...], code: str) -> int:
    """The bit standing for `code` in a mask column laid out by `bits`; ValueError for an unknown code."""
    return 1 << bits.index(code)


@cache
def bit_table(bits: tuple[str, ...]) -> dict[str, int]:
    """{code: bit} of a mask layout, built once: the importer masks every row of a file."""
    return {code: 1 << i for i, code in enumerate(bits)}


def to_mask(bits: tuple[str, ...], codes: Iterable[str]) -> int:
    """The bitmask of `codes`; ValueError for an unknown code."""
    table = bit_table(bits)
    mask = 0
    try:
        for code in codes:
            mask |= table[code]
    except KeyError as error:
        raise ValueError(f"{error.args[0]!r} is not a code of this mask") from None
    return mask


def from_mask(bits: tuple[str, ...], mask: int) -> tuple[str, ...]:
    """The codes set in `mask`, in bit order."""
    return tuple(code for i, code in enumerate(bits) if mask >> i & 1)


def has_code(column, bits: tuple[str, ...], code: str) -> ColumnElement[bool]:
    """SQL: whether the mask `column` has `code` set (``column & bit <> 0``)."""
    return column.op("&")(bit_of(bits, code)) != 0


def month_of(day: date) -> int:
    """The integer YYYYMM stored in `incident_month`."""
    return day.year * 100 + day.month


class ImportRunStatus(StrEnum):
    """How far an import run got: still running (or stopped without finishing), completed, failed, interrupted."""

    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    INTERRUPTED = "interrupted"

    @property
    def label(self) -> str:
        return IMPORT_RUN_STATUS_LABELS[self]


IMPORT_RUN_STATUS_LABELS = {
    ImportRunStatus.COMPLETED: "Completed", ImportRunStatus.FAILED: "Failed",
    ImportRunStatus.INTERRUPTED: "Interrupted", ImportRunStatus.RUNNING: "Running, or stopped without finishing",
}


class UseOfForceImportRun(db.Model):
    """One run of the importer over one file: how it was run, how far it got and what it found."""

    __tablename__ = "use_of_force_import_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    force_id: Mapped[int] = mapped_column(ForeignKey("force.id"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))  # None when run from the command line
    file_name: Mapped[str] = mapped_column(String(255))
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    mode: Mapped[str] = mapped_column(String(16))  # all_or_nothing / batched
    batch_size: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default=ImportRunStatus.RUNNING)  # ImportRunStatus
    resumed_from_id: Mapped[int | None] = mapped_column(ForeignKey("use_of_force_import_run.id"))
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    rows_inserted: Mapped[int] = mapped_column(Integer, default=0)
    rows_duplicate: Mapped[int] = mapped_column(Integer, default=0)
    rows_rejected: Mapped[int] = mapped_column(Integer, default=0)
    last_committed_row: Mapped[int | None] = mapped_column(Integer)  # spreadsheet row number (header = 1)
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    message: Mapped[str | None] = mapped_column(Text)
    # Liveness of a running import: the process writing it, and when it last committed a chunk.
    pid: Mapped[int | None] = mapped_column(Integer)
    host: Mapped[str | None] = mapped_column(String(255))
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime)

    force: Mapped[Force] = relationship(lazy="joined")


class UseOfForceRecord(db.Model):
    """One officer's use of force on one subject, as a force published it."""

    __tablename__ = "use_of_force"
    __table_args__ = (
        UniqueConstraint("force_id", "fingerprint", name="uq_use_of_force_force_fingerprint"),
        Index("ix_use_of_force_force_month", "force_id", "incident_month"),
        Index("ix_use_of_force_force_date", "force_id", "incident_date"),
        Index("ix_use_of_force_month", "incident_month"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    force_id: Mapped[int] = mapped_column(ForeignKey("force.id"))
    import_run_id: Mapped[int] = mapped_column(ForeignKey("use_of_force_import_run.id"), index=True)
    source_row: Mapped[int] = mapped_column(Integer)  # row number in the file (header = 1)
    fingerprint: Mapped[str] = mapped_column(String(64))

    incident_date: Mapped[date] = mapped_column(Date)
    incident_time: Mapped[time | None] = mapped_column(Time)
    incident_month: Mapped[int] = mapped_column(Integer)  # YYYYMM
    incident_hour: Mapped[int | None] = mapped_column(SmallInteger)  # 0-23

    location_type: Mapped[str | None] = mapped_column(String(30))  # first location, LOCATION_TYPES
    locations: Mapped[int] = mapped_column(Integer, default=0)  # LOCATION_BITS mask
    borough: Mapped[str | None] = mapped_column(String(80))
    subject_conduct: Mapped[str | None] = mapped_column(String(30))  # SUBJECT_CONDUCT
    assaulted: Mapped[bool | None] = mapped_column(Boolean)  # officer assaulted by the subject
    main_duty: Mapped[str | None] = mapped_column(String(20))  # MAIN_DUTIES
    main_duty_raw: Mapped[str | None] = mapped_column(String(120))  # as published
    single_crewed: Mapped[bool | None] = mapped_column(Boolean)
    trained_ced: Mapped[bool | None] = mapped_column(Boolean)
    carrying_ced: Mapped[bool | None] = mapped_column(Boolean)

    subject_age_band: Mapped[str | None] = mapped_column(String(20))  # AGE_BANDS
    subject_sex: Mapped[str | None] = mapped_column(String(20))  # SEXES
    subject_ethnicity: Mapped[str | None] = mapped_column(String(20))  # ETHNICITIES
    subject_ethnicity_basis: Mapped[str] = mapped_column(String(20), default="perceived")  # ETHNICITY_BASES
    physical_disability: Mapped[bool | None] = mapped_column(Boolean)
    mental_disability: Mapped[bool | None] = mapped_column(Boolean)

    staff_injured: Mapped[bool | None] = mapped_column(Boolean)
    staff_injury_severity: Mapped[str | None] = mapped_column(String(10))  # INJURY_SEVERITIES
    staff_medical_provided: Mapped[bool | None] = mapped_column(Boolean)
    subject_injured: Mapped[bool | None] = mapped_column(Boolean)
    subject_injury_severity: Mapped[str | None] = mapped_column(String(10))  # INJURY_SEVERITIES
    subject_medical_offered: Mapped[bool | None] = mapped_column(Boolean)
    subject_medical_provided: Mapped[bool | None] = mapped_column(Boolean)

    impact_factors: Mapped[int] = mapped_column(Integer, default=0)  # IMPACT_FACTOR_BITS mask
    reasons: Mapped[int] = mapped_column(Integer, default=0)  # REASON_BITS mask
    outcomes: Mapped[int] = mapped_column(Integer, default=0)  # OUTCOME_BITS mask
    ced_levels: Mapped[int] = mapped_column(Integer, default=0)  # CED_LEVEL_BITS mask
    tactics: Mapped[int] = mapped_column(Integer, default=0)  # TACTIC_BITS mask, any effectiveness

    tactic_rows: Mapped[list[UseOfForceTactic]] = relationship(
        lazy="selectin", order_by="UseOfForceTactic.tactic", viewonly=True)


class UseOfForceTactic(db.Model):
    """A tactic used in a record and whether it was effective (NULL: not said); copies force and month."""

    __tablename__ = "use_of_force_tactic"
    __table_args__ = (Index("ix_use_of_force_tactic_force_month", "force_id", "incident_month"),)

    record_id: Mapped[int] = mapped_column(
        ForeignKey("use_of_force.id", ondelete="CASCADE"), primary_key=True)
    tactic: Mapped[str] = mapped_column(String(30), primary_key=True)  # TACTICS
    force_id: Mapped[int] = mapped_column(ForeignKey("force.id"))
    incident_month: Mapped[int] = mapped_column(Integer)  # YYYYMM, as on the record
    effective: Mapped[bool | None] = mapped_column(Boolean)


def _staging_columns(table) -> list[Column]:
    return [Column(c.name, c.type, primary_key=c.primary_key, nullable=c.nullable) for c in table.columns]


# An all-or-nothing import commits its rows here a chunk at a time (never holding the write lock for
# long), then moves them into use_of_force in one short transaction when the whole file has been read.
# Same columns as use_of_force / use_of_force_tactic, no constraints beyond the keys; rows carry their run.
UOF_STAGING = Table(
    "use_of_force_staging", db.metadata, *_staging_columns(UseOfForceRecord.__table__),
    Index("ix_use_of_force_staging_run", "import_run_id"),
)
UOF_TACTIC_STAGING = Table(
    "use_of_force_tactic_staging", db.metadata, *_staging_columns(UseOfForceTactic.__table__),
    Column("import_run_id", Integer, nullable=False),
    Index("ix_use_of_force_tactic_staging_run", "import_run_id"),
)
