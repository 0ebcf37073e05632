"""The case deny list and the re-check of edited case-study text: which fields, never what was found."""
from __future__ import annotations

import pytest

from debrief.anonymise.deny_terms import deny_terms_for
from debrief.publications.checks import KIND_DESCRIPTIONS, accepted_identifiers, check_texts

DENY = deny_terms_for(people=["PC 4417 Ellie Morgan", "Neil Dawson", "Mrs Joan O'Brien"], force="Northshire Police",
                      places=["majors corridor, Westmere Royal Infirmary", "custody suite, cell 4"],
                      collar_numbers=["NS1150"])
RECORDS = KIND_DESCRIPTIONS["deny"]


def test_deny_list_holds_every_form_of_each_name():
    for term in ("Ellie Morgan", "Ellie", "Morgan", "Morgan's", "PC Morgan", "Neil Dawson", "Neil", "Dawson",
                 "Dawson's", "Joan O'Brien", "Mrs O'Brien", "O'Brien"):
        assert term in DENY, term


def test_deny_list_holds_collars_force_and_place_but_not_generic_words():
    for term in ("4417", "NS1150", "1150", "Northshire Police", "Northshire Constabulary", "Northshire",
                 "Westmere Royal Infirmary", "Westmere", "custody suite, cell 4"):
        assert term in DENY, term
    for generic in ("custody suite", "Royal", "Infirmary", "majors corridor", "cell"):
        assert generic not in DENY, generic


@pytest.mark.parametrize("text", [
    "Officer A spoke to Ellie about it.", "Dawson's radio failed.", "MORGAN was on duty.", "Mrs O'Brien called.",
    "He was taken to the Westmere hospital.", "Northshire officers attended.", "Collar 1150 was logged.",
    "PC   Morgan arrived",  # spacing does not hide a name
])
def test_anything_on_the_deny_list_is_refused(text):
    assert check_texts({"summary": text}, DENY) == {"summary": [RECORDS]}


def test_a_lower_case_word_that_is_also_a_name_is_a_word():
    deny = deny_terms_for(people=["Will Brown"], force=None, places=[], collar_numbers=[])
    assert check_texts({"summary": "The officer will speak to the brown car's driver."}, deny) == {}
    assert check_texts({"summary": "Will arrived."}, deny) == {"summary": [RECORDS]}


@pytest.mark.parametrize("text,kind", [
    ("Officer A phoned call handler Gemma.", "PERSON"),
    ("He was seen by Dr Patel.", "PERSON"),
    ("The address was in LS6 2QT.", "POSTCODE"),
    ("Call 07700 900123 for details.", "PHONE"),
    ("Email duty.inspector@force.example.", "EMAIL"),
    ("The car, registration YX19 ABC, drove off.", "VRM"),
    ("Crime reference 13/123456/24 was raised.", "REFERENCE"),
    ("On 3 March 2024 the man was detained.", "DATE"),
    ("Officers from Kent Police assisted.", "FORCE"),
    ("Collar number 5521 was seen.", "COLLAR"),
    ("The man, aged 34, was restrained.", "AGE"),
])
def test_identifiers_the_deny_list_does_not_know_are_found_by_the_patterns(text, kind):
    assert check_texts({"summary": text}, DENY) == {"summary": [KIND_DESCRIPTIONS[kind]]}


def test_clean_anonymised_text_passes():
    texts = {
        "title": "Waiting in A&E under section 136",
        "summary": "Officer A and Sergeant B waited with Mr C in a hospital one evening in 2024.",
        "findings_key_learning": "The force had no escalation route; Taser was not drawn. PAVA was carried.",
        "recommendations": "Agree an escalation after two hours with the mental health trust.",
    }
    assert check_texts(texts, DENY) == {}


def test_only_the_fields_with_a_problem_are_named_and_the_words_never_are():
    problems = check_texts({"summary": "Fine text.", "what_happened": "Ellie Morgan arrived at 12 Mill Lane."},
                           DENY)
    assert list(problems) == ["what_happened"]
    assert all("Ellie" not in d and "Mill" not in d for d in problems["what_happened"])


def test_pattern_matches_the_reviewer_released_stay_accepted_but_new_ones_are_refused():
    released = "Officer A phoned call handler Gemma."
    accepted = accepted_identifiers([released])
    assert check_texts({"summary": released + " Then she rang back."}, DENY, accepted=accepted) == {}
    assert check_texts({"summary": released + " Then Dr Patel came."}, DENY, accepted=accepted) == {
        "summary": [KIND_DESCRIPTIONS["PERSON"]]}
    # The deny list is never accepted, whatever the released text held.
    assert check_texts({"summary": "Ellie"}, DENY, accepted=accepted_identifiers(["Ellie"])) == {
        "summary": [RECORDS]}


def test_deny_only_check_ignores_patterns():
    assert check_texts({"summary": "Call handler Gemma, on 3 March 2024."}, DENY, patterns=False) == {}
    assert check_texts({"summary": "Neil rang."}, DENY, patterns=False) == {"summary": [RECORDS]}


@pytest.mark.parametrize("text", ["one evening in March 2024", "In March 2024 the man was detained.",
                                  "in the spring of 2024", "between January and August 2023", "Sept 2024"])
def test_a_month_or_season_with_its_year_is_refused(text):
    assert check_texts({"summary": text}, DENY) == {"summary": [KIND_DESCRIPTIONS["DATE"]]}


@pytest.mark.parametrize("text", ["one evening in 2024", "In 2024 the man was detained.", "one day in March",
                                  "Between 2022 and 2023 he posted.", "since 2021", "by 2024",
                                  "Person D, who goes by \"Person D\", met Sergeant B."])
def test_what_the_anonymiser_writes_for_dates_and_people_passes(text):
    assert check_texts({"summary": text}, DENY) == {}
