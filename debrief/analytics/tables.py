"""A figure's numbers as a table: the one shape the charts, the accessible tables and the CSV files share."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

Cell = int | float | str | None

# Small-number suppression: a count of fewer than 5 people is never shown; a cell that would let one be
# worked out from a total is withheld too (secondary suppression).
FEWER_THAN_5 = "fewer than 5"
WITHHELD = "withheld"
# A chart's gap: a count of fewer than 5, a withheld cell (which can hide 5 or more) or nothing to show.
# The table beside the chart says which.
NOT_SHOWN = "not shown"
SUPPRESSION_THRESHOLD = 5


@dataclass(slots=True)
class Table:
    """Rows of (label, value...) under `columns`; `notes` say what the figure does and does not count."""

    columns: list[str]
    rows: list[list[Cell]]
    notes: list[str] = field(default_factory=list)

    def value(self, label: str, column: str) -> Cell:
        """The cell in the row labelled `label` under `column` (for tests and small look-ups)."""
        index = self.columns.index(column)
        for row in self.rows:
            if row[0] == label:
                return row[index]
        raise KeyError(label)


def numeric(cell: Cell) -> int | float | None:
    """A cell as a chart value: suppressed or missing cells are gaps, not zeros."""
    return cell if isinstance(cell, (int, float)) and not isinstance(cell, bool) else None


def rate(part: int | None, whole: int | None) -> float | None:
    """A percentage to one decimal place, or None when there is nothing to divide by."""
    if not whole or part is None:
        return None
    return round(100.0 * part / whole, 1)


def to_csv(table: Table) -> str:
    """CSV text: the header row, then the rows; suppressed cells keep their words ("fewer than 5")."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        writer.writerow(["" if cell is None else _csv_safe(cell) for cell in row])
    return out.getvalue()


def _csv_safe(cell: Cell) -> Cell:
    # Spreadsheets run cells that start with = + - @ as formulas; labels here are ours, but be safe.
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@"):
        return "'" + cell
    return cell
