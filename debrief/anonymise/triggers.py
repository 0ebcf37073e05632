"""First-character triggers: where a pattern's matches can start, read from its parse tree.

A pattern that opens with an assertion ("\\b", "(?<![\\w/])") or a long alternation gives the regex engine
no character to skip ahead by, so a scan tries the whole pattern at every position of the text. `trigger`
builds a one-character pattern that opens with the set of characters a match can start with (and, after
"\\b", a check that the character starts a word): the engine skips to those at C speed, and the pattern is
tried only there (gates.GatedPattern). The same matches, as every match starts on a trigger.
"""
from __future__ import annotations

import re
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

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


def trigger(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A one-character pattern matching wherever a match of `pattern` can start, or None when none is worth it."""
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        if tree.getwidth()[1] <= 1:  # a trigger itself: nothing to gain
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
    word_start = bool(seq) and seq[0][0] is _c.AT and seq[0][1] is _c.AT_BOUNDARY \
        and all(ch.isalnum() or ch == "_" for ch in chars)
    cost = sum(_COST_SPACE if ch.isspace() and ch != "\n" else _COST_DIGIT if ch.isdigit() else _COST_UPPER if ch.isupper() else
               (_COST_LOWER_WORD_START if word_start else _COST_LOWER) if ch.isascii() and ch.islower() else
               _COST_OTHER for ch in chars) + 10 * _COST_DIGIT * len(cats)
    if cost > MAX_COST + _COST_PER_ALTERNATIVE * _alternatives(seq):
        return None
    cls = "".join("\\" + ch if ch in "\\]^-[" else ch for ch in sorted(chars)) + "".join(sorted(cats))
    # After "\b", a word character starts a match only where no word character comes before it.
    return re.compile(f"[{cls}](?<!\\w[{cls}])" if word_start else f"[{cls}]")
