"""A newcomer's walk read readers' feedback as the learning team sees it: "the Westmere Constabulary officer from
Northshire" became "the Person A officer from Person B", and "Tesco on Abbey Road" became "the shop on a town"."""
from __future__ import annotations

import pytest

from debrief.anonymise import anonymise


@pytest.mark.parametrize(("text", "expected"), [
    ("the Westmere Constabulary officer was rude", "the force officer was rude"),
    ("Northshire Police were called", "The force were called"),
    ("An officer of Westmere Police Service attended", "An officer of the force attended"),
])
def test_a_force_the_lists_do_not_hold_is_read_as_a_force(text, expected):
    assert anonymise(text).text == expected


@pytest.mark.parametrize("text", ["The Military Police came.", "He rang the Police. Local Police attended."])
def test_police_named_by_no_area_stay(text):
    assert anonymise(text).text == text


def test_a_listed_place_named_as_a_street_reads_as_a_street():
    assert anonymise("I saw it at Tesco on Abbey Road").text == "I saw it at a shop on a street"
