"""Names that are ordinary words, caught where only a person can stand: after a dotted initial ("J. Smith",
"R. Cook") and as the one told, asked or rung ("tell Chanty", "asked Hope for a lift")."""
from __future__ import annotations

import re

from .entities import PRIORITY, Candidate, Kind
from .lexicon import NAME_LIST, SAFE_PROPER, is_policing_word
from .name_use import sentence_initial

_BASE = PRIORITY["context"]
_LABEL_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Person|Officer|PC|PS|DC|DS|Sgt|Insp|Plan|Level|Grade|Part|"
                           r"Annex|Appendix|Section|Room|Wing|Block|Unit|Cell)\s+$")
_WORD = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
# "J. Smith", "R. Cook", "J. P. Long": dotted initials and a capitalised word (the surname may be a word).
_DOTTED = re.compile(r"(?<![\w./-])(?:[A-Z]\.[ ]?){1,3}(?P<n>" + _WORD + r")\b(?!\.\w)")
# "tell Chanty", "asked Hope for", "rang Rose", "texted Will": the person spoken to.
_TOLD = re.compile(r"\b(?i:tell|told|telling|ask|asked|asking|rang|ring|phoned|phone|texted|text|messaged|message|"
                   r"warned|thanked|reassured|consoled|hugged|kissed|punched|slapped|kicked|pushed|hit|"
                   r"blamed|accused|threatened)\s+(?P<n>" + _WORD + r")(?:\s+(?P<s>[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?))?\b")


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
            if len(initials) == 2 and (m.group("n").lower() not in NAME_LIST or initials[0] in "AI"
                                       or _LABEL_BEFORE.search(text, max(0, m.start() - 10), m.start())):
                continue  # one letter and a full stop ends many sentences ("Plan B. Then", "Mr C. Second"): a
                # single initial counts only before a name of the name lists ("J. Smith", "R. Cook")
            out.append(Candidate(m.start(), m.end("n"), Kind.PERSON, "context", _BASE))
    for m in _TOLD.finditer(text):
        name = m.group("n")
        if _safe(name) or sentence_initial(text, m.start("n")):
            continue
        end = m.end("s") if m.group("s") and not _safe(m.group("s")) else m.end("n")
        out.append(Candidate(m.start("n"), end, Kind.PERSON, "context", _BASE))
    return out
