"""Demo use-of-force data: a generated file per demo force, imported once, so the dashboards have figures."""
from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from sqlalchemy import select

from debrief.demo import data
from debrief.nationaldata.importer import import_use_of_force
from debrief.nationaldata.synthetic import write_uof_csv
from debrief.extensions import db
from debrief.models import Force, UseOfForceImportRun
from debrief.models.use_of_force import ImportRunStatus


def demo_file_name(code: str) -> str:
    return f"demo-use-of-force-{code.lower()}.csv"


def seed_use_of_force(*, today: date | None = None, rows: int = data.UOF_ROWS) -> dict[str, int]:
    """Import a generated file for each demo force that has none yet; returns rows inserted per force code.

    Idempotent: a force whose demo file was imported before is left alone, even on a later day
    (when the generated dates, and so the rows, would differ).
    """
    inserted: dict[str, int] = {}
    for code, areas in data.UOF_AREAS.items():
        force = db.session.scalar(select(Force).where(Force.code == code))
        if force is None:
            continue
        done = db.session.scalar(
            select(UseOfForceImportRun.id).where(
                UseOfForceImportRun.force_id == force.id,
                UseOfForceImportRun.file_name == demo_file_name(code),
                UseOfForceImportRun.status == ImportRunStatus.COMPLETED,
            ).limit(1)
        )
        if done is not None:
            continue
        with tempfile.TemporaryDirectory(prefix="debrief-demo-") as folder:
            path = Path(folder) / demo_file_name(code)
            with open(path, "w", newline="", encoding="utf-8") as out:
                write_uof_csv(out, rows, data.UOF_SEEDS[code], end_date=today or date.today(), areas=areas,
                              span_days=data.UOF_DAYS)
            result = import_use_of_force(path, force=force, actor=None, today=today)
        inserted[code] = result.inserted
    return inserted
