"""Names that are ordinary words, caught where only a person can stand: after a dotted initial ("J. Smith",
"R. Cook") and as the one told, asked or rung ("tell Chanty", "asked Hope for a lift"); and public bodies named by
their area ("Leeds City Council", "Aneurin Bevan UHB"), which say where as a force's name does (a Scottish board
named after "NHS", "NHS Lothian", is recall_forces9's)."""
from __future__ import annotations

import re

from .entities import PRIORITY, Candidate, Kind
from .keep import is_keep_word
from .lexicon import NAME_LIST, SAFE_PROPER, SURNAME_LIST, UK_PLACE_LOWER, is_ordinary, is_policing_word
from .name_use import sentence_initial

_BASE = PRIORITY["context"]
_LABEL_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Person|Officer|PC|PS|DC|DS|Sgt|Insp|Plan|Level|Grade|Part|"
                           r"Annex|Appendix|Section|Room|Wing|Block|Unit|Cell)\s+$")
# A capitalised name ("O'Neill", "Osei-Bonsu"), never a label's letter ("PC A's") nor a possessive's "'s".
_LETTERS = r"(?:[a-z]|['’](?!s\b)[A-Za-z])+"
_WORD = r"(?![A-Z](?:['’]s)?\b)[A-Z]" + _LETTERS + r"(?:-[A-Z]" + _LETTERS + r")?"
# "J. Smith", "R. Cook", "J. P. Long": dotted initials and a capitalised word (the surname may be a word).
_DOTTED = re.compile(r"(?<![\w./-])(?:[A-Z]\.[ ]?){1,3}(?P<n>" + _WORD + r")\b(?!\.\w|\s*:)")  # not "A. Age:"
# "tell Chanty", "asked Hope for", "rang Rose", "texted Will": the person spoken to.
_TOLD = re.compile(r"\b(?i:tell|told|telling|ask|asked|asking|rang|ring|phoned|phone|texted|text|messaged|message|"
                   r"warned|thanked|reassured|consoled|hugged|kissed|punched|slapped|kicked|pushed|hit|"
                   r"blamed|accused|threatened)\s+(?P<n>" + _WORD + r")(?:\s+(?P<s>[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?))?\b")


# "Leeds City Council", "Cwm Taf Morgannwg University Health Board", "Riverside Housing Association": a body named by
# its area, told as its kind ("a council").
_ORG = re.compile(
    r"\b(?P<name>(?:[A-Z][\w'’-]+\s+(?:and\s+|&\s+)?){1,5}?)(?P<kind>(?:(?:City|County|Borough|District|Metropolitan|"
    r"Town|Parish|Community|Unitary)\s+(?:Borough\s+)?)?Council|Housing\s+(?:Trust|Association|Partnership|Group)|"
    r"(?:University\s+)?(?:Hospitals?\s+)?NHS\s+(?:Foundation\s+)?Trust|(?:University\s+|Teaching\s+)?Health\s+Board|"
    r"UHB|CCG|ICB)\b")
_ORG_ANCHOR = re.compile(r"Council|Housing|NHS|Health\s+Board|UHB|CCG|ICB")
_GENERIC = frozenset("the city county borough district metropolitan town parish community unitary national local "
                     "police crime chiefs' chiefs safeguarding children's childrens adult adults university teaching "
                     "hospital hospitals and & royal".split())


def _bodies(text: str) -> list[Candidate]:
    out = []
    for m in _ORG.finditer(text):
        words = m.group("name").split()
        # "Trading Standards Herefordshire Council", "GLAA and North Northamptonshire Council": the body's name starts
        # after any kept term before it.
        while words and (words[0].lower() in ("the", "and", "&") or is_policing_word(words[0].strip("'’"))):
            words.pop(0)
        if not words or all(w.lower().strip("'’") in _GENERIC or is_policing_word(w) for w in words):
            continue
        start = text.index(words[0], m.start("name"))
        kind = m.group("kind")
        noun = ("council" if "Council" in kind else "housing association" if kind.startswith("Housing")
                else "health trust" if "NHS" in kind else "health board")
        out.append(Candidate(start, m.end(), Kind.PLACE, "pattern", PRIORITY["pattern"] + 3, f"premises:{noun}"))
    return out


# "Westmere Constabulary", "the Northshire Police", "Ynys Police Service": a force the lists do not hold (a new name, a
# misspelling, a demonstration force) is still a force, read from its name's last word; "the Military Police",
# "Transport Police", "local police" name no area and stay.
_FORCE_NAMED = re.compile(r"\b(?P<name>(?:[A-Z][\w'’-]+[ \t]+){1,3}?)(?:Constabulary|Police(?:[ \t]+(?:Service|Force))?)\b")


def _unlisted_forces(text: str) -> list[Candidate]:
    out = []
    for m in _FORCE_NAMED.finditer(text):
        words = m.group("name").split()
        while words and (words[0] in ("The", "A", "An") or is_policing_word(words[0])):
            words.pop(0)
        if not words or not any(not is_ordinary(w.lower()) or w.lower() in UK_PLACE_LOWER for w in words):
            continue
        start = m.start("name") + m.group("name").index(words[0])
        out.append(Candidate(start, m.end(), Kind.FORCE, "pattern", PRIORITY["pattern"] + 3))
    return out


# "PC May", "DC April Smith", "June said", "April's dad": a month that is someone's name.
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_NAMED = re.compile(
    r"\b(?:(?P<t>(?:Mr|Mrs|Ms|Miss|Mx|Dr|PC|PCSO|PS|DC|DS|Sgt|Insp|DI|DCI)\.?\s+(?:\d{2,6}\s+)?)(?P<n>" + _MONTH
    + r")(?!\s+\d)|(?P<m>" + _MONTH + r")(?=['’]s\s+[a-z]|\s+(?:said|says|told|tells|asked|replied|shouted|stated|states|"
    r"admitted|denied|rang|phoned|texted|cried|screamed)\b))")


# "from the account jay.inv.99", "a profile called lil_t": an account name after its noun, with a dot, an underscore
# or a figure in it.
_ACCOUNT = re.compile(r"\b(?i:account|profile|channel|page)\s+(?:(?i:called|named|name)\s+)?[\"“‘']?"
                      r"(?P<h>@?[A-Za-z][A-Za-z0-9_]*[._][A-Za-z0-9_.]*[A-Za-z0-9]|@?[A-Za-z]+[0-9][A-Za-z0-9_]*)")


# "PC Little", "Sgt Young": after a rank, a capitalised word that is no policing word is the officer's name.
_RANKED = re.compile(r"\b(?:PC|PCSO|PS|DC|DS|Sgt|Insp|DI|DCI|Supt|Ch\s+Insp|Constable|Sergeant|Inspector)\.?"
                     r"\s+(?:\d{2,6}\s+)?(?P<n>" + _WORD + r")\b")


# Words that open the next sentence after a label's letter ("Mr C. Will you ...") and are names too.
_STARTERS = frozenset("will may can did does had has have was were is are then she he they we it there this that "
                      "when after before but and so later".split())


def _safe(word: str) -> bool:
    low = word.lower()
    return is_policing_word(word) or low in SAFE_PROPER or low in ("control", "police", "god", "mum", "dad", "nan")


def find_lead_recall(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    if ". " in text or re.search(r"[A-Z]\.[A-Z]", text):
        for m in _DOTTED.finditer(text):
            initials = text[m.start():m.start("n")].replace(" ", "")
            if initials in ("U.K.", "A.M.", "P.M.", "N.B.", "P.S.", "E.G.", "I.E.", "D.O.B.") or _safe(m.group("n")):
                continue
            if len(initials) == 2 and (m.group("n").lower() not in NAME_LIST or initials[0] in "AI" and not
                                       _LABEL_BEFORE.search(text, max(0, m.start() - 10), m.start())
                                       or _LABEL_BEFORE.search(text, max(0, m.start() - 10), m.start())
                                       and m.group("n").lower() in _STARTERS):
                continue  # one letter and a full stop ends many sentences ("Plan B. Then", "Mr C. Second"): a
                # single initial counts only before a name of the name lists ("J. Smith", "R. Cook")
            out.append(Candidate(m.start(), m.end("n"), Kind.PERSON, "context", _BASE))
    for m in _RANKED.finditer(text):
        name = m.group("n")
        if (not _safe(name) or name.lower() in SURNAME_LIST and not is_keep_word(name)) and not name.isupper():
            out.append(Candidate(*m.span("n"), Kind.PERSON, "context", _BASE))
    for m in _MONTH_NAMED.finditer(text):
        start, end = m.span("n") if m.group("n") else m.span("m")
        if m.group("m") and sentence_initial(text, start) and not re.match(r"['’]s", text[end:end + 2]):
            pass  # "June said" opening a sentence is still June: months do not say things
        out.append(Candidate(start, end, Kind.PERSON, "context", _BASE + 4))
    for m in _ACCOUNT.finditer(text):
        out.append(Candidate(*m.span("h"), Kind.HANDLE, "pattern", PRIORITY["pattern"] + 6))
    if _ORG_ANCHOR.search(text):
        out += _bodies(text)
    if "Police" in text or "Constabulary" in text:
        out += _unlisted_forces(text)
    for m in _TOLD.finditer(text):
        name = m.group("n")
        if _safe(name) or sentence_initial(text, m.start("n")):
            continue
        end = m.end("s") if m.group("s") and not _safe(m.group("s")) else m.end("n")
        out.append(Candidate(m.start("n"), end, Kind.PERSON, "context", _BASE))
    return out
