"""Imports a force's use-of-force CSV into the database: streamed, bulk-inserted, all-or-nothing or in batches.

No request code: the command line (and seed-demo) call `import_use_of_force` with the force and the
acting user (None from the command line). Rows go in with Core executemany inserts, a chunk at a time.
No transaction holds the write lock for longer than a chunk (or the final move), so people using the
site at the same time are not kept waiting.

* All-or-nothing (default): rows are committed a chunk at a time to a staging table
  (staging.py) and moved into use_of_force in one short transaction at the end, so they
  appear all at once; an error discards them and marks the run failed. Ctrl-C, or a killed process,
  keeps what was staged: `resume=True` adopts it and carries on.
* Batched (`batch_size`): a commit every `batch_size` rows, each recording the run's last committed
  row number; an error rolls back only the current batch and marks the run interrupted, and
  `resume=True` carries on after the last committed row of the file's latest unfinished run.

Either way a row whose fingerprint the force already holds is counted as a duplicate, not inserted,
so importing the same file again adds nothing. The run record (`UseOfForceImportRun`) is committed
before the rows, so a failed or interrupted import still says what happened and where it stopped.
"""
from __future__ import annotations

import csv
import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.engine import Connection

from debrief import audit
from debrief.nationaldata import staging
from debrief.nationaldata.csv_reader import RejectedRow, UofCsvError, UofRecord, open_uof_csv, read_uof_csv
from debrief.nationaldata.rejects import write_rejects
from debrief.extensions import db
from debrief.models import Force
from debrief.models.base import utcnow
from debrief.models.use_of_force import (
    CED_LEVEL_BITS, IMPACT_FACTOR_BITS, LOCATION_BITS, OUTCOME_BITS, REASON_BITS, TACTIC_BITS,
    UOF_STAGING, UOF_TACTIC_STAGING, ImportRunStatus, UseOfForceImportRun, UseOfForceRecord, UseOfForceTactic, month_of,
    to_mask,
)

CHUNK_ROWS = 2_000  # rows per executemany (and per duplicate lookup) within a batch or a whole-file import
ALL_OR_NOTHING = "all_or_nothing"
BATCHED = "batched"

ProgressCallback = Callable[[int], None]  # called with the bytes of the file read so far


class ImportProblem(Exception):
    """An import that could not start or did not finish, with a message fit for the person importing."""

    def __init__(self, message: str, result: ImportResult | None = None) -> None:
        super().__init__(message)
        self.result = result


@dataclass
class ImportResult:
    """What one run did; `rejected` lists every refused row with its number and reason."""

    run_id: int | None
    status: str
    file_name: str
    rows_read: int = 0
    inserted: int = 0
    duplicates: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    last_committed_row: int | None = None
    resumed_after: int | None = None
    seconds: float = 0.0
    message: str | None = None
    move_seconds: float | None = None  # all or nothing: the final move's statements (committed with the run's end)

    def summary(self) -> str:
        moved = (f"; staged rows moved into place in {self.move_seconds:.2f} seconds"
                 if self.move_seconds is not None else "")
        return self._counts() + moved

    def _counts(self) -> str:
        return (f"{self.rows_read:,} rows read, {self.inserted:,} inserted, {self.duplicates:,} duplicates, "
                f"{len(self.rejected):,} rejected in {self.seconds:.2f} seconds")


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as raw:
        while chunk := raw.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def import_use_of_force(
    path: str | Path,
    *,
    force: Force,
    actor: Any | None = None,
    batch_size: int | None = None,
    resume: bool = False,
    rejects_path: str | Path | None = None,
    progress: ProgressCallback | None = None,
    today: date | None = None,
) -> ImportResult:
    """Import the file at `path` for `force`; ImportProblem when it cannot start or fails part way.

    Works in `db.session` (the audit trail is written there too) and commits it.
    """
    path = Path(path)
    if batch_size is not None and batch_size < 1:
        raise ImportProblem("The batch size must be a whole number of at least 1.")
    session = db.session
    session.commit()  # the import commits; start from a clean transaction
    force_id, force_code = force.id, force.code
    staging.mark_stopped(session, force_id)  # runs whose process was killed say so before anything else
    sha256 = file_sha256(path)
    resumed_from: UseOfForceImportRun | None = None
    resume_after = 1
    if resume:
        resumed_from = session.scalar(
            select(UseOfForceImportRun)
            .where(UseOfForceImportRun.force_id == force_id, UseOfForceImportRun.file_sha256 == sha256)
            .order_by(UseOfForceImportRun.id.desc()).limit(1)
        )
        if resumed_from is None or resumed_from.status == ImportRunStatus.COMPLETED:
            raise ImportProblem(
                f"There is no unfinished import of {path.name} for {force_code} to resume"
                + (" (the last one completed)." if resumed_from is not None else ".")
                + " Import it without --resume: rows already imported are skipped."
            )
        if resumed_from.status == ImportRunStatus.RUNNING:
            raise ImportProblem(f"The import of {path.name} for {force_code} is still running (process "
                                f"{resumed_from.pid} on {resumed_from.host}): wait for it, or stop it first.")
        if resumed_from.mode == ALL_OR_NOTHING and batch_size:
            raise ImportProblem("That import was all or nothing: resume it without --batch-size.")
        resume_after = resumed_from.last_committed_row or 1

    run = UseOfForceImportRun(
        force_id=force_id, actor_id=getattr(actor, "id", None), file_name=path.name[:255], file_sha256=sha256,
        mode=BATCHED if batch_size else ALL_OR_NOTHING, batch_size=batch_size, status=ImportRunStatus.RUNNING,
        resumed_from_id=resumed_from.id if resumed_from else None,
        last_committed_row=resume_after if resumed_from else None,
        rows_read=0, rows_inserted=0, rows_duplicate=0, rows_rejected=0,
    )
    staging.claim(run)
    session.add(run)
    session.flush()
    if resumed_from is not None and resumed_from.mode == ALL_OR_NOTHING:
        staging.adopt(session.connection(), resumed_from.id, run.id)
    session.commit()
    result = ImportResult(run_id=run.id, status=ImportRunStatus.RUNNING, file_name=path.name,
                          resumed_after=resume_after if resumed_from else None,
                          last_committed_row=run.last_committed_row)
    started = time.perf_counter()
    try:
        fileobj = open_uof_csv(path)
    except OSError as error:
        _finish(run, result, ImportRunStatus.FAILED, f"The file cannot be read: {error.strerror or error}.", started, actor)
        raise ImportProblem(result.message or "", result) from error
    except UofCsvError as error:  # binary, UTF-16: said plainly, and the run recorded as failed
        _fail_unread(run, result, str(error), started, actor)
        raise ImportProblem(str(error), result) from error
    try:
        with fileobj:
            try:
                reader = read_uof_csv(fileobj, today=today, resume_after=resume_after)
            except UofCsvError as error:
                _fail_unread(run, result, str(error), started, actor)
                raise ImportProblem(str(error), result) from error
            result.warnings = list(reader.warnings)
            raw = getattr(fileobj, "buffer", None)
            tell = raw.tell if raw is not None else (lambda: 0)
            _import_rows(reader, run, result, force_id, batch_size, tell, progress, started, actor)
    finally:
        if rejects_path is not None:
            try:
                write_rejects(rejects_path, result.rejected, path)
            except (OSError, UnicodeError, csv.Error, UofCsvError):  # the file itself is the problem: numbers only
                write_rejects(rejects_path, result.rejected)
    if result.status == ImportRunStatus.COMPLETED and batch_size is None:
        staging.clean_up(session, run.id)
    return result


def _fail_unread(run, result, message, started, actor) -> None:
    """A file that could not be read at all: nothing staged is kept, the run is failed."""
    staging.discard(db.session.connection(), run.id)
    run.last_committed_row = None
    _finish(run, result, ImportRunStatus.FAILED, message, started, actor)


def _import_rows(reader, run, result, force_id, batch_size, tell, progress, started, actor) -> None:
    session = db.session
    pending: list[UofRecord] = []
    since_commit = 0  # rows read since the last commit
    last_row = run.last_committed_row
    batched_mode = batch_size is not None
    commit_every = batch_size or CHUNK_ROWS  # all-or-nothing commits each chunk to staging
    try:
        for item in reader:
            result.rows_read += 1
            if isinstance(item, RejectedRow):
                result.rejected.append(item)
            else:
                pending.append(item)
            since_commit += 1
            if len(pending) >= CHUNK_ROWS or since_commit >= commit_every:
                _flush(session.connection(), pending, force_id, run.id, result, not batched_mode)
                pending = []
            if since_commit >= commit_every:
                last_row = reader.last_row_number
                _save_progress(run, result, last_row)
                session.commit()
                since_commit = 0
                if progress:
                    progress(tell())
            elif progress and result.rows_read % CHUNK_ROWS == 0:
                progress(tell())
        _flush(session.connection(), pending, force_id, run.id, result, not batched_mode)
        last_row = reader.last_row_number
        if not batched_mode:  # the one short transaction that makes every staged row visible
            _save_progress(run, result, last_row)
            session.commit()  # the last chunk is staged: the move's transaction starts afresh
            move_started = time.perf_counter()
            staged, moved = staging.move(session.connection(), run.id)
            result.move_seconds = time.perf_counter() - move_started
            result.duplicates += staged - moved
            result.inserted = moved
    except (Exception, KeyboardInterrupt) as error:
        session.rollback()
        # What the rolled-back part had counted is gone with it: count again from the committed state.
        _recount_after_rollback(run, result)
        committed = run.last_committed_row
        at = "" if isinstance(error, UofCsvError) else f" (reading row {reader.last_row_number})"
        if batched_mode:
            if committed and committed > 1:
                message = (f"Stopped after row {committed}{at}: {_describe(error)}. The rows up to row {committed} "
                           "are kept; run the import again with --resume to carry on.")
            else:
                message = (f"Stopped before any batch was committed{at}: {_describe(error)}. Nothing was kept; "
                           "run the import again.")
            _finish(run, result, ImportRunStatus.INTERRUPTED, message, started, actor)
        elif isinstance(error, KeyboardInterrupt):
            message = (f"Stopped{at}: {_describe(error)}. Nothing was imported yet; the rows read up to row "
                       f"{committed or 1} are kept aside: run the import again with --resume to carry on.")
            _finish(run, result, ImportRunStatus.INTERRUPTED, message, started, actor)
        else:
            message = f"Nothing was imported{at}: {_describe(error)}. Every row of this run was rolled back."
            staging.discard(session.connection(), run.id)
            run.rows_inserted = run.rows_duplicate = result.inserted = result.duplicates = 0
            run.last_committed_row = result.last_committed_row = None
            _finish(run, result, ImportRunStatus.FAILED, message, started, actor)
        if isinstance(error, KeyboardInterrupt):
            raise
        raise ImportProblem(message, result) from error
    if progress:
        progress(tell())
    _save_progress(run, result, last_row)
    notes = [f"{len(result.rejected):,} rows rejected."] if result.rejected else []
    _finish(run, result, ImportRunStatus.COMPLETED, " ".join(notes + result.warnings) or None, started, actor)


def _describe(error: BaseException) -> str:
    if isinstance(error, KeyboardInterrupt):
        return "the import was interrupted"
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text[:300].rstrip(".")


def _save_progress(run: UseOfForceImportRun, result: ImportResult, last_row: int | None) -> None:
    run.rows_read = result.rows_read
    run.rows_inserted = result.inserted
    run.rows_duplicate = result.duplicates
    run.rows_rejected = len(result.rejected)
    run.last_committed_row = last_row
    run.heartbeat_at = utcnow()
    result.last_committed_row = last_row


def _recount_after_rollback(run: UseOfForceImportRun, result: ImportResult) -> None:
    """After a rollback the run holds its last committed counts; rejects past that point are dropped."""
    session = db.session
    session.refresh(run)
    result.rows_read = run.rows_read
    result.inserted = run.rows_inserted
    result.duplicates = run.rows_duplicate
    committed = run.last_committed_row or 1
    result.rejected = [row for row in result.rejected if row.row_number <= committed]
    result.last_committed_row = run.last_committed_row


def _finish(run, result, status, message, started, actor) -> None:
    session = db.session
    run.status = status
    run.message = message
    run.finished_at = utcnow()
    result.status = status
    result.message = message
    result.seconds = time.perf_counter() - started
    audit.record(
        "use_of_force.imported", actor=actor, force_id=run.force_id, record_type="use_of_force_import_run",
        record_id=run.id, file=run.file_name, status=status, mode=run.mode, rows_read=run.rows_read,
        rows_inserted=run.rows_inserted, rows_duplicate=run.rows_duplicate, rows_rejected=run.rows_rejected,
        last_committed_row=run.last_committed_row, resumed_from=run.resumed_from_id,
    )
    session.commit()


_RECORD = UseOfForceRecord.__table__
_TACTIC = UseOfForceTactic.__table__
def _clip(text: str | None, length: int) -> str | None:
    return text[:length] if text else text


def record_values(record: UofRecord, force_id: int, run_id: int) -> dict[str, Any]:
    """The `use_of_force` row for a record read from a file."""
    day = record.incident_date
    return {
        "force_id": force_id,
        "import_run_id": run_id,
        "source_row": record.row_number,
        "fingerprint": record.fingerprint,
        "incident_date": day,
        "incident_time": record.incident_time,
        "incident_month": month_of(day),
        "incident_hour": record.incident_time.hour if record.incident_time else None,
        "location_type": record.location_types[0] if record.location_types else None,
        "locations": to_mask(LOCATION_BITS, record.location_types),
        "borough": _clip(record.borough, 80),
        "subject_conduct": record.subject_conduct,
        "assaulted": record.assaulted_by_subject,
        "main_duty": record.main_duty,
        "main_duty_raw": _clip(record.main_duty_raw, 120),
        "single_crewed": record.single_crewed,
        "trained_ced": record.trained_ced,
        "carrying_ced": record.carrying_ced,
        "subject_age_band": record.subject_age_band,
        "subject_sex": record.subject_sex,
        "subject_ethnicity": record.subject_ethnicity,
        "subject_ethnicity_basis": record.subject_ethnicity_basis,
        "physical_disability": record.physical_disability,
        "mental_disability": record.mental_disability,
        "staff_injured": record.staff_injured,
        "staff_injury_severity": record.staff_injury_severity,
        "staff_medical_provided": record.staff_medical_provided,
        "subject_injured": record.subject_injured,
        "subject_injury_severity": record.subject_injury_severity,
        "subject_medical_offered": record.subject_medical_offered,
        "subject_medical_provided": record.subject_medical_provided,
        "impact_factors": to_mask(IMPACT_FACTOR_BITS, record.impact_factors),
        "reasons": to_mask(REASON_BITS, record.reasons),
        "outcomes": to_mask(OUTCOME_BITS, record.outcomes),
        "ced_levels": to_mask(CED_LEVEL_BITS, record.ced_levels),
        "tactics": to_mask(TACTIC_BITS, (code for code, _ in record.tactics)),
    }


def _flush(conn: Connection, pending: list[UofRecord], force_id: int, run_id: int, result: ImportResult,
           staged: bool = False) -> None:
    """Insert the pending records the force does not hold yet, and their tactics (into staging if `staged`)."""
    if not pending:
        return
    staging.be_patient(conn)
    prints = [record.fingerprint for record in pending]
    if conn.dialect.name == "postgresql":  # one array parameter, not thousands of placeholders to parse
        found = conn.scalars(text("SELECT fingerprint FROM use_of_force WHERE force_id = :force AND "
                                  "fingerprint = ANY(:prints)"), {"force": force_id, "prints": prints})
    else:
        found = conn.scalars(select(_RECORD.c.fingerprint).where(
            _RECORD.c.force_id == force_id, _RECORD.c.fingerprint.in_(prints)))
    held = set(found)
    fresh = [record for record in pending if record.fingerprint not in held]
    result.duplicates += len(pending) - len(fresh)
    if fresh:
        _write_batch(conn, fresh, force_id, run_id, staged)
    result.inserted += len(fresh)


def _tactic_rows(ids: Iterable[int], records: list[UofRecord], force_id: int) -> list[tuple[Any, ...]]:
    return [
        (record_id, code, force_id, month_of(record.incident_date), effective)
        for record_id, record in zip(ids, records, strict=True)
        for code, effective in record.tactics
    ]


_RECORD_COLUMNS = tuple(column.name for column in _RECORD.columns if column.name != "id")
_TACTIC_COLUMNS = ("record_id", "tactic", "force_id", "incident_month", "effective")


def _write_batch(conn: Connection, records: list[UofRecord], force_id: int, run_id: int,
                 staged: bool = False) -> None:
    """The records and their tactics, in the connection's transaction: COPY on PostgreSQL, else executemany.

    With `staged`, into the staging tables; on PostgreSQL their ids still come from use_of_force's sequence.
    """
    values = [record_values(record, force_id, run_id) for record in records]
    if staged:
        _write_staged(conn, records, values, force_id, run_id)
        return
    if conn.dialect.name == "postgresql" and conn.dialect.driver == "psycopg":
        # Ids taken from the sequence up front, so the rows can be streamed with COPY (psycopg 3's copy()).
        ids = conn.scalars(text("SELECT nextval(pg_get_serial_sequence('use_of_force', 'id')) "
                                "FROM generate_series(1, :n)"), {"n": len(records)}).all()
        cursor = conn.connection.driver_connection.cursor()
        with cursor.copy(f"COPY use_of_force (id, {', '.join(_RECORD_COLUMNS)}) FROM STDIN") as copy:
            for record_id, row in zip(ids, values, strict=True):
                copy.write_row((record_id, *(row[name] for name in _RECORD_COLUMNS)))
        with cursor.copy(f"COPY use_of_force_tactic ({', '.join(_TACTIC_COLUMNS)}) FROM STDIN") as copy:
            for row in _tactic_rows(ids, records, force_id):
                copy.write_row(row)
        cursor.close()
        return
    ids = conn.scalars(insert(_RECORD).returning(_RECORD.c.id, sort_by_parameter_order=True), values).all()
    tactic_rows = [dict(zip(_TACTIC_COLUMNS, row)) for row in _tactic_rows(ids, records, force_id)]
    if tactic_rows:
        conn.execute(insert(_TACTIC), tactic_rows)


def _write_staged(conn: Connection, records: list[UofRecord], values: list[dict[str, Any]], force_id: int,
                  run_id: int) -> None:
    if conn.dialect.name == "postgresql":
        ids = conn.scalars(text("SELECT nextval(pg_get_serial_sequence('use_of_force', 'id')) "
                                "FROM generate_series(1, :n)"), {"n": len(records)}).all()
        conn.execute(insert(UOF_STAGING), [{"id": record_id, **row} for record_id, row in zip(ids, values, strict=True)])
    else:
        ids = conn.scalars(insert(UOF_STAGING).returning(UOF_STAGING.c.id, sort_by_parameter_order=True),
                           values).all()
    tactic_rows = [{**dict(zip(_TACTIC_COLUMNS, row)), "import_run_id": run_id}
                   for row in _tactic_rows(ids, records, force_id)]
    if tactic_rows:
        conn.execute(insert(UOF_TACTIC_STAGING), tactic_rows)
