"""Literal gates: a whole-text regex scan is skipped when the text holds none of the words every match must contain.

Most rules are cued ("born", "known as", "partial index", a premises noun): on a passage without the cue
their scan finds nothing, yet the regex engine still tries the pattern at every position. `needles` reads
a compiled pattern's parse tree for the literals one of which every match must contain; `GatedPattern`
wraps the pattern and answers "no match" at once when the lower-cased text holds none of them. The gate
is exact: a skipped scan is one that could not have matched. `install` wraps the module-level patterns of
the anonymiser's modules, so a new rule gets its gate without a line of its own.

Writing a rule cheaply: compile it once at module level (not inside a function); a cue word that every match
holds ("born", "partial index") becomes its gate; a pattern opening with "\\b" and a keyword or a few
capitals gets a first-character trigger too (triggers.py), and a scout where the trigger would fire too often for a
Python step each; a long list of words in an alternation is grouped by first letter (alternations.py). A pattern
compiled inside a function, or one opening with a lower-case letter anywhere in a word, gets none of these.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from re import _constants as _c  # type: ignore[attr-defined]
from types import ModuleType

from .alternations import First, compile_grouped, compile_parsed, faster, parse
from .openings import Keys, candidates, keys, matches_at, scan
from .triggers import first_chars, first_chars_of, scout_source, trigger

# Scans shorter than this are cheaper than the gate (a look at a few words before a name, say).
MIN_SPAN = 160
# More needles than this cost more to look for than the scan they might save.
MAX_NEEDLES = 24
_REPEATS = tuple(getattr(_c, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_c, name))
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)
# Letters that IGNORECASE matches to an ASCII letter but whose lower case is not that letter ("ı" ~ "i",
# "ſ" ~ "s"): a text holding one is scanned ungated.
_CASE_ODD = ("\u0131", "\u017f")

Needles = frozenset[str]


def needles(pattern: re.Pattern[str]) -> Needles | None:
    """Lower-case literals one of which every match of `pattern` contains, or None when there is no useful set."""
    try:
        tree = parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unreadable tree only means no gate
        return None
    found = _required(list(tree))
    if not found or len(found) > MAX_NEEDLES:
        return None
    # One letter or digit is in every passage: no gate. One rarer mark ("@", "*") is worth a look.
    if min(len(n) for n in found) < 2 and any(n.isalnum() or n.isspace() for n in found if len(n) < 2):
        return None
    return found


def _required(seq: list[tuple[object, object]]) -> Needles | None:
    """The best set of literals one of which any match of the sequence `seq` must contain."""
    options: list[Needles] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            options.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in seq:
        if op is _c.LITERAL:
            run.append(chr(av).lower())  # type: ignore[arg-type]
            continue
        flush()
        option: Needles | None = None
        if op is _c.SUBPATTERN:
            option = _required(list(av[3]))  # type: ignore[index]
        elif _ATOMIC is not None and op is _ATOMIC:
            option = _required(list(av))  # type: ignore[arg-type]
        elif op is _c.BRANCH:
            branches = [_required(list(b)) for b in av[1]]  # type: ignore[index]
            if all(branches):
                option = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:  # type: ignore[index]
            option = _required(list(av[2]))  # type: ignore[index]
        elif op is _c.ASSERT:  # a look-ahead or look-behind that must match holds its literals too
            option = _required(list(av[1]))  # type: ignore[index]
        if option:
            options.append(option)
    flush()
    options = [o for o in options if all(n.isascii() for n in o)]
    if not options:
        return None
    # Longest shortest needle first (a long word is rarely there by chance), then the fewest needles.
    return max(options, key=lambda o: (min(len(n) for n in o), -len(o)))


class _Gate:
    """A text in lower case for the gates, and the needles already looked for in it (many patterns share one)."""

    __slots__ = ("low", "seen")

    def __init__(self, low: str) -> None:
        self.low = low
        self.seen: dict[str, bool] = {}

    def holds_any(self, needles: tuple[str, ...]) -> bool:
        seen = self.seen
        for n in needles:
            found = seen.get(n)
            if found is None:
                found = seen[n] = n in self.low
            if found:
                return True
        return False


@lru_cache(maxsize=8)
def _gate_text(text: str) -> _Gate | None:
    """The text lower-cased for the gates, or None when a letter in it defeats a lower-case look."""
    if not text.isascii() and any(ch in text for ch in _CASE_ODD):
        return None
    return _Gate(text.lower())


# Characters that IGNORECASE matches to an ASCII letter outside ASCII ("İ", "ı", "ſ", the Kelvin sign): a pattern
# holding one has no ASCII variant (in it, ignoring case, it would match an ASCII letter only in Unicode mode).
_FOLDS_TO_ASCII = (0x130, 0x131, 0x17F, 0x212A)
# The ASCII characters Unicode mode reads differently from ASCII mode: "\\s" holds the four information separators.
_SEPARATORS = re.compile(r"[\x1c-\x1f]")
_SAFE_OPS = (_c.AT, _c.ANY, _c.CATEGORY, _c.GROUPREF, _c.NEGATE)


@lru_cache(maxsize=8)
def plain_ascii(text: str) -> bool:
    """Whether every character of `text` is read alike by a pattern in Unicode and in ASCII mode (its classes, word
    boundaries and case-blind letters): ASCII, with no information separator (Unicode's "\\s" holds them)."""
    return text.isascii() and not _SEPARATORS.search(text)


def _folds_to_ascii(seq: list[tuple[object, object]]) -> bool:
    """Whether the parse tree `seq` names a character of `_FOLDS_TO_ASCII` (or an item this walk does not know)."""
    for op, av in seq:
        if op is _c.LITERAL or op is _c.NOT_LITERAL:
            odd = av in _FOLDS_TO_ASCII
        elif op is _c.RANGE:
            odd = any(av[0] <= code <= av[1] for code in _FOLDS_TO_ASCII)  # type: ignore[index]
        elif op is _c.IN:
            odd = _folds_to_ascii(list(av))  # type: ignore[arg-type]
        elif op is _c.SUBPATTERN:
            odd = _folds_to_ascii(list(av[3]))  # type: ignore[index]
        elif op is _c.BRANCH:
            odd = any(_folds_to_ascii(list(b)) for b in av[1])  # type: ignore[index]
        elif op in _REPEATS:
            odd = _folds_to_ascii(list(av[2]))  # type: ignore[index]
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            odd = _folds_to_ascii(list(av[1]))  # type: ignore[index]
        elif _ATOMIC is not None and op is _ATOMIC:
            odd = _folds_to_ascii(list(av))  # type: ignore[arg-type]
        else:
            odd = op not in _SAFE_OPS
        if odd:
            return True
    return False


def ascii_variant(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """`pattern` compiled in ASCII mode (alternations grouped and first characters skipped to, as `gated` does), or
    None when that could read an ASCII text differently.

    On a text `plain_ascii` accepts, both modes find the same matches: "\\w", "\\d", "\\s" and "\\b" agree on every
    such character, and ignoring case an ASCII letter meets only ASCII letters, unless the pattern names one of the
    few other letters that fold to one. ASCII mode reads a class with a table, Unicode mode with calls into the
    Unicode database for each character it checks (a word-start look-behind checks every letter of the text)."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.ASCII:
        return None
    try:
        flags = int((pattern.flags & ~re.UNICODE) | re.ASCII)
        tree = parse(pattern.pattern, flags)
        if _folds_to_ascii(list(tree)):
            return None
        compiled = flags | tree.state.flags  # the flags the ASCII copy compiles to, inline ones too
    except (re.error, ValueError, RecursionError):  # e.g. an inline "(?u)"
        return None
    # As `faster(re.compile(pattern.pattern, flags), first)`, from one parse tree, with one compile: the plain copy is
    # compiled only when grouping changes nothing.
    try:
        grouped = compile_grouped(pattern.pattern, compiled, first_chars_of(pattern.pattern, compiled))
    except (re.error, RecursionError, TypeError, ValueError, AttributeError):  # an unforeseen tree: the plain copy
        grouped = None
    if grouped is not None:
        return grouped
    try:
        return compile_parsed(pattern.pattern, flags)
    except (re.error, ValueError, RecursionError):
        return None


class GatedPattern:
    """A compiled pattern whose scans of a long text first check the text holds one of the pattern's needles.

    `match` and `fullmatch` (tried at one place) are the pattern's own; the scans answer as the pattern would.
    """

    __slots__ = ("raw", "needles", "trigger", "keys", "first", "_scout", "_scout_source", "match", "fullmatch",
                 "pattern", "flags", "groups", "groupindex", "_seen", "_ascii")

    def __init__(self, raw: re.Pattern[str], found: Needles | None, starts: re.Pattern[str] | None = None,
                 scouted: tuple[str, int] | None = None, opens: Keys | None = None,
                 first: First | None = None) -> None:
        self.raw = raw
        self.needles = tuple(sorted(found or (), key=lambda n: (-len(n), n)))
        self.trigger = starts
        # The words a match must open (openings.py): a long text is scanned by trying the pattern only there.
        self.keys = opens
        # The characters a match opens with, which the raw pattern's search skips ahead to (alternations.py).
        self.first = first
        # Where a match starts, found by the regex engine alone (triggers.scout), compiled at its first use (a
        # long look-ahead is slow to compile, and many patterns never meet a long text); else the trigger.
        self._scout_source = scouted
        self._scout: re.Pattern[str] | None = None if scouted else starts
        self.match = raw.match
        self.fullmatch = raw.fullmatch
        self.pattern = raw.pattern
        self.flags = raw.flags
        self.groups = raw.groups
        self.groupindex = raw.groupindex
        # The last text whose needles were looked for on a short span's behalf, and whether it lacked them all (one
        # tuple, set in one step: threads sharing the pattern never read one text's answer for another).
        self._seen: tuple[str | None, bool] = (None, False)
        # The pattern compiled for ASCII texts (see `ascii_variant`), at its first use; False when it has none.
        self._ascii: re.Pattern[str] | bool | None = None

    def absent(self, text: str) -> bool:
        """Whether `text` holds none of the needles, so the pattern matches nowhere in it."""
        return self._absent(text, 0, len(text))

    @property
    def scout(self) -> re.Pattern[str] | None:
        """The scout (or, without one, the trigger) that says where a match can start."""
        if self._scout_source is not None:
            try:
                self._scout = compile_grouped(*self._scout_source) or re.compile(*self._scout_source)
            except (re.error, RecursionError):  # e.g. a conditional on a group, which a look-behind may not hold
                self._scout = self.trigger
            self._scout_source = None
        return self._scout

    def _raw_for(self, string: str) -> re.Pattern[str]:
        """The compiled pattern to scan `string` with: its ASCII variant for a plain ASCII text (the same matches)."""
        variant = self._ascii
        if variant is None:
            variant = self._ascii = ascii_variant(self.raw) or False
        if variant is not False and string.isascii() and plain_ascii(string):
            return variant  # type: ignore[return-value]
        return self.raw

    def _absent_in(self, text: str) -> bool:
        """Whether the whole `text` lacks the needles, so no span of it holds a match (a look-behind's literals are in
        the text too): looked for once a text and pattern, then a glance for each of the text's short spans (a rule
        trying a pattern a few words before each of 50 names asks 50 times)."""
        seen = self._seen
        if seen[0] is not text:
            gate = _gate_text(text)
            seen = self._seen = (text, gate is not None and not gate.holds_any(self.needles))
        return seen[1]

    def _absent(self, text: str, pos: int, endpos: int) -> bool:
        if not self.needles or min(endpos, len(text)) - pos < MIN_SPAN:
            return False
        gate = _gate_text(text)
        return gate is not None and not gate.holds_any(self.needles)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if min(endpos, len(string)) - pos < MIN_SPAN:  # a short span: the pattern's own search, unless the text
            return None if self.needles and self._absent_in(string) else self._raw_for(string).search(string, pos, endpos)
        # A few words to try the pattern at cost less than a look for the needles (the same answer either way).
        found = candidates(self.keys, string, pos, endpos)
        if found is not None:
            return next(scan(self._raw_for(string), found, string, pos, endpos), None)
        if self._absent(string, pos, endpos):
            return None
        if self.scout is not None:
            return next(self._at_triggers(string, pos, endpos), None)
        return self._raw_for(string).search(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        if min(endpos, len(string)) - pos < MIN_SPAN:
            return iter(()) if self.needles and self._absent_in(string) else \
                self._raw_for(string).finditer(string, pos, endpos)
        found = candidates(self.keys, string, pos, endpos)
        if found is not None:
            return scan(self._raw_for(string), found, string, pos, endpos)
        if self._absent(string, pos, endpos):
            return iter(())
        if self.scout is not None:
            return self._at_triggers(string, pos, endpos)
        return self._raw_for(string).finditer(string, pos, endpos)

    def _at_triggers(self, string: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
        """The pattern's matches, tried only where its trigger says one can start (none is empty)."""
        return matches_at(self._raw_for(string).match,
                          (t.start() for t in self.scout.finditer(string, pos, endpos)),  # type: ignore[union-attr]
                          string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[object]:
        if self._absent(string, pos, endpos):
            return []
        return self._raw_for(string).findall(string, pos, endpos)

    def sub(self, repl: object, string: str, count: int = 0) -> str:
        if self._absent(string, 0, len(string)):
            return string
        return self._raw_for(string).sub(repl, string, count)  # type: ignore[arg-type]

    def subn(self, repl: object, string: str, count: int = 0) -> tuple[str, int]:
        if self._absent(string, 0, len(string)):
            return string, 0
        return self._raw_for(string).subn(repl, string, count)  # type: ignore[arg-type]

    def split(self, string: str, maxsplit: int = 0) -> list[str | object]:
        if self._absent(string, 0, len(string)):
            return [string]
        return self._raw_for(string).split(string, maxsplit)

    def __repr__(self) -> str:
        return f"GatedPattern({self.raw!r})"


def gated(pattern: re.Pattern[str]) -> re.Pattern[str] | GatedPattern:
    """`pattern` (its alternations grouped and its search skipping ahead by its first characters, see `faster`)
    behind its literal gate, or itself when it has no useful needles, triggers or keys."""
    if isinstance(pattern, GatedPattern):
        return pattern
    first = first_chars(pattern)
    fast = faster(pattern, first)
    found = needles(fast)
    # A search that skips ahead to where a match can start needs no trigger or scout: it is cheaper than either.
    skips = first is not None and fast is not pattern
    starts = None if skips else trigger(fast)
    scouted = None if skips else scout_source(fast)
    opens = keys(fast)
    if not (found or starts or scouted or opens):
        return fast
    return GatedPattern(fast, found, starts, scouted, opens, first if skips else None)


def install(modules: Iterable[ModuleType]) -> int:
    """Put every module-level compiled pattern of `modules` behind its gate, its alternations grouped by first
    character (alternations.py); the number gated."""
    count = 0
    for module in modules:
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                wrapped = gated(value)
                if wrapped is not value:
                    setattr(module, name, wrapped)
                    count += isinstance(wrapped, GatedPattern)
            elif isinstance(value, tuple) and not name.startswith("__"):
                # A table of patterns ((pattern, subtype), ...): its alternations grouped, the patterns left ungated.
                grouped = _faster_in(value)
                if grouped is not value:
                    setattr(module, name, grouped)
    return count


def _faster_in(table: tuple[object, ...], depth: int = 0) -> tuple[object, ...]:
    """`table` with its compiled patterns (and those of the tuples in it) grouped by `faster`; itself if none is."""
    out = tuple(faster(v, first_chars(v)) if isinstance(v, re.Pattern) and isinstance(v.pattern, str)
                else _faster_in(v, depth + 1) if isinstance(v, tuple) and depth < 1 else v for v in table)
    return table if all(a is b for a, b in zip(out, table)) else out
