"""Reading the monthly rollups for a page: both rollups in one grouped query, shared by every figure of the page.

A Patterns page shows many figures of one scope (months, forces, theme, kind). Each figure used to read the
rollup rows of its own measure; now `sums` reads every measure of both rollups for the scope in one
UNION ALL, grouped by month, measure and code, and the figures pick their measure from it. Inside
`one_page()` (the views wrap each page and download in it) that result, and any other `shared` load, is
read once per scope and reused by the page's other figures; outside it, each call reads afresh, so a
test that changes data between two calls never sees an old answer.

A page reads only the measures its figures ask for: `one_page(key)` names the page, and the measures its figures
asked for are remembered for that page (`_MEASURES`); the next time it is built, only those are read (a page needs a
few of the scope's measures, and reading every one was most of its time). A figure asking for a measure not read
yet (other filters, other figures) gets it read then, in one more query, and the page remembers it: the answer never
depends on what was remembered, only the number of queries does. Without a key, every measure is read.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import TypeVar

from sqlalchemy import String, func, literal, select, union_all
from sqlalchemy.orm import Session

from debrief.analytics.filters import PatternFilters
from debrief.analytics.sql import debrief_summary_conditions, national_conditions
from debrief.models import Force
from debrief.models.analytics_summary import DebriefSummary, UseOfForceSummary

T = TypeVar("T")
COUNTS = ("records", "assaulted", "staff_injured", "subject_injured", "effective", "not_effective")
NATIONAL, DEBRIEFS = "national", "debriefs"
Counts = tuple[int, int, int, int, int, int]

_page: ContextVar[dict | None] = ContextVar("patterns_page", default=None)
_page_key: ContextVar[str | None] = ContextVar("patterns_page_key", default=None)
# The measures each page's figures asked for, learnt as pages are built (replaced, never changed in place, so a
# request reading it while another adds to it is safe).
_MEASURES: dict[str, frozenset[str]] = {}


@contextmanager
def one_page(key: str | None = None) -> Iterator[None]:
    """While a page is built, `shared` loads run once per key and their results are reused; `key` names the page,
    so that its rollup read is only of the measures the page's figures use."""
    token, key_token = _page.set({}), _page_key.set(key)
    try:
        yield
    finally:
        _page.reset(token)
        _page_key.reset(key_token)


def shared(key: Hashable, load: Callable[[], T]) -> T:
    """`load()`, once per page being built for this key (outside `one_page`, every time)."""
    memo = _page.get()
    if memo is None:
        return load()
    if key not in memo:
        memo[key] = load()
    return memo[key]


class RollupSums:
    """Both rollups' counts for one scope, by (source, measure) then (month, code)."""

    def __init__(self, rows, measures: frozenset[str] | None = None,
                 fetch: Callable[[frozenset[str]], list] | None = None, page: str | None = None) -> None:
        # The rows as read, by (source, measure); a measure's counts are made integers when a figure first asks for
        # it (a page reads a few of the scope's measures, and converting every row cost more than the query).
        self._raw: dict[tuple[str, str], list] = defaultdict(list)
        self._add(rows)
        self._done: dict[tuple[str, str], list[tuple[int, str, Counts]]] = {}
        self._read = measures  # the measures read (None: every one)
        self._fetch, self._page = fetch, page

    def _add(self, rows) -> None:
        for row in rows:
            self._raw[(row[0], row[2])].append(row)

    def _asked(self, measure: str) -> None:
        """A figure asks for `measure`: read it if it was not, and remember that the page uses it."""
        if self._read is not None and measure not in self._read and self._fetch is not None:
            self._add(self._fetch(frozenset((measure,))))
            self._read = self._read | {measure}
        if self._page is not None and measure not in _MEASURES.get(self._page, ()):
            _MEASURES[self._page] = _MEASURES.get(self._page, frozenset()) | {measure}

    def _source(self, national: bool) -> str:
        return NATIONAL if national else DEBRIEFS

    def _measure(self, key: tuple[str, str]) -> list[tuple[int, str, Counts]]:
        found = self._done.get(key)
        if found is None:
            self._asked(key[1])
            found = self._done[key] = [(month, code, tuple(int(n or 0) for n in counts))
                                       for _, month, _, code, *counts in self._raw.get(key, ())]
        return found

    def by_code(self, measure: str, national: bool) -> dict[str, Counts]:
        """{code: counts summed over the months}."""
        out: dict[str, list[int]] = {}
        for _, code, counts in self._measure((self._source(national), measure)):
            total = out.setdefault(code, [0] * len(COUNTS))
            for i, n in enumerate(counts):
                total[i] += n
        return {code: tuple(total) for code, total in out.items()}

    def by_month(self, measure: str, national: bool, column: str = "records") -> dict[int, int]:
        """{YYYYMM: one column summed over the codes}."""
        index = COUNTS.index(column)
        out: dict[int, int] = {}
        for month, _, counts in self._measure((self._source(national), measure)):
            out[month] = out.get(month, 0) + counts[index]
        return out

    def by_month_code(self, measure: str, national: bool, column: str = "records") -> dict[tuple[int, str], int]:
        """{(YYYYMM, code): one column}."""
        index = COUNTS.index(column)
        out: dict[tuple[int, str], int] = {}
        for month, code, counts in self._measure((self._source(national), measure)):
            out[(month, code)] = out.get((month, code), 0) + counts[index]
        return out

    def total(self, measure: str, national: bool, column: str = "records") -> int:
        return sum(self.by_month(measure, national, column).values())


def _grouped(table, source: str, conditions):
    return (select(literal(source, String).label("source"), table.incident_month, table.measure, table.code,
                   *(func.sum(getattr(table, name)) for name in COUNTS))
            .where(*conditions).group_by(table.incident_month, table.measure, table.code))


@lru_cache(maxsize=256)
def _statement(filters: PatternFilters, measures: frozenset[str] | None = None):
    """Both rollups' grouped rows for the scope (only `measures`, if given), or None: built once for each filters
    value and measures, and reused."""
    parts = []
    if filters.national:
        conditions = national_conditions(filters, UseOfForceSummary)
        if measures is not None:
            conditions = [*conditions, UseOfForceSummary.measure.in_(sorted(measures))]
        parts.append(_grouped(UseOfForceSummary, NATIONAL, conditions))
    if filters.debriefs:
        # The debriefs' conditions without their measure: every measure of the scope at once (or those asked for).
        conditions = debrief_summary_conditions(filters, None)
        if measures is not None:
            conditions = [*conditions, DebriefSummary.measure.in_(sorted(measures))]
        parts.append(_grouped(DebriefSummary, DEBRIEFS, conditions))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else union_all(*parts)


def _load(session: Session, filters: PatternFilters) -> RollupSums:
    if _statement(filters) is None:
        return RollupSums([])
    page = _page_key.get()
    measures = _MEASURES.get(page) if page is not None else None

    def fetch(wanted: frozenset[str] | None) -> list:
        return session.connection().execute(_statement(filters, wanted)).all()  # Core: plain rows, no ORM entities

    return RollupSums(fetch(measures), measures, fetch, page)


_FORCES = select(Force.id, Force.name).order_by(Force.name)  # built once: a constant statement


def forces(session: Session) -> list[tuple[int, str]]:
    """Every force's (id, name), by name: the learning team's choice of force and the pages that name forces."""
    return shared("forces", lambda: [tuple(row) for row in session.connection().execute(_FORCES)])


def sums(session: Session, filters: PatternFilters) -> RollupSums:
    """Every rollup count of the filters' scope (one query, or none when it is already held for the page)."""
    return shared(("rollups", filters), lambda: _load(session, filters))
