"""Long alternations of words compiled as a tree of first letters: the same matches, far fewer branches tried.

The regex engine tries an alternation's branches one by one. A case-insensitive list of words ("(?i:a|an|the|his|
her|...)", car makes, cue words) gets no quick first-character test, so each branch is entered at every position
tried. `faster` re-reads a compiled pattern's parse tree and groups each run of an alternation's branches that open
with a plain character by that character (its lower case where the alternation ignores case), keeping their order:
"(?:Mon|Monday|Tue)" becomes "(?:M(?:on|onday)|Tue)". At any position only the branches opening with the character
there can match, and they are tried in the same order as before, so every match, group and backtrack is the same.
Ignoring case, a group opens with the class of its letter's spellings read with case, which the engine skips at a
glance. The compiled pattern keeps its source text, flags and groups.
"""
from __future__ import annotations

import re
from functools import lru_cache
from re import _compiler  # type: ignore[attr-defined]
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

import _sre  # type: ignore[import-not-found]

# Fewer branches than this are cheap to try one by one.
MIN_BRANCHES = 4
_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name))
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)

Seq = list[tuple[object, object]]


First = tuple[frozenset[str], frozenset[str]]  # the characters (and categories, "\\d") a match can open with


@lru_cache(maxsize=64)
def parse(source: str, flags: int) -> _parser.SubPattern:
    """`source`'s parse tree under `flags`, read once for the several looks each pattern gets when it is wrapped
    or its ASCII copy made (its first characters, needles, keys, trigger; the grouped compile): parsing is most of
    the cost of compiling a pattern in Python. Readers never change a tree (the compiler only reads it too)."""
    return _parser.parse(source, int(flags))


def compile_parsed(source: str, flags: int) -> re.Pattern[str]:
    """`re.compile(source, flags)` from the shared parse tree (as `re._compiler.compile` builds it)."""
    flags = int(flags)  # as re.compile does: a RegexFlag would make each of the compiler's flag tests an enum call
    tree = parse(source, flags)
    state = tree.state
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    return _sre.compile(source, flags | state.flags, _compiler._code(tree, flags), state.groups - 1, state.groupdict,
                        tuple(indexgroup))


def faster(pattern: re.Pattern[str], first: First | None = None) -> re.Pattern[str]:
    """`pattern`, or an equivalent compiled pattern whose alternations are grouped by first character and which,
    given the characters `first` every match opens with, skips ahead to those (see `compile_grouped`)."""
    if not isinstance(pattern.pattern, str):
        return pattern
    try:
        return compile_grouped(pattern.pattern, pattern.flags, first) or pattern
    except (re.error, RecursionError, TypeError, ValueError, AttributeError):  # an unforeseen tree: leave it be
        return pattern


def compile_grouped(source: str, flags: int, first: First | None = None) -> re.Pattern[str] | None:
    """`re.compile(source, flags)` with its alternations grouped, or None when none is worth grouping.

    With `first`, the characters every match opens with (triggers.first_chars), a pattern whose own opening gives
    the regex engine nothing to skip ahead by ("\\b", a look-behind, an optional group, a letter ignoring case)
    gets them as the character set its search skips to, as it would for a pattern opening with a class: a match is
    tried only where one can start, with no Python step and no second match (as a scout needs).
    """
    flags = int(flags)  # as re.compile does: a RegexFlag would make each of the compiler's flag tests an enum call
    tree = parse(source, flags)
    changed = [0]
    data = _seq(list(tree.data), bool(tree.state.flags & re.IGNORECASE), tree.state, changed)
    grouped = _parser.SubPattern(tree.state, data)
    code = _compiler._code(grouped, flags)
    skips = first is not None and _skip_to(code, first, flags | tree.state.flags)
    if not changed[0] and not skips:
        return None
    state = tree.state
    indexgroup: list[str | None] = [None] * state.groups
    for name, index in state.groupdict.items():
        indexgroup[index] = name
    return _sre.compile(source, flags | state.flags, code, state.groups - 1, state.groupdict, tuple(indexgroup))


def _skip_to(code: list[int], first: First, flags: int) -> bool:
    """Give a compiled pattern's info block the set of first characters, when it has no prefix or set of its own and
    every match is at least one character long; whether it was given."""
    if code[0] != _c.INFO or code[2] != 0 or code[3] == 0:
        return False
    chars, cats = first
    charset = [(_c.LITERAL, ord(ch)) for ch in sorted(chars)]
    charset += [(_c.CATEGORY, _CATEGORIES[cat]) for cat in sorted(cats)]
    charset, _ = _compiler._optimize_charset(charset)
    info = [_c.INFO, 0, _c.SRE_INFO_CHARSET, code[3], code[4]]
    _compiler._compile_charset(charset, flags, info)
    info[1] = len(info) - 1
    code[:1 + code[1]] = info
    return True


_CATEGORIES = {"\\d": _c.CATEGORY_DIGIT}


def _sub(state: object, data: Seq) -> object:
    return _parser.SubPattern(state, data)


def _seq(seq: Seq, icase: bool, state: object, changed: list[int]) -> Seq:
    out: Seq = []
    for op, av in seq:
        if op is _c.SUBPATTERN:
            group, add, remove, body = av  # type: ignore[misc]
            inner = (icase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
            av = (group, add, remove, _sub(state, _seq(list(body.data), inner, state, changed)))
        elif op is _c.BRANCH:
            alternatives = [_seq(list(b.data), icase, state, changed) for b in av[1]]  # type: ignore[index]
            branches = _branches(alternatives, icase, state, changed)
            if len(branches) == 1:  # every branch opened with the same character: "a(?:b|c)" in place of "(?:ab|ac)"
                out.extend(branches[0])
                continue
            av = (None, [_sub(state, b) for b in branches])
        elif op in _REPEATS:
            low, high, body = av  # type: ignore[misc]
            av = (low, high, _sub(state, _seq(list(body.data), icase, state, changed)))
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            direction, body = av  # type: ignore[misc]
            av = (direction, _sub(state, _seq(list(body.data), icase, state, changed)))
        elif _ATOMIC is not None and op is _ATOMIC:
            av = _sub(state, _seq(list(av.data), icase, state, changed))  # type: ignore[attr-defined]
        out.append((op, av))
    return out


# Under IGNORECASE an ASCII letter also matches these (Python's simple case mappings: "İ".lower() == "i",
# "ı".upper() == "I", Kelvin sign, long s); tests check the table against every code point.
CASE_EXTRAS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _opening(literal: tuple[object, object], icase: bool, state: object) -> tuple[object, object]:
    """A group's first character. Ignoring case, an explicit class of its spellings read with case: the regex
    engine skips a branch opening with a class without entering it, not one opening with a case-blind letter."""
    ch = chr(literal[1])  # type: ignore[arg-type]
    if not icase or not ch.isalpha():
        return literal
    spellings = sorted({ch.lower(), ch.upper(), *CASE_EXTRAS.get(ch.lower(), "")})
    cls = _sub(state, [(_c.IN, [(_c.LITERAL, ord(x)) for x in spellings])])
    return (_c.SUBPATTERN, (None, 0, re.IGNORECASE, cls))


def _key(code: int, icase: bool) -> str:
    ch = chr(code)
    # Two different ASCII letters never match one character, even ignoring case ("ſ" ~ "s", "K" ~ "k" only).
    return ch.lower() if icase else ch


def _led(branch: Seq) -> bool:
    return bool(branch) and branch[0][0] is _c.LITERAL and branch[0][1] < 128  # type: ignore[operator]


def _branches(branches: list[Seq], icase: bool, state: object, changed: list[int]) -> list[Seq]:
    """The branches with each run of branches opening with a plain character grouped by that character, first
    appearance first, each group's branches in their order (branches of other runs keep their places)."""
    if len(branches) < MIN_BRANCHES or sum(map(_led, branches)) < 2:
        return branches
    out: list[Seq] = []
    run: list[Seq] = []
    for b in branches:
        if _led(b):
            run.append(b)
            continue
        out += _group(run, icase, state, changed) if len(run) >= 2 else run
        run = []
        out.append(b)  # an empty branch too
    return out + (_group(run, icase, state, changed) if len(run) >= 2 else run)


def _group(branches: list[Seq], icase: bool, state: object, changed: list[int]) -> list[Seq]:
    """Branches that all open with a plain character, grouped by it: at any position only one group can match."""
    groups: dict[str, list[Seq]] = {}
    for b in branches:
        groups.setdefault(_key(b[0][1], icase), []).append(b)  # type: ignore[arg-type]
    if len(groups) == len(branches) and not icase:
        return branches
    changed[0] += 1
    out: list[Seq] = []
    for members in groups.values():
        first = _opening(members[0][0], icase, state)
        if len(members) == 1:
            out.append([first, *members[0][1:]])
            continue
        rests = [m[1:] for m in members]
        if all(rests):
            rests = _branches(rests, icase, state, changed)
        if len(rests) == 1:
            out.append([first, *rests[0]])
        else:
            out.append([first, (_c.BRANCH, (None, [_sub(state, r) for r in rests]))])
    return out
