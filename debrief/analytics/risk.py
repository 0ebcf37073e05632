"""Who is at greatest risk: rates of assault and injury by duty, crewing, Taser, place and time, with suppression."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func
from sqlalchemy.orm import Session

from debrief import reference as ref
from debrief.analytics.filters import PatternFilters
from debrief.analytics.rollup_reads import sums
from debrief.analytics.sql import hour_of
from debrief.analytics.tables import FEWER_THAN_5, WITHHELD, Cell, Table, rate  # noqa: F401 (markers, for callers)
from debrief.models import Debrief, Incident, IncidentOfficer, UseOfForceRecord

NOT_RECORDED = "not_recorded"
NOT_RECORDED_LABEL = "Not recorded"
UNLISTED = "_unlisted"
UNLISTED_LABEL = "Another value"
TOTAL_LABEL = "All records"
MEASURES = ("Officers assaulted", "Officers or staff injured", "Subjects injured")
RATE_NAMES = ("Assault rate (%)", "Officer or staff injury rate (%)", "Subject injury rate (%)")
TIME_BANDS = (("night", "Night (00:00 to 05:59)", 0), ("morning", "Morning (06:00 to 11:59)", 6),
              ("afternoon", "Afternoon (12:00 to 17:59)", 12), ("evening", "Evening (18:00 to 23:59)", 18))
TASER_GROUPS = (("carrying", "Taser trained and carrying"), ("not_carrying", "Taser trained, not carrying"),
                ("not_trained", "Not Taser trained"))
YES_NO = (("yes", "Yes"), ("no", "No"))


@dataclass(frozen=True, slots=True)
class Dimension:
    key: str
    title: str  # the first column's heading
    groups: tuple[tuple[str, str], ...]  # (code, label) in display order; "not recorded" is added
    national: bool = True  # whether the national data records it too


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("main_duty", "Main duty", tuple((c.code, c.label) for c in ref.MAIN_DUTIES)),
    Dimension("single_crewed", "Single-crewed", YES_NO),
    Dimension("shift_hours", "Time on duty", tuple((c.code, c.label) for c in ref.SHIFT_HOURS), national=False),
    Dimension("taser", "Taser (conducted energy device)", TASER_GROUPS),
    Dimension("location_type", "Location", tuple((c.code, c.label) for c in ref.LOCATION_TYPES)),
    Dimension("time_of_day", "Time of day", tuple((code, label) for code, label, _ in TIME_BANDS)),
)
DIMENSION_BY_KEY = {d.key: d for d in DIMENSIONS}
SHIFT_HOURS_NOTE = ("Time on duty comes from the debriefs only: the national data does not record how long "
                    "an officer had been on duty.")


def _yes_no(column):
    return case((column.is_(True), "yes"), (column.is_(False), "no"), else_=NOT_RECORDED)


def _taser(trained, carrying):
    return case((trained.is_(True) & carrying.is_(True), "carrying"),
                (trained.is_(True) & carrying.is_(False), "not_carrying"),
                (trained.is_(False), "not_trained"), else_=NOT_RECORDED)


def _time_band(hour):
    return case((hour.is_(None), NOT_RECORDED), *((hour < start + 6, code) for code, _, start in TIME_BANDS),
                else_=NOT_RECORDED)


def national_group(key: str):
    r = UseOfForceRecord
    return {"main_duty": func.coalesce(r.main_duty, NOT_RECORDED), "single_crewed": _yes_no(r.single_crewed),
            "taser": _taser(r.trained_ced, r.carrying_ced),
            "location_type": func.coalesce(r.location_type, NOT_RECORDED),
            "time_of_day": _time_band(r.incident_hour)}[key]


def debrief_group(key: str):
    """The group a debrief falls in for one dimension (the debrief rollup is grouped by these)."""
    return {"main_duty": func.coalesce(IncidentOfficer.role_on_day, NOT_RECORDED),
            "single_crewed": _yes_no(Debrief.single_crewed),
            "shift_hours": func.coalesce(Debrief.hours_on_duty, NOT_RECORDED), "taser": _taser(Debrief.taser_trained, Debrief.taser_carried),
            "location_type": func.coalesce(Incident.location_type, NOT_RECORDED),
            "time_of_day": _time_band(hour_of(Incident.occurred_at))}[key]


def _counts(session: Session, filters: PatternFilters, dimension: Dimension, source: str) -> dict[str, list[int]]:
    """{group code: [records, assaulted, officer injured, subject injured]} from the source's monthly rollup."""
    found = sums(session, filters).by_code(f"risk:{dimension.key}", national=source == "national")
    return {code: list(counts[:4]) for code, counts in found.items()}


def _with_rates(label: str, row: list[int]) -> list[Cell]:
    out: list[Cell] = [label, row[0]]
    for value in row[1:]:
        out += [value, rate(value, row[0])]
    return out


def risk_table(session: Session, filters: PatternFilters, dimension: Dimension, source: str) -> Table:
    """One dimension for one source: records, counts and rates per group, with a total row (not yet suppressed)."""
    counts = _counts(session, filters, dimension, source)
    codes = [code for code, _ in dimension.groups]
    labels = dict(dimension.groups)
    # A value outside the vocabulary (an old or hand-entered one) is never shown as typed: counted as "other".
    unknown = [code for code in counts if code not in labels and code != NOT_RECORDED]
    if unknown:
        counts = dict(counts)
        merged = [sum(col) for col in zip(*(counts.pop(code) for code in unknown))]
        counts[UNLISTED] = [a + b for a, b in zip(counts.get(UNLISTED, [0, 0, 0, 0]), merged)]
        labels = {**labels, UNLISTED: UNLISTED_LABEL}
        codes = [*codes, UNLISTED] if UNLISTED not in codes else codes
    order = [c for c in codes if c in counts] + ([NOT_RECORDED] if NOT_RECORDED in counts else [])
    raw = [counts[c] for c in order]
    total = [sum(col) for col in zip(*raw)] if raw else [0, 0, 0, 0]
    what = "National use-of-force records" if source == "national" else "Submitted debriefs"
    columns = [dimension.title, what]
    for measure, rate_name in zip(MEASURES, RATE_NAMES):
        columns += [measure, rate_name]
    rows = [_with_rates(labels.get(code, NOT_RECORDED_LABEL if code == NOT_RECORDED else code), row)
            for code, row in zip(order, raw)]
    rows.append(_with_rates(TOTAL_LABEL, total))
    # Raw counts, with what the suppression policy needs to know: pages.figure_table applies it.
    table = Table(columns, rows, rates={3: ((2,), (1,)), 5: ((4,), (1,)), 7: ((6,), (1,))},
                  group_size_column=1, total_row=True)
    table.notes.append("Counts of fewer than 5 people are shown as \u201cfewer than 5\u201d; a cell marked "
                       "\u201cwithheld\u201d is hidden so that one cannot be worked out from the total.")
    return table
