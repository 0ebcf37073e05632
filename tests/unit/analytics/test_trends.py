"""Trends, known answers: the months chosen against a year earlier, by month and by quarter, suppressed."""
from __future__ import annotations

from datetime import date

from debrief.analytics import pages, suppression, trends
from debrief.analytics.filters import PatternFilters
from debrief.analytics.tables import FEWER_THAN_5, WITHHELD
from debrief.extensions import db
from tests.support.patterns import national_rows

USES = trends.MEASURES[0]


def _rows(year: int, month: int, n: int, assaulted: int = 0) -> list[dict]:
    return [dict(day=date(year, month, 1 + k % 28), assaulted=k < assaulted) for k in range(n)]


def test_each_month_and_quarter_against_a_year_earlier(forces):
    a, b = forces["A"], forces["B"]
    national_rows(a, _rows(2025, 2, 10) + _rows(2025, 3, 6) + _rows(2026, 2, 12, assaulted=6) + _rows(2026, 3, 9)
                  + _rows(2025, 4, 20))
    national_rows(b, _rows(2026, 3, 40))  # another force: left out when force A is chosen
    f = PatternFilters(month_from=202601, month_to=202604, today=date(2026, 7, 1), force_ids=(a.id,))
    months = trends.by_month(db.session, f, USES)
    assert months.value("Feb 2026", trends.THIS_YEAR) == 12 and months.value("Feb 2026", trends.LAST_YEAR) == 10
    assert months.value("Feb 2026", trends.CHANGE) == 2 and months.value("Feb 2026", trends.CHANGE_PCT) == 20.0
    assert months.value("Apr 2026", trends.CHANGE) == -20 and months.value("Apr 2026", trends.CHANGE_PCT) == -100.0
    assert months.value("Jan 2026", trends.CHANGE_PCT) is None  # nothing a year earlier to compare with
    shown = suppression.apply(months)
    assert shown.value("Mar 2026", trends.THIS_YEAR) == 9
    assert shown.value("Jan 2026", trends.LAST_YEAR) == FEWER_THAN_5  # 0
    # The year before's total would give Jan 2025 away: its smallest other month (Mar, 6) is withheld too,
    # and the changes made from it.
    assert shown.value("Mar 2026", trends.LAST_YEAR) == WITHHELD
    assert shown.value("Mar 2026", trends.CHANGE) == WITHHELD == shown.value("Mar 2026", trends.CHANGE_PCT)
    assert shown.value("Feb 2026", trends.CHANGE) == 2 and shown.value("Feb 2026", trends.CHANGE_PCT) == 20.0
    assert shown.value("Apr 2026", trends.CHANGE_PCT) == WITHHELD  # this year's April: 0, withheld
    quarters = trends.by_quarter(db.session, f, USES)
    assert quarters.rows[0] == ["Q1 2026 (Jan to Mar)", 21, 16, 5, 31.2]
    assert quarters.rows[1] == ["Q2 2026 (Apr to Jun, 1 month of it)", 0, 20, -20, -100.0]
    assaults = trends.by_month(db.session, f, trends.MEASURES[1])
    assert assaults.value("Feb 2026", trends.THIS_YEAR) == 6
    every = PatternFilters(month_from=202603, month_to=202603, today=date(2026, 7, 1))
    assert trends.by_month(db.session, every, USES).value("Mar 2026", trends.THIS_YEAR) == 49


def test_the_trends_page_has_a_month_and_a_quarter_figure_per_measure_and_source():
    f = PatternFilters(month_from=202601, month_to=202606, today=date(2026, 7, 1), source="national")
    keys = [spec.key for spec in pages.figure_specs("trends", f)]
    assert keys == ["trend-uses-months", "trend-uses-quarters", "trend-national-assaults-months",
                    "trend-national-assaults-quarters"]
