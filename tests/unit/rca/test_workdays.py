"""Unit tests of England and Wales bank holidays and working-day arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from debrief.rca.workdays import (
    add_working_days,
    bank_holidays,
    default_rca_due_date,
    easter_sunday,
    is_working_day,
)


def _dates(*isos: str) -> frozenset[date]:
    return frozenset(date.fromisoformat(iso) for iso in isos)


# Published on GOV.UK (www.gov.uk/bank-holidays) for England and Wales.
@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2024, _dates("2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26",
                      "2024-12-25", "2024-12-26")),
        (2025, _dates("2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25",
                      "2025-12-25", "2025-12-26")),
        (2026, _dates("2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31",
                      "2026-12-25", "2026-12-28")),
    ],
)
def test_bank_holidays_2024_to_2026(year, expected):
    assert bank_holidays(year) == expected


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        # VE Day 75: early May moved to Friday 8th; Boxing Day on Saturday moved to Monday 28th.
        (2020, _dates("2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31",
                      "2020-12-25", "2020-12-28")),
        # Christmas and Boxing Day both at a weekend: Monday 27th and Tuesday 28th.
        (2021, _dates("2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30",
                      "2021-12-27", "2021-12-28")),
        # New Year on Saturday; Platinum Jubilee; state funeral; Christmas on Sunday kept on Tuesday 27th.
        (2022, _dates("2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03",
                      "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27")),
        # New Year on Sunday; coronation.
        (2023, _dates("2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29",
                      "2023-08-28", "2023-12-25", "2023-12-26")),
        (2011, _dates("2011-01-03", "2011-04-22", "2011-04-25", "2011-04-29", "2011-05-02", "2011-05-30",
                      "2011-08-29", "2011-12-26", "2011-12-27")),
        (2012, _dates("2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07", "2012-06-04", "2012-06-05",
                      "2012-08-27", "2012-12-25", "2012-12-26")),
    ],
)
def test_substitutes_and_one_off_changes(year, expected):
    assert bank_holidays(year) == expected


@pytest.mark.parametrize(
    "iso",
    ["2000-04-23", "2008-03-23", "2011-04-24", "2019-04-21", "2024-03-31", "2025-04-20", "2038-04-25",
     "2285-03-22"],
)
def test_easter_sunday(iso):
    expected = date.fromisoformat(iso)
    assert easter_sunday(expected.year) == expected


def test_working_days_skip_weekends_and_bank_holidays():
    assert not is_working_day(date(2025, 12, 25))
    assert not is_working_day(date(2025, 12, 27))
    assert is_working_day(date(2025, 12, 24))
    # Friday 19 Dec 2025 + 5: 22, 23, 24, (25, 26 holidays, weekend), 29, 30.
    assert add_working_days(date(2025, 12, 19), 5) == date(2025, 12, 30)
    # Thursday before Easter 2025 + 1 skips Good Friday, the weekend and Easter Monday.
    assert add_working_days(date(2025, 4, 17), 1) == date(2025, 4, 22)
    assert add_working_days(date(2025, 4, 22), -1) == date(2025, 4, 17)
    assert add_working_days(date(2025, 4, 19), 0) == date(2025, 4, 19)
    # Starting at a weekend counts from the next working day.
    assert add_working_days(date(2024, 6, 1), 1) == date(2024, 6, 3)


def test_the_default_rca_due_date_is_sixty_working_days():
    # Tuesday 2 Jan 2024: 21 working days left in January, 21 in February, 18 more in March.
    assert default_rca_due_date(date(2024, 1, 2)) == date(2024, 3, 26)
    # Monday 3 March 2025, counted by hand: 20 working days in March, 20 in April (Easter), 20 in May.
    due = default_rca_due_date(date(2025, 3, 3))
    assert due == date(2025, 5, 30)
    weekdays = [
        d for d in (date.fromordinal(o) for o in range(date(2025, 3, 4).toordinal(), due.toordinal() + 1))
        if d.weekday() < 5
    ]
    holidays = [d for d in weekdays if d in bank_holidays(2025)]
    assert [d.isoformat() for d in holidays] == ["2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26"]
    assert len(weekdays) - len(holidays) == 60 and is_working_day(due)
