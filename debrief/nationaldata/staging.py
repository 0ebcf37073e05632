"""Where an all-or-nothing import keeps its rows until the file is read, and whether a running import is alive.

Staging: rows are committed to `use_of_force_staging` (and their tactics to
`use_of_force_tactic_staging`) a chunk at a time, so no transaction holds the write lock for long;
when the whole file has been read, `move` copies them into `use_of_force` in one short transaction
and the rows become visible all at once. A failed run's staging rows are discarded; an interrupted or
killed run's are kept for `--resume`, which adopts them.

Liveness: a run records the process (host and pid) writing it and a heartbeat at every commit. A run
still marked "running" whose process is gone (same host, no such pid) or whose heartbeat is older than
STALE_AFTER (another host) is shown, and marked, as "stopped".
"""
from __future__ import annotations

import os
import socket
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from debrief.models.base import utcnow
from debrief.models.use_of_force import (
    UOF_STAGING, UOF_TACTIC_STAGING, ImportRunStatus, UseOfForceImportRun, UseOfForceRecord,
)

STALE_AFTER = timedelta(minutes=10)  # no heartbeat for this long: a run on another host counts as stopped
IMPORT_BUSY_SECONDS = 120  # how long an import waits for SQLite's write lock before giving up
CLEANUP_ROWS = 5_000  # staging rows deleted per transaction, so cleaning up never holds the lock for long

_RECORD = UseOfForceRecord.__table__
_MOVE_COLUMNS = [column.name for column in _RECORD.columns if column.name != "id"]


def claim(run: UseOfForceImportRun) -> None:
    """Mark the run as being written by this process, now."""
    run.pid = os.getpid()
    run.host = socket.gethostname()[:255]
    run.heartbeat_at = utcnow()


def process_gone(run: UseOfForceImportRun, now: datetime | None = None) -> bool:
    """True when the run says "running" but nothing is running it any more."""
    if run.status != ImportRunStatus.RUNNING:
        return False
    if run.pid and run.host == socket.gethostname():
        try:
            os.kill(run.pid, 0)
        except ProcessLookupError:
            return True
        except PermissionError:  # alive, owned by another account
            return False
        return False
    last = run.heartbeat_at or run.started_at
    return last is None or (now or utcnow()) - last > STALE_AFTER


def shown_status(run: UseOfForceImportRun) -> str:
    return "stopped" if process_gone(run) else run.status


def mark_stopped(session: Session, force_id: int | None = None) -> list[UseOfForceImportRun]:
    """Record every "running" run (of the force, or all) whose process is gone as stopped; commits."""
    query = select(UseOfForceImportRun).where(UseOfForceImportRun.status == ImportRunStatus.RUNNING)
    if force_id is not None:
        query = query.where(UseOfForceImportRun.force_id == force_id)
    stopped = [run for run in session.scalars(query) if process_gone(run)]
    for run in stopped:
        run.status = "stopped"
        run.finished_at = utcnow()
        where = f"after row {run.last_committed_row}" if run.last_committed_row else "before any row was kept"
        run.message = (f"The import process stopped without finishing (killed or crashed) {where}. "
                       "Run the import again with --resume to carry on.")
    if stopped:
        session.commit()
    return stopped


def be_patient(conn: Connection) -> None:
    """On SQLite, let the import's connection wait up to IMPORT_BUSY_SECONDS for the write lock.

    A batch job can wait for the site's short writes; the site never waits long for the import's chunks.
    """
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"PRAGMA busy_timeout = {IMPORT_BUSY_SECONDS * 1000}")


def adopt(conn: Connection, from_run_id: int, to_run_id: int) -> None:
    """Hand a stopped run's staged rows to the run resuming it."""
    for table in (UOF_STAGING, UOF_TACTIC_STAGING):
        conn.execute(update(table).where(table.c.import_run_id == from_run_id).values(import_run_id=to_run_id))


def staged_count(conn: Connection, run_id: int) -> int:
    return conn.scalar(select(func.count()).select_from(UOF_STAGING).where(UOF_STAGING.c.import_run_id == run_id))


def move(conn: Connection, run_id: int) -> tuple[int, int]:
    """Copy the run's staged rows the force does not hold yet into use_of_force; the caller commits.

    Returns how many records were staged and how many moved (the rest were already held). The first statement is a write, so on SQLite this transaction
    holds the write lock before it reads the highest id; on PostgreSQL the staged ids already came from
    use_of_force's sequence and an advisory lock serialises moves.
    """
    be_patient(conn)
    conn.execute(update(UseOfForceImportRun.__table__).where(UseOfForceImportRun.__table__.c.id == run_id)
                 .values(heartbeat_at=utcnow()))
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(815101)"))
        offset = 0
    else:
        top = conn.scalar(select(func.coalesce(func.max(_RECORD.c.id), 0)))
        first = conn.scalar(select(func.min(UOF_STAGING.c.id)).where(UOF_STAGING.c.import_run_id == run_id))
        if first is None:
            return 0, 0
        offset = top + 1 - first
    columns = ", ".join(_MOVE_COLUMNS)
    staged = ", ".join(f"s.{name}" for name in _MOVE_COLUMNS)
    moved = conn.execute(text(
        f"INSERT INTO use_of_force (id, {columns}) SELECT s.id + :offset, {staged} "
        "FROM use_of_force_staging s WHERE s.import_run_id = :run AND NOT EXISTS ("
        "SELECT 1 FROM use_of_force u WHERE u.force_id = s.force_id AND u.fingerprint = s.fingerprint)"
    ), {"offset": offset, "run": run_id}).rowcount
    conn.execute(text(
        "INSERT INTO use_of_force_tactic (record_id, tactic, force_id, incident_month, effective) "
        "SELECT t.record_id + :offset, t.tactic, t.force_id, t.incident_month, t.effective "
        "FROM use_of_force_tactic_staging t JOIN use_of_force u ON u.id = t.record_id + :offset "
        "WHERE t.import_run_id = :run AND u.import_run_id = :run"
    ), {"offset": offset, "run": run_id})
    return staged_count(conn, run_id), moved


def discard(conn: Connection, run_id: int) -> None:
    """Delete the run's staged rows in the connection's transaction (the caller commits)."""
    for table in (UOF_TACTIC_STAGING, UOF_STAGING):
        conn.execute(delete(table).where(table.c.import_run_id == run_id))


def clean_up(session: Session, run_id: int) -> None:
    """Delete the run's staged rows a slice at a time, committing each slice."""
    for table, key in ((UOF_TACTIC_STAGING, UOF_TACTIC_STAGING.c.record_id), (UOF_STAGING, UOF_STAGING.c.id)):
        while True:
            ids = session.scalars(select(key).where(table.c.import_run_id == run_id).limit(CLEANUP_ROWS)).all()
            if not ids:
                break
            session.execute(delete(table).where(table.c.import_run_id == run_id, key.in_(ids)))
            session.commit()
