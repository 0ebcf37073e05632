"""Names nobody put on the form: a capitalised name after a title, rank, role or naming cue."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .entities import PRIORITY, Candidate, Kind
from .gazetteer import ALL_PLACES, CAR_MAKES, FIRST_NAMES, FIRST_NAMES_F, FIRST_NAMES_M
from .keep import is_keep_word
from .name_use import is_ordinary_word, used_as_name
from .phrases import PhraseMatcher, Tokens
from .vocab import (MONTHS, NOT_NAMES, OTHER_ROLES, PLURAL_RANKS, RANK_LABEL, RANKS, RELATIONS,
                    STAFF_ROLES, TITLE_RE, TITLES, WEEKDAYS, alternation)

_CTX = PRIORITY["context"]
_GAZ = PRIORITY["gazetteer"]
NAME = (r"(?:(?:(?:O|Ni|Nic|Mhic|Ui|Mac\s+an|Mac|ap|ab|bin|binti|ibn)\s+(?=[htn]?[A-Z][a-z])(?:[htn](?=[A-Z]))?)?"
        r"(?:Mc|Mac|O['’]|D['’]|De|Van|Al-|El-)?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)*(?![A-Za-z]))")
_CAPS = r"(?:[A-Z]{2,}(?:-[A-Z]{2,})?(?![\d]))"

_PLURAL = re.compile(
    r"\b(?:" + alternation(PLURAL_RANKS) + r")\s+(?P<list>" + NAME + r"(?:\s*(?:,|and|&)\s*" + NAME + r")+)"
)

_AFTER_TITLE = re.compile(r"\.?\s+(?P<name>" + NAME + r"(?:\s+" + NAME + r")?)")
_AFTER_RANK = re.compile(
    r"\.?\s+(?:\d{2,6}[A-Z]{0,2}\s+)?(?P<name>" + NAME + r"(?:\s+(?:" + NAME + r"|" + _CAPS + r"))?)"
)
_AFTER_ROLE = re.compile(r"(?:['’]s)?(?:,\s*|\s+)(?P<name>" + NAME + r"(?:\s+" + NAME + r")?)")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n(]\s*|[\"“‘']\s*)$")
_CUES: PhraseMatcher[str] = PhraseMatcher()
_CUES.extend(((t, "title") for t in TITLES), exact=True)
_CUES.extend(((r, "rank") for r in RANKS), exact=True)
_CUES.extend((r, "role") for r in (*RELATIONS, *STAFF_ROLES, *OTHER_ROLES))
_CUE = re.compile(
    r"\b(?i:named|called|known\s+as|identified\s+as|name\s+of|names?\s+(?:is|was)|"
    r"calls?\s+(?:himself|herself)|introduced\s+(?:himself|herself)\s+as|nicknamed|aka|a\.k\.a\.|"
    r"(?:his|her|their)\s+(?:full\s+)?name\s+as|named\s+(?:by\s+\w+\s+\w+\s+)?as)"
    r"\s+(?:as\s+)?(?P<name>" + NAME + r"(?:\s+" + NAME + r")?)"
)
_APPOSITION = re.compile(r"\b(?P<name>" + NAME + r"(?:\s+" + NAME + r")?),\s+\d{1,2}\s*,")
_TOKEN = re.compile(NAME)
_SURNAME_AFTER = re.compile(r"\s+(" + NAME + r"|" + _CAPS + r")\b")
_NOT_SURNAME = frozenset(
    "road street lane avenue close drive way crescent terrace gardens place court grove hill square "
    "walk row mews parade park estate house hospital station school college centre arms inn".split()
)
_MONTHS_DAYS = frozenset(w.lower() for w in (*MONTHS, *WEEKDAYS))
_STAFF = frozenset(r.lower() for r in STAFF_ROLES)
_PREFIX_PLURAL = re.compile(
    r"\b(?P<title>" + alternation(PLURAL_RANKS) + r")\s+(?:" + NAME + r"\s*(?:,|and|&)\s*)*$"
)
_TITLE_WORDS = frozenset(t.lower() for t in re.findall(r"[A-Za-z]+", TITLE_RE))


def is_plausible_name(words: str) -> bool:
    """Whether a capitalised phrase could be a person's name rather than a word of the narrative."""
    parts = words.split()
    if not parts:
        return False
    first = re.sub(r"['’]s?$", "", parts[0].lower())
    if first in NOT_NAMES or first in _MONTHS_DAYS or is_keep_word(parts[0]) or is_keep_word(words):
        return False
    return not (words in ALL_PLACES and parts[0] not in FIRST_NAMES)


def _trim_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop a trailing word that is narrative rather than surname ("Dean Then" -> "Dean")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    # "FIM Insp Okonkwo": a rank written after a role word belongs to the rank, not the name.
    while len(words) > 1 and words[0].group().rstrip(".") in _TITLE_SET:
        start += words[1].start()
        words = list(re.finditer(r"\S+", text[start:end]))
    while len(words) > 1:
        last = words[-1].group()
        if last.lower() in NOT_NAMES or last.lower() in _NOT_SURNAME or is_keep_word(last) \
                or last.lower() in _MONTHS_DAYS or last in ALL_PLACES:
            words.pop()
        else:
            break
    name = text[start:start + words[-1].end()]
    if not is_plausible_name(name):
        return None
    return start, start + words[-1].end()


def gender_of(first: str) -> str | None:
    return "m" if first in FIRST_NAMES_M else ("f" if first in FIRST_NAMES_F else None)


def _person(start: int, end: int, layer: str, prio: int, title: str | None = None,
            role: str | None = None) -> Candidate:
    return Candidate(start, end, Kind.PERSON, layer, prio, title=title, role=role)


def _cue_hits(text: str, tokens: Tokens | None) -> Iterator[tuple[str, str, int]]:
    """(kind, cue, end) for every title, rank and role word, found by token lookup, not big regexes."""
    for start, end, kind in _CUES.find(text, tokens):
        yield kind, text[start:end], end


def _context(text: str, tokens: Tokens | None = None) -> Iterator[Candidate]:
    for kind, cue, end in _cue_hits(text, tokens):
        if kind == "role" and not cue.islower() and cue.lower() in RELATIONS and not (
                _SENTENCE_START.search(text, max(0, end - len(cue) - 3), end - len(cue))):
            continue  # "Protect Subject, Protect Other..." is a heading list, not "the subject, Dean"
        after = (_AFTER_TITLE if kind == "title" else _AFTER_RANK if kind == "rank" else _AFTER_ROLE).match(text, end)
        if not after:
            continue
        span = _trim_name(text, *after.span("name"))
        if span is None:
            continue
        if kind == "role" and text[span[0]:span[1]].split()[0].lower() in _TITLE_WORDS:
            continue
        yield _person(*span, "context", _CTX, cue if kind != "role" else None, cue if kind == "role" else None)
    for pattern in (_CUE, _APPOSITION):
        for m in pattern.finditer(text):
            span = _trim_name(text, *m.span("name"))
            if span is not None:
                yield _person(*span, "context", _CTX)
    for m in _PLURAL.finditer(text):
        base = m.start("list")
        for n in _TOKEN.finditer(m.group("list")):
            if is_plausible_name(n.group()):
                yield _person(base + n.start(), base + n.end(), "context", _CTX, "plural")


def _first_names(text: str) -> Iterator[Candidate]:
    for m in _TOKEN.finditer(text):
        if m.group() not in FIRST_NAMES:
            continue
        prev = re.search(r"(\S+)\s+$", text[max(0, m.start() - 20):m.start()])
        if prev and prev.group(1) in CAR_MAKES:
            continue
        end = m.end()
        after = _SURNAME_AFTER.match(text, end)
        if after:
            word = after.group(1)
            if (word.lower() not in NOT_NAMES and word.lower() not in _NOT_SURNAME
                    and not is_keep_word(word) and word.lower() not in _MONTHS_DAYS
                    and word not in ALL_PLACES):
                end = after.end(1)
        if end == m.end() and is_ordinary_word(m.group()) and not used_as_name(text, m.start(), end):
            continue  # "Mark the time.", "Will you wait?": the word, not a first name
        yield _person(m.start(), end, "gazetteer", _GAZ + 5)


def find_names(text: str, tokens: Tokens | None = None) -> list[Candidate]:
    """Person names found by context rules and by the bundled list of common first names."""
    return [*_context(text, tokens), *_first_names(text)]


_LAST_WORDS = re.compile(r"((?:[\w/&'’.,-]+[ \t]+){1,5})$")
_TITLE_SET = frozenset(TITLES) | frozenset(RANKS)
_ROLE_SET = frozenset(r.lower() for r in (*RELATIONS, *STAFF_ROLES, *OTHER_ROLES))
_PLURAL_SET = frozenset(PLURAL_RANKS)


_PREFIX_WORD = re.compile(r"[(\"“‘]?[\w/&'’.,-]+")


def _last_words(before: str) -> list[str]:
    """Up to five words written just before a position, as `_LAST_WORDS` would find them."""
    if not before or before[-1] not in " \t":
        return []
    before = before[before.rfind("\n") + 1:]  # a title ends no earlier line: "this.\nMrs Postlethwaite" has "Mrs"
    words: list[str] = []
    for part in reversed(re.split(r"([ \t]+)", before.rstrip(" \t"))[::2]):
        if len(words) == 5 or not _PREFIX_WORD.fullmatch(part):
            break
        words.append(part)
    words.reverse()
    return words


@lru_cache(maxsize=2048)  # asked for each person mention by several steps; pure in (text, start)
# A name's prefix is read when it is resolved, learnt from and replaced: once for each (text, start).
@lru_cache(maxsize=1024)
def describe_prefix(text: str, start: int) -> tuple[str | None, str | None]:
    """(title or rank, role word) written just before a name that starts at `start`."""
    before = text[max(0, start - 60):start]
    words = _last_words(before)
    if not words:
        return None, None
    if words and words[-1].endswith(".") and words[-1][:-1].isupper():
        return None, None  # "seen by a PCSO. Katarzyna ...": the sentence ended, no rank before the name
    words = [w.lstrip("(\"“‘") if w[:1] in "(\"“‘" and len(w) > 1 else w for w in words]  # "(PC 2088 Andreea", '"Dr X'"
    if len(words) > 1 and re.fullmatch(r"[A-Z]{2,3}", words[-1]) and re.fullmatch(r"\d{2,6}", words[-2]) \
            and words[-1] not in _TITLE_SET:
        words.pop()  # "PC 2231 WY Osei-Bonsu": a force code after the collar number ("cc 4021 (PC Osei)": a rank)
    if words and re.fullmatch(r"[A-Z]{0,3}\d{2,6}[A-Z]{0,2}", words[-1]):
        words.pop()  # "PC 1234 Jones", "PC NP4412 Jones": the collar number sits between rank and name
    if not words:
        return None, None
    # Longest first, so "Chief Inspector" beats "Inspector" and "call handler" beats "handler".
    for n in range(min(3, len(words)), 0, -1):
        phrase = " ".join(words[-n:])
        if phrase.rstrip(".") in _TITLE_SET:
            return phrase.rstrip("."), None
    if any(w in _PLURAL_SET for w in words) and _PREFIX_PLURAL.search(before):
        return "plural", None
    comma = words[-1].endswith(",")
    words = [w.rstrip(",") for w in words]
    words[-1] = re.sub(r"['’]s$", "", words[-1])
    for n in range(min(4, len(words)), 0, -1):
        phrase = " ".join(words[-n:]).lower()
        if phrase in _ROLE_SET:
            return None, phrase + ("," if comma else "")
    return None, None


def rank_label(title: str | None) -> str | None:
    """The rank to restore for a bare name, or None for titles (Mr, Mrs) and no title."""
    if not title or title.lower().rstrip(".") in _TITLE_WORDS or title == "plural":
        return None
    return RANK_LABEL.get(title.lower(), title)


def is_staff_role(role: str | None) -> bool:
    return bool(role) and re.sub(r"\s+", " ", role or "").lower() in _STAFF  # "x," never matches


def relation_gender(role: str | None) -> str | None:
    return RELATIONS.get(re.sub(r"\s+", " ", role or "").lower().rstrip(",")) if role else None
