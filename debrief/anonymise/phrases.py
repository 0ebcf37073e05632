"""Fast whole-word phrase lookup by tokens, so per-case lists need no regex compiled for each case."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Generic, TypeVar

from .gates import GatedPattern
from .triggers import finditer_at as scouted_finditer_at
from .vocab import RANK_RE, RANKS

V = TypeVar("V")
TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’&./\-][A-Za-z0-9]+)*|&")


@dataclass(frozen=True)
class Tokens:
    """A text's word tokens, their offsets and lower-cased forms, computed once for every matcher."""

    texts: list[str]
    norms: list[str]
    starts: list[int]
    ends: list[int]
    bases: list[str]  # the lower-cased form without a possessive "'s" or "'", else ""
    _positions: dict[str, list[int]] = field(default_factory=dict, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.texts)

    def positions(self) -> dict[str, list[int]]:
        """Each lower-cased form (and possessive base) to the indices of the tokens that have it, built once."""
        pos = self._positions
        if not pos and self.norms:
            for i, (norm, base) in enumerate(zip(self.norms, self.bases)):
                pos.setdefault(norm, []).append(i)
                if base and base != norm:
                    pos.setdefault(base, []).append(i)
        return pos


def finditer_at(pattern: re.Pattern[str], trigger: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, trying the pattern only where `trigger` finds a possible start.

    The same matches as finditer when every match of `pattern` starts at a match of `trigger`; much
    faster for patterns with long alternations, which the regex engine would try at every position.
    A gated pattern (gates.py) whose needles the text lacks is not tried at all; the regex engine
    finds where both match (triggers.finditer_at).
    """
    return scouted_finditer_at(pattern, trigger, text)


@lru_cache(maxsize=8)
def lowered(text: str) -> str:
    """The text in lower case, computed once per text for the layers' cheap keyword gates."""
    return text.lower()


def has_any(text: str, words: Iterable[str]) -> bool:
    """Whether any of the lower-case `words` occurs in the text (a gate before a costly regex scan)."""
    low = lowered(text)
    return any(w in low for w in words)


def finditer_before(pattern: re.Pattern[str], trigger: re.Pattern[str], anchor: re.Pattern[str], text: str,
                    reach: int = 200) -> Iterator[re.Match[str]]:
    """`finditer_at`, trying only triggers within `reach` characters before a match of `anchor`.

    For patterns that end in a keyword ("... Hospital", "... Road"): the same matches as `finditer_at`
    when every match contains an `anchor` match and starts at most `reach` characters before it. The
    anchor should open with a literal or a character class, so the regex engine scans for it quickly.
    """
    if isinstance(pattern, GatedPattern) and pattern.absent(text):
        return
    windows: list[list[int]] = []
    for a in anchor.finditer(text):
        lo = max(0, a.start() - reach)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = a.end()
        else:
            windows.append([lo, a.end()])
    last = 0
    for lo, hi in windows:
        for t in trigger.finditer(text, max(lo, last), hi):
            pos = t.start()
            if pos < last:
                continue
            m = pattern.match(text, pos)
            if m:
                yield m
                last = max(m.end(), pos + 1)


def word_start_trigger(words: Iterable[str], after: str = "") -> re.Pattern[str]:
    """`(?<![A-Za-z])(?i:w1|w2|...)` + `after`, written to open with a character class so the regex engine
    skips ahead by class: the first letter, then the rest of the words that begin with it."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0].lower(), []).append(w[1:].lower())
    firsts = "".join(sorted(groups))
    rests = "|".join(f"(?<=[{c}{c.upper()}])(?i:" + "|".join(sorted(set(t), key=len, reverse=True)) + ")"
                     for c, t in sorted(groups.items()))
    return re.compile(f"[{firsts}{firsts.upper()}](?<![A-Za-z][A-Za-z])(?:{rests}){after}")


# Letters that IGNORECASE also matches outside ASCII ("K" Kelvin sign, long "s", dotted and dotless "i").
_CASE_EXTRAS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def keyword_trigger(words: Iterable[str]) -> re.Pattern[str]:
    """Like `word_start_trigger`, and its first-letter class also holds the non-ASCII letters that a
    case-insensitive pattern's first letter matches, so it fires wherever `\\b(?i:w1|w2|...)` can match."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0].lower(), []).append(w[1:].lower())
    cls = {c: c + c.upper() + _CASE_EXTRAS.get(c, "") for c in groups}
    firsts = "".join(cls[c] for c in sorted(groups))
    rests = "|".join(f"(?<=[{cls[c]}])(?i:" + "|".join(sorted(set(t), key=len, reverse=True)) + ")"
                     for c, t in sorted(groups.items()))
    return re.compile(f"[{firsts}](?<![A-Za-z][{firsts}])(?:{rests})")


# Common triggers: where a capitalised word, a word or a rank may start.
# A class first (not an assertion) lets the regex engine skip ahead by character set: several times faster.
CAPITAL = re.compile(r"[A-Z]")
WORD_CAPITAL = re.compile(r"[A-Z](?<!\w[A-Z])")  # = \b[A-Z]
# The capitals that open a rank (PC, Sgt, Inspector, A/Sgt, Det Con, Officer...), not after a word or "/".
_RANK_FIRST = "".join(sorted({r[0] for r in RANKS}))
RANK_START = re.compile(rf"[{_RANK_FIRST}](?<![\w/][{_RANK_FIRST}])")
# Where a whole rank starts (the rank itself checked by a look-ahead inside a one-character look-behind), for
# patterns that open with (?<![\w/])(?:RANK_RE): one match attempt per rank, not per capital.
RANK_AT = re.compile(rf"[{_RANK_FIRST}](?<![\w/][{_RANK_FIRST}])(?<=(?=(?:{RANK_RE}))[{_RANK_FIRST}])")


def tokenize(text: str) -> Tokens:
    matches = list(TOKEN.finditer(text))
    texts = [m.group() for m in matches]
    norms = [t.replace("’", "'").lower() for t in texts]
    return Tokens(texts, norms, [m.start() for m in matches], [m.end() for m in matches],
                  [_strip_possessive(n) or "" if n[-1] in "'s" else "" for n in norms])


def _strip_possessive(norm: str) -> str | None:
    if norm.endswith("'s"):
        return norm[:-2]
    if norm.endswith("'"):
        return norm[:-1]
    return None


@dataclass
class _Entry(Generic[V]):
    tokens: tuple[str, ...]
    seps: tuple[str, ...]
    value: V
    exact: bool


def _norm(token: str) -> str:
    return token.replace("’", "'").lower()


def _sep(s: str) -> str:
    return "" if not s.strip() else re.sub(r"\s+", " ", s.strip())


@dataclass
class PhraseMatcher(Generic[V]):
    """Phrases matched on token boundaries, longest first; "'s" after the last token stays outside."""

    _index: dict[str, list[_Entry[V]]] = field(default_factory=dict)

    def add(self, phrase: str, value: V, *, exact: bool = False) -> None:
        matches = list(TOKEN.finditer(phrase))
        if not matches:
            return
        tokens = tuple(m.group() if exact else _norm(m.group()) for m in matches)
        seps = tuple(_sep(phrase[a.end():b.start()]) for a, b in zip(matches, matches[1:]))
        entries = self._index.setdefault(_norm(tokens[0]), [])
        if any(e.tokens == tokens and e.exact == exact for e in entries):
            return
        entries.append(_Entry(tokens, seps, value, exact))
        entries.sort(key=lambda e: -len(e.tokens))

    def extend(self, phrases: Iterable[tuple[str, V]], *, exact: bool = False) -> None:
        for phrase, value in phrases:
            self.add(phrase, value, exact=exact)

    def __bool__(self) -> bool:
        return bool(self._index)

    def find(self, text: str, tokens: Tokens | None = None) -> list[tuple[int, int, V]]:
        """Non-overlapping (start, end, value) for every phrase in the text, leftmost-longest."""
        toks = tokens if tokens is not None else tokenize(text)
        out: list[tuple[int, int, V]] = []
        index = self._index
        # Only tokens that open some phrase (or do so without their "'s") need a closer look: the text's
        # distinct forms are looked up in the index, not every token.
        bases = toks.bases
        positions = toks.positions()
        keys = [k for k in positions if k in index]
        if not keys:
            return out
        starts = positions[keys[0]] if len(keys) == 1 else sorted({i for k in keys for i in positions[k]})
        upto = 0
        for i in starts:
            if i < upto:
                continue
            norm = toks.norms[i]
            entries = index.get(norm)
            stripped = False
            if entries is None:
                entries = index.get(bases[i])
                stripped = True
            hit = self._match_at(text, toks, i, entries, stripped) if entries else None
            if hit:
                n, end, value = hit
                out.append((toks.starts[i], end, value))
                upto = i + n
        return out

    def _match_at(self, text: str, toks: Tokens, i: int, entries: list[_Entry[V]],
                  stripped: bool) -> tuple[int, int, V] | None:
        count = len(toks.texts)
        for entry in entries:
            n = len(entry.tokens)
            if i + n > count or (stripped and n > 1):
                continue
            if n > 1:
                # A cheap look at the second token first: most longer phrases fail there.
                got = toks.texts[i + 1] if entry.exact else toks.norms[i + 1]
                want = entry.tokens[1]
                if got != want and not (n == 2 and _strip_possessive(got.replace("’", "'")) == want):
                    continue
            end = self._compare(text, toks, i, entry)
            if end is not None:
                return n, end, entry.value
        return None

    @staticmethod
    def _compare(text: str, toks: Tokens, i: int, entry: _Entry[V]) -> int | None:
        n = len(entry.tokens)
        for j in range(n):
            want = entry.tokens[j]
            if j and _sep(text[toks.ends[i + j - 1]:toks.starts[i + j]]) != entry.seps[j - 1]:
                return None
            got = toks.texts[i + j] if entry.exact else toks.norms[i + j]
            if got == want:
                continue
            base = _strip_possessive(got.replace("’", "'"))
            if j == n - 1 and base == want:
                return toks.starts[i + j] + len(want)
            return None
        return toks.ends[i + n - 1]
