"""The --rejects file: each refused row's number and reason, with its cells, safe to open in a spreadsheet."""
from __future__ import annotations

import csv
from pathlib import Path

from debrief.nationaldata.csv_reader import RejectedRow, neutralise_cells, open_uof_csv


def write_rejects(path: str | Path, rejected: list[RejectedRow], source: str | Path | None = None) -> None:
    """A CSV of the rejected rows: row number and reason, then (given the source file) the row's own cells.

    With the cells, the file can be corrected and imported as it is: the two extra columns are ignored
    with a warning. The source is streamed again, counting rows as the reader does (header = row 1).
    Cells a spreadsheet would run as a formula (= + - @ tab CR first) get a leading apostrophe.
    """
    reasons = {row.row_number: row.reason for row in rejected}
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        if source is None:
            writer.writerow(["Rejected row", "Reason"])
            writer.writerows(neutralise_cells([number, reason]) for number, reason in reasons.items())
            return
        with open_uof_csv(source) as original:
            rows = csv.reader(original)
            writer.writerow(neutralise_cells(["Rejected row", "Reason", *next(rows, [])]))
            last = max(reasons, default=1)
            for number, cells in enumerate(rows, start=2):
                if number in reasons:
                    writer.writerow(neutralise_cells([number, reasons[number], *cells]))
                if number >= last:
                    break
