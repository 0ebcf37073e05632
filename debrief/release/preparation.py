"""Preparing an RCA's anonymised release (pure): each section's source, what replaced what, undo and redaction.

The RCA is read-only once signed off, so running the anonymiser again over the same sources in the same
order gives the same entities at the same offsets: the reviewer's decisions can be stored as offsets
(undo) and phrases (redaction) and re-applied on every view.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from debrief.anonymise import Case, Entity, Labeller, anonymise
from debrief.anonymise.engine import apply

REDACTED = "[redacted]"
REDACTION = "redaction"

# (key, heading) in the order the anonymiser reads them: labels ("Officer A") follow first mentions.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("summary", "Summary"),
    ("what_happened", "Chronology (what happened)"),
    ("findings_key_learning", "Findings and root causes"),
    ("recommendations", "Recommendations"),
    ("action_taken", "Action plan (action taken by the force)"),
    ("outcome_for_individuals", "Outcome"),
)


@dataclass(frozen=True, slots=True)
class Segment:
    text: str  # as shown on this side
    entity: Entity | None = None  # the replacement this segment belongs to, if any


@dataclass(frozen=True, slots=True)
class PreparedSection:
    key: str
    heading: str
    source: str
    entities: tuple[Entity, ...]  # kept replacements and redactions, in order
    undone: tuple[Entity, ...]  # replacements the reviewer undid
    text: str  # the anonymised text to release

    def source_segments(self) -> list[Segment]:
        return _segments(self.source, self.entities, replaced=False)

    def released_segments(self) -> list[Segment]:
        return _segments(self.source, self.entities, replaced=True)


def _segments(source: str, entities: Sequence[Entity], *, replaced: bool) -> list[Segment]:
    out: list[Segment] = []
    pos = 0
    for entity in entities:
        if entity.start > pos:
            out.append(Segment(source[pos:entity.start]))
        out.append(Segment(entity.replacement if replaced else source[entity.start:entity.end], entity))
        pos = entity.end
    if pos < len(source):
        out.append(Segment(source[pos:]))
    return out


def _redactions(source: str, phrases: Iterable[str], taken: Sequence[Entity]) -> list[Entity]:
    found: list[Entity] = []
    lowered = source.lower()
    for phrase in phrases:
        needle = phrase.strip().lower()
        if not needle:
            continue
        start = lowered.find(needle)
        while start >= 0:
            end = start + len(needle)
            if not any(e.start < end and start < e.end for e in [*taken, *found]):
                found.append(Entity(start, end, REDACTION, REDACTED, source[start:end], "reviewer"))
            start = lowered.find(needle, end)
    return found


def prepare(sources: Mapping[str, str], *, people: Sequence[str] = (), force: str | None = None,
            places: Sequence[str] = (), collar_numbers: Sequence[str] = (),
            undone: Iterable[tuple[str, int, int]] = (),
            redactions: Iterable[tuple[str, str]] = ()) -> list[PreparedSection]:
    """Anonymise every section with one labeller; drop undone replacements; add the reviewer's redactions."""
    labeller = Labeller(Case(list(people), force, list(places), list(collar_numbers)))
    undone_keys = {(key, int(start), int(end)) for key, start, end in undone}
    extra: dict[str, list[str]] = {}
    for key, phrase in redactions:
        extra.setdefault(key, []).append(phrase)
    prepared = []
    for key, heading in SECTIONS:
        source = sources.get(key, "") or ""
        result = anonymise(source, labeller=labeller)
        kept = [e for e in result.entities if (key, e.start, e.end) not in undone_keys]
        dropped = tuple(e for e in result.entities if (key, e.start, e.end) in undone_keys)
        entities = sorted([*kept, *_redactions(source, extra.get(key, ()), kept)], key=lambda e: e.start)
        prepared.append(PreparedSection(key, heading, source, tuple(entities), dropped, apply(source, entities)))
    return prepared
