"""Recall by class on development set 6 (written by someone who never saw the rules): one test per class of miss,
each with a near miss that must stay."""
from __future__ import annotations

import pytest

from debrief.anonymise import anonymise
from tests.support.anonymised import anonymised


def _out(text: str, people=()) -> str:
    return anonymise(text, people=list(people)).text


@pytest.mark.parametrize(("text", "secret"), [
    ("Booked in by Sgt GW 1187 Rhiannon Bowen-Akhtar at 0215.", "GW"),      # a force prefix after the rank
    ("by PC CX 1204 Matteo Russo-Fennell.", "CX"),
    ("FORCED ENTRY AUTHORISED BY SGT MY 3310 LEONIE DACOSTA", "MY 3310"),
    ("1526 units ne 1108 pc ross tindle & ne 2417 pc amira", "ne "),       # the prefix before the rank
    ("UNIT MY 1820 PC SHAUNA QUAYLE + MY 0772 PC BRANDON OYEBODE", "MY"),
])
def test_a_collar_numbers_force_prefix_goes_with_it(text, secret):
    out = _out(text)
    assert secret not in out
    assert not any(ch.isdigit() for ch in out.split("1526")[-1])


@pytest.mark.parametrize("text", [
    "ARRIVED AT 2215 PC IQBAL ON SCENE",      # a word before a clock time is no force prefix
    "Called us at 2215 pc Jones came",
])
def test_a_word_before_a_time_is_no_collar_prefix(text):
    assert "late in the evening" in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("No. 12: Mrs Hyacinth Beckford saw two men.", "12"),                  # a house-to-house list
    ("No. 9 opposite: Miss Ottoline Frayne saw nothing.", "9"),
    ("Victim (no. 14): Mr Kofi Asante-Wright.", "14"),
    ("SISTER AND CHILDREN AT NEIGHBOURS NO 19. SAFE", "19"),
    ("The car hit a wall outside number 27.", "27"),
])
def test_a_house_named_by_its_number(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("Charge no. 2: assault by beating.", "no. 2"),                        # a numbered charge, not a house
    ("He caught a number 38 bus home.", "number 38"),
    ("Item no. 4 was bagged.", "no. 4"),
])
def test_a_numbered_thing_is_no_house(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize("text", ["The subject, a 19-year-old Black British man, was stopped.", "a 18 year old woman"])
def test_an_older_teenagers_band_is_one_the_gate_accepts(text):
    """"late teens" is itself a band the layers read as an age: "in his teens" is not."""
    from debrief.publications.checks import _pattern_spans

    out = _out(text)
    assert "teens" in out and "19" not in out and "18" not in out
    assert not [label for _, _, label, _ in _pattern_spans(out) if label == "AGE"]


def test_a_teenagers_own_band_still_goes():
    assert "late teens" not in _out("Two youths in their late teens ran off.")


def test_half_a_hyphenated_name_takes_the_whole_word():
    out = _out("Representations from solicitor Mr Desmond Ofori-Atta (Ofori-Atta Legal, 0207 946 0000) that")
    assert "Ofori" not in out and "Atta" not in out


def test_a_hyphenated_ordinary_word_stays():
    assert "Polish-Irish" in _out("a Polish-Irish family moved in")


@pytest.mark.parametrize(("text", "secret"), [
    ("I asked that the burglary (crime 25*00341*HU) is reviewed.", "00341"),   # parts joined by asterisks
    ("LINKED TO SIMILAR. CRIME 25*DP*07781", "07781"),
    ("AMBULANCE REQ - NWAS 241111-6621. LEVEL 1", "6621"),                 # a serial numbered within its day
    ("Evidence: in-car video (ICV 20250302-4612), AVL data", "4612"),
    ("paid to him, sort 90-11-42, acc 55103318.", "90-11-42"),             # "sort" without "code"
])
def test_starred_and_dated_references(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("He offended between 2019-2024 in the town.", "2019-2024"),          # a range of years
    ("the 1999-2000 season", "1999-2000"),
    ("sort 2 bags of clothing", "sort 2 bags"),
])
def test_ranges_and_sorting_stay(text, kept):
    assert kept in _out(text)


@pytest.mark.parametrize(("text", "secret"), [
    ("0705 POSS PIOTR ZIELIŃSKI (ZIELINSKI) 29, 11 DROMALANE PARK", "29"),  # an age after a name and its spelling
    ("Kayleigh (now 14) agreed to her words being used.", "14"),             # an age in brackets after its cue
    ("DP: Zain HUSSAIN  (JUVENILE - 15)  DOB 22/04/2010", "15"),
])
def test_ages_after_a_bracket(text, secret):
    assert secret not in _out(text)


def test_a_date_in_brackets_is_no_age():
    assert "May" in _out("the meeting (now 14 May) was moved")


@pytest.mark.parametrize(("text", "secret"), [
    ("A statement from Doughty Street chambers said so.", "Doughty"),       # more nouns that end a named premises
    ("He appeared at Wood Green Crown Court on Monday.", "Wood Green"),
    ("She was placed at Slemish Children's Home in 2023.", "Slemish"),
    ("They met in St Peter's church hall.", "Peter"),
])
def test_more_named_premises(text, secret):
    assert secret not in _out(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("The Crown Court sat late.", "Crown Court"),                          # only generic words before the noun
    ("the night shelter opened at nine", "night shelter"),
])
def test_an_unnamed_premises_stays(text, kept):
    assert kept in _out(text)


def test_sixth_development_set_holds_its_figures():
    """Written by someone who never saw the rules, measured batch by batch before any rule here learnt from it (all
    100 passages with the rules before this work: structured 0.962, names and places 0.934, kept 0.974, false
    positives 0.042): the figures of this change must not fall back."""
    from pathlib import Path

    from debrief.anonymise.evaluate import evaluate, format_report, load

    rows = load(Path(__file__).parents[2] / "data" / "anonymise_dev6.jsonl")
    assert len(rows) == 100
    report = evaluate(rows, anonymised)
    table = format_report(report)
    assert report.structured_recall >= 0.984, table
    assert report.names_places_recall >= 0.94, table
    assert report.keep_rate >= 0.97, table
    assert len(report.false_positives) <= 0.043 * sum(s.predicted for s in report.scores.values()), table
