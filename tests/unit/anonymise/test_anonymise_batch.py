"""The JSONL batch interface: streaming round trip, shared case labels, and the command line."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from debrief.anonymise import anonymise_lines, run
from debrief.anonymise.batch import main

ROOT = Path(__file__).resolve().parents[3]


def test_round_trip_offsets_point_into_the_input() -> None:
    lines = [
        {"id": "a", "text": "PC Jones met Mr Khan at 14 Cedar Road, HX1 2AB.", "people": ["Sarah Jones"]},
        {"id": 7, "text": "Nothing to hide here.", "people": []},
    ]
    out = io.StringIO()
    count = run(io.StringIO("".join(json.dumps(r) + "\n" for r in lines) + "\n"), out)
    assert count == 2
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in rows] == ["a", 7]
    first = rows[0]
    assert first["text"] == "PC A met Mr B at an address."
    for e in first["entities"]:
        assert set(e) == {"start", "end", "label", "replacement"}
    source = lines[0]["text"]
    assert [source[e["start"]:e["end"]] for e in first["entities"]] == [
        "Jones", "Khan", "14 Cedar Road, HX1 2AB"]
    assert rows[1] == {"id": 7, "text": "Nothing to hide here.", "entities": []}


def test_lines_of_one_case_share_labels() -> None:
    lines = [json.dumps({"id": 1, "case": "c1", "text": "Sergeant Okafor arrived.", "people": []}),
             json.dumps({"id": 2, "case": "c1", "text": "Okafor left.", "people": []})]
    rows = [json.loads(x) for x in anonymise_lines(lines)]
    assert rows[1]["text"] == "Sergeant A left."


def test_bad_line_is_reported() -> None:
    with pytest.raises(ValueError, match="line 1"):
        list(anonymise_lines(["not json"]))


def test_main_reads_and_writes_files(tmp_path: Path) -> None:
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps({"id": "x", "text": "DC 4567AB drove AB12 CDE.", "people": []}) + "\n")
    assert main(["--input", str(src), "--output", str(dst)]) == 0
    assert json.loads(dst.read_text())["text"] == "DC A drove [registration]."


def test_module_is_runnable(tmp_path: Path) -> None:
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps({"id": 1, "text": "Call 07700 900123.", "people": []}) + "\n")
    proc = subprocess.run([sys.executable, "-m", "debrief.anonymise", "--input", str(src), "--output", str(dst)],
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(dst.read_text())["text"] == "Call [phone number]."
