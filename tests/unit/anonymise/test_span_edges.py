"""No identifier runs over a line break: a name and the heading under it, a word and the next log line's time, are
two things; and a replacement takes whole words. Before this, "Ms Amara Osei\\n\\nAllegation 1" became "Ms Amara Person A 1": the first name survived, the
heading and the blank line were gone, and the listed person had two labels."""
from __future__ import annotations

from pathlib import Path

import pytest

from debrief.anonymise import anonymise
from debrief.anonymise.evaluate import load
from tests.support.anonymised import anonymised

DATA = Path(__file__).parents[2] / "data"


@pytest.mark.parametrize("people", ([], ["Amara Osei"]))
def test_a_name_above_a_heading_keeps_the_heading_and_the_blank_line(people):
    result = anonymise("Complainant: Ms Amara Osei\n\nAllegation 1: Ms Osei states that", people=people)
    assert "Amara" not in result.text and "Osei" not in result.text
    assert "\n\nAllegation 1: Ms " in result.text
    assert len({e.replacement for e in result.entities if e.label == "PERSON"}) == 1  # one person, one label


def test_a_word_before_a_line_break_is_not_part_of_the_next_lines_time_or_code():
    text = "1406 VIS\n1410 WMP 21903 ON SCENE ABOUT\n17:15 LEFT SCENE"
    result = anonymise(text)
    assert "\n1410" not in result.text and "17:15" not in result.text
    assert "VIS\n" in result.text and "ABOUT\n" in result.text


def test_a_date_cut_at_the_line_break_loses_the_next_lines_time_not_its_day():
    result = anonymise("Custody Officer: Sgt Sian Parry\n\nSat 27th Jan\n0104 DP brought in")
    assert "27th" not in result.text and "104" not in result.text.split("\n")[2]
    assert "January" in result.text  # "Jan\n0104" is no year 104


@pytest.mark.parametrize("name", ("anonymise_dev7.jsonl", "anonymise_dev8.jsonl", "anonymise_dev10.jsonl",
                                  "anonymise_dev11.jsonl"))
def test_no_replacement_on_a_development_set_spans_a_line_break(name):
    across = []
    for record in load(DATA / name):
        text = record["text"]
        across += [(record["id"], text[e.start:e.end]) for e in anonymised(record).entities
                   if "\n" in text[e.start:e.end].strip()]
    assert across == []


def test_a_replacement_takes_whole_words():
    """"McDonald's Festival Park" was read from "Donald's" and became "Mca park"."""
    result = anonymise("Vehicle seen used: McDonald's Festival Park, Ebbw Vale at 2200").text
    assert "Mc" not in result and "Donald" not in result
    assert result.startswith("Vehicle seen used: ")


@pytest.mark.parametrize("name", ("anonymise_dev9.jsonl", "anonymise_dev10.jsonl", "anonymise_dev11.jsonl"))
def test_no_replacement_on_a_development_set_starts_or_ends_inside_a_word(name):
    inside = []
    for record in load(DATA / name):
        text = record["text"]
        for e in anonymised(record).entities:
            if (e.start > 0 and text[e.start - 1].isalnum() and text[e.start].isalnum()) or \
                    (e.end < len(text) and text[e.end].isalnum() and text[e.end - 1].isalnum()):
                inside.append((record["id"], text[e.start:e.end]))
    assert inside == []
