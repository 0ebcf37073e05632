"""The optional NER safety net: a pluggable hook, off by default, that may only add names and places."""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

from .entities import PRIORITY, Candidate, Kind
from .lexicon import is_ordinary
from .tagger import PLACE_NOUNS, tagged

# Whatever tag set a model uses, only people and places are taken from it: the rule layers own
# everything structured, and a model's dates or organisations would only add noise.
_ACCEPTED: dict[str, Kind] = {
    "PERSON": Kind.PERSON, "PER": Kind.PERSON, "PLACE": Kind.PLACE, "GPE": Kind.PLACE,
    "LOC": Kind.PLACE, "LOCATION": Kind.PLACE, "FAC": Kind.PLACE,
}


class NerHook(Protocol):
    """Anything callable on a text that returns (start, end, tag) spans, e.g. a wrapped spaCy pipeline.

    No third-party model ships with the package (its own small tagger, tagger.py, always runs): a deployment that
    wants a further safety net passes its own hook to `anonymise(..., labeller=Labeller(case, ner=hook))`.
    """

    def __call__(self, text: str) -> Iterable[tuple[int, int, str]]: ...


def tagger_candidates(text: str, found: Iterable[Candidate]) -> list[Candidate]:
    """The shipped learned tagger's person and place spans (tagger.py), as lowest-priority candidates. A span whose every
    letter the rules' candidates already cover adds nothing ("J30" and "CARDIFF" found: no "J30 CARDIFF"); a span that reaches beyond what the rules found reads as the longest
    name or place they found inside it ("J30 CARDIFF" stays "a main road", not "a venue")."""
    spans = tagged(text)
    if not spans:
        return []
    found = [c for c in found if c.kind in _READINGS]
    out: list[Candidate] = []
    for start, end, tag in spans:
        inside = [c for c in found if c.start < end and start < c.end]
        left = [m for m in _WORD.finditer(text, start, end)  # its words no rule's candidate touches
                if not any(c.start < m.end() and m.start() < c.end for c in inside)]
        if not left or (inside and left[0].start() >= max(c.end for c in inside)
                        and left[-1].group().lower() in PLACE_NOUNS and all(is_ordinary(m.group()) for m in left)):
            # Every word already found; or it only runs a found place on over the ordinary words of a landmark
            # after it, which the rules word themselves ("HUMBER BRIDGE" found: "a viewpoint car park").
            continue
        within = [c for c in inside if start <= c.start and c.end <= end]
        like = max(within, key=lambda c: (c.end - c.start, c.priority), default=None)
        kind, subtype = (like.kind, like.subtype) if like else (_ACCEPTED[tag], "" if tag == "PERSON" else "venue")
        out.append(Candidate(start, end, kind, "tagger", PRIORITY["ner"], subtype=subtype,
                             key=like.key if like else None))
    return out


_READINGS = frozenset((Kind.PERSON, Kind.PLACE, Kind.ADDRESS))
_WORD = re.compile(r"[^\W_](?:[\w'’-]*\w)?")


def ner_candidates(hook: NerHook | None, text: str) -> list[Candidate]:
    """The hook's person and place spans as lowest-priority candidates; nothing when no hook is set."""
    if hook is None:
        return []
    out: list[Candidate] = []
    for start, end, tag in hook(text):
        kind = _ACCEPTED.get(tag.upper())
        if kind is None or not (0 <= start < end <= len(text)):
            continue
        subtype = "" if kind is Kind.PERSON else "venue"
        out.append(Candidate(start, end, kind, "ner", PRIORITY["ner"], subtype=subtype))
    return out
