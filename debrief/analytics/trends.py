"""Trends: the months chosen against the same months a year earlier, by month and by quarter, with the change.

Every figure reads the monthly rollups over both years from one grouped query, shared by the page. The change in numbers is
withheld when either year's count is (it would give it back), the change in per cent when last year's
count is under the policy's base (see suppression).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from debrief.analytics.filters import PatternFilters, add_months
from debrief.analytics.rollup_reads import sums
from debrief.analytics.tables import Table

THIS_YEAR, LAST_YEAR, CHANGE, CHANGE_PCT = "Months chosen", "Same months a year earlier", "Change", "Change (%)"
QUARTER_MONTHS = ("Jan to Mar", "Apr to Jun", "Jul to Sep", "Oct to Dec")


@dataclass(frozen=True, slots=True)
class Measure:
    key: str
    title: str
    source: str  # "national" or "debriefs"
    rollup: str  # the rollup measure
    column: str  # the rollup column summed


MEASURES: tuple[Measure, ...] = (
    Measure("uses", "Uses of force (national data)", "national", "all", "records"),
    Measure("national-assaults", "Officers and staff assaulted (national data)", "national", "all", "assaulted"),
    Measure("debriefs", "Debriefs submitted", "debriefs", "all", "records"),
)


def earlier(filters: PatternFilters) -> PatternFilters:
    """The same filters over both years: a year before the first month chosen to the last."""
    return PatternFilters(month_from=add_months(filters.month_from, -12), month_to=filters.month_to,
                          today=filters.today, force_ids=filters.force_ids, theme=filters.theme,
                          near_miss=filters.near_miss, source=filters.source)


def monthly(session: Session, filters: PatternFilters, measure: Measure) -> dict[int, int]:
    """{YYYYMM: count} over the months chosen and the year before them."""
    return sums(session, earlier(filters)).by_month(measure.rollup, national=measure.source == "national",
                                                    column=measure.column)


def _row(label: str, now: int, before: int) -> list:
    change = now - before
    return [label, now, before, change, round(100.0 * change / before, 1) if before else None]


def _declared(table: Table) -> Table:
    # The change is made from both counts; its percentage is of last year's count.
    table.rates = {3: ((1, 2), (2,)), 4: ((1, 2), (2,))}
    return table


def by_month(session: Session, filters: PatternFilters, measure: Measure) -> Table:
    found = monthly(session, filters, measure)
    rows = [_row(filters.month_name(m), found.get(m, 0), found.get(add_months(m, -12), 0)) for m in filters.months]
    table = _declared(Table(["Month", THIS_YEAR, LAST_YEAR, CHANGE, CHANGE_PCT], rows))
    table.notes.append("Change is this year's count less last year's; a fall shows as a negative number.")
    return table


def quarter_of(month: int) -> tuple[int, int]:
    return month // 100, (month % 100 - 1) // 3 + 1


def by_quarter(session: Session, filters: PatternFilters, measure: Measure) -> Table:
    found = monthly(session, filters, measure)
    quarters: dict[tuple[int, int], list[int]] = {}
    for m in filters.months:
        totals = quarters.setdefault(quarter_of(m), [0, 0, 0])
        totals[0] += found.get(m, 0)
        totals[1] += found.get(add_months(m, -12), 0)
        totals[2] += 1
    rows = []
    for (year, q), (now, before, months) in quarters.items():
        part = "" if months == 3 else f", {months} month{'s' if months != 1 else ''} of it"
        rows.append(_row(f"Q{q} {year} ({QUARTER_MONTHS[q - 1]}{part})", now, before))
    table = _declared(Table(["Quarter", THIS_YEAR, LAST_YEAR, CHANGE, CHANGE_PCT], rows))
    table.notes.append("Each quarter against the same quarter a year earlier, over the months chosen only.")
    return table


def builders(measure: Measure) -> tuple[Callable[[Session, PatternFilters], Table], ...]:
    return (lambda s, f: by_month(s, f, measure), lambda s, f: by_quarter(s, f, measure))
