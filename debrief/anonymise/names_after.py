"""Post-passes over resolved candidates for names learnt from development sets 8 and 9 (split from
recall_places9.py, which finds candidates): a word of a full name found again where the person acts, a flat or plot
that belongs to the address after it, a particle between two name parts, and a nickname inside a name."""
from __future__ import annotations

import re
from collections.abc import Iterator

from .entities import PRIORITY, Candidate, Kind
from .gazetteer import CAR_MAKES, FIRST_NAMES
from .keep import is_keep_word
from .lexicon import FIRST_NAME_LIST, SAFE_PROPER, SURNAME_LIST, UK_PLACE_LOWER, is_ordinary, is_policing_word
from .recall_places9 import _DETERMINER_BEFORE
from .names_again import names_again
from .recall_places12 import places_twelve_after
from .vocab import NOT_NAMES

_COMMON_FIRST = frozenset(n.lower() for n in FIRST_NAMES)


# "jordan baker" ... "baker detained", "aaron tucker" ... "tucker arrested", "KYLE HOPE" ... "HOPE WALKED OFF", "jason white"
# ... "white's friend": a word of a full name found in this text, used again alone where a person acts or owns,
# whatever else the word means; "Bailey Storr" ... "I arrested STORR": a word that is no dictionary word, in another
# case (`resolve.propagate` finds a name again only as written).
_DOES = (r"(?:[ \t]+(?i:was|is|has\s+been|had\s+been|then|now|also|later|subsequently|eventually|initially|being))?"
         r"[ \t]+(?i:arrested|detained|located|stopped|conveyed|released|charged|interviewed|cautioned|searched|walked|"
         r"ran|seen|found|taken|booked|bailed|remanded|states|stated|sts|said|says|denies|denied|admits|admitted|refused|"
         r"left|returned|transported|handcuffed|restrained|identified|spoken|contacted|informed|declined|agreed|kicked|"
         r"punched|shouted|threatened|assaulted|escaped|decamped|fled|made\s+off|associates|confirmed|claims|claimed|"
         r"replied|became|appeared|attended|approached|pushed|struck|spat|swore|resisted)(?![\w'’-])"
         r"|['’]s[ \t]+(?i:friend|friends|mum|mother|mam|dad|father|brother|sister|partner|girlfriend|boyfriend|wife|"
         r"husband|son|daughter|car|van|phone|house|address|flat|coat|family|solicitor|mate|mates)(?![\w'’-])")
_DOES_AFTER = re.compile(_DOES)
_DONE_TO_BEFORE = re.compile(r"(?<![\w'’-])(?i:arrested|detained|interviewed|charged|cautioned|released|searched|located|"
                             r"stopped|conveyed|booked|bailed|de-arrested|handcuffed|restrained)[ \t]+$")


_RUN_OF_WORD = re.compile(r"(?<![\w'’-])[A-Za-z][\w'’-]*")


def words_again(text: str, words: list[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) for each of `words` (lower case, letters, digits, "_", "'", "’" and "-") found as a whole word,
    as `re.finditer(r"(?<![\\w'’-])(?:w1|w2|...)(?![\\w-]|['’](?!s\\b))", text, re.IGNORECASE)` finds them.

    An ASCII text is read run by run (a word fills a run of word characters, or ends before an apostrophe and a
    possessive "s"; the first of `words` in order wins), with no pattern compiled for the passage's own names:
    compiling one cost more than the rest of the pass. A text with other characters is scanned by that pattern."""
    if not words:
        return
    if not text.isascii():
        pattern = r"(?<![\w'’-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-]|['’](?!s\b))"
        for m in re.finditer(pattern, text, re.IGNORECASE):
            yield m.start(), m.end(), m.group().lower()
        return
    order = {w: i for i, w in enumerate(words)}
    size = len(text)
    for run in _RUN_OF_WORD.finditer(text):
        start, end = run.span()
        low = run.group().lower()
        best = order.get(low)
        cut = low.find("'")
        while cut > 0:  # a word ending before "'s" and a word's end: "jones" in "Jones's"
            at = start + cut
            if text[at + 1:at + 2] in ("s", "S") and (at + 2 == size or not (text[at + 2].isalnum() or text[at + 2] == "_")):
                i = order.get(low[:cut])
                if i is not None and (best is None or i < best):
                    best = i
            cut = low.find("'", cut + 1)
        if best is not None:
            word = words[best]
            yield start, start + len(word), word


def ordinary_names_again(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """`chosen` with the parts of the text's full names that `resolve.propagate` leaves found again."""
    words: dict[str, tuple[str | None, bool]] = {}
    for c in chosen:
        if c.kind is Kind.PERSON:
            parts = re.findall(r"[A-Za-z][\w'’-]*", text[c.start:c.end])
            # a guess ("grey toyota prius", "DYLAN'S COUSIN") is a full name only when it opens with a first name
            if len(parts) >= 2 and (c.layer not in ("default", "ner", "gazetteer") or (
                    parts[0].lower() in FIRST_NAME_LIST and not re.search(r"['’]s\b", text[c.start:c.end]))):
                for w in parts:
                    low = w.lower()
                    if len(low) < 3 or is_keep_word(low):
                        continue
                    if low in SURNAME_LIST and is_ordinary(low) and len(low) >= 4:  # "white", "young": only where a person acts
                        words.setdefault(low, (c.key, True))
                    elif not (is_ordinary(low) or low in NOT_NAMES or is_policing_word(low) or low in UK_PLACE_LOWER
                              or low in SAFE_PROPER or w.title() in CAR_MAKES):  # "Keeper of Lexus Ahn Nguyen"
                        words.setdefault(low, (c.key, False))
    if not words:
        return chosen
    taken = bytearray(len(text))
    for c in chosen:
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    extra = []
    for start, end, word in words_again(text, list(words)):
        if any(taken[start:end]):
            continue
        key, ordinary = words[word]
        if ordinary and (_DETERMINER_BEFORE.search(text, max(0, start - 8), start)
                         or not (_DOES_AFTER.match(text, end)
                                 or _DONE_TO_BEFORE.search(text, max(0, start - 16), start))):
            continue
        extra.append(Candidate(start, end, Kind.PERSON, "propagated", PRIORITY["propagated"], key=key))
    return sorted(chosen + extra, key=lambda c: c.start) if extra else chosen


# "Flat D, 6 Seaforth Road", "Caravan 14, Kelling Heath Holiday Park", "House 3, Eaudyke Bank", "of Flat 5, Raby Cross":
# the flat, caravan or house before an address the other layers found goes with it.
_UNIT_BEFORE = re.compile(r"(?<![\w'’-])(?i:flat|apartment|apt\.?|caravan|plot|pitch|house|unit|room|chalet|maisonette|bay)"
                          r"[ \t]+(?:[A-Za-z]|[A-Za-z]?\d{1,4}[A-Za-z]?)[ \t]*,[ \t]*$")
_UNIT_WORD_BEFORE = re.compile(r"(?<![\w'’-])(?i:flat|apartment|apt\.?|caravan|plot|pitch|house|chalet|maisonette)[ \t]+$")


def units_before_addresses(text: str, chosen: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for c in chosen:
        if c.kind in (Kind.ADDRESS, Kind.PLACE) and c.start > 0:
            m = _UNIT_BEFORE.search(text, max(0, c.start - 24), c.start) or (
                _UNIT_WORD_BEFORE.search(text, max(0, c.start - 14), c.start) if text[c.start].isdigit() else None)
            if m and not (out and out[-1].end > m.start()):
                c = Candidate(m.start(), c.end, Kind.ADDRESS, c.layer, c.priority, subtype="address")
        out.append(c)
    return out


# "Eilidh Nic a' Phearsain", "Iain Mac a' Ghobhainn", "McKinty Ó hAodha", "MEINIR HAF ELIS-GRUFFUDD": two parts of one
# name found apart, with a particle or a middle name the name layers left between them.
_BETWEEN_PARTS = re.compile(r"[ \t]+(?:(?i:a['’]|an['’]|ó|o['’]|ní|nic|mac|mc|de|da|di|van|von|der|den|bin|ibn|ap|ab|al|el|la|le|"
                            r"du|st\.?)|[A-Z][a-zà-ÿ'’]+|[A-Z][A-ZÀ-Þ'’]+)[ \t]+")


def particles_between_names(text: str, chosen: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for c in chosen:
        prev = out[-1] if out else None
        if prev and prev.kind is Kind.PERSON and c.kind is Kind.PERSON:
            m = _BETWEEN_PARTS.fullmatch(text, prev.end, c.start)
            word = m.group().strip() if m else ""
            if m and not (is_keep_word(word) or is_policing_word(word) or word.lower() in NOT_NAMES
                          or (word[:1].isupper() and word.lower() in _COMMON_FIRST)):  # "Sarah Jones Mark Smith": two
                out[-1] = Candidate(prev.start, c.end, Kind.PERSON, prev.layer, prev.priority, key=prev.key or c.key,
                                    gender=prev.gender)
                continue
        out.append(c)
    return out


# "MARK 'DINGO' TREHARNE", "manpreet 'manny' gill", "TAM "THE HAMMER" DOCHERTY": a quoted nickname inside a name; the
# first name, the nickname and the surname are one mention, whichever of them the layers found.
_QUOTED_INSIDE = re.compile(r"[ \t]+[\"“'‘][^\"“”'‘’\n]{1,24}[\"”'’][ \t]+")
_NAME_WORD_AFTER = re.compile(r"(?:Mc|Mac|O['’]|Ó[ \t]+)?[A-Za-zÀ-ÿ][\w'’-]*")
_NAME_WORD_BEFORE = re.compile(r"(?<![\w'’-])[A-Za-zÀ-ÿ][\w'’-]*$")


def nicknames_inside_names(text: str, chosen: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    taken = [(c.start, c.end) for c in chosen]
    for i, c in enumerate(chosen):
        if c.kind is Kind.PERSON and not (out and out[-1].end > c.start):
            q = _QUOTED_INSIDE.match(text, c.end)
            if q:  # the name before the nickname was found: take the nickname and the surname after it
                nxt = chosen[i + 1] if i + 1 < len(chosen) else None
                if nxt is not None and nxt.kind is Kind.PERSON and nxt.start == q.end():
                    continue_end = nxt.end
                else:
                    w = _NAME_WORD_AFTER.match(text, q.end())
                    word = w.group() if w else ""
                    ok = w and not (is_keep_word(word) or is_policing_word(word) or word.lower() in NOT_NAMES) and (
                        word.lower() in SURNAME_LIST or not is_ordinary(word)) and not any(
                        s < w.end() and w.start() < e for s, e in taken)
                    continue_end = w.end() if ok else None
                if continue_end is not None:
                    c = Candidate(c.start, continue_end, Kind.PERSON, c.layer, c.priority, key=c.key, gender=c.gender)
                    if nxt is not None and nxt.start < continue_end:
                        chosen = chosen[:i + 1] + chosen[i + 2:]  # the surname part is now in this one
                        taken = [(x.start, x.end) for x in chosen]
            else:
                # the surname after the nickname was found: take the first name and the nickname before it
                before = re.search(r"[ \t]+[\"“'‘][^\"“”'‘’\n]{1,24}[\"”'’][ \t]+$", text[max(0, c.start - 40):c.start])
                if before:
                    q_start = c.start - len(before.group())
                    w = _NAME_WORD_BEFORE.search(text, max(0, q_start - 24), q_start)
                    if w and w.group().lower() in FIRST_NAME_LIST and not (out and out[-1].end > w.start()) \
                            and not is_policing_word(w.group()):
                        c = Candidate(w.start(), c.end, Kind.PERSON, c.layer, c.priority, key=c.key, gender=c.gender)
        if out and out[-1].end > c.start:
            continue
        out.append(c)
    return out


def after_resolution(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """The post-pass of this module: names found again, flats joined to their addresses, a name's parts joined."""
    chosen = units_before_addresses(text, names_again(text, ordinary_names_again(text, chosen)))
    return places_twelve_after(text, nicknames_inside_names(text, particles_between_names(text, chosen)))
