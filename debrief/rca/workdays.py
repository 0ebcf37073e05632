"""Working days in England and Wales: bank holidays computed from their rules, and RCA due dates."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter
from holidays import country_holidays

# The NHS Serious Incident Framework's deadline for a comprehensive investigation report.
RCA_WORKING_DAYS = 60

def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar."""
    return easter(year)


@lru_cache(maxsize=256)
def bank_holidays(year: int) -> frozenset[date]:
    """England and Wales bank holidays in `year` that fall on weekdays: the maintained `holidays`
    package knows the rules, the weekend substitutes and the one-off Royal Proclamations, so no
    hand-kept table goes stale. A holiday at a weekend is listed with its weekday substitute; only the
    substitute stops work."""
    calendar = country_holidays("GB", subdiv="ENG", years=year)
    return frozenset(day for day in calendar if day.year == year and day.weekday() < 5)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(day.year)


def add_working_days(start: date, n: int) -> date:
    """The date `n` working days after `start` (before it if `n` is negative); `start` itself is not counted."""
    step = timedelta(days=1 if n >= 0 else -1)
    day = start
    remaining = abs(n)
    while remaining:
        day += step
        if is_working_day(day):
            remaining -= 1
    return day


def default_rca_due_date(start: date) -> date:
    return add_working_days(start, RCA_WORKING_DAYS)
