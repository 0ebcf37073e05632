"""The importer under faults: it never holds the write lock for long, a killed import shows as stopped and
resumes, files that are not UTF-8/Windows-1252 text are refused plainly, and rejects cannot run formulas."""
from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from debrief.nationaldata import importer, staging as import_staging
from debrief.nationaldata.importer import ImportProblem, import_use_of_force
from debrief.nationaldata.csv_reader import neutralise_cells
from debrief.nationaldata.synthetic import write_uof_csv
from debrief.config import ROOT
from debrief.extensions import db
from debrief.models.use_of_force import UOF_STAGING, UseOfForceImportRun, UseOfForceRecord, UseOfForceTactic
from tests.support.factories import create_force

DATA = Path(__file__).resolve().parents[2] / "data"
SMALL = DATA / "uof_small.csv"
TODAY = date(2024, 3, 31)


def count(table) -> int:
    return db.session.scalar(select(func.count()).select_from(table))


@pytest.fixture
def force(app):
    return create_force(code="AAA", name="Alphashire Police")


def synthetic(path: Path, rows: int) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as out:
        write_uof_csv(out, rows, 11, 0, end_date=TODAY)
    return path


def test_all_or_nothing_commits_each_chunk_to_staging_and_shows_the_rows_only_at_the_end(app, force, monkeypatch):
    monkeypatch.setattr(importer, "CHUNK_ROWS", 40)
    other = create_engine(app.config["SQLALCHEMY_DATABASE_URI"], connect_args=(
        {"timeout": 0} if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite") else {}))
    real, seen = importer._write_batch, []

    def between_chunks(conn, records, force_id, run_id, *staged):
        # Another connection, with no patience for locks, writes between chunks: the import holds no lock.
        with other.begin() as conn2:
            conn2.execute(text("INSERT INTO sign_in_attempt (email, address, at, succeeded, throttled) "
                               "VALUES ('x@y', '1.2.3.4', CURRENT_TIMESTAMP, :f, :f)"), {"f": False})
            seen.append((conn2.scalar(text("SELECT count(*) FROM use_of_force")),
                         conn2.scalar(text("SELECT count(*) FROM use_of_force_staging"))))
        return real(conn, records, force_id, run_id, *staged)

    monkeypatch.setattr(importer, "_write_batch", between_chunks)
    result = import_use_of_force(SMALL, force=force, today=TODAY)
    other.dispose()
    assert result.status == "completed" and result.inserted == 197 and result.move_seconds is not None
    assert "moved into place in" in result.summary()
    assert len(seen) == 5 and all(visible == 0 for visible, _ in seen)  # nothing visible before the move
    assert [staged for _, staged in seen] == sorted(staged for _, staged in seen) and seen[-1][1] > 100
    assert count(UseOfForceRecord) == 197 and count(UOF_STAGING) == 0
    assert count(UseOfForceTactic) > 0
    run = db.session.get(UseOfForceImportRun, result.run_id)
    assert run.pid == os.getpid() and run.heartbeat_at is not None


def test_a_killed_import_shows_as_stopped_and_resumes(app, force, tmp_path):
    path = synthetic(tmp_path / "big.csv", 6_000)
    env = {**os.environ, "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
           "DEBRIEF_INSTANCE_PATH": str(tmp_path / "instance"), "SECRET_KEY": "test"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "debrief", "import-use-of-force", str(path), "--force", "AAA"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    run = None
    while time.monotonic() < deadline:
        db.session.rollback()
        run = db.session.scalar(select(UseOfForceImportRun))
        if run is not None and (run.last_committed_row or 0) > 2_000:
            break
        time.sleep(0.05)
    assert run is not None and run.status == "running", "the import never got going"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    db.session.rollback()
    run = db.session.get(UseOfForceImportRun, run.id)
    assert run.status == "running" and import_staging.shown_status(run) == "stopped"
    assert count(UseOfForceRecord) == 0  # all or nothing: the staged rows are not visible
    staged_until = run.last_committed_row

    result = import_use_of_force(path, force=force, today=TODAY, resume=True)
    db.session.refresh(run)
    assert run.status == "stopped" and "--resume" in run.message
    assert result.status == "completed" and result.resumed_after == staged_until
    assert count(UseOfForceRecord) == 6_000 and count(UOF_STAGING) == 0
    assert set(db.session.scalars(select(UseOfForceRecord.source_row))) == set(range(2, 6_002))


def test_a_running_import_cannot_be_resumed_twice(force):
    run = UseOfForceImportRun(force_id=force.id, file_name="uof_small.csv", file_sha256=importer.file_sha256(SMALL),
                              mode="all_or_nothing", status="running")
    import_staging.claim(run)  # this very process: alive
    db.session.add(run)
    db.session.commit()
    with pytest.raises(ImportProblem, match="still running"):
        import_use_of_force(SMALL, force=force, today=TODAY, resume=True)


def test_a_dead_process_on_this_host_counts_as_stopped(app, force):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    run = UseOfForceImportRun(force_id=force.id, file_name="x.csv", file_sha256="0" * 64, mode="batched",
                              status="running", last_committed_row=41)
    import_staging.claim(run)
    run.pid = dead.pid
    db.session.add(run)
    db.session.commit()
    assert import_staging.shown_status(run) == "stopped"
    listed = app.test_cli_runner().invoke(args=["import-runs"])
    assert listed.exit_code == 0 and " stopped " in listed.output and "after row 41" in listed.output
    db.session.expire_all()
    assert run.status == "stopped" and "after row 41" in run.message


@pytest.mark.parametrize(("content", "says"), [
    ("IncidentDate,IncidentTime\r\n2024-01-01,10:00\r\n".encode("utf-16"), "UTF-16"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(range(256)), "binary data"),
    (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40, "xlsx"),
])
def test_a_file_that_is_not_csv_text_is_refused_plainly_and_the_run_failed(force, tmp_path, content, says):
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    with pytest.raises(ImportProblem, match=says) as caught:
        import_use_of_force(path, force=force, today=TODAY)
    run = db.session.get(UseOfForceImportRun, caught.value.result.run_id)
    assert run.status == "failed" and says in run.message and "Traceback" not in run.message


def test_the_command_line_refuses_a_utf16_file_without_a_traceback(app, force, tmp_path):
    path = tmp_path / "unicode.csv"
    path.write_bytes(SMALL.read_text(encoding="utf-8").encode("utf-16"))
    outcome = app.test_cli_runner().invoke(args=["import-use-of-force", str(path), "--force", "AAA"])
    assert outcome.exit_code == 1
    assert "UTF-16" in outcome.output and "Traceback" not in outcome.output
    assert db.session.scalar(select(UseOfForceImportRun.status)) == "failed"


def _with_bytes(rows: list[bytes], row_number: int, bad: bytes) -> bytes:
    rows = list(rows)
    rows[row_number - 1] = rows[row_number - 1].replace(b",", b"," + bad, 1)
    return b"".join(rows)


def test_a_utf8_file_with_a_stray_byte_is_refused_at_its_row(force, tmp_path):
    lines = synthetic(tmp_path / "src.csv", 3_000).read_bytes().splitlines(keepends=True)
    lines[9] = lines[9].replace(b",", ",é".encode(), 1)  # real UTF-8 elsewhere in the file
    path = tmp_path / "damaged.csv"
    path.write_bytes(_with_bytes(lines, 2_500, b"\xe9"))  # Latin-1 é pasted into row 2,500: far past the first read
    with pytest.raises(ImportProblem, match=r"Row 2500 is not valid UTF-8 \(byte 0xE9\)") as caught:
        import_use_of_force(path, force=force, today=TODAY)
    assert caught.value.result.status == "failed" and count(UseOfForceRecord) == 0 and count(UOF_STAGING) == 0


def test_a_windows_1252_file_is_still_read_and_an_undefined_byte_is_refused_at_its_row(force, tmp_path):
    lines = synthetic(tmp_path / "src.csv", 3_000).read_bytes().splitlines(keepends=True)
    lines[9] = lines[9].replace(b",", ",é".encode("cp1252"), 1)
    good = tmp_path / "mps.csv"
    good.write_bytes(b"".join(lines[:100]))
    assert import_use_of_force(good, force=force, today=TODAY).status == "completed"
    bad = tmp_path / "mps_bad.csv"
    bad.write_bytes(_with_bytes(lines, 2_999, b"\x81"))
    with pytest.raises(ImportProblem, match=r"Row 2999 holds byte 0x81"):
        import_use_of_force(bad, force=force, today=TODAY)


def test_neutralise_cells_defuses_formula_starts_only():
    cells = ["=1+2", "+44 20", "-3", "@SUM(A1)", "\tx", "\rx", "plain", "a=b", "", 48]
    assert neutralise_cells(cells) == ["'=1+2", "'+44 20", "'-3", "'@SUM(A1)", "'\tx", "'\rx", "plain", "a=b", "", 48]


def test_rejected_rows_with_formulas_are_written_defused(force, tmp_path):
    with open(SMALL, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    bad = rows[47]  # row 48: a date that is not real
    bad[rows[0].index("Borough")] = '=HYPERLINK("http://evil.example","click")'
    bad[rows[0].index("Tactic 1")] = "@cmd"
    path = tmp_path / "formulas.csv"
    with open(path, "w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows(rows)
    rejects = tmp_path / "rejects.csv"
    import_use_of_force(path, force=force, today=TODAY, rejects_path=rejects)
    with open(rejects, newline="", encoding="utf-8") as f:
        written = list(csv.reader(f))
    row = next(r for r in written[1:] if r[0] == "48")
    assert row[2 + rows[0].index("Borough")] == '\'=HYPERLINK("http://evil.example","click")'
    assert row[2 + rows[0].index("Tactic 1")] == "'@cmd"
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in written for cell in r)
