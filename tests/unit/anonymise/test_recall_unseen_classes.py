"""Recall by class on passages written by others who never saw the rules (development sets 4 and 5): one test per
class of miss, each with a near miss that must stay."""
from __future__ import annotations

import pytest

from debrief.anonymise import anonymise


def _out(text: str, people=()) -> str:
    return anonymise(text, people=list(people)).text


@pytest.mark.parametrize(("text", "secret"), [
    ("Control room log 0087 of 22/06/2023 refers.", "0087"),          # a log numbered within its day
    ("REF LOG 412 OF 08/03/2024 - UNITS ASSIGNED", "412"),
    ("see incident 4471 of 04/02 for the first call", "4471"),
    ("I have submitted an intelligence report (IR 24/77312).", "77312"),  # a number after the word that says so
    ("Case ref: CCN 2023/041187", "041187"),
    ("Sort code 20-45-77, acc 63915528", "20-45-77"),
    ("Same handset (IMEI 35-209900-176148-1) seen", "176148"),
])
def test_references(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize("text", ["He was one of 3 of 12 officers there.", "Ref: section 136 of the Act",
                                  "The reference of 2019 guidance applies."])
def test_numbers_that_are_not_references_stay(text):
    assert _out(text) == text
