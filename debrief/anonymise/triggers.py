"""First-character triggers: where a pattern's matches can start, read from its parse tree.

A pattern that opens with an assertion ("\\b", "(?<![\\w/])") or a long alternation gives the regex engine
no character to skip ahead by, so a scan tries the whole pattern at every position of the text. `trigger`
builds a one-character pattern that opens with the set of characters a match can start with (and, after
"\\b", a check that the character starts a word): the engine skips to those at C speed, and the pattern is
tried only there (gates.GatedPattern). The same matches, as every match starts on a trigger.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as _c  # type: ignore[attr-defined]

from .alternations import compile_grouped, parse
from .openings import candidates, keys

# Letters that IGNORECASE matches to an ASCII letter besides its two cases.
_CASE_EXTRAS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name))
_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
# A rough count of the places a trigger fires in 2 KB of prose, per character of its class: a pattern is worth a
# trigger only when it fires rarely (each firing costs a Python step). A word-initial lower-case letter fires at a
# few words in a hundred; an upper-case letter a few times; a digit often; a lower-case letter mid-word very often.
_COST_LOWER_WORD_START, _COST_LOWER, _COST_UPPER, _COST_DIGIT, _COST_OTHER = 8, 80, 5, 15, 5
_COST_SPACE = 400  # a space fires between every two words
MAX_COST = 120
# A scout's firings cost no Python step, so it pays far more often than a trigger (measured on 2 KB passages).
SCOUT_MAX_COST = 1000
# A pattern opening with many alternatives is costly to try at a position, so fewer tries pay for more firings.
_COST_PER_ALTERNATIVE = 8


class _Unknown(Exception):
    """The start of a match cannot be read as a small set of characters."""


def _add_char(code: int, icase: bool, chars: set[str]) -> None:
    ch = chr(code)
    if icase and not ch.isascii() and ch.lower() != ch.upper():
        raise _Unknown
    chars.add(ch)
    if icase and ch.isalpha():
        chars.update((ch.lower(), ch.upper(), *_CASE_EXTRAS.get(ch.lower(), "")))


def _add_class(items: list[tuple[object, object]], icase: bool, chars: set[str], cats: set[str]) -> None:
    for op, av in items:
        if op is _c.LITERAL:
            _add_char(av, icase, chars)  # type: ignore[arg-type]
        elif op is _c.RANGE and av[1] - av[0] <= 80:  # type: ignore[index,operator]
            for code in range(av[0], av[1] + 1):  # type: ignore[index,operator]
                _add_char(code, icase, chars)
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            cats.add(r"\d")
        else:
            raise _Unknown


def _first(seq: list[tuple[object, object]], icase: bool, chars: set[str], cats: set[str]) -> bool:
    """Add the characters a match of `seq` can start with; whether `seq` can match the empty string."""
    for op, av in seq:
        if op in _ZERO_WIDTH:
            continue
        if op is _c.LITERAL:
            _add_char(av, icase, chars)  # type: ignore[arg-type]
            return False
        if op is _c.IN:
            _add_class(list(av), icase, chars, cats)  # type: ignore[arg-type]
            return False
        if op is _c.SUBPATTERN:
            group_icase = (icase or bool(av[1] & re.IGNORECASE)) and not av[2] & re.IGNORECASE  # type: ignore[index]
            if not _first(list(av[3]), group_icase, chars, cats):  # type: ignore[index]
                return False
        elif op is _c.BRANCH:
            empty = False
            for branch in av[1]:  # type: ignore[index]
                empty |= _first(list(branch), icase, chars, cats)
            if not empty:
                return False
        elif op in _REPEATS:
            empty = _first(list(av[2]), icase, chars, cats)  # type: ignore[index]
            if av[0] >= 1 and not empty:  # type: ignore[index]
                return False
        else:
            raise _Unknown
    return True


def first_chars(pattern: re.Pattern[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """The characters (and categories) every match of the pattern opens with, or None when they cannot be read as a
    small set or the pattern may match the empty string (see alternations.compile_grouped)."""
    return first_chars_of(pattern.pattern, pattern.flags)


def first_chars_of(source: str, flags: int) -> tuple[frozenset[str], frozenset[str]] | None:
    """`first_chars` of the pattern `source` compiled with `flags` (its compiled flags), without compiling it."""
    try:
        tree = parse(source, flags)
        chars: set[str] = set()
        cats: set[str] = set()
        if _first(list(tree), bool(flags & re.IGNORECASE), chars, cats):
            return None
    except (_Unknown, re.error, RecursionError):
        return None
    return frozenset(chars), frozenset(cats)


def _engine_skips(seq: list[tuple[object, object]]) -> bool:
    """Whether the pattern opens with a character or a class (or a choice of alternatives that each do), which the
    regex engine already skips ahead by or rejects at a glance."""
    while seq and seq[0][0] is _c.SUBPATTERN and not seq[0][1][1] and not seq[0][1][2]:  # type: ignore[index]
        seq = list(seq[0][1][3])  # type: ignore[index]
    if not seq:
        return False
    if seq[0][0] is _c.BRANCH:
        return all(_engine_skips(list(branch)) for branch in seq[0][1][1])  # type: ignore[index]
    return seq[0][0] in (_c.LITERAL, _c.IN)


def _alternatives(seq: list[tuple[object, object]]) -> int:
    """How many alternatives the pattern's first choice holds, after any opening assertions."""
    for op, av in seq:
        if op in _ZERO_WIDTH:
            continue
        if op is _c.SUBPATTERN:
            return _alternatives(list(av[3]))  # type: ignore[index]
        if op is _c.BRANCH:
            return len(av[1])  # type: ignore[index]
        return 0
    return 0


def _starts(pattern: re.Pattern[str]) -> tuple[list[tuple[object, object]], set[str], set[str], int] | None:
    """The pattern's parse tree, the characters (and categories) a match can start with and the shortest match's
    width, or None when a trigger cannot help: the set is unknown, the pattern may match the empty string, it is
    one character wide, or the regex engine already skips ahead by its first character. Read once a pattern (the
    trigger and the scout both ask)."""
    key = (pattern.pattern, pattern.flags)
    if key not in _STARTS:
        _STARTS[key] = _read_starts(pattern)
    return _STARTS[key]


_STARTS: dict[tuple[str, int], tuple[list[tuple[object, object]], set[str], set[str], int] | None] = {}


def _read_starts(pattern: re.Pattern[str]) -> tuple[list[tuple[object, object]], set[str], set[str], int] | None:
    try:
        tree = parse(pattern.pattern, pattern.flags)
        low, high = tree.getwidth()
        if high <= 1:  # a trigger itself: nothing to gain
            return None
        chars: set[str] = set()
        cats: set[str] = set()
        if _first(list(tree), bool(pattern.flags & re.IGNORECASE), chars, cats):
            return None  # can match the empty string
    except (_Unknown, re.error, RecursionError):
        return None
    seq = list(tree)
    if _engine_skips(seq):
        return None
    return seq, chars, cats, low


def _word_start(seq: list[tuple[object, object]], chars: set[str]) -> bool:
    """Whether the pattern opens with "\\b" before a word character: a match starts only at a word's start."""
    return bool(seq) and seq[0][0] is _c.AT and seq[0][1] is _c.AT_BOUNDARY \
        and all(ch.isalnum() or ch == "_" for ch in chars)


def cost(seq: list[tuple[object, object]], chars: set[str], cats: set[str]) -> int:
    """A rough count of the places in 2 KB of prose where a match of the pattern can start."""
    word_start = _word_start(seq, chars)
    return sum(_COST_SPACE if ch.isspace() and ch != "\n" else _COST_DIGIT if ch.isdigit() else _COST_UPPER if ch.isupper() else
               (_COST_LOWER_WORD_START if word_start else _COST_LOWER) if ch.isascii() and ch.islower() else
               _COST_OTHER for ch in chars) + 10 * _COST_DIGIT * len(cats)


def _class(chars: set[str], cats: set[str]) -> str:
    return "".join("\\" + ch if ch in "\\]^-[" else ch for ch in sorted(chars)) + "".join(sorted(cats))


# Global inline flags ("(?m)") must open an expression: they are taken off a pattern embedded in a scout (its
# compiled flags hold them).
_GLOBAL_FLAGS = re.compile(r"^(?:\(\?[aiLmsux]+\))+")


def scout_source(pattern: re.Pattern[str]) -> tuple[str, int] | None:
    """The source and flags of the pattern's scout (see `scout`), or None when a scout cannot help."""
    found = _starts(pattern)
    if found is None:
        return None
    seq, chars, cats, shortest = found
    # A class that fires at most letters saves little over the plain scan; a pattern as short as a word or two
    # matches so often that finding each match twice costs more than the scout saves.
    if cost(seq, chars, cats) > SCOUT_MAX_COST or shortest < 3:
        return None
    cls = _class(chars, cats)
    body = _GLOBAL_FLAGS.sub("", pattern.pattern)
    if pattern.flags & re.VERBOSE:
        body += "\n"  # a comment on the pattern's last line ends there, not after the scout's brackets
    # After "\b", a cheap look at the character before skips the middles of words (as `trigger` does).
    word_start = _word_start(seq, chars) and not pattern.flags & re.ASCII
    before = f"(?<!\\w[{cls}])" if word_start else ""
    return f"[{cls}]{before}(?<=(?=(?:{body}))[{cls}])", pattern.flags


def scout(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A one-character pattern matching exactly where a match of `pattern` starts, or None.

    It opens with the class of characters a match can start with, so the regex engine skips ahead to those at C
    speed, and there tries the whole pattern inside a look-ahead (held in a one-character look-behind): the
    pattern is tried only where it can start, and a position where it fails costs no Python step. Unlike
    `trigger`, it pays however often its class fires, so its cost limit is far higher.
    """
    found = scout_source(pattern)
    try:
        return (compile_grouped(*found) or re.compile(*found)) if found else None
    except (re.error, RecursionError):  # e.g. a conditional on a group, which a look-behind may not hold
        return None


def trigger(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A one-character pattern matching wherever a match of `pattern` can start, or None when none is worth it."""
    found = _starts(pattern)
    if found is None:
        return None
    seq, chars, cats, _ = found
    word_start = _word_start(seq, chars)
    if cost(seq, chars, cats) > MAX_COST + _COST_PER_ALTERNATIVE * _alternatives(seq):
        return None
    cls = _class(chars, cats)
    # After "\b", a word character starts a match only where no word character comes before it.
    return re.compile(f"[{cls}](?<!\\w[{cls}])" if word_start else f"[{cls}]")


def finditer_at(pattern: re.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of `pattern` tried at each match of `starts` in turn (as `starts.finditer(text)` finds them),
    skipping those inside the last match of `pattern`.

    Where the words a match opens with are few (openings.py), the pattern is tried only there. Else the regex engine
    finds the matches alone, with the trigger as a look-ahead before the pattern (`_joined`), so a trigger where the
    pattern fails costs no Python step. A trigger match found so is one the plain loop meets unless an earlier
    trigger match runs over it; that is checked at each find, and the plain loop runs instead when one could.
    """
    found = candidates(getattr(pattern, "keys", None) or keys(pattern) or keys(starts), text, 0, len(text))
    if found is not None:
        yield from _at_candidates(pattern, starts, text, found)
        return
    absent = getattr(pattern, "absent", None)  # a gated pattern whose needles the text lacks matches nowhere
    if absent is not None and absent(text):
        return
    joined = _joined(pattern, starts)
    if joined is None:
        yield from _plain(pattern, starts, text)
        return
    both, widest = joined
    out: list[re.Match[str]] = []
    for m in both.finditer(text):
        pos = m.start()
        for q in range(max(0, pos - widest + 1), pos):
            before = starts.match(text, q)
            if before and before.end() > pos:  # an earlier trigger may hide this one: do as the plain loop does
                yield from _plain(pattern, starts, text)
                return
        out.append(m)
    yield from out


_JOINED: dict[tuple[re.Pattern[str], re.Pattern[str]], tuple[re.Pattern[str], int] | None] = {}


def _joined(pattern: re.Pattern[str], starts: re.Pattern[str]) -> tuple[re.Pattern[str], int] | None:
    """`(?=starts)pattern` compiled to skip ahead to the characters both can open with, and the widest match of
    `starts`; None when they cannot be joined (a trigger with flags or groups of its own, a trigger of unbounded
    width, an unknown first character). Its matches are the pattern's, with the same groups."""
    key = (pattern, starts)
    if key not in _JOINED:
        _JOINED[key] = None
        raw = getattr(pattern, "raw", pattern)
        widest = _widest(starts)
        first = _both_first(first_chars(starts), first_chars(raw))
        if widest is not None and first is not None and starts.flags & ~re.UNICODE == 0 and not starts.groups \
                and not raw.flags & (re.VERBOSE | re.ASCII):
            body = _GLOBAL_FLAGS.sub("", raw.pattern)
            # The trigger keeps its own flags (none) whatever the pattern's are.
            source = f"(?=(?-ims:{starts.pattern}))(?:{body})"
            try:
                _JOINED[key] = (compile_grouped(source, raw.flags, first) or re.compile(source, raw.flags), widest)
            except (re.error, RecursionError):
                pass
    return _JOINED[key]


def _both_first(a: tuple[frozenset[str], frozenset[str]] | None,
                b: tuple[frozenset[str], frozenset[str]] | None) -> tuple[frozenset[str], frozenset[str]] | None:
    """The characters a match of both patterns can open with, from those of each (either may be unknown)."""
    if a is None or b is None:
        return a or b
    (a_chars, a_cats), (b_chars, b_cats) = a, b
    chars = (a_chars & b_chars) | {ch for ch in a_chars if b_cats and ch.isdecimal()} \
        | {ch for ch in b_chars if a_cats and ch.isdecimal()}
    return frozenset(chars), a_cats & b_cats


def _widest(starts: re.Pattern[str]) -> int | None:
    """The widest match of a trigger, or None when it has no bound."""
    if starts not in _WIDEST:
        try:
            high = parse(starts.pattern, starts.flags).getwidth()[1]
        except (re.error, RecursionError):
            high = None
        _WIDEST[starts] = high if high is not None and high < 100 else None
    return _WIDEST[starts]


_WIDEST: dict[re.Pattern[str], int | None] = {}


def _at_candidates(pattern: re.Pattern[str], starts: re.Pattern[str], text: str,
                   found: tuple[list[int], int, int]) -> Iterator[re.Match[str]]:
    """`finditer_at` trying the pattern only at the word starts `found` (openings.py) where its trigger matches; as
    with a pair scout, the plain loop runs when an earlier trigger match could hide one."""
    widest = _widest(starts)
    if widest is None:
        yield from _plain(pattern, starts, text)
        return
    positions, first, stop = found
    last = 0
    out: list[re.Match[str]] = []
    for i in range(first, stop):
        pos = positions[i]
        if pos < last:
            continue
        m = pattern.match(text, pos)
        if not m or not starts.match(text, pos):
            continue
        for q in range(max(0, pos - widest + 1), pos):
            before = starts.match(text, q)
            if before and before.end() > pos:  # an earlier trigger may hide this one: do as the plain loop does
                yield from _plain(pattern, starts, text)
                return
        out.append(m)
        last = max(m.end(), pos + 1)
    yield from out


def _plain(pattern: re.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    last = 0
    for t in starts.finditer(text):
        pos = t.start()
        if pos < last:
            continue
        m = pattern.match(text, pos)
        if m:
            yield m
            last = max(m.end(), pos + 1)
