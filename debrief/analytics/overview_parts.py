"""The Patterns overview's figures as kept parts (debrief.fragments): its headline counts and its table of national
data imports, each drawn once per distinct content from plain values (the counts as suppressed, the import runs'
columns), which are the whole key."""
from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from markupsafe import Markup

from debrief.analytics.tables import Table
from debrief.fragments import kept
from debrief.models.use_of_force import IMPORT_RUN_STATUS_LABELS


def headline_part(headline: Table | None, drill: dict[str, str]) -> Markup:
    """"At a glance": each (label, count or suppression marker) of the already suppressed headline, with the
    reviewer's "List them" link where there is one."""
    if headline is None or not headline.rows:
        return Markup("")
    rows = tuple((row[0], row[1]) for row in headline.rows)
    return kept("patterns/_headline.html", (rows, tuple(sorted(drill.items()))))


class ImportLine(NamedTuple):
    file_name: str
    force_name: str
    started_at: datetime | None
    status: str
    status_label: str
    mode: str
    last_committed_row: int | None
    rows_read: int
    rows_inserted: int
    rows_duplicate: int
    rows_rejected: int


def imports_part(runs, *, all_forces: bool) -> Markup:
    """"National data imports": the latest runs (service.recent_imports), the force column for the learning team."""
    lines = tuple(ImportLine(r.file_name, r.force_name, r.started_at, r.status,
                             IMPORT_RUN_STATUS_LABELS.get(r.status, r.status), r.mode, r.last_committed_row,
                             r.rows_read, r.rows_inserted, r.rows_duplicate, r.rows_rejected) for r in runs)
    return kept("patterns/_imports.html", (all_forces, lines))
