"""The Patterns filters as one immutable value, and how each applies to debriefs and the national data."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

SOURCES = ("both", "debriefs", "national")
SOURCE_LABELS = {"both": "Debriefs and national data", "debriefs": "Debriefs", "national": "National data"}
# The national data records uses of force only: no near misses, no other incident types.
NATIONAL_THEME = "use_of_force"
DEFAULT_MONTHS = 12


def month_key(day: date) -> int:
    """The integer YYYYMM of a day (the national data's `incident_month`)."""
    return day.year * 100 + day.month


def add_months(key: int, n: int) -> int:
    index = (key // 100) * 12 + (key % 100 - 1) + n
    return (index // 12) * 100 + index % 12 + 1


def month_start(key: int) -> datetime:
    return datetime(key // 100, key % 100, 1)


def month_range(first: int, last: int) -> list[int]:
    months, key = [], first
    while key <= last:
        months.append(key)
        key = add_months(key, 1)
    return months


def month_label(key: int) -> str:
    return month_start(key).strftime("%b %Y")


@dataclass(frozen=True, slots=True)
class PatternFilters:
    """What the dashboards count. `force_ids` None means every force (the learning team's default)."""

    month_from: int  # YYYYMM, inclusive
    month_to: int  # YYYYMM, inclusive
    today: date
    force_ids: tuple[int, ...] | None = None
    theme: str | None = None  # an INCIDENT_TYPES code
    near_miss: bool | None = None  # None: both
    source: str = "both"
    months: tuple[int, ...] = field(init=False)

    def __post_init__(self) -> None:
        if self.source not in SOURCES:
            raise ValueError(f"Unknown source {self.source!r}")
        if self.month_from > self.month_to:
            raise ValueError("The start month is after the end month")
        object.__setattr__(self, "months", tuple(month_range(self.month_from, self.month_to)))

    @classmethod
    def default(cls, today: date, **kwargs) -> PatternFilters:
        """The last 12 complete months: the current month, still under way, is left out unless chosen."""
        last = add_months(month_key(today), -1)
        return cls(month_from=add_months(last, -(DEFAULT_MONTHS - 1)), month_to=last, today=today, **kwargs)

    def month_name(self, key: int) -> str:
        """A month's label in a table or chart; the current month is marked as not over yet."""
        if key == month_key(self.today):
            return f"{month_label(key)} (to {self.today.day} {self.today.strftime('%b')}, incomplete)"
        return month_label(key)

    @property
    def start(self) -> datetime:
        return month_start(self.month_from)

    @property
    def end(self) -> datetime:
        """The first moment after the range (exclusive)."""
        return month_start(add_months(self.month_to, 1))

    @property
    def debriefs(self) -> bool:
        return self.source in ("both", "debriefs")

    @property
    def shows_national(self) -> bool:
        """Whether the national data is in the chosen sources (whether or not the other filters let it match)."""
        return self.source in ("both", "national")

    @property
    def national(self) -> bool:
        """Whether the national data can match: it holds only uses of force, none of them near misses."""
        return (self.shows_national and self.theme in (None, NATIONAL_THEME)
                and self.near_miss is not True)
