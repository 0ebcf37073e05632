"""Operational words survive anonymisation, even capitalised or next to names."""
from __future__ import annotations

import pytest

from debrief.anonymise import anonymise, keep_spans

KEPT = [
    "Taser", "PAVA", "CS spray", "prone restraint", "custody suite", "section 136", "body-worn video",
    "Control Room", "Mental Health Act", "ambulance", "A&E", "Custody Sergeant", "Clare's Law",
    "Right Care Right Person", "Airwave", "BWV", "spit and bite guard", "Force Incident Manager",
]


@pytest.mark.parametrize("word", KEPT)
def test_operational_word_survives(word: str) -> None:
    text = f"PC Jones said {word} was relevant when Mrs Patel rang from Halifax."
    result = anonymise(text, people=["Sarah Jones", "Clare Patel"])
    assert word in result.text
    assert "Jones" not in result.text and "Patel" not in result.text


def test_a_person_named_like_a_law_keeps_the_law() -> None:
    result = anonymise("Clare rang. A Clare's Law disclosure was made.", people=["Clare Hughes"])
    assert result.text == "Ms A rang. A Clare's Law disclosure was made."


def test_short_acronyms_only_match_in_capitals() -> None:
    spans = keep_spans("Ed went to ED")
    assert spans == [(11, 13)]


def test_custody_sergeant_is_a_role_not_a_name() -> None:
    result = anonymise("The Custody Sergeant used the Mental Health Act and called the Control Room.")
    assert result.entities == ()
