"""Word openings: a pattern whose matches open a word with one of a few letters is tried only at those words.

A scan for a cue word ("\\b(?i:crime|custody|incident)...") costs the regex engine a step at every letter
of the text, and a scout (triggers.py) still enters the pattern at most word starts. `keys` reads from a
pattern's parse tree the first one to three characters a match must open with ("cri", "cus", "inc") and the
assertion before them ("\\b", "(?<![A-Za-z])") that puts the match at the start of a run of letters (or of
digits). `WordStarts` indexes once per text where each run of letters or digits starts, by its first three
characters, so a pattern is tried only where its openings are: the same matches, as every match starts there.

Keys keep the first character's case and lower-case the rest: "Ref" and "ref" are two keys, "REF" and
"Ref" one (a case-blind pattern looks both up; a case-sensitive one only its own, a superset of its matches).
A text holding a letter that IGNORECASE matches to an ASCII letter but whose lower case is not that letter
("ı", "ſ", "K", "İ"), or a digit outside ASCII (which "\\d" matches), is not indexed: patterns scan it as before.
"""
from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import chain
from re import _constants as _c  # type: ignore[attr-defined]

from .alternations import parse

# Characters of a key: the first as written, the rest in lower case.
KEY = 3
# More alternatives than this in the openings read so far: the pattern gets no keys.
MAX_STATES = 256
# A class of more characters than this in a key's second or third place ends the key there.
MAX_CLASS = 6
# Trying the pattern at a candidate costs a Python step, a scan a regex step at each character: the index is used
# when the candidates in the scanned span are at most one in this many characters (measured with callgrind).
CHARS_PER_CANDIDATE = 40

_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name))
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DIGITS = frozenset("0123456789")
_ALNUM = _LOWER | _UPPER | _DIGITS
# What an assertion before the first character says of the character before a match: no letter ("L"), no digit ("D").
_BOTH = frozenset("LD")
_NONE: frozenset[str] = frozenset()
# Letters that IGNORECASE matches to an ASCII letter though their lower case is not it, and "İ" (two characters in
# lower case): a text holding one is not indexed.
_CASE_ODD = ("\u0131", "\u017f", "\u212a", "\u0130")
_NON_ASCII_DIGIT = re.compile(r"[^\x00-\x7f](?<=\d)")

Keys = frozenset[str]
_State = tuple[str, frozenset[str], bool]  # (opening so far, guard, whether it can grow)


class _Unknown(Exception):
    """A match may open with a character the index does not hold, or anywhere in a word."""


def keys(pattern: re.Pattern[str]) -> Keys | None:
    """The keys one of which every match of `pattern` opens with, at the start of a run of letters or digits; None
    when there is no such set."""
    raw = getattr(pattern, "raw", pattern)
    if not isinstance(raw.pattern, str):
        return None
    return _keys(raw.pattern, raw.flags)


@lru_cache(maxsize=None)
def _keys(source: str, flags: int) -> Keys | None:
    try:
        tree = parse(source, flags)
        states = _walk(list(tree), {("", _NONE, True)}, bool(flags & re.IGNORECASE))
    except (_Unknown, re.error, RecursionError):
        return None
    found: set[str] = set()
    for opening, guard, _ in states:
        if not opening or ("L" if opening[0] in _UPPER or opening[0] in _LOWER else "D") not in guard:
            return None
        found.add(opening)
    # A key that a shorter key opens adds no candidate: leave it out, so no position is found twice.
    return frozenset(k for k in found if not any(k != s and k.startswith(s) for s in found))


def _class_chars(items: list[tuple[object, object]], icase: bool) -> tuple[set[str], set[object]] | None:
    """The characters and categories of a class, or None for a negated class."""
    chars: set[str] = set()
    cats: set[object] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(chr(av))  # type: ignore[arg-type]
        elif op is _c.RANGE:
            chars.update(map(chr, range(av[0], av[1] + 1)))  # type: ignore[index]
        elif op is _c.CATEGORY:
            cats.add(av)
        else:  # NEGATE and the like
            return None
    if icase:
        chars |= {ch.swapcase() for ch in chars if ch.isascii()}
    return chars, cats


def _excludes(items: list[tuple[object, object]], icase: bool) -> frozenset[str]:
    """What a class that the character before a match may not be in rules out: letters ("L"), digits ("D")."""
    found = _class_chars(items, icase)
    if found is None:
        return _NONE
    chars, cats = found
    out = set()
    if _c.CATEGORY_WORD in cats or (_LOWER | _UPPER) <= chars:
        out.add("L")
    if _c.CATEGORY_WORD in cats or _c.CATEGORY_DIGIT in cats or _DIGITS <= chars:
        out.add("D")
    return frozenset(out)


def _as_class(item: tuple[object, object], icase: bool) -> tuple[set[str], set[object]] | None:
    op, av = item
    if op is _c.LITERAL:
        ch = chr(av)  # type: ignore[arg-type]
        return ({ch, ch.swapcase()} if icase and ch.isascii() else {ch}), set()
    if op is _c.IN:
        return _class_chars(list(av), icase)  # type: ignore[arg-type]
    return None


def _guard_before(op: object, av: object, icase: bool) -> frozenset[str]:
    """What a zero-width item before a match's first character says of the character before it."""
    if op is _c.AT:
        if av in (_c.AT_BOUNDARY, _c.AT_BEGINNING, _c.AT_BEGINNING_STRING, _c.AT_BEGINNING_LINE):
            return _BOTH  # "\b" before a letter or digit: no word character before it
        return _NONE
    direction, body = av  # type: ignore[misc]
    body = list(body)
    if direction != -1 or len(body) != 1:
        return _NONE
    found = _as_class(body[0], icase)
    if found is None:
        return _NONE
    if op is _c.ASSERT_NOT:
        return _excludes(list(body[0][1]), icase) if body[0][0] is _c.IN else _NONE
    # "(?<=\s)", "(?<=[ (])": the character before is one that is neither a letter nor a digit.
    chars, cats = found
    if not chars & _ALNUM and cats <= {_c.CATEGORY_SPACE}:
        return _BOTH
    return _NONE


def _guard_after_first(av: object, first: str, icase: bool) -> frozenset[str]:
    """"(?<![A-Za-z][cls])" right after the first character (in cls): what it says of the character before."""
    direction, body = av  # type: ignore[misc]
    body = list(body)
    if direction != -1 or len(body) != 2 or body[0][0] is not _c.IN:
        return _NONE
    second = _as_class(body[1], icase)
    if second is None or first not in second[0]:
        return _NONE
    return _excludes(list(body[0][1]), icase)


def _may_be_first(op: object, av: object, first: str, icase: bool) -> bool:
    """Whether "(?<=[cls])" right after the first character allows it to be `first`."""
    if op is not _c.ASSERT:
        return True
    direction, body = av  # type: ignore[misc]
    body = list(body)
    found = _as_class(body[0], icase) if direction == -1 and len(body) == 1 else None
    return found is None or bool(found[1]) or first in found[0]


def _first_chars(item: tuple[object, object], icase: bool) -> set[str]:
    """The characters a match's first character may be, as keys (case kept); `_Unknown` outside ASCII letters and
    digits."""
    found = _as_class(item, icase)
    if found is None:
        raise _Unknown
    chars, cats = found
    for cat in cats:
        if cat is not _c.CATEGORY_DIGIT:
            raise _Unknown
        chars |= _DIGITS  # texts with other digits are not indexed
    if not chars or not chars <= _ALNUM:
        raise _Unknown
    return chars


def _walk(seq: list[tuple[object, object]], states: set[_State], icase: bool) -> set[_State]:
    """The states after the items of `seq`: each opening read so far, its guard, and whether it can grow."""
    for op, av in seq:
        live = {s for s in states if s[2]}
        if not live:
            return states
        done = states - live
        nxt: set[_State] = set()
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            for opening, guard, grows in live:
                if not opening:
                    guard = guard | _guard_before(op, av, icase)
                elif len(opening) == 1 and op is _c.ASSERT_NOT:
                    guard = guard | _guard_after_first(av, opening, icase)
                elif len(opening) == 1 and not _may_be_first(op, av, opening, icase):
                    continue  # "[af](?:(?<=[aA])pt|(?<=[fF])lat)": this branch cannot follow this first letter
                nxt.add((opening, guard, grows))
        elif op in (_c.LITERAL, _c.IN):
            for opening, guard, grows in live:
                if not opening:
                    nxt.update((ch, guard, KEY > 1) for ch in _first_chars((op, av), icase))
                    continue
                found = _as_class((op, av), False)
                chars = {ch.lower() for ch in found[0]} if found and not found[1] else set()
                if not chars or len(chars) > MAX_CLASS or not all(ch.isascii() for ch in chars):
                    nxt.add((opening, guard, False))
                else:
                    nxt.update((opening + ch, guard, len(opening) + 1 < KEY) for ch in chars)
        elif op is _c.SUBPATTERN:
            group_icase = (icase or bool(av[1] & re.IGNORECASE)) and not av[2] & re.IGNORECASE  # type: ignore[index]
            nxt = _walk(list(av[3]), live, group_icase)  # type: ignore[index]
        elif _ATOMIC is not None and op is _ATOMIC:
            nxt = _walk(list(av), live, icase)  # type: ignore[arg-type]
        elif op is _c.BRANCH:
            for branch in av[1]:  # type: ignore[index]
                nxt |= _walk(list(branch), set(live), icase)
        elif op in _REPEATS:
            low, high, body = av  # type: ignore[misc]
            once = _walk(list(body), set(live), icase)
            if high != 1:  # after one round, more may follow: the opening ends there
                once = {(o, g, False) for o, g, _ in once}
            nxt = once | (live if low == 0 else set())
        else:
            for opening, guard, _ in live:
                if not opening:
                    raise _Unknown
                nxt.add((opening, guard, False))
        states = nxt | done
        if len(states) > MAX_STATES:
            raise _Unknown
    return states


_RUN = re.compile(r"[A-Za-z]+|[0-9]+")


class WordStarts:
    """Where each run of ASCII letters or digits of a text starts, by its key; the candidates for a set of keys."""

    __slots__ = ("_by", "_found")

    def __init__(self, text: str, low: str) -> None:
        by: dict[str, list[int]] = {}
        for at in [m.start() for m in _RUN.finditer(text)]:
            key = text[at] + low[at + 1:at + KEY]
            got = by.get(key)
            if got is None:
                by[key] = [at]
            else:
                got.append(at)
        self._by = {KEY: by}
        self._found: dict[Keys, list[int]] = {}

    def _index(self, size: int) -> dict[str, list[int]]:
        """Positions by their first `size` characters (shorter keys than three are built at their first use)."""
        index = self._by.get(size)
        if index is None:
            index = {}
            for key, positions in self._by[KEY].items():
                index.setdefault(key[:size], []).extend(positions)
            self._by[size] = index
        return index

    def candidates(self, wanted: Keys) -> list[int]:
        """The sorted positions where a run opens with one of the keys `wanted`."""
        found = self._found.get(wanted)
        if found is None:
            found = []
            for size, group in _by_size(wanted):
                index = self._index(size)
                # The text's keys are a few hundred at most: the smaller side is walked, the other looked up in C.
                if len(group) <= len(index):
                    found += chain.from_iterable(filter(None, map(index.get, group)))
                else:
                    found += chain.from_iterable(index[key] for key in group.intersection(index))
            found.sort()
            self._found[wanted] = found
        return found


@lru_cache(maxsize=None)
def _by_size(wanted: Keys) -> tuple[tuple[int, frozenset[str]], ...]:
    """A key set split by its keys' lengths (each length reads its own index), read once a key set."""
    sizes: dict[int, set[str]] = {}
    for key in wanted:
        sizes.setdefault(len(key), set()).add(key)
    return tuple((size, frozenset(group)) for size, group in sorted(sizes.items()))


@lru_cache(maxsize=8)
def word_starts(text: str) -> WordStarts | None:
    """The text's word-start index, or None when a character in it defeats the keys (see the module note)."""
    if not text.isascii() and (any(ch in text for ch in _CASE_ODD) or _NON_ASCII_DIGIT.search(text)):
        return None
    return WordStarts(text, text.lower())


def candidates(wanted: Keys | None, text: str, pos: int, endpos: int) -> tuple[list[int], int, int] | None:
    """(positions, first, stop): the candidates for `wanted` within [pos, endpos) are positions[first:stop]; None
    when there are no keys, the text is not indexed, or trying each candidate would cost more than a scan."""
    if not wanted:
        return None
    index = word_starts(text)
    if index is None:
        return None
    found = index.candidates(wanted)
    endpos = min(endpos, len(text))
    first = bisect_left(found, pos) if pos else 0
    stop = bisect_left(found, endpos) if endpos < len(text) else len(found)
    if (stop - first) * CHARS_PER_CANDIDATE > endpos - pos:
        return None
    return found, first, stop


def scan(pattern: re.Pattern[str], found: tuple[list[int], int, int], string: str, pos: int = 0,
         endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
    """`pattern.finditer(string, pos, endpos)`, trying the pattern only at the candidates `found` (see
    `candidates`); the same matches when every match starts at a candidate (and none is empty)."""
    positions, first, stop = found
    return matches_at(pattern.match, (positions[i] for i in range(first, stop)), string, pos, endpos)


def matches_at(match: Callable[[str, int, int], re.Match[str] | None], starts: Iterable[int], string: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
    """The non-overlapping matches of `match` (a compiled pattern's `match`) tried at `starts`, in order; the one
    loop behind every "try the pattern only where it can start" in gates and openings."""
    last = pos
    for at in starts:
        if at < last:
            continue
        m = match(string, at, endpos)
        if m:
            yield m
            last = max(m.end(), at + 1)
