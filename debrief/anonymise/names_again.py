"""Names found again after resolution, learnt from development sets 11 and 13: a full name's surname (or first name)
that is also a word, used alone where a name stands, and a first name that is a word left in lower case before a found
surname. Each class is found by its position, never by a word of a set."""
from __future__ import annotations

import re

from .entities import PRIORITY, Candidate, Kind
from .lexicon import FIRST_NAME_LIST, SURNAME_LIST, is_ordinary
from .recall_places10 import no_name
from .vocab import RELATIONS

# A surname of a full name in this text, or of a ranked or titled name, used again alone in a log ("daniel moss ...
# pnc: moss has a wanted marker", "PC Gold & PC Love ... informed by gold", "KEIRON BELL ... MALE (BELL) COMPLIED"),
# though the word is also a word ("moss", "gold", "bell"): where it stands as a name does, after a word that points
# at someone or before what a person does, never after an article or a possessive.
_TITLE_OR_RANK_BEFORE = re.compile(r"(?<![\w'’-])(?i:mr|mrs|ms|miss|mx|dr|pc|pcso|ps|sgt|dc|ds|di|dci|insp|inspector|"
                                   r"sergeant|constable|cst)\.?[ \t]+(?:\d{2,6}[ \t]+)?(?:[A-Za-z]\.?[ \t]+)?$")
_LONE_BEFORE = re.compile(r"(?<![\w'’-])(?i:by|for|per|states|stated|informed|told|pnc|check|checks|contacted|"
                          r"called|phoned|rang|arrested|detained|searched|interviewed|charged|released|conveyed|located|"
                          r"found|saw|shows|showing|owner|reporting)[ \t]+$")
# "(BELL)", "pnc: heath –", "gold & love": a mark before and the clause's end after.
_LONE_MARK_BEFORE = re.compile(r"(?:[(:&]|\b(?i:and))[ \t]*$")
_LONE_END_AFTER = re.compile(r"[ \t]*(?:[),.;&/–—]|$|\n|[ \t]-[ \t])")
# Words that are a colour, a size or a modal before they are a surname: found again only before what a person does.
_WORD_FIRST = frozenset("white black brown green grey gray long short little young will may can must rich mark "
                        "rose grace hope faith joy sue pat bill".split())
_LONE_AFTER = re.compile(r"(?:['’]s\b|[ \t]*[)&]|[ \t]+(?i:has|had|was|is|and|&|with|to|now|then|home|agrees|agreed|"
                         r"advising|advised|requests|requested|reports|reported|resuming|booked|states|stated|said|says|"
                         r"confirms|confirmed|attends|attended|arrived|left|returned|refused|declined|denies|denied|"
                         r"admits|admitted|arrested|detained|released|charged|interviewed|conveyed|transported|taken|"
                         r"located|found|seen|stopped|searched|spoken|informed|wanted|complied|struggled|became|"
                         r"appears|appeared|walked|ran|made|got|came|went|kicked|punched|threatened|shouting|"
                         r"shouted|ringing|rang|called|phoned|texted|messaged|also|again|still|not|who|believed|aka)\b)")
# Words a guess may open with that are no first name used alone: a relation, a size, an age.
NOT_FIRST = frozenset("big little young old wee baby son sister brother mum dad nan gran auntie uncle cousin".split())
_POSSESSIVE_BEFORE = re.compile(r"(?<![\w'’-])(?i:the|a|an|his|her|their|my|your|our|its|this|that|some|no|any|of|"
                                r"i|we|you|they|he|she|it|would|will|to|very|so|too|really)"
                                r"[ \t]+$")


def lone_surnames(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """`chosen` with the surnames of this text's people found again alone where they read as names."""
    words: dict[str, str | None] = {}
    for c in chosen:
        if c.kind is not Kind.PERSON or (c.key or "").startswith("nick:"):
            continue  # a nickname ("T Line") is no surname
        if c.start and text[c.start - 1] in "\"“'‘":
            continue  # nor a quoted phrase ("called her "another drunk Pole"")
        parts = re.findall(r"[A-Za-z][\w'’-]*", text[c.start:c.end])
        if not parts:
            continue
        last = re.sub(r"['’]s$", "", parts[-1])
        ranked = len(parts) == 1 and _TITLE_OR_RANK_BEFORE.search(text, max(0, c.start - 24), c.start)
        if len(parts) < 2 and not ranked:
            continue
        if len(parts) >= 2 and c.layer in ("default", "gazetteer", "ner") and parts[0].lower() not in FIRST_NAME_LIST:
            continue  # a guess ("grey toyota prius") names no one
        low = last.lower()
        if len(low) >= 3 and is_ordinary(low) and low in SURNAME_LIST and not no_name(last, slot=True):
            # a surname of no dictionary word is found again by `resolve.propagate`; "Herbert Form" is none
            words.setdefault(low, c.key)
        first = parts[0].lower()
        if len(parts) >= 2 and len(first) >= 3 and is_ordinary(first) and first in FIRST_NAME_LIST \
                and not no_name(parts[0], slot=True) and not ranked and first not in RELATIONS \
                and first not in NOT_FIRST:
            words.setdefault(first, c.key)  # "dean hamilton 14 ... took dean home": the first name too
    if not words:
        return chosen
    taken = bytearray(len(text))
    for c in chosen:
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    extra = []
    for m in re.finditer(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-]|['’](?!s\b))", text,
                         re.IGNORECASE):
        if any(taken[m.start():m.end()]):
            continue
        if _POSSESSIVE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue
        after = _LONE_AFTER.match(text, m.end())
        if m.group().lower() in _WORD_FIRST:
            if not after or re.match(r"[ \t]*(?:[)&]|(?i:and|&|with|to|now|then|home|also|again|still|not)\b)",
                                     text[m.end():m.end() + 8]):
                continue
        elif not (after or _LONE_BEFORE.search(text, max(0, m.start() - 16), m.start())
                  or (_LONE_MARK_BEFORE.search(text, max(0, m.start() - 6), m.start())
                      and _LONE_END_AFTER.match(text, m.end()))):
            continue
        extra.append(Candidate(m.start(), m.end(), Kind.PERSON, "propagated", PRIORITY["propagated"],
                               key=words[m.group().lower()]))
    return sorted(chosen + extra, key=lambda c: c.start) if extra else chosen


# "BELIEVED TO BE MARK MCCARTHY", "keeper will price": a line in one case, re-cased, leaves a first name that is also a
# word in lower case before the surname the name layers found; after a word that introduces a person it is the name.
_FIRST_WORD_BEFORE = re.compile(r"(?<![\w'’-])(?P<f>[a-z][a-z'’]{2,11})[ \t]+$")
_INTRODUCES = re.compile(r"(?:(?<![\w'’-])(?i:be|is|was|as|named|called|keeper|owner|caller|rp|ip|dp|victim|suspect|male|"
                         r"female|and|&|with|by|from|to|v|vs|mr|mrs|ms|miss|aka)|[:,(/–—-]|\d{4}|^)[ \t]*$")


def first_names_before_surnames(text: str, chosen: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for c in chosen:
        if c.kind is Kind.PERSON and c.start and text[c.start:c.start + 1].isupper() \
                and not (out and out[-1].end > c.start - 13):
            w = _FIRST_WORD_BEFORE.search(text, max(0, c.start - 14), c.start)
            if w and w.group("f") in FIRST_NAME_LIST and is_ordinary(w.group("f")) \
                    and not no_name(w.group("f"), slot=True) and w.group("f") not in NOT_FIRST \
                    and w.group("f") not in RELATIONS \
                    and _INTRODUCES.search(text, max(0, w.start() - 12), w.start()):
                c = Candidate(w.start("f"), c.end, Kind.PERSON, c.layer, c.priority, key=c.key, gender=c.gender)
        out.append(c)
    return out


def names_again(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """The post-pass of this module: ordinary-word surnames and first names found again, first names before surnames."""
    return lone_surnames(text, first_names_before_surnames(text, chosen))
