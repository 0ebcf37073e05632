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
from debrief.anonymise.gates import MIN_SPAN, GatedPattern, gated, needles
from debrief.anonymise.triggers import trigger

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
    assert sum(1 for _, p in patterns if p.trigger is not None) > 40
    assert sum(1 for _, p in patterns if p.needles) > 80


def test_every_gated_pattern_scans_as_the_pattern_itself(texts: list[str]) -> None:
    assert len(texts) > 12
    for name, pattern in _gated_patterns():
        raw = pattern.raw
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


def test_triggers_fire_where_a_match_can_start() -> None:
    flat = trigger(re.compile(r"\b(?i:flat|apt)\s+\d+"))
    assert flat is not None
    # word starts with "f" or "a", not the "f" inside "reflat"
    assert [m.start() for m in flat.finditer("Flat 3, reflat apt 4 aflat")] == [0, 15, 21]
    assert trigger(re.compile(r"(?:foo)?\d*")) is None  # may match the empty string
    assert trigger(re.compile(r"\w+\s+\w+")) is None  # would fire everywhere
    assert trigger(re.compile(r"[A-Z](?=\w)")) is None  # one character: a trigger itself
