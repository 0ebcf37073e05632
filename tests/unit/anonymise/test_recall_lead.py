"""Names that are ordinary words, where only a person can stand: after a dotted initial, and as the one told,
asked or rung (a walker found "J. Smith" and "tell Chanty" left in passages)."""
import pytest

from debrief.anonymise import anonymise


@pytest.mark.parametrize("text, gone", [
    ("Her ex, J. Smith, was there.", "Smith"),
    ("Seen with T. Baker and R. Cook.", "Cook"),
    ('On the way he said "tell Chanty I\'m sorry".', "Chanty"),
    ("She asked Hope for a lift.", "Hope"),
    ("We told Rose Baker to wait.", "Baker"),
])
def test_a_name_that_is_a_word_is_replaced_where_only_a_person_fits(text, gone):
    out = anonymise(text).text
    assert gone not in out, out


@pytest.mark.parametrize("text", [
    "I told Control. He asked Police for help. She rang Mum.",
    "Ref B/2/P. Prepared by the team.",
    "Source grading B2.\nP.\nSource: handler.",
    "Arrived 10 p.m. Then left.",
])
def test_words_that_are_no_one_stay(text):
    assert not [e for e in anonymise(text).entities if e.label == "PERSON"]
