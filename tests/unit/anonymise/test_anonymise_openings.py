"""Word openings: a pattern tried only at the words its matches can open with finds what a full scan finds."""
from __future__ import annotations

import re
import sys
from bisect import bisect_left

import pytest

import debrief.anonymise  # noqa: F401 - installs the gates
from debrief.anonymise import dates, patterns, places, recall_more, unknown
from debrief.anonymise.gates import MIN_SPAN, GatedPattern, gated
from debrief.anonymise.openings import candidates, keys, scan, word_starts
from debrief.anonymise.phrases import RANK_AT, keyword_trigger
from debrief.anonymise.triggers import _plain, finditer_at

from .test_anonymise_gates import _texts

PROSE = ("At 22:15 PC 4471 Smith and A/Sgt Jones attended Flat 3, 12 Mill Lane; aflat, a flat. reflat. "
         "The crime reference was CR/12345/24 and custody record 44YW/1234/24. Sgt Brown (PS 1234) spoke to "
         "Mrs Patel near the Crown.\n")


def _spans(matches) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


def test_keys_are_the_openings_every_match_starts_a_word_with() -> None:
    assert keys(re.compile(r"\b(?i:crime|custody)\s+ref")) == {"cri", "Cri", "cus", "Cus"}
    # The first letter keeps its case; a case-sensitive pattern looks up only its own.
    assert keys(re.compile(r"(?<![A-Za-z])(?:PC|PS|Sgt)\s+\d+")) == {"Pc", "Ps", "Sgt"}
    # A key is at most three characters; a shorter one stands for every word it opens.
    assert keys(re.compile(r"\b(?:at|attended|to)\s+\d")) == {"at", "to"}
    assert keys(re.compile(r"\b\d{4}\b")) == set("0123456789")
    # A trigger that checks the character before after its first one: "[fF](?<![A-Za-z][fF])...".
    assert keys(keyword_trigger(["flat", "apt"])) == {"fla", "Fla", "apt", "Apt"}


def test_no_keys_where_a_match_may_start_inside_a_word_or_on_another_character() -> None:
    assert keys(re.compile(r"(?i:flat)\s+\d")) is None  # no assertion before: "reflat 3" matches at "flat"
    assert keys(re.compile(r"\b[A-Z]\w+|\d+")) is None  # one alternative has none
    assert keys(re.compile(r"(?<![A-Za-z])\d+")) is None  # a letter before is ruled out, a digit before is not
    assert keys(re.compile(r"\b\w+")) is None  # "_" and letters outside ASCII are not indexed
    assert keys(re.compile(r"(?:\s+)?\bflat")) is None  # may open with white space
    assert keys(re.compile(r"\b(?:foo)?")) is None  # may match the empty string
    assert keys(re.compile(r"(?<=\s)(?:flat|apt)")) == {"fla", "apt"}  # white space before: a word starts there


def test_candidates_are_the_word_starts_with_a_key() -> None:
    index = word_starts(PROSE)
    assert index is not None
    found = index.candidates(frozenset({"fla", "Fla"}))
    assert [PROSE[i:i + 6] for i in found] == ["Flat 3", "flat. "]  # not the "flat" inside "aflat" or "reflat"
    # "A/Sgt": "Sgt" opens a run of letters after "/".
    assert [PROSE[i:i + 3] for i in index.candidates(frozenset({"Sgt"}))] == ["Sgt", "Sgt"]
    assert index.candidates(frozenset({"Sg"})) == index.candidates(frozenset({"Sgt"}))
    # Letters IGNORECASE matches to an ASCII letter without being its lower case, and digits outside ASCII: no index.
    assert word_starts(PROSE + " \u017fam") is None and word_starts(PROSE + " \u0131") is None
    assert word_starts(PROSE + " \u0663") is None
    assert word_starts(PROSE + " caf\u00e9 \u0141\u00f3d\u017a") is not None


def test_too_many_candidates_leave_the_scan_to_the_regex_engine() -> None:
    dense = "a b c d e f g h " * 40  # a candidate every other character
    assert candidates(frozenset("abcdefgh"), dense, 0, len(dense)) is None
    sparse = "a" + " xx" * 200  # one candidate in 600 characters
    assert candidates(frozenset("a"), sparse, 0, len(sparse)) == ([0], 0, 1)
    assert candidates(frozenset("a"), sparse, 1, len(sparse)) == ([0], 1, 1)
    assert candidates(frozenset({"cri"}), PROSE * 4, 0, len(PROSE) * 4) is not None
    assert candidates(None, PROSE * 4, 0, len(PROSE) * 4) is None


def test_scan_finds_what_finditer_finds_in_a_window() -> None:
    pattern = re.compile(r"\b(?i:sgt|a/sgt|pc|ps)\.?\s+(?P<n>[A-Z]\w+|\d+)")
    text = PROSE * 4
    index = word_starts(text)
    assert index is not None
    positions = index.candidates(keys(pattern))
    for pos, endpos in ((0, len(text)), (37, len(text)), (0, 300), (41, 389)):
        found = (positions, bisect_left(positions, pos), bisect_left(positions, endpos))
        assert _spans(scan(pattern, found, text, pos, endpos)) == _spans(pattern.finditer(text, pos, endpos))


def test_a_gated_pattern_with_keys_scans_a_long_text_at_its_candidates_only() -> None:
    pattern = gated(re.compile(r"\b(?i:crime|custody)\s+(?:reference|record)\s+(?:was\s+)?(?P<r>[\w/]+)"))
    assert isinstance(pattern, GatedPattern) and pattern.keys == {"cri", "Cri", "cus", "Cus"}
    text = PROSE * 3
    assert len(text) >= MIN_SPAN
    tried: list[int] = []

    class Spy:
        def match(self, string: str, pos: int, endpos: int = sys.maxsize) -> re.Match[str] | None:
            tried.append(pos)
            return pattern.raw.match(string, pos, endpos)

    found = candidates(pattern.keys, text, 0, len(text))
    assert found is not None
    got = [m.group("r") for m in scan(Spy(), found, text)]  # type: ignore[arg-type]
    assert got == ["CR/12345/24", "44YW/1234/24"] * 3
    assert len(tried) == 6  # one try a cue word, not one a position
    assert _spans(pattern.finditer(text)) == _spans(pattern.raw.finditer(text))
    assert pattern.search(text, 200).span() == pattern.raw.search(text, 200).span()


@pytest.mark.parametrize("pattern, starts", [
    (dates._DATE, dates._DATE_TRIGGER), (patterns._REF_CUE, patterns._REF_TRIGGER),
    (patterns._RANK_COLLAR, RANK_AT), (recall_more._TOWN_AFTER_STREET, recall_more._AFTER_STREET_AT),
    (unknown._NICK_CUE, unknown._NICK_CUE_TRIGGER), (places._NUMBERED, places._NUMBERED_TRIGGER),
])
def test_finditer_at_finds_what_the_trigger_loop_finds(pattern, starts) -> None:
    # With the pattern's (or the trigger's) openings, or else with the trigger as a look-ahead before the pattern.
    for text in _texts() + [PROSE * 3]:
        assert _spans(finditer_at(pattern, starts, text)) == _spans(_plain(pattern, starts, text))
