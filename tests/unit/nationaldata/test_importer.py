"""The use-of-force importer against a real database: counts, stored values, bad rows, headers, re-import,
interrupted batched imports and their resumption, all-or-nothing rollback."""
from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from debrief.nationaldata import importer
from debrief.nationaldata.importer import ImportProblem, import_use_of_force
from debrief.nationaldata.synthetic import header, write_uof_csv
from debrief.extensions import db
from debrief.models import AuditEvent
from debrief.models.use_of_force import (
    IMPACT_FACTOR_BITS, OUTCOME_BITS, REASON_BITS, TACTIC_BITS, UseOfForceImportRun, UseOfForceRecord,
    UseOfForceTactic, from_mask, has_code,
)
from tests.support.factories import create_force

DATA = Path(__file__).resolve().parents[2] / "data"
SMALL = DATA / "uof_small.csv"  # 200 rows, bad rows 48, 122 and 188 (see test_uof_csv.py)
TODAY = date(2024, 3, 31)
SMALL_BAD = {
    48: "IncidentDate '2023-02-30' is not a real date (use YYYY-MM-DD or DD/MM/YYYY)",
    122: "Tactic 1 'Lasso' is not a known tactic",
    188: "SingleCrewed must be Yes or No, not 'Maybe'",
}


def count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def small_rows() -> list[dict[str, str]]:
    with open(SMALL, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture
def force(app):
    return create_force(code="AAA", name="Alphashire Police")


def test_a_good_file_is_imported_with_its_values(force, tmp_path):
    rows = small_rows()
    result = import_use_of_force(SMALL, force=force, today=TODAY)

    assert result.status == "completed"
    assert (result.rows_read, result.inserted, result.duplicates, len(result.rejected)) == (200, 197, 0, 3)
    assert count(UseOfForceRecord) == 197
    run = db.session.get(UseOfForceImportRun, result.run_id)
    assert (run.status, run.mode, run.rows_read, run.rows_inserted, run.rows_rejected) == (
        "completed", "all_or_nothing", 200, 197, 3)
    assert run.last_committed_row == 201 and run.finished_at is not None
    assert len(run.file_sha256) == 64 and run.file_name == "uof_small.csv"

    # Row 2 of the spreadsheet is the first data row: check it against the file's cells.
    first = rows[0]
    stored = db.session.scalar(select(UseOfForceRecord).where(UseOfForceRecord.source_row == 2))
    assert stored.force_id == force.id
    assert stored.incident_date == date.fromisoformat(first["IncidentDate"])
    hour, minute = (int(part) for part in first["IncidentTime"].split(":"))
    assert stored.incident_time == time(hour, minute) and stored.incident_hour == hour
    assert stored.incident_month == stored.incident_date.year * 100 + stored.incident_date.month
    assert stored.borough == first["Borough"]
    assert stored.main_duty_raw == first["MainDuty"]
    assert stored.assaulted is (first["AssaultedBySubject"] == "Yes")
    assert stored.single_crewed is (first["SingleCrewed"] == "Yes")
    alcohol = first["Impact Factor: Alcohol"] == "Yes"
    assert ("alcohol" in from_mask(IMPACT_FACTOR_BITS, stored.impact_factors)) is alcohol
    assert ("effect_arrest" in from_mask(REASON_BITS, stored.reasons)) is (
        first["Reason for Force: Effect Arrest"] == "Yes")
    assert ("arrested" in from_mask(OUTCOME_BITS, stored.outcomes)) is (first["Outcome: Arrested"] == "Yes")
    tactics = {t.tactic: t.effective for t in stored.tactic_rows}
    assert from_mask(TACTIC_BITS, stored.tactics) == tuple(code for code in TACTIC_BITS if code in tactics)
    assert all(t.force_id == force.id and t.incident_month == stored.incident_month for t in stored.tactic_rows)
    if first["Tactic 1"] == "Tactical Communications":
        assert tactics["tactical_communications"] is (first["Effective 1"] == "Yes")

    # Aggregates in SQL match a count over the file itself.
    alcohol_rows = count(UseOfForceRecord, has_code(UseOfForceRecord.impact_factors, IMPACT_FACTOR_BITS, "alcohol"))
    good = [row for n, row in enumerate(rows, start=2) if n not in SMALL_BAD]
    assert alcohol_rows == sum(row["Impact Factor: Alcohol"] == "Yes" for row in good)
    assert count(UseOfForceRecord, UseOfForceRecord.assaulted.is_(True)) == sum(
        row["AssaultedBySubject"] == "Yes" for row in good)
    communications = count(UseOfForceTactic, UseOfForceTactic.tactic == "tactical_communications")
    assert communications == sum(
        any(row[f"Tactic {n}"] == "Tactical Communications" for n in range(1, 21) if f"Tactic {n}" in row)
        for row in good)

    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "use_of_force.imported"))
    assert event.force_id == force.id and event.details["status"] == "completed"
    assert event.details["rows_inserted"] == 197


def test_bad_rows_are_reported_with_numbers_and_reasons_and_good_rows_kept(force, tmp_path):
    rejects = tmp_path / "rejects.csv"
    result = import_use_of_force(SMALL, force=force, today=TODAY, rejects_path=rejects)
    assert {row.row_number: row.reason for row in result.rejected} == SMALL_BAD
    stored_rows = set(db.session.scalars(select(UseOfForceRecord.source_row)))
    assert stored_rows == set(range(2, 202)) - set(SMALL_BAD)
    with open(rejects, newline="", encoding="utf-8") as f:
        written = list(csv.DictReader(f))
    assert [(int(row["Rejected row"]), row["Reason"]) for row in written] == list(SMALL_BAD.items())
    originals = small_rows()
    for row in written:  # each rejected row's own cells follow, so it can be corrected and imported again
        assert {k: v for k, v in row.items() if k not in ("Rejected row", "Reason")} == originals[
            int(row["Rejected row"]) - 2]


def test_corrected_rejects_import_with_a_warning_for_the_two_added_columns(force, tmp_path):
    rejects, fixed = tmp_path / "rejects.csv", tmp_path / "fixed.csv"
    import_use_of_force(SMALL, force=force, today=TODAY, rejects_path=rejects)
    with open(rejects, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rows[0]["IncidentDate"] = "2023-02-28"
    rows[1]["Tactic 1"] = "Tactical Communications"
    rows[2]["SingleCrewed"] = "No"
    with open(fixed, "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    result = import_use_of_force(fixed, force=force, today=TODAY)
    assert (result.inserted, len(result.rejected)) == (3, 0)
    assert len(result.warnings) == 2 and all("was ignored" in warning for warning in result.warnings)
    assert count(UseOfForceRecord) == 200


def test_a_missing_column_stops_the_import_naming_it_and_writes_nothing(force):
    with pytest.raises(ImportProblem) as caught:
        import_use_of_force(DATA / "uof_missing_column.csv", force=force, today=TODAY)
    assert "missing 3 required columns" in str(caught.value)
    assert "IncidentDate" in str(caught.value)
    assert count(UseOfForceRecord) == 0 and count(UseOfForceTactic) == 0
    run = db.session.get(UseOfForceImportRun, caught.value.result.run_id)
    assert run.status == "failed" and "IncidentDate" in run.message


def test_an_unknown_column_is_ignored_with_a_warning(force, tmp_path):
    path = tmp_path / "extra.csv"
    with open(SMALL, newline="", encoding="utf-8") as src, open(path, "w", newline="", encoding="utf-8") as out:
        reader, writer = csv.reader(src), csv.writer(out)
        writer.writerow([*next(reader), "Officer Shoe Size"])
        for row in reader:
            writer.writerow([*row, "9"])
    result = import_use_of_force(path, force=force, today=TODAY)
    assert result.status == "completed" and result.inserted == 197
    assert any("Officer Shoe Size" in warning and "ignored" in warning for warning in result.warnings)
    assert "Officer Shoe Size" in db.session.get(UseOfForceImportRun, result.run_id).message


def test_reimporting_the_same_file_adds_no_rows(force):
    import_use_of_force(SMALL, force=force, today=TODAY)
    again = import_use_of_force(SMALL, force=force, today=TODAY, batch_size=50)
    assert (again.status, again.inserted, again.duplicates, len(again.rejected)) == ("completed", 0, 197, 3)
    assert count(UseOfForceRecord) == 197
    # Another force importing the same file gets its own rows.
    other = create_force(code="BBB", name="Bravoshire Constabulary")
    assert import_use_of_force(SMALL, force=other, today=TODAY).inserted == 197
    assert count(UseOfForceRecord) == 394


def test_identical_rows_in_one_file_are_both_kept(force, tmp_path):
    rows = small_rows()[:3]
    path = tmp_path / "twice.csv"
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows([rows[0], rows[0], rows[1], rows[2]])
    assert import_use_of_force(path, force=force, today=TODAY).inserted == 4
    assert import_use_of_force(path, force=force, today=TODAY).duplicates == 4


class FailOnCall:
    """Wraps importer._write_batch and raises on its n-th call, as a failing database write would."""

    def __init__(self, real, fail_on: int) -> None:
        self.real, self.fail_on, self.calls = real, fail_on, 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        if self.calls == self.fail_on:
            raise RuntimeError("disk full (simulated)")
        return self.real(*args, **kwargs)


def test_an_interrupted_batched_import_resumes_after_its_last_committed_row(force, monkeypatch):
    failing = FailOnCall(importer._write_batch, fail_on=3)
    monkeypatch.setattr(importer, "_write_batch", failing)
    with pytest.raises(ImportProblem) as caught:
        import_use_of_force(SMALL, force=force, today=TODAY, batch_size=50)
    assert "Stopped after row 101" in str(caught.value) and "--resume" in str(caught.value)
    # Batches of 50 rows: rows 2-51 and 52-101 were committed, the third batch (102-151) was rolled back.
    run = db.session.get(UseOfForceImportRun, caught.value.result.run_id)
    assert (run.status, run.mode, run.batch_size, run.last_committed_row) == ("interrupted", "batched", 50, 101)
    assert (run.rows_read, run.rows_inserted, run.rows_rejected) == (100, 99, 1)  # row 48 is bad
    assert count(UseOfForceRecord) == 99
    assert db.session.scalar(select(func.max(UseOfForceRecord.source_row))) == 101
    assert "disk full" in run.message

    monkeypatch.setattr(importer, "_write_batch", failing.real)
    resumed = import_use_of_force(SMALL, force=force, today=TODAY, batch_size=50, resume=True)
    assert resumed.status == "completed" and resumed.resumed_after == 101
    assert (resumed.rows_read, resumed.inserted, resumed.duplicates) == (100, 98, 0)
    assert {row.row_number for row in resumed.rejected} == {122, 188}
    assert count(UseOfForceRecord) == 197
    assert set(db.session.scalars(select(UseOfForceRecord.source_row))) == set(range(2, 202)) - set(SMALL_BAD)
    second = db.session.get(UseOfForceImportRun, resumed.run_id)
    assert second.resumed_from_id == run.id and second.last_committed_row == 201
    statuses = db.session.scalars(
        select(AuditEvent.details).where(AuditEvent.action == "use_of_force.imported").order_by(AuditEvent.id))
    assert [d["status"] for d in statuses] == ["interrupted", "completed"]


def test_resume_without_an_unfinished_run_is_refused(force):
    with pytest.raises(ImportProblem, match="no unfinished import"):
        import_use_of_force(SMALL, force=force, today=TODAY, resume=True)
    import_use_of_force(SMALL, force=force, today=TODAY)
    with pytest.raises(ImportProblem, match="the last one completed"):
        import_use_of_force(SMALL, force=force, today=TODAY, resume=True)


def test_all_or_nothing_rolls_back_every_row_on_a_failure(force, monkeypatch):
    monkeypatch.setattr(importer, "CHUNK_ROWS", 40)
    monkeypatch.setattr(importer, "_write_batch", FailOnCall(importer._write_batch, fail_on=4))
    with pytest.raises(ImportProblem) as caught:
        import_use_of_force(SMALL, force=force, today=TODAY)
    assert "Nothing was imported" in str(caught.value)
    assert count(UseOfForceRecord) == 0 and count(UseOfForceTactic) == 0
    run = db.session.get(UseOfForceImportRun, caught.value.result.run_id)
    assert (run.status, run.rows_inserted, run.last_committed_row) == ("failed", 0, None)
    assert "disk full" in run.message


def test_a_real_database_error_fails_the_whole_file(force, tmp_path, monkeypatch):
    # Two different rows given the same fingerprint: the unique constraint refuses the second.
    rows = small_rows()[:2]
    path = tmp_path / "two.csv"
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    real = importer._write_batch

    def same_print(conn, records, force_id, run_id, *staged):
        return real(conn, [replace(r, fingerprint="f" * 64) for r in records], force_id, run_id, *staged)

    monkeypatch.setattr(importer, "_write_batch", same_print)
    with pytest.raises(ImportProblem) as caught:
        import_use_of_force(path, force=force, today=TODAY)
    assert caught.value.result.status == "failed"
    assert count(UseOfForceRecord) == 0


def test_progress_is_reported_in_bytes_up_to_the_file_size(force, tmp_path):
    path = tmp_path / "many.csv"
    with open(path, "w", newline="", encoding="utf-8") as out:
        write_uof_csv(out, 5_000, 7, 0, end_date=TODAY)
    seen: list[int] = []
    result = import_use_of_force(path, force=force, today=TODAY, batch_size=1_000, progress=seen.append)
    assert result.inserted == 5_000 and count(UseOfForceRecord) == 5_000
    assert seen == sorted(seen) and len(seen) >= 5 and seen[-1] == path.stat().st_size
    assert header()[0] == "IncidentDate"


def test_ctrl_c_marks_the_run_interrupted_and_is_passed_on(force, monkeypatch):
    real, calls = importer._write_batch, []

    def interrupted(*args):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(importer, "_write_batch", interrupted)
    with pytest.raises(KeyboardInterrupt):
        import_use_of_force(SMALL, force=force, today=TODAY, batch_size=100)
    run = db.session.scalar(select(UseOfForceImportRun))
    assert (run.status, run.last_committed_row, run.rows_inserted) == ("interrupted", 101, 99)
    assert run.message.startswith("Stopped after row 101") and "the import was interrupted" in run.message
    assert count(UseOfForceRecord) == 99
