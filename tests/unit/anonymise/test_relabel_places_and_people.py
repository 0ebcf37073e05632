"""A place found as a person reads as a place ("from a town", not "from Person C"), and a place word after a title
is a person ("Mr A", not "Mr a town"); both are replaced either way."""
import pytest

from debrief.anonymise import anonymise


@pytest.mark.parametrize("text, expected", [
    ("Ffion, 29, from Builth Wells, ran up.", "from a town"),
    ("He lives in Cross Hands with his mum.", "in a town"),
    ("Mr Paisley said no. He was born in Paisley.", "Mr A said no. He was born in a town."),
    ("PC Halifax arrived.", "PC A arrived."),
])
def test_the_label_says_what_kind_of_thing_was_replaced(text, expected):
    out = anonymise(text).text
    assert expected in out, out
    assert "Builth" not in out and "Cross Hands" not in out and "Paisley" not in out and "Halifax" not in out


def test_a_person_whose_surname_is_a_place_stays_a_person():
    out = anonymise("Sam Wells was arrested. Wells said nothing.").text
    assert "Wells" not in out and "town" not in out
