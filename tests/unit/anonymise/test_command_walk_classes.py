"""Classes a newcomer's walk of the anonymise command found. A listed person's first name alone survived in a log in
capitals or in lower case ("LEE HAS NOT EATEN", "ken found by pc cook", "LEE'S MOTHER"), because the name is also a word and the
re-cased line read it as one; and characters that show nothing, inside a name, left its pieces ("Jo\\u200bhn
Smi\\u00adth" became "Person B\\u200bhn Person C\\u00adth")."""
from __future__ import annotations

import pytest

from debrief.anonymise import anonymise


@pytest.mark.parametrize(("text", "people", "gone"), [
    ("1402 MS PRICE SAYS LEE HAS NOT EATEN SINCE MONDAY. LEE'S MOTHER INFORMED.", ["Lee Price"], ("LEE",)),
    ("1402 ken found by pc cook near the shops, ken home with his mum. listing ken's old address", ["Ken Hope"],
     ("ken",)),
])
def test_a_listed_name_that_is_a_word_is_the_person_in_a_capital_or_lower_case_log(text, people, gone):
    result = anonymise(text, people=people).text
    assert not any(g in result for g in gone), result


def test_a_listed_name_that_is_a_verb_opening_a_log_line_stays_the_verb():
    result = anonymise("WILL ATTEND AT 1400. WILL SMITH TO BE SPOKEN TO", people=["Will Smith"]).text
    assert result.startswith("WILL ATTEND") and "SMITH" not in result


@pytest.mark.parametrize("hidden", ["\u200b", "\u00ad", "\u200d", "\u2060", "\x07", "\ufeff"])
def test_a_character_that_shows_nothing_does_not_split_a_name(hidden):
    text = f"Jo{hidden}hn Smi{hidden}th went to Ba{hidden}ker Street with Anna."
    result = anonymise(text)
    assert not any(piece in result.text for piece in ("hn", "Smi", "ker"))
    # Offsets are into the text as given: each entity's text is what it replaced.
    assert all(text[e.start:e.end] == e.text for e in result.entities)


@pytest.mark.parametrize("key", ["collar", "collar_number"])
def test_a_listed_persons_collar_number_goes_under_either_key(key):
    result = anonymise("Later DC 77 was seen at the door.", people=[{"name": "Hope Baker", "rank": "DC", key: "77"}])
    assert "77" not in result.text


@pytest.mark.parametrize(("text", "gone"), [
    ("He was known to everyone on the estate as Cookie and sold drugs. Cookie was charged.", "Cookie"),
    ("She is known locally and to police as Spider.", "Spider"),
])
def test_a_nickname_after_who_knows_them_by_it(text, gone):
    assert gone not in anonymise(text).text


def test_known_to_police_as_a_description_is_no_nickname():
    text = "He was known to police as a prolific thief."
    assert anonymise(text).text == text


@pytest.mark.parametrize("text", ["0915 CONTROLLER 7781 DEBBIE YOUNG INFORMED OF THE INCIDENT",
                                  "The call handler 5521 Sam Ross took the call."])
def test_a_staff_role_its_number_and_the_person_are_no_address(text):
    """"CONTROLLER 7781 DEBBIE YOUNG" became "CONTROLLER an address": the number read as a house number."""
    result = anonymise(text)
    assert "address" not in result.text
    assert {e.label for e in result.entities} >= {"COLLAR", "PERSON"}
    assert not any(w in result.text.lower() for w in ("7781", "5521", "debbie", "young", "sam", "ross"))


def test_a_house_number_and_its_street_are_still_an_address():
    assert anonymise("He lives at 14 Mill Lane with his mum.").text == "He lives at an address with his mum."


@pytest.mark.parametrize(("text", "people", "expected"), [
    ("The arrest was made by PC 6612 Lauren Wood. Later PC 6612 left.", ["Lauren Wood"],
     "The arrest was made by PC A. Later PC A left."),
    ("PC 4471 May attended.", [], "PC A attended."),
    ("PC 1234 Sam Jones and PC 5678 attended.", [], "PC A and PC B attended."),
])
def test_a_rank_its_number_and_name_read_as_one_officer(text, people, expected):
    """"by PC 6612 Lauren Wood" read "by [number] C" (the rank went with the number), and "PC 4471 May" read
    "PC B A" (the number and the name each a letter)."""
    assert anonymise(text, people=people).text == expected


def test_a_date_ending_a_sentence_keeps_the_full_stop():
    assert anonymise("It was on 16 Nov. The investigator then spoke to him.").text == \
        "It was one day in November. The investigator then spoke to him."


def test_a_roles_last_word_is_no_part_of_the_name_after_it():
    """"SECURITY GUARD DELROY" read "SECURITY Person A": "Guard" is a surname too, and was joined to the name."""
    assert anonymise("1420 SECURITY GUARD DELROY DETAINED HIM IN THE STORE").text == \
        "afternoon SECURITY GUARD Person A DETAINED HIM IN THE STORE"


def test_the_publication_check_reads_through_characters_that_show_nothing_too():
    from debrief.anonymise import Case, find_identifiers

    text = "Jo\u200bhn Smi\u00adth went to Ba\x07ker Street."
    found = find_identifiers(text, Case([], None))
    assert [(e.label, e.text) for e in found] == [("PERSON", "Jo\u200bhn Smi\u00adth"), ("PLACE", "Ba\x07ker Street")]
