"""Recall by class on text written by others (development sets 3 and 4): one test per class of miss, each with a
near miss that must stay."""
from __future__ import annotations

import re

import pytest

from debrief.anonymise import anonymise
from tests.support.anonymised import anonymised


def _out(text: str, people=()) -> str:
    return anonymise(text, people=list(people)).text


@pytest.mark.parametrize(("text", "secret"), [
    ("reports brother iain maclean 44 missing from home", "44"),        # case-blind log: surname then age
    ("TAMSON 41 BREATH TEST NEG", "41"),
    ("i live at 3 Ashgrove, im 71. i will help", "71"),                 # first person
    ("The woman (Person 1) was 17 and was stopped three times", "17"),  # after a bracket
    ("kids (3 and 5) inside", "3 and 5"),                               # children's ages in a bracket
    ("(Ellie-Mae Robson, 19 - to be removed), went", "19"),            # apposition closed by a dash
    ("IH (says DOB 1/1/2005 - age disputed, claims 19)", "19"),
    ("a man called 'Jonesy' who is 'about 20' and drives", "20"),       # an estimate in quotes
])
def test_ages(text, secret):
    out = _out(text)
    assert not any(re.search(rf"\b{n}\b", out) for n in secret.split(" and ")), out


@pytest.mark.parametrize("text", ["Room 5 was open.", "UNITS: HOLYHEAD 1 (PC 1150)", "I am 5 minutes away",
                                  "about 11ish pm i heard"])
def test_numbers_that_are_not_ages_stay(text):
    assert "in their" not in _out(text) and "teenage" not in _out(text) and "young" not in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("last seen 22:00 tue 30th jan leaving partick station.", "30th"),  # a guessed place no longer swallows it
    ("Last Tuesday the 3rd, about 18:25, I was sent", "3rd"),
    ("on thursday night the 12th about 11ish pm i heard", "12th"),
    ("On the third night (the 5th of the month) a PCSO", "5th"),
    ("at Ordsall Park car park on Friday night (the 21st) at 9", "21st"),
    ("Arrest: 21:14 Fri 10 Jan 2025, Stapleton Road, by PC 3", "Jan"),
])
def test_dates(text, secret):
    assert secret not in _out(text)


def test_an_ordinal_that_is_no_date_stays():
    assert _out("the 3rd attempt failed") == "the 3rd attempt failed"


@pytest.mark.parametrize(("text", "secret"), [
    ("got into a green van, reg started R4 something, maybe R412 KL", "R4"),
    ("CHERISHED PLATE S4 JID? RP NOT SURE, MAY BE S4 JED", "S4"),
    ("He drove a white Range Rover, GJ0 KA? - cherished plate G10 K", "GJ0"),
    ("his cousin's grey Golf (DF 9 ZZ? private plate).", "DF 9"),
])
def test_partial_and_cherished_plates(text, secret):
    assert secret not in _out(text)


def test_a_collar_number_near_a_plate_is_no_plate():
    assert "[registration]" not in _out("PC 4417 AB checked the plate")


@pytest.mark.parametrize(("text", "secret"), [
    ("d&c log 0871 22/08/2024", "d&c"), ("LINCS POLICE LOG 0219 14/04/2025", "LINCS"),
    ("log 0733 staffs 2024-12-01 stoke", "staffs"), ("Notts Police attended", "Notts"),
])
def test_informal_force_names(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("He lived on the Abbey Wood estate with his mum.", "Abbey"), ("at Rhyl bus station", "Rhyl"),
    ("at St. Margaret's church hall", "Margaret"), ("the Newton Farm estate", "Newton"),
])
def test_places_named_by_the_words_before_a_place_noun(text, secret):
    assert secret not in _out(text)


def test_a_place_noun_after_ordinary_words_stays():
    assert _out("the custody suite and the housing estate") == "the custody suite and the housing estate"


def test_fourth_development_set_holds_its_figures():
    """Written by a helper who had not read the rules, after the dev3 changes; measured before any rule here was
    written for it (structured 0.933, names and places 0.931): the figures of this change must not fall back."""
    from pathlib import Path

    from debrief.anonymise.evaluate import evaluate, format_report, load

    rows = load(Path(__file__).parents[2] / "data" / "anonymise_dev4.jsonl")
    assert len(rows) == 100
    report = evaluate(rows, anonymised)
    table = format_report(report)
    assert report.structured_recall >= 0.965, table
    assert report.names_places_recall >= 0.935, table
    assert report.keep_rate >= 0.95, table
    assert len(report.false_positives) <= 0.04 * sum(s.predicted for s in report.scores.values()), table
