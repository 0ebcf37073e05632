"""SQL pieces the Patterns queries share: incident and RCA filters, month keys, dialect differences."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from sqlalchemy import Integer, Text, case, cast, exists, extract, func, true
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from debrief.analytics.filters import PatternFilters
from debrief.models import Incident, IncidentTheme, UseOfForceRecord
from debrief.models.analytics_summary import UseOfForceSummary

T = TypeVar("T")


def incident_conditions(filters: PatternFilters, incident=Incident) -> list[ColumnElement[bool]]:
    """Incidents that happened in the months chosen, of the forces in scope, of the type and kind chosen."""
    conditions: list[ColumnElement[bool]] = [
        incident.occurred_at >= filters.start, incident.occurred_at < filters.end]
    if filters.force_ids is not None:
        conditions.append(incident.force_id.in_(filters.force_ids))
    if filters.theme:
        conditions.append(exists().where(IncidentTheme.incident_id == incident.id,
                                         IncidentTheme.theme == filters.theme))
    if filters.near_miss is not None:
        conditions.append(incident.near_miss.is_(filters.near_miss))
    return conditions


def national_conditions(filters: PatternFilters, table=UseOfForceRecord) -> list[ColumnElement[bool]]:
    """National rows of the months and forces chosen (month keys use the (force, month) index)."""
    conditions: list[ColumnElement[bool]] = [table.incident_month.between(filters.month_from, filters.month_to)]
    if filters.force_ids is not None:
        conditions.append(table.force_id.in_(filters.force_ids))
    if not filters.national:
        conditions.append(~true())
    return conditions


def summary_conditions(filters: PatternFilters, measure: str) -> list[ColumnElement[bool]]:
    """Rows of the national data's monthly rollup for one measure, months and forces (see analytics_summary)."""
    return [UseOfForceSummary.measure == measure, *national_conditions(filters, UseOfForceSummary)]


def month_of(column) -> ColumnElement[int]:
    """YYYYMM of a datetime column, the same on SQLite and PostgreSQL."""
    return cast(extract("year", column) * 100 + extract("month", column), Integer)


def hour_of(column) -> ColumnElement[int]:
    return cast(extract("hour", column), Integer)


def count_if(condition) -> ColumnElement[int]:
    """SUM(CASE WHEN condition THEN 1 ELSE 0 END): one counter per code in a single pass."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def days_between(session: Session, later, earlier) -> ColumnElement[float]:
    """Days (with fractions) from `earlier` to `later`, two datetime columns."""
    if session.get_bind().dialect.name == "sqlite":
        return func.julianday(later) - func.julianday(earlier)
    return extract("epoch", later - earlier) / 86400.0


def day_of(column) -> ColumnElement:
    """The calendar day of a datetime column: date() is a function on SQLite and PostgreSQL alike."""
    return func.date(column)


def json_has(column, code: str) -> ColumnElement[bool]:
    """Whether a JSON list of codes holds `code` (codes are plain words, so a quoted match is exact)."""
    return cast(column, Text).like(f'%"{code}"%')


# One page's figures often need the same pass over the debriefs: within `one_page()`, a result is kept
# for the rest of the page; outside it (a CSV download, a test) every call computes afresh.
_page_memo: ContextVar[dict | None] = ContextVar("patterns_page_memo", default=None)


@contextmanager
def one_page() -> Iterator[None]:
    token = _page_memo.set({})
    try:
        yield
    finally:
        _page_memo.reset(token)


def shared(key: str, filters: PatternFilters, compute: Callable[[], T]) -> T:
    memo = _page_memo.get()
    if memo is None:
        return compute()
    if (key, filters) not in memo:
        memo[(key, filters)] = compute()
    return memo[(key, filters)]
