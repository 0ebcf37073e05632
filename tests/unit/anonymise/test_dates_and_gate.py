"""Dates: one design for the anonymiser and the publication gate. A month or season with its year ("March 2024") is a
date, replaced by the year alone ("in 2024"); a year alone, or a month without a year ("one day in March"), may be
published. The gate refuses none of the anonymiser's own replacements on any development set."""
from __future__ import annotations

from pathlib import Path

import pytest

from debrief.anonymise import anonymise
from debrief.anonymise.evaluate import load
from debrief.publications.checks import _pattern_spans
from tests.support.anonymised import anonymised

DATA = Path(__file__).parents[2] / "data"
# The development sets only: the frozen held-out set is never read by a test.
DEV_SETS = ("anonymise_eval.jsonl", "anonymise_dev_extra.jsonl", "anonymise_dev2.jsonl", "anonymise_dev3.jsonl",
            "anonymise_dev4.jsonl", "anonymise_dev5.jsonl", "anonymise_dev6.jsonl", "anonymise_dev7.jsonl")


@pytest.mark.parametrize(("source", "expected"), [
    ("He died in March 2023.", "He died in 2023."),
    ("a wet night in January 2024, the first officer", "a wet night in 2024, the first officer"),
    ("It was alleged that between January and August 2023 the constable looked.",
     "It was alleged that in 2023 the constable looked."),
    ("In the summer of 2024 his flat was raided.", "In 2024 his flat was raided."),
    ("In spring 2024 a county line opened.", "In 2024 a county line opened."),
    ("Between October 2022 and January 2023, he posted.", "Between 2022 and 2023, he posted."),
    ("The review is due by 31.03.24 at the latest.", "The review is due by 2024 at the latest."),
    ("Date of warrant: 2024-02-14.", "Date of warrant: in 2024."),
    ("early March 2024 we met", "early 2024 we met"),
    ("He was seen in 2024 and again since 2021.", "He was seen in 2024 and again since 2021."),  # years stay
])
def test_a_month_or_season_with_its_year_becomes_the_year(source, expected):
    assert anonymise(source).text == expected


def test_a_year_range_is_not_two_clock_times_but_a_range_of_clock_times_still_is():
    assert anonymise("from 2019 to 2023 he lived there").text == "from 2019 to 2023 he lived there"
    assert "2200" not in anonymise("seen between 2200 and 2230 hrs").text


def test_a_year_of_birth_written_b_dot_is_a_date_of_birth():
    assert anonymise("Kai (b. 30/11/1985) was arrested.").text.count("1985") == 0


def _replacement_spans(result) -> list[tuple[int, int, str]]:
    spans, shift = [], 0
    for e in result.entities:
        start = e.start + shift
        spans.append((start, start + len(e.replacement), e.label))
        shift += len(e.replacement) - (e.end - e.start)
    return spans


@pytest.mark.parametrize("name", DEV_SETS)
def test_the_gate_accepts_the_anonymisers_date_time_and_age_replacements(name):
    path = DATA / name
    if not path.exists():
        pytest.skip(f"{name} not present")
    refused = []
    for record in load(path):
        result = anonymised(record)
        ours = [(s, e) for s, e, label in _replacement_spans(result) if label in ("DATE", "TIME", "AGE", "DOB")]
        for start, end, label, _ in _pattern_spans(result.text):
            if any(s < end and start < e for s, e in ours):
                refused.append((record["id"], label, result.text[start:end]))
    assert refused == []


@pytest.mark.parametrize("name", ("anonymise_dev4.jsonl", "anonymise_dev5.jsonl", "anonymise_dev7.jsonl"))
def test_the_gate_accepts_every_replacement_on_the_sets_written_by_others(name):
    """Names, places, collars and codes too: nothing the anonymiser wrote is read back as an identifier."""
    from debrief.anonymise.denylist import Case
    from debrief.anonymise.engine import find_identifiers
    from debrief.anonymise.labels import Labeller

    refused = []
    for record in load(DATA / name):
        labeller = Labeller(Case(record.get("people", []), record.get("force")))
        result = anonymised(record)
        ours = _replacement_spans(result)
        for found in find_identifiers(result.text, labeller):
            refused += [(record["id"], found.label, found.text) for s, e, _ in ours if s < found.end and found.start < e]
    assert refused == []


def test_the_gate_on_the_sixth_set_refuses_only_the_known_residue():
    """dev6's residue, listed exactly (a fix must shorten the list, a new refusal fails): "SALT HILL PARK" cut as an
    address before "PARK". ("Lefel 3+" is still read as a name, but since relatives sharing a surname are told apart
    its label is "Person K 3+", no longer "Person J 3+", which read as a junction. The Gaelic particle's
    "Person A a' Person A" and "- A road -" are the anonymiser's own labels, which the gate now lets stand.)"""
    from debrief.anonymise.denylist import Case
    from debrief.anonymise.engine import find_identifiers
    from debrief.anonymise.labels import Labeller

    refused = []
    for record in load(DATA / "anonymise_dev6.jsonl"):
        labeller = Labeller(Case(record.get("people", []), record.get("force")))
        result = anonymised(record)
        ours = _replacement_spans(result)
        for found in find_identifiers(result.text, labeller):
            refused += [(record["id"], found.label, found.text) for s, e, _ in ours if s < found.end and found.start < e]
    assert refused == [("dev6-068", "PLACE", "an address PARK")]
