"""The rewritten text reads right: an article agrees with the label after it, a title at a line's start is kept
once (not "Mrs Person B"), and words named after a person that say what was done are kept."""
import re

import pytest

from debrief.anonymise import anonymise


@pytest.mark.parametrize("text, expected", [
    ("She was seen by an Ibrahim Yusuf, a neighbour.", "She was seen by a Mr A, a neighbour."),
    ("It was an Olumide Bello who rang.", "It was a Person A who rang."),
    ("An Eilidh Mackay rang back.", "A Person A rang back."),
])
def test_an_article_agrees_with_the_label_after_it(text, expected):
    assert anonymise(text).text == expected


def test_an_article_that_already_agrees_is_left_as_written():
    out = anonymise("Reported by a Tomasz Nowak, a neighbour, and an officer.").text
    assert re.fullmatch(r"Reported by a (?:Mr|Person) A, a neighbour, and an officer\.", out), out


def test_a_title_at_the_start_of_a_line_is_kept_once():
    text = "A member, Mrs Ruth Hatfield, reported this.\nMrs Postlethwaite admitted it. She said no."
    out = anonymise(text, people=["Ruth Hatfield"]).text
    assert "Mrs Postlethwaite" not in out and "Mrs Person" not in out and "\nMrs B admitted" in out


def test_a_title_on_the_line_before_is_not_taken_for_the_name_s():
    out = anonymise("Statement taken by Sgt\nTomasz Nowak attended later.").text
    assert "Nowak" not in out and "Tomasz" not in out


@pytest.mark.parametrize("text, kept", [
    ("Risk: threat to life - consider an Osman warning for Mr Grant.", "an Osman warning"),
    ("Taken to A&E for an Xray of her wrist.", "an Xray"),
])
def test_words_named_after_a_person_that_say_what_was_done_are_kept(text, kept):
    assert kept in anonymise(text).text


@pytest.mark.parametrize("text, expected", [
    ("On the evening of 14 June 2024 officers attended.", "One evening in 2024 officers attended."),
    ("She rang in the early hours of 2 March 2025.", "She rang in the early hours of one day in 2025."),
    ("On the evening of 14 June officers attended.", "One evening in June officers attended."),
])
def test_a_part_of_a_day_of_a_date_reads_as_one(text, expected):
    """A walker read "On the evening of 2024" and "in the early hours of 2025"."""
    assert anonymise(text).text == expected


@pytest.mark.parametrize("text, expected", [
    ("23:52 CC 4021 (PC GRIFFITHS) DEPLOYED.", "(PC A) DEPLOYED."),
    ("In May 2024 PC May met us.", "In 2024 PC A met us."),
    ("PC 2231 WY Osei-Bonsu attended.", "PC A attended."),
])
def test_a_rank_after_a_number_is_still_the_rank(text, expected):
    """A walker read "(PC PC C)": a rank after a number was taken for a force code after a collar number."""
    assert anonymise(text).text.endswith(expected)


def test_a_names_prefix_is_read_once_for_each_text_and_start():
    # Resolving, learning and replacing a name all ask for the title before it: the answer is read once.
    from debrief.anonymise.context import describe_prefix

    text = "At the scene Chief Inspector Amir Hussain spoke to the call handler Dean Lomax."
    start = text.index("Amir")
    first = describe_prefix(text, start)
    assert first == ("Chief Inspector", None) and describe_prefix(text, start) is first
    assert describe_prefix(text, text.index("Dean")) == (None, "call handler")
    assert describe_prefix(text + " ", start) == first
