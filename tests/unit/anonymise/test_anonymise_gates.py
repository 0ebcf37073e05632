"""Literal gates and first-character triggers: every gated pattern scans exactly as the pattern itself."""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

import debrief.anonymise  # noqa: F401 - installs the gates
from debrief.anonymise.engine import working_text
from debrief.anonymise.evaluate import load
from debrief.anonymise.gates import MIN_SPAN, GatedPattern, ascii_variant, gated, needles, plain_ascii
from debrief.anonymise.phrases import finditer_at, keyword_trigger
from debrief.anonymise.triggers import scout, scout_source, trigger

DATA = Path(__file__).resolve().parents[2] / "data"


def _gated_patterns() -> list[tuple[str, GatedPattern]]:
    found = []
    for name, module in sorted(sys.modules.items()):
        if name.startswith("debrief.anonymise.") and module is not None:
            found += [(f"{name}.{attr}", value) for attr, value in sorted(vars(module).items())
                      if isinstance(value, GatedPattern)]
    return found


def _texts() -> list[str]:
    """Development prose joined into passages of about 2 KB, the same words shuffled, and awkward letters."""
    records = load(str(DATA / "anonymise_eval.jsonl")) + load(str(DATA / "anonymise_dev6.jsonl"))
    joined, text = [], ""
    for record in records:
        text = (text + "\n\n" + record["text"]).strip()
        if len(text) >= 2048:
            joined.append(text)
            text = ""
    joined = joined[:8]
    rng = random.Random(12)
    words = " ".join(joined).split(" ")
    shuffled = [" ".join(rng.sample(words, 300)) for _ in range(3)]
    # Letters IGNORECASE matches to ASCII ones without being their lower case ("ſ" ~ "s", "ı" ~ "i", "K" ~ "k").
    odd = [t.replace("s", "\u017f").replace("i", "\u0131").replace("k", "\u212a") for t in joined[:3]]
    return [working_text(t) for t in joined + shuffled] + joined[:3] + odd


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def _spans(matches) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


def test_many_patterns_are_gated() -> None:
    patterns = _gated_patterns()
    assert len(patterns) > 100
    # Where a match can start: the search skips ahead to its first characters (or, failing that, a trigger).
    assert sum(1 for _, p in patterns if p.first is not None or p.trigger is not None) > 40
    assert sum(1 for _, p in patterns if p.needles) > 80
    assert sum(1 for _, p in patterns if p.keys) > 100


def test_every_gated_pattern_scans_as_the_pattern_itself(texts: list[str]) -> None:
    assert len(texts) > 12
    for name, pattern in _gated_patterns():
        # The pattern as `re.compile` makes it: the raw one is recompiled (grouped alternations, a set to skip to).
        raw = re.compile(pattern.pattern, pattern.flags)
        for text in texts:
            assert _spans(pattern.finditer(text)) == _spans(raw.finditer(text)), name
            got, want = pattern.search(text), raw.search(text)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), name
            assert pattern.findall(text) == raw.findall(text), name
            # A window of the text, as the layers scan one.
            assert _spans(pattern.finditer(text, 300, 1500)) == _spans(raw.finditer(text, 300, 1500)), name


def test_needles_are_the_literals_every_match_holds() -> None:
    assert needles(re.compile(r"\b(?:born|dob)\s+(?P<y>\d{4})")) == {"born", "dob"}
    assert needles(re.compile(r"(?i:Partial)\s+index")) == {"partial"}  # the longest needle wins
    assert needles(re.compile(r"\bwent\s+(?:to\s+)?[A-Z]\w+")) == {"went"}
    assert needles(re.compile(r"\b[A-Z][a-z]+\s+\d+")) is None  # no literal at all
    assert needles(re.compile(r"\b(?:a|b)\d")) is None  # single letters are in every text
    assert needles(re.compile(r"[\w.]+@[\w.]+")) == {"@"}


def test_a_gate_answers_none_only_when_no_needle_is_there() -> None:
    pattern = gated(re.compile(r"\b(?i:known\s+as)\s+(?P<n>[A-Z]\w+)"))
    assert isinstance(pattern, GatedPattern)
    without = "The officer spoke to the man. " * 10
    assert len(without) >= MIN_SPAN and pattern.search(without) is None and list(pattern.finditer(without)) == []
    assert pattern.sub("#", without) == without and pattern.findall(without) == []
    with_cue = without + "He is KNOWN AS Dobby to police."
    assert pattern.search(with_cue).group("n") == "Dobby"
    # "ſ" (long s) matches "s" without IGNORECASE's lower case being "s": such a text is never gated.
    odd = gated(re.compile(r"(?i:sam)\b"))
    text = "x" * MIN_SPAN + " \u017fam"
    assert odd.search(text) is not None and re.compile(r"(?i:sam)\b").search(text) is not None


class _Counted:
    """A compiled pattern that counts its scans (the gate's raw pattern)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.inner, self.scans = pattern, 0
        self.match, self.fullmatch, self.pattern, self.flags = pattern.match, pattern.fullmatch, pattern.pattern, pattern.flags
        self.groups, self.groupindex = pattern.groups, pattern.groupindex

    def search(self, *args: object) -> re.Match[str] | None:
        self.scans += 1
        return self.inner.search(*args)  # type: ignore[arg-type]

    def finditer(self, *args: object) -> object:
        self.scans += 1
        return self.inner.finditer(*args)  # type: ignore[arg-type]


def test_a_short_span_of_a_text_without_the_needles_is_not_scanned() -> None:
    source = re.compile(r"\b(?i:known\s+as)\s+(?P<n>[A-Z]\w+)", re.ASCII)  # ASCII already: scanned as itself
    raw = _Counted(source)
    pattern = GatedPattern(raw, needles(source))  # type: ignore[arg-type]
    without = "The officer spoke to the man. " * 10
    # A few words before each of many names: the text's needles are looked for once, and no span is scanned.
    for at in range(40, len(without), 40):
        assert pattern.search(without, at - 30, at) is None and list(pattern.finditer(without, at - 30, at)) == []
    assert raw.scans == 0
    with_cue = "He is KNOWN AS Dobby to police. " + without
    assert pattern.search(with_cue, 0, 40).group("n") == "Dobby"
    assert [m.group("n") for m in pattern.finditer(with_cue, 0, 40)] == ["Dobby"]
    assert pattern.search(with_cue, 40, 80) is None and raw.scans == 3  # the text holds a needle: spans are scanned
    # The answer is the text's own, whichever text was asked about last.
    assert pattern.search(without, 0, 40) is None and pattern.search(with_cue, 0, 40) is not None


def test_a_plain_ascii_text_is_scanned_in_ascii_mode_with_the_same_matches(texts: list[str]) -> None:
    # Unicode and ASCII mode read every ASCII character alike but the four information separators ("\\s").
    for code in range(128):
        ch = chr(code)
        for cls in (r"\s", r"\w", r"\d", r"\b\w"):
            same = bool(re.match(cls, ch)) == bool(re.match(cls, ch, re.ASCII))
            assert same or (cls == r"\s" and 0x1C <= code <= 0x1F)
    assert plain_ascii("PC Jones (4021) at 21:30") and not plain_ascii("Zoë") and not plain_ascii("a\x1cb")
    word_start = gated(re.compile(r"(?<![\w'’-])(?i:kel)\w+"))
    assert isinstance(word_start, GatedPattern) and word_start._raw_for("Kelly ran") is not word_start.raw
    assert word_start._raw_for("Kelly ran").flags & re.ASCII and word_start._raw_for("Zoë Kelly") is word_start.raw
    # A pattern naming a letter that folds to an ASCII one ignoring case ("ſ" ~ "s") keeps Unicode mode.
    assert ascii_variant(re.compile(r"(?i:\u017fam)")) is None and ascii_variant(re.compile(r"(?i)[\u0100-\u0200]x")) is None
    assert re.compile(r"(?i:\u017fam)").search("Sam") and ascii_variant(re.compile(r"(?i:sam)")) is not None
    checked = 0
    for name, pattern in _gated_patterns():
        variant = ascii_variant(pattern.raw)
        if variant is None:
            continue
        checked += 1
        for text in texts:
            text = text.encode("ascii", "replace").decode()
            assert _spans(variant.finditer(text)) == _spans(pattern.raw.finditer(text)), name
    assert checked > 300


def test_triggers_fire_where_a_match_can_start() -> None:
    flat = trigger(re.compile(r"\b(?i:flat|apt)\s+\d+"))
    assert flat is not None
    # word starts with "f" or "a", not the "f" inside "reflat"
    assert [m.start() for m in flat.finditer("Flat 3, reflat apt 4 aflat")] == [0, 15, 21]
    assert trigger(re.compile(r"(?:foo)?\d*")) is None  # may match the empty string
    assert trigger(re.compile(r"\w+\s+\w+")) is None  # would fire everywhere
    assert trigger(re.compile(r"[A-Z](?=\w)")) is None  # one character: a trigger itself


def test_scouts_fire_exactly_where_a_match_starts() -> None:
    pattern = re.compile(r"\b(?i:flat|apt)\s+(?P<n>\d+)")
    found = scout(pattern)
    assert found is not None and found.pattern.startswith("[")  # the regex engine skips ahead by class
    text = "Flat 3, reflat apt 4 aflat, flat x"
    assert [m.start() for m in found.finditer(text)] == [m.start() for m in pattern.finditer(text)] == [0, 15]
    # Global flags opening the pattern become the scout's; a verbose pattern's last comment stays a comment.
    assert [m.start() for m in scout(re.compile(r"(?m)^\d+\s+(?P<w>[A-Z]\w+)")).finditer("1 Ab\n2 cd\n33 Ef")] == [0, 10]
    verbose = re.compile(r"\b[A-Z]\d{3,}  # a letter and digits", re.VERBOSE)
    assert [m.start() for m in scout(verbose).finditer("A12 B123 xC1234 D9999")] == [4, 16]
    # A word-long pattern matches too often to pay for finding each match twice; a class of most letters saves little.
    assert scout(re.compile(r"\b[A-Z][a-z]")) is None
    assert scout(re.compile(r"(?<!\w)[a-z]+\s+\d{3}")) is None


def test_a_gated_pattern_skips_ahead_to_its_first_characters_and_scans_as_the_pattern(texts: list[str]) -> None:
    # A pattern opening with a look-behind gives the regex engine nothing to skip ahead by: it gets its digits.
    pattern = re.compile(r"(?<![\w/])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>[A-Z][a-z]{2,8})\b")
    wrapped = gated(pattern)
    assert isinstance(wrapped, GatedPattern) and wrapped.first == (frozenset(), frozenset({r"\d"}))
    assert wrapped.trigger is None and wrapped.scout is None  # the search itself is cheaper than either
    for text in texts + ["On 3rd of March and 14 June, 21 x, 7th April."]:
        assert _spans(wrapped.finditer(text)) == _spans(pattern.finditer(text))
        assert _spans(wrapped.raw.finditer(text)) == _spans(pattern.finditer(text))


def test_a_gated_pattern_with_a_scout_scans_as_the_pattern(texts: list[str]) -> None:
    # A scout (a pattern of its own, see triggers.scout) still finds where a match starts when a gate holds one.
    pattern = re.compile(r"(?<![\w/])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>[A-Z][a-z]{2,8})\b")
    wrapped = GatedPattern(pattern, None, None, scout_source(pattern))
    assert wrapped.scout is not None
    for text in texts + ["On 3rd of March and 14 June, 21 x, 7th April."]:
        assert _spans(wrapped.finditer(text)) == _spans(pattern.finditer(text))
    # A conditional on a group cannot sit in the scout's look-behind: the pattern scans as it is.
    conditional = gated(re.compile(r"\b(?:ig|snap)\s*(?P<q>\")?(?P<h>\w{3,})(?(q)\")"))
    assert conditional.finditer("ig \"abc\" and snap def " * 12) is not None
    assert [m.group("h") for m in conditional.finditer("ig \"abc\" and snap def " * 12)][:2] == ["abc", "def"]


def _plain_loop(pattern: re.Pattern[str], starts: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    out, last = [], 0
    for t in starts.finditer(text):
        if t.start() >= last and (m := pattern.match(text, t.start())):
            out.append(m.span())
            last = max(m.end(), t.start() + 1)
    return out


def test_finditer_at_finds_what_the_trigger_loop_finds() -> None:
    pattern = re.compile(r"(?i:sgt|a/sgt)\s+(?P<n>[A-Z]\w+)")
    starts = keyword_trigger(["sgt", "a/sgt"])
    text = "Sgt Smith met A/Sgt Jones; sgt Brown; the a/sgt x and Sgt Patel."
    assert [m.span() for m in finditer_at(pattern, starts, text)] == _plain_loop(pattern, starts, text)
    # "sgt" inside the trigger match "a/sgt" is never a start of the loop: the loop's answer stands, not the scout's.
    inner = re.compile(r"sgt\s+x")
    assert [m.span() for m in finditer_at(inner, starts, text)] == _plain_loop(inner, starts, text) == []
    assert [m.span() for m in finditer_at(inner, starts, "the sgt x")] == [(4, 9)]


def test_the_heading_tail_look_ahead_changes_no_match(texts: list[str]) -> None:
    from debrief.anonymise import recall_more

    # The pattern as it was before its look-ahead (a cost cut: the look-ahead only states what every match needs).
    before = re.compile(r"(?m)^(?P<head>[^\n]*\d[^\n]*?)[ \t]+[-–—|][ \t]+(?P<tail>[A-Za-z][A-Za-z'’ /-]{1,40}?)[ \t]*$")
    crafted = ["inc 1450 — 20 march 2025 — sandwich / ash", "Custody record 03HS/5521/24 — Hastings",
               "22:15 - Caller rang\n1 - 2 - Word\nno digits - here\n5\t|\tTown Name  \n7 - x1"]
    for text in texts + crafted + [t[:400] for t in texts]:
        assert _spans(recall_more._HEADING_TAIL.finditer(text)) == _spans(before.finditer(text))
