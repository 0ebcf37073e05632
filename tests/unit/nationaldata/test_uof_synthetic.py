"""The synthetic use-of-force generator: the MPS layout, seeded, plausible, and clean for the reader."""

from __future__ import annotations

import importlib.util
import io
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from debrief.nationaldata.csv_reader import RejectedRow, UofRecord, read_uof_csv
from debrief.nationaldata.synthetic import header, write_uof_csv

ROOT = Path(__file__).resolve().parents[3]
END = date(2024, 3, 31)


def generate(rows: int, seed: int = 1, bad_rows: int = 0) -> tuple[str, list[tuple[int, str]]]:
    out = io.StringIO(newline="")
    bad = write_uof_csv(out, rows, seed, bad_rows, end_date=END)
    return out.getvalue(), bad


def parse(text: str) -> list[UofRecord | RejectedRow]:
    return list(read_uof_csv(io.StringIO(text, newline=""), today=END))


@pytest.fixture(scope="module")
def records() -> list[UofRecord]:
    results = parse(generate(3000, seed=42)[0])
    assert all(isinstance(r, UofRecord) for r in results), [str(r) for r in results if isinstance(r, RejectedRow)][:5]
    return results  # type: ignore[return-value]


def test_the_layout_has_the_271_published_columns() -> None:
    columns = header()
    assert len(columns) == len(set(columns)) == 271
    assert columns[:2] == ["IncidentDate", "IncidentTime"]
    assert "Impact Factor: Possesion of a weapon" in columns and "Tactic Effective 20" in columns
    assert "CED2 ArCED2" in columns and columns[-1] == "Outcome: Other"


def test_generated_rows_parse_with_no_rejects(records: list[UofRecord]) -> None:
    assert len(records) == 3000
    assert len({r.fingerprint for r in records}) == 3000


def test_same_seed_same_file_and_another_seed_another() -> None:
    assert generate(300, seed=5)[0] == generate(300, seed=5)[0]
    assert generate(300, seed=5)[0] != generate(300, seed=6)[0]


def test_bad_rows_are_where_the_generator_says() -> None:
    text, bad = generate(500, seed=9, bad_rows=8)
    rejected = [(r.row_number, r.reason) for r in parse(text) if isinstance(r, RejectedRow)]
    assert [number for number, _ in rejected] == [number for number, _ in bad]
    expected = {"bad date": "IncidentDate", "unknown tactic": "Tactic 1", "bad Yes/No": "SingleCrewed",
                "unknown age band": "SubjectAge"}
    for (_, reason), (_, kind) in zip(rejected, bad):
        assert reason.startswith(expected[kind])


def test_distributions_are_plausible(records: list[UofRecord]) -> None:
    n = len(records)
    tactics = Counter(code for r in records for code, _ in r.tactics)
    assert tactics.most_common(1)[0][0] == "tactical_communications"
    assert tactics["compliant_handcuffing"] + tactics["non_compliant_handcuffing"] > n / 2
    assert 0.01 < tactics["taser"] / n < 0.2  # Taser in a minority
    assert sum(r.subject_injured for r in records) / n < 0.15  # injuries are rare
    assert sum(bool(r.staff_injured) for r in records) / n < 0.1
    evening = sum(1 for r in records if r.incident_time and r.incident_time.hour >= 18)
    morning = sum(1 for r in records if r.incident_time and 6 <= r.incident_time.hour < 12)
    assert evening > 1.5 * morning
    dates = [r.incident_date for r in records]
    assert min(dates) >= END - timedelta(days=3 * 365) and max(dates) <= END
    assert max(dates) - min(dates) > timedelta(days=2 * 365)


def test_the_command_line_writes_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("gen_uof", ROOT / "bench" / "gen_uof.py")
    assert spec and spec.loader
    gen_uof = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen_uof)
    out = tmp_path / "uof.csv"
    argv = ["--rows", "40", "--out", str(out), "--seed", "3", "--bad-rows", "2", "--end-date", "2024-03-31"]
    assert gen_uof.main(argv) == 0
    assert "wrote 40 rows (2 bad)" in capsys.readouterr().err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 41
