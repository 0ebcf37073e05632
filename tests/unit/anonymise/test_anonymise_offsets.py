"""Entity offsets point into the input text, and the output is exactly the input with them replaced."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from debrief.anonymise import Case, Labeller, anonymise, find_identifiers

EVAL = Path(__file__).resolve().parents[2] / "data" / "anonymise_eval.jsonl"
RECORDS = [json.loads(line) for line in EVAL.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_offsets_and_splice(record: dict) -> None:
    text = record["text"]
    result = anonymise(text, people=record["people"], force=record.get("force"))
    rebuilt, pos = [], 0
    for e in result.entities:
        assert 0 <= e.start < e.end <= len(text)
        assert text[e.start:e.end] == e.text  # input[start:end] is what was replaced
        assert e.start >= pos, "entities overlap or are out of order"
        rebuilt += [text[pos:e.start], e.replacement]
        pos = e.end
    rebuilt.append(text[pos:])
    assert "".join(rebuilt) == result.text


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_anonymised_text_has_nothing_left_to_find(record: dict) -> None:
    labeller = Labeller(Case(record["people"], record.get("force")))
    result = anonymise(record["text"], labeller=labeller)
    assert find_identifiers(result.text, labeller) == []


def test_find_identifiers_reports_a_name_brought_back_without_changing_the_case() -> None:
    case = Case(people=["Sarah Jones"])
    found = find_identifiers("Officer A, later named as Sarah, went back.", case)
    assert [(e.label, e.text) for e in found] == [("PERSON", "Sarah")]
    assert case.learned == {}


def test_entity_as_dict_has_the_batch_keys() -> None:
    entity = anonymise("PC Jones attended.").entities[0]
    assert entity.as_dict() == {"start": 3, "end": 8, "label": "PERSON", "replacement": "A"}
