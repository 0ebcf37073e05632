"""The optional NER safety net: a pluggable hook, off by default, that may only add names and places."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from .entities import PRIORITY, Candidate, Kind

# Whatever tag set a model uses, only people and places are taken from it: the rule layers own
# everything structured, and a model's dates or organisations would only add noise.
_ACCEPTED: dict[str, Kind] = {
    "PERSON": Kind.PERSON, "PER": Kind.PERSON, "PLACE": Kind.PLACE, "GPE": Kind.PLACE,
    "LOC": Kind.PLACE, "LOCATION": Kind.PLACE, "FAC": Kind.PLACE,
}


class NerHook(Protocol):
    """Anything callable on a text that returns (start, end, tag) spans, e.g. a wrapped spaCy pipeline.

    No model ships with the package and none is loaded at run time: a deployment that wants a
    safety net passes its own hook to `anonymise(..., labeller=Labeller(case, ner=hook))`.
    """

    def __call__(self, text: str) -> Iterable[tuple[int, int, str]]: ...


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
