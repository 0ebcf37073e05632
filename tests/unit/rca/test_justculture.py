"""Unit tests of the advisory just-culture language check."""

from __future__ import annotations

import pytest

from debrief.rca.justculture import SUGGESTIONS, check_language, split_sentences


def _phrases(text: str, **kwargs) -> list[tuple[str, str]]:
    return [(finding.rule, finding.phrase) for finding in check_language(text, **kwargs)]


@pytest.mark.parametrize(
    ("text", "rule", "phrase"),
    [
        ("PC Smith failed to check the cell.", "failed_to", "failed to"),
        ("The officer neglected to record the search.", "failed_to", "neglected to"),
        ("She should have called for an ambulance.", "should_have", "should have"),
        ("He shouldn't have left the detainee alone.", "should_have", "shouldn't have"),
        ("The handler was negligent.", "judgement", "negligent"),
        ("It was a careless handover.", "judgement", "careless"),
        ("The call handler was incompetent.", "judgement", "incompetent"),
        ("The sergeant didn't bother to read the log.", "judgement", "didn't bother"),
        ("The officers were at fault.", "blame", "at fault"),
        ("It was entirely his fault.", "blame", "his fault"),
        ("Nobody wants to blame the team.", "blame", "blame"),
        ("The warning marker was ignored.", "ignored", "ignored"),
    ],
)
def test_blaming_phrases_are_flagged(text, rule, phrase):
    assert _phrases(text) == [(rule, phrase)]


@pytest.mark.parametrize(
    "text",
    [
        "The procedure did not prompt a check of the detainee's risk markers.",
        "The radio failed to transmit in the stairwell.",
        "The officer's body-worn video camera failed to record.",
        "The Taser failed to fire on the second attempt.",
        "There was a fault on the custody CCTV system.",
        "What could have been done differently was discussed at the debrief.",
        "Single-crewing meant the officer waited 20 minutes for back-up.",
    ],
)
def test_system_focused_sentences_are_not_flagged(text):
    assert check_language(text) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("PC Smith caused the injury.", "PC Smith caused"),
        ("Officer A was solely responsible for the delay.", "Officer A was solely responsible"),
        ("Mr. C was to blame.", "Mr. C was to blame"),
        ("Sgt Patel was the cause of the problem.", "Sgt Patel was the cause"),
    ],
)
def test_naming_a_titled_person_as_the_cause_is_flagged_once(text, phrase):
    assert _phrases(text) == [("person_as_cause", phrase)]


def test_names_given_by_the_caller_are_recognised_in_full_and_by_surname():
    text = "Jane Okafor caused the delay. Later Okafor was responsible for the cordon. okafor caused nothing."
    assert _phrases(text, names=["Jane Okafor"]) == [
        ("person_as_cause", "Jane Okafor caused"),
        ("person_as_cause", "Okafor was responsible"),
    ]
    assert _phrases(text) == []


def test_findings_give_offsets_sentence_and_a_system_focused_suggestion():
    text = "The van arrived at 02:10. PC B failed to search the detainee! The cage was locked."
    [finding] = check_language(text)
    assert text[finding.start:finding.end] == "failed to"
    assert finding.sentence == "PC B failed to search the detainee!"
    assert text[finding.sentence_start:].startswith(finding.sentence)
    assert finding.suggestion == SUGGESTIONS["failed_to"]
    assert finding.suggestion.startswith("Describe what made this hard to do at the time")


def test_several_findings_come_back_in_text_order():
    text = "He ignored the alarm and should have known. It was careless."
    assert _phrases(text) == [("ignored", "ignored"), ("should_have", "should have"), ("judgement", "careless")]


def test_sentences_split_on_stops_and_paragraphs_but_not_titles_or_abbreviations():
    text = "Mr. Jones rang at 9. He was upset, e.g. shouting!  Was he heard?\n\nNew paragraph"
    spans = split_sentences(text)
    assert [text[start:end] for start, end in spans] == [
        "Mr. Jones rang at 9.",
        "He was upset, e.g. shouting!",
        "Was he heard?",
        "New paragraph",
    ]
    assert split_sentences("   ") == []


def test_curly_apostrophes_are_understood():
    assert _phrases("He shouldn’t have gone. It was the driver’s fault. She didn’t bother.") == [
        ("should_have", "shouldn’t have"),
        ("blame", "driver’s fault"),
        ("judgement", "didn’t bother"),
    ]
