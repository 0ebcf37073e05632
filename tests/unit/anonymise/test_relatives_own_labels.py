"""No two people share one label: relatives with one surname are told apart by their first names, while short
forms, initials and spelling slips of one first name stay one person."""
import re

import pytest

from debrief.anonymise import anonymise
from debrief.anonymise.resolve import same_first_name


def _labels(text: str) -> list[str]:
    return re.findall(r"\b(?:Mr|Mrs|Ms|Person) [A-Z]\b", text)


def test_a_relative_with_the_same_surname_gets_their_own_label():
    out = anonymise("Kayleigh Price (15) was found by her mother Tracy Price. Tracy Price called 999.",
                    people=["Kayleigh Price"]).text
    first, mother, again = _labels(out)
    assert first != mother and mother == again


def test_two_unlisted_brothers_get_two_labels():
    first, brother, again = _labels(anonymise("Sean Doyle and his brother Callum Doyle were present. Sean Doyle ran.").text)
    assert first != brother and first == again


@pytest.mark.parametrize("text", [
    "Dylan Pritchard was arrested. Dyl Pritchard had been drinking.",
    "Abdirahman Warsame was seen. Abdi Warsame left.",
    "David Llewellyn was seen. Dave Llewellyn left.",
])
def test_a_short_form_of_the_first_name_is_the_same_person(text):
    assert len(set(_labels(anonymise(text).text))) == 1


@pytest.mark.parametrize("a, b, same", [
    ("Kayleigh", "Tracy", False), ("Sean", "Callum", False), ("Dyl", "Dylan", True), ("T.", "Tracy", True),
    ("Katarzyna", "Katarzina", True), ("Dave", "David", True), ("Jo", "Joanne", False), ("Ewa", "Eva", False),
])
def test_same_first_name(a, b, same):
    assert same_first_name(a, b) is same


def test_a_first_name_of_one_person_as_another_s_surname_makes_two_people():
    """A walker saw call handler Mark Rose given the landlady Rose Hill's label."""
    out = anonymise("The landlady Rose Hill rang. Call handler Mark Rose took the call.", people=["Rose Hill"]).text
    assert "Ms A rang" in out and "Ms A took" not in out and "Mrs A took" not in out


def test_a_name_written_surname_first_is_still_the_person():
    assert anonymise("PRICE Kayleigh booked in. Kayleigh Price said nothing.",
                     people=["Kayleigh Price"]).text == "Ms A booked in. Ms A said nothing."


def test_a_listed_first_name_cut_down_in_speech_is_the_same_person():
    """A walker saw Bernie, Les, Gwil and Dawnie each given a new label beside Bernadette, Leslie, Gwilym and Dawn."""
    people = ["Bernadette Byrne", "Leslie Hughes", "Gwilym Pugh", "Dawn Ellis"]
    text = "Bernadette Byrne, Leslie Hughes, Gwilym Pugh and Dawn Ellis. Bernie cried. Les, Gwil and Dawnie left."
    out = anonymise(text, people=people).text
    first, rest = out.split(". ", 1)
    assert sorted(_labels(first)) == sorted(_labels(rest))
    assert not any(n in out for n in ("Bernie", "Les", "Gwil", "Dawnie"))


def test_a_month_s_abbreviation_is_never_a_short_form():
    out = anonymise("Declan Byrne was seen on 3 Dec.", people=["Declan Byrne"]).text
    assert "December" in out
