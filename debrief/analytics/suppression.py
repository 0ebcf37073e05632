"""The one small-number rule every Patterns figure passes before it is shown, drawn or downloaded (pure).

- A count under `min_count` (5 by default), zero included, is withheld ("fewer than 5"): a zero says that no
  one in a group had a characteristic, which is a disclosure too. `show_zero` relaxes that.
- A percentage or rate is withheld when its base is under `min_base` (10 by default), or when any count it
  is made from is withheld (a rate and its base would give the count back).
- A row whose group size is withheld withholds every cell of the row.
- Secondary suppression: in a column whose cells add up to a total that is shown (a total row, or the
  column's sum, which other figures show), a lone withheld cell could be worked out by subtraction, so the
  smallest other cell of that column is withheld too (a non-zero one first), never the largest group; this
  repeats until no column has a lone withheld cell.

The same policy applies to every role, every chart, table and CSV, including the learning team looking at
one force: the views never choose it. `Table.rates`, `Table.group_size_column`, `Table.total_row` and
`Table.additive` tell it what the columns are; a column named like a rate that is not declared is an error.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from debrief.analytics.tables import FEWER_THAN_5, SMALL_BASE, WITHHELD, Cell, Table

RATE_NAME = re.compile(r"%|per 1,000|\brate\b|\bratio\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Policy:
    min_count: int = 5
    min_base: int = 10
    show_zero: bool = False

    def small(self, value: int) -> bool:
        return value < self.min_count and (value > 0 or not self.show_zero)

    def describe(self) -> str:
        what = f"Counts from 1 to {self.min_count - 1}" if self.show_zero else f"Counts under {self.min_count}"
        return (f"{what} are withheld (\u201cfewer than {self.min_count}\u201d); "
                f"percentages and rates are withheld when their base is under {self.min_base}; where a withheld "
                "count could be worked out from a total, the smallest other count is withheld too.")


DEFAULT = Policy()


def policy_from(config: dict | None) -> Policy:
    """The policy of an app's config (PATTERNS_MIN_COUNT, PATTERNS_MIN_BASE), else the default."""
    config = config or {}
    return Policy(int(config.get("PATTERNS_MIN_COUNT", DEFAULT.min_count)),
                  int(config.get("PATTERNS_MIN_BASE", DEFAULT.min_base)),
                  bool(config.get("PATTERNS_SHOW_ZERO", DEFAULT.show_zero)))


def is_rate_column(name: str) -> bool:
    return RATE_NAME.search(name) is not None


def _count(cell: Cell) -> bool:
    return isinstance(cell, int) and not isinstance(cell, bool)


def hidden(cell: Cell) -> bool:
    return cell in (FEWER_THAN_5, WITHHELD, SMALL_BASE)


def apply(table: Table, policy: Policy = DEFAULT) -> Table:
    """A copy of `table` with every cell the policy withholds replaced by its marker (idempotent)."""
    rate_columns = set(table.rates)
    for index, name in enumerate(table.columns[1:], start=1):
        if is_rate_column(name) and index not in rate_columns:
            raise ValueError(f"Rate column {name!r} has no declared base: the policy cannot check it")
    count_columns = [i for i in range(1, len(table.columns)) if i not in rate_columns]
    rows = [list(row) for row in table.rows]
    # Primary: small counts.
    for row in rows:
        for i in count_columns:
            if _count(row[i]) and policy.small(row[i]):
                row[i] = FEWER_THAN_5
        size = table.group_size_column
        if size is not None and hidden(row[size]):
            for i in count_columns:
                if not hidden(row[i]) and row[i] is not None:
                    row[i] = WITHHELD
    # Secondary: no lone withheld cell in a column that adds up.
    if table.additive:
        body = rows[:-1] if table.total_row else rows
        total = rows[-1] if table.total_row else None
        changed = True
        while changed:
            changed = False
            for i in count_columns:
                if total is not None and hidden(total[i]):
                    continue  # nothing to subtract from
                lone = [r for r in body if hidden(r[i])]
                shown = [r for r in body if _count(r[i])]
                if len(lone) == 1 and shown:
                    smallest = min(shown, key=lambda r: (r[i] == 0, r[i]))
                    smallest[i] = WITHHELD
                    changed = True
    # Rates: on a small base, or made from a withheld count.
    for row in rows:
        for i, (numerators, bases) in table.rates.items():
            if row[i] is None and not any(hidden(row[j]) for j in (*numerators, *bases)):
                continue
            base_cells = [row[j] for j in bases]
            if any(hidden(row[j]) for j in numerators) or any(hidden(c) for c in base_cells):
                row[i] = WITHHELD
            elif sum(c for c in base_cells if _count(c)) < policy.min_base:
                row[i] = SMALL_BASE if row[i] is not None else None
    return replace(table, rows=rows)


def apply_value(value: int, policy: Policy = DEFAULT) -> Cell:
    """One count on its own (a headline figure): no total to protect it from, so primary suppression only."""
    return FEWER_THAN_5 if policy.small(value) else value


def apply_table_values(table: Table, policy: Policy = DEFAULT) -> Table:
    """A table of separate headline figures (label, count): each count on its own, primary suppression only."""
    return replace(table, rows=[[row[0], *(apply_value(c, policy) if _count(c) else c for c in row[1:])]
                                for row in table.rows])


def breaches(table: Table, policy: Policy = DEFAULT) -> list[str]:
    """What in an already suppressed table breaks the policy (for tests and checks): [] when it passes."""
    found = []
    for row in table.rows:
        for i in range(1, len(table.columns)):
            cell = row[i]
            if i in table.rates:
                numerators, bases = table.rates[i]
                if isinstance(cell, (int, float)) and not hidden(cell):
                    base = [row[j] for j in bases]
                    if not all(_count(b) for b in base) or sum(base) < policy.min_base:
                        found.append(f"{row[0]} / {table.columns[i]}: rate {cell} on base {base}")
            elif _count(cell) and policy.small(cell):
                found.append(f"{row[0]} / {table.columns[i]}: count {cell}")
    return found
