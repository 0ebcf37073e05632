"""Alternations grouped by first character: every module-level pattern matches exactly as compiled from its source."""
from __future__ import annotations

import re
import sys

import pytest

import debrief.anonymise  # noqa: F401 - installs the gates and the grouped alternations
from debrief.anonymise.alternations import CASE_EXTRAS, compile_grouped, faster
from debrief.anonymise.gates import GatedPattern
from debrief.anonymise.triggers import first_chars

from .test_anonymise_gates import _spans, _texts


def _module_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for name, module in sorted(sys.modules.items()):
        if name.startswith("debrief.anonymise.") and module is not None:
            for attr, value in sorted(vars(module).items()):
                # A module-level pattern, or one in a module-level table of them ((pattern, subtype), ...).
                members = [value] if not isinstance(value, tuple) else \
                    [w for v in value for w in (v if isinstance(v, tuple) else (v,))]
                for member in members:
                    raw = member.raw if isinstance(member, GatedPattern) else member
                    if isinstance(raw, re.Pattern) and isinstance(raw.pattern, str):
                        found.append((f"{name}.{attr}", raw))
    return found


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return _texts()


def test_many_module_patterns_are_grouped() -> None:
    grouped = [name for name, p in _module_patterns() if p != re.compile(p.pattern, p.flags)]
    assert len(grouped) > 80
    assert "debrief.anonymise.dates._AGES" in grouped  # a table's patterns too


def test_every_grouped_pattern_matches_as_its_source(texts: list[str]) -> None:
    for name, pattern in _module_patterns():
        plain = re.compile(pattern.pattern, pattern.flags)
        if pattern == plain:
            continue
        assert (pattern.pattern, pattern.flags, pattern.groups, pattern.groupindex) == \
            (plain.pattern, plain.flags, plain.groups, plain.groupindex), name
        for text in texts:
            assert _spans(pattern.finditer(text)) == _spans(plain.finditer(text)), name
            assert _spans(pattern.finditer(text, 300, 1500)) == _spans(plain.finditer(text, 300, 1500)), name
            for at in range(0, len(text), 97):
                got, want = pattern.match(text, at), plain.match(text, at)
                assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), name


def test_branches_keep_their_order_within_a_first_character() -> None:
    source = r"\b(?i:Mon|Monday|mo|Tue|Tuesday|t)(?P<rest>\w*)"
    grouped = compile_grouped(source, 0)
    assert grouped is not None and grouped.pattern == source
    plain = re.compile(source)
    for text in ("monday Tuesday MONDAY tue t mo Mon. TUESDAYS", "\u017fat \u212aelvin Mond"):
        assert _spans(grouped.finditer(text)) == _spans(plain.finditer(text))
    # "a" before "an": the shorter branch still wins where the rest of the pattern allows it, as it did.
    short = compile_grouped(r"\b(?:a|an|and|b|bn)\b", 0)
    assert [m.group() for m in short.finditer("a an and band bn")] == ["a", "an", "and", "bn"]
    # Case matters without IGNORECASE: "M" and "m" open different groups.
    cased = compile_grouped(r"(?:Mb|mc|Md|me)", 0)
    assert [m.group() for m in cased.finditer("Mb mb Mc mc Md me ME")] == ["Mb", "mc", "Md", "me"]


def test_patterns_without_a_long_literal_alternation_are_left_as_they_are() -> None:
    plain = re.compile(r"\b[A-Z][a-z]+\s+(?:Road|Street)\b")
    assert faster(plain) is plain
    assert compile_grouped(r"(?:a|b|c|d)", 0) is None  # no two branches share a first character


def test_a_pattern_opening_with_an_assertion_skips_ahead_to_its_first_characters(texts: list[str]) -> None:
    plain = re.compile(r"\b(?i:flat|apt)\s+(?P<n>\d+)")
    first = first_chars(plain)
    assert first == (frozenset("fFaA"), frozenset())
    fast = faster(plain, first)
    assert fast is not plain and fast != plain and (fast.pattern, fast.flags) == (plain.pattern, plain.flags)
    for text in texts + ["Flat 3, reflat apt 4 aflat, FLAT 12 and \u017flat 5 APT 7"]:
        assert _spans(fast.finditer(text)) == _spans(plain.finditer(text))
    # A digit class opens "(?<!\w)\d": the set holds the category, so digits outside ASCII are still found.
    digits = re.compile(r"(?<!\w)\d{2}\b")
    fast_digits = faster(digits, first_chars(digits))
    assert fast_digits != digits
    assert [m.group() for m in fast_digits.finditer("a 12 x13 \u0661\u0662 99")] == ["12", "\u0661\u0662", "99"]
    # No set for a pattern that may match the empty string or open with any word character; a pattern opening with
    # a class or a literal already skips ahead by it.
    assert first_chars(re.compile(r"(?:foo)?\d*")) is None and first_chars(re.compile(r"\b\w+")) is None
    opening_class = re.compile(r"[A-Z][a-z]+\s+Road")
    assert faster(opening_class, first_chars(opening_class)) is opening_class


def test_the_spellings_of_each_letter_are_every_character_ignorecase_matches() -> None:
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i <= 0xDFFF)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        matched = {m.group() for m in re.compile(letter, re.IGNORECASE).finditer(every)}
        assert matched == {letter, letter.upper(), *CASE_EXTRAS.get(letter, "")}, letter


def test_branches_of_other_shapes_keep_their_places() -> None:
    # A class-led branch and an empty branch between runs of word branches stay where they were.
    source = r"\b(?i:the|then|[0-9]+|tho|a||an|and)(?P<x>\w?)"
    grouped = compile_grouped(source, 0)
    plain = re.compile(source)
    assert grouped is not None
    text = "then the 12 thou an andy a and Thorn x"
    assert _spans(grouped.finditer(text)) == _spans(plain.finditer(text))


def test_a_pattern_is_parsed_once_for_its_gate_and_once_for_its_ascii_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    # Its first characters, grouped compile, needles, trigger and keys all read one parse tree (parsing is most of
    # the cost of compiling in Python: every process pays it for every pattern at import and first use).
    from debrief.anonymise import alternations
    from debrief.anonymise.gates import ascii_variant, gated

    parses: list[str] = []
    real = alternations._parser.parse

    def counting(source: str, flags: int = 0) -> object:
        parses.append(source)
        return real(source, flags)

    source = r"\b(?i:crime|custody|incident|intel)\s+(?i:ref(?:erence)?)\s*[:#]?\s*(?P<r>\w{3,12})\b(?#parsed-once)"
    pattern = re.compile(source)  # the module's own compile, before the gate reads it
    monkeypatch.setattr(alternations._parser, "parse", counting)
    wrapped = gated(pattern)
    assert isinstance(wrapped, GatedPattern) and wrapped.needles and wrapped.keys
    assert parses == [source]
    variant = ascii_variant(wrapped.raw)
    assert variant is not None and variant.flags & re.ASCII and parses == [source, source]


def test_a_pattern_compiled_from_its_shared_tree_is_the_pattern_re_compiles(texts: list[str]) -> None:
    from debrief.anonymise.alternations import compile_parsed, parse
    from debrief.anonymise.gates import ascii_variant

    checked = 0
    for name, raw in _module_patterns():
        for flags in (raw.flags, (raw.flags & ~re.UNICODE) | re.ASCII):
            try:
                plain = re.compile(raw.pattern, flags)
            except (re.error, ValueError):
                continue
            ours = compile_parsed(raw.pattern, flags)
            assert parse(raw.pattern, flags) is parse(raw.pattern, int(flags))
            assert (ours.pattern, ours.flags, ours.groups, ours.groupindex) == \
                (plain.pattern, plain.flags, plain.groups, plain.groupindex), name
            for text in texts[:4]:
                assert _spans(ours.finditer(text)) == _spans(plain.finditer(text)), name
            checked += 1
        # The ASCII copy is the one `faster` makes of the pattern compiled in ASCII mode.
        variant = ascii_variant(raw)
        if variant is not None:
            plain = re.compile(raw.pattern, (raw.flags & ~re.UNICODE) | re.ASCII)
            old = faster(plain, first_chars(plain))
            assert (variant.pattern, variant.flags, variant.groupindex) == (old.pattern, old.flags, old.groupindex), name
            for text in texts[:4]:
                text = text.encode("ascii", "replace").decode()
                assert _spans(variant.finditer(text)) == _spans(old.finditer(text)), name
    assert checked > 600
