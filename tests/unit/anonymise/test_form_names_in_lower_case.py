"""A name on the form is that person however it is typed: lower case whole names and unusual parts are caught;
ordinary words that happen to be a part of a listed name stay words."""
import pytest

from debrief.anonymise import anonymise


@pytest.mark.parametrize("text, people, gone", [
    ("I met grace hope and her friend in March.", ["Grace Hope"], "grace hope"),
    ("Later siobhan o'brien arrived.", ["Siobhan O'Brien"], "siobhan"),
    ("Present: josé álvarez, the landlord.", ["José Álvarez"], "álvarez"),
    ("Then jose alvarez left.", ["José Álvarez"], "alvarez"),
    ("precious said the man had a knife.", ["Precious Adebayo"], "precious"),
])
def test_a_listed_name_typed_in_lower_case_is_replaced(text, people, gone):
    assert gone not in anonymise(text, people=people).text.lower()


@pytest.mark.parametrize("text, people, kept", [
    ("I hope she is ok.", ["Grace Hope"], "I hope she is ok."),
    ("It was a precious ring.", ["Precious Adebayo"], "It was a precious ring."),
    ("taken to ed by ambulance, will see gp", ["Edward Will"], "taken to ed by ambulance, will see gp"),
])
def test_an_ordinary_word_that_is_part_of_a_listed_name_stays(text, people, kept):
    assert anonymise(text, people=people).text == kept
