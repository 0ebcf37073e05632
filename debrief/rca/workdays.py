"""Working days in England and Wales: bank holidays computed from their rules, and RCA due dates."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

# The NHS Serious Incident Framework's deadline for a comprehensive investigation report.
RCA_WORKING_DAYS = 60

# Royal Proclamations move or add holidays; these cannot be computed. Extend the tables when a
# new one is announced. Rules below are right from 1978, when the early May holiday began.
_MOVED: dict[tuple[int, str], date] = {
    (1995, "early_may"): date(1995, 5, 8),  # VE Day 50th anniversary
    (2002, "spring"): date(2002, 6, 4),  # Golden Jubilee
    (2012, "spring"): date(2012, 6, 4),  # Diamond Jubilee
    (2020, "early_may"): date(2020, 5, 8),  # VE Day 75th anniversary
    (2022, "spring"): date(2022, 6, 2),  # Platinum Jubilee
}
_EXTRA: tuple[date, ...] = (
    date(1999, 12, 31),  # Millennium
    date(2002, 6, 3),  # Golden Jubilee
    date(2011, 4, 29),  # Royal wedding
    date(2012, 6, 5),  # Diamond Jubilee
    date(2022, 6, 3),  # Platinum Jubilee
    date(2022, 9, 19),  # State funeral of Queen Elizabeth II
    date(2023, 5, 8),  # Coronation of King Charles III
)


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian, or Meeus/Jones/Butcher, algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _first_monday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    last = (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - timedelta(days=1)
    return last - timedelta(days=last.weekday())


@lru_cache(maxsize=256)
def bank_holidays(year: int) -> frozenset[date]:
    """England and Wales bank holidays in `year`, with weekend substitutes and one-off changes."""
    easter = easter_sunday(year)
    fixed = [date(year, 1, 1), date(year, 12, 25), date(year, 12, 26)]  # in order of substitution
    holidays = {
        easter - timedelta(days=2),  # Good Friday
        easter + timedelta(days=1),  # Easter Monday
        _MOVED.get((year, "early_may"), _first_monday(year, 5)),
        _MOVED.get((year, "spring"), _last_monday(year, 5)),
        _last_monday(year, 8),  # summer
    }
    holidays.update(day for day in fixed if day.weekday() < 5)
    # A fixed holiday on a weekend moves to the next weekday that is not already a holiday, so
    # Christmas on a Sunday is kept on Tuesday 27th because Boxing Day has Monday 26th.
    for day in fixed:
        if day.weekday() >= 5:
            substitute = day
            while substitute.weekday() >= 5 or substitute in holidays:
                substitute += timedelta(days=1)
            holidays.add(substitute)
    holidays.update(day for day in _EXTRA if day.year == year)
    return frozenset(holidays)


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
