"""The evaluation set is well-formed and the anonymiser meets the issue's measured targets on it."""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from debrief.anonymise.evaluate import evaluate, format_report, load
from tests.support.anonymised import anonymised

# Tests run with --import-mode=importlib, so the builder beside this file is put on the path here.
sys.path.insert(0, str(Path(__file__).parent))
from anon_dev_extra_passages import PASSAGES_DEV_EXTRA  # noqa: E402
from anon_eval_build import DEV_EXTRA_PATH, EVAL_PATH, parse_markup, records, render  # noqa: E402


@pytest.fixture(scope="module")
def eval_records() -> list[dict]:
    return load(EVAL_PATH)


def test_eval_file_matches_the_marked_up_passages() -> None:
    assert EVAL_PATH.read_text(encoding="utf-8") == render(), "run anon_eval_build.py"


def test_gold_offsets_match_the_marked_substrings(eval_records: list[dict]) -> None:
    for record, built in zip(eval_records, records(), strict=True):
        for g in record["gold"]:
            assert record["text"][g["start"]:g["end"]] == g["text"]
        assert record["gold"] == built["gold"]


def test_eval_set_is_large_and_covers_every_identifier_type(eval_records: list[dict]) -> None:
    assert len(eval_records) >= 60
    labels = Counter(g["label"] for r in eval_records for g in r["gold"])
    assert set(labels) == {"PERSON", "PLACE", "ADDRESS", "POSTCODE", "COLLAR", "FORCE", "DATE", "TIME",
                           "AGE", "PHONE", "EMAIL", "VRM", "REFERENCE", "NINO", "DOB"}
    assert sum(len(r["keep"]) for r in eval_records) >= 100
    # names not on the form, found only by context, must be represented
    unlisted = [g for r in eval_records for g in r["gold"] if g["label"] == "PERSON"
                and not any(g["text"] in p for p in r["people"])]
    assert len(unlisted) >= 20


def test_markup_parser_rejects_unknown_labels() -> None:
    with pytest.raises(ValueError):
        parse_markup("[[Leeds|TOWN]]")


def test_recall_and_kept_words_meet_targets(eval_records: list[dict]) -> None:
    report = evaluate(eval_records, anonymised)
    table = format_report(report, details=True)
    assert report.structured_recall >= 0.99, table
    assert report.names_places_recall >= 0.97, table
    assert report.keep_rate >= 0.95, table
    assert report.overall_precision >= 0.9, table


def test_eval_file_is_valid_jsonl() -> None:
    for line in EVAL_PATH.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        assert set(row) >= {"id", "text", "people", "gold", "keep"}


def test_dev_extra_file_matches_its_passages_and_meets_targets() -> None:
    assert DEV_EXTRA_PATH.read_text(encoding="utf-8") == render(PASSAGES_DEV_EXTRA), "run anon_eval_build.py"
    rows = load(DEV_EXTRA_PATH)
    labels = {g["label"] for r in rows for g in r["gold"]}
    assert {"HANDLE", "W3W", "COLLAR", "PHONE", "PERSON", "PLACE"} <= labels
    report = evaluate(rows, anonymised)
    table = format_report(report, details=True)
    assert report.structured_recall == 1.0, table
    assert report.names_places_recall >= 0.95, table
    assert report.keep_rate >= 0.95, table
