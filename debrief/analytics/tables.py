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
SMALL_BASE = "small base"  # a percentage or rate whose base is too small to be shown (see suppression)
MARKERS = (FEWER_THAN_5, WITHHELD, SMALL_BASE)
# A chart's gap: a count of fewer than 5, a withheld cell (which can hide 5 or more) or nothing to show.
# The table beside the chart says which.
NOT_SHOWN = "not shown"


@dataclass(slots=True)
class Table:
    """Rows of (label, value...) under `columns`; `notes` say what the figure does and does not count."""

    columns: list[str]
    rows: list[list[Cell]]
    notes: list[str] = field(default_factory=list)
    # What the suppression policy needs to know (see debrief/analytics/suppression.py):
    # rate column -> (the count columns it is made from, the columns that add up to its base)
    rates: dict[int, tuple[tuple[int, ...], tuple[int, ...]]] = field(default_factory=dict)
    group_size_column: int | None = None  # a row whose group size is withheld withholds all its counts
    total_row: bool = False  # the last row is the total of the others
    additive: bool = True  # each count column's cells add up to a total (secondary suppression applies)

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


STATUS_COLUMN = "Withheld cells"


def to_csv(table: Table, metadata: list[tuple[str, str]] = ()) -> str:
    """CSV text: (name, value) metadata lines and a blank line, the header row, then the rows.

    Number columns hold numbers only: a withheld cell is left empty and named, with why, in the last
    column (STATUS_COLUMN), so a spreadsheet never meets words in a number column.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for name, value in metadata:
        writer.writerow([name, _csv_safe(value)])
    if metadata:
        writer.writerow([])
    writer.writerow([*table.columns, STATUS_COLUMN])
    for row in table.rows:
        status = [f"{table.columns[i]}: {cell}" for i, cell in enumerate(row) if i and cell in MARKERS]
        writer.writerow(["" if cell is None or (i and cell in MARKERS) else _csv_safe(cell)
                         for i, cell in enumerate(row)] + ["; ".join(status)])
    return out.getvalue()


def csv_body(text: str) -> list[list[str]]:
    """The header and rows of a to_csv text, without its metadata lines (for readers and tests)."""
    rows = list(csv.reader(io.StringIO(text)))
    if [] in rows:
        rows = rows[rows.index([]) + 1:]
    return rows


def _csv_safe(cell: Cell) -> Cell:
    # Spreadsheets run cells that start with = + - @ as formulas; labels here are ours, but be safe.
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@"):
        return "'" + cell
    return cell
