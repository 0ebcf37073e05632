"""Precision and recall per entity class, and the share of operational words kept, over an eval file."""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .engine import anonymise
from .entities import NAMES_AND_PLACES, STRUCTURED, Entity, Kind, Result

Anonymiser = Callable[[Mapping[str, Any]], Result]


@dataclass
class ClassScore:
    """Recall counts gold spans whose every word is replaced (by any entity: what matters is that nothing leaks),
    but for words that carry no identity (`CARRY_NOTHING`); `strict` counts spans with every letter replaced.
    Precision counts predicted entities that overlap some gold identifier."""

    label: str
    gold: int = 0
    covered: int = 0
    strict: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.covered / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0


@dataclass
class Report:
    scores: dict[str, ClassScore] = field(default_factory=dict)
    keep_total: int = 0
    keep_kept: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)          # (id, label, text)
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)
    lost_keep: list[tuple[str, str]] = field(default_factory=list)

    def score(self, label: str) -> ClassScore:
        return self.scores.setdefault(label, ClassScore(label))

    def group_recall(self, labels: Iterable[Kind], *, strict: bool = False) -> float:
        wanted = {k.value for k in labels}
        gold = sum(s.gold for s in self.scores.values() if s.label in wanted)
        covered = sum(s.strict if strict else s.covered for s in self.scores.values() if s.label in wanted)
        return covered / gold if gold else 1.0

    @property
    def structured_recall(self) -> float:
        return self.group_recall(STRUCTURED)

    @property
    def names_places_recall(self) -> float:
        return self.group_recall(NAMES_AND_PLACES)

    @property
    def keep_rate(self) -> float:
        return self.keep_kept / self.keep_total if self.keep_total else 1.0

    @property
    def overall_precision(self) -> float:
        predicted = sum(s.predicted for s in self.scores.values())
        return sum(s.correct for s in self.scores.values()) / predicted if predicted else 1.0


def default_anonymiser(record: Mapping[str, Any]) -> Result:
    return anonymise(record["text"], people=record.get("people", ()), force=record.get("force"),
                     places=record.get("places", ()), collar_numbers=record.get("collar_numbers", ()))


# Words that say nothing about who or where, left outside a replacement by where the annotator drew the span's
# edge: "the [Cawdor Arms]", "log [1762]", "sc: [x]", "DOB [03/09/2007]", "aged [11] to 14", "in his [late 40s]",
# "[Bridge] of [Earn]". Single letters are never here (an initial is a name), nor any noun that could be a place.
CARRY_NOTHING = frozenset("""
    the an of in on at to by off near above from and or his her their its
    log ref no cad sc dob aged age approx about around yrs years old then
    pc pcso ps dc ds di dci sgt insp cst const supt
""".split())  # ranks too: "[dc 2241]" with its rank kept reads "dc [number]", as a rank before a name stays
_WORD = re.compile(r"\w+")


def _uncovered(start: int, end: int, text: str, entities: Sequence[Entity]) -> list[str]:
    """The words of text[start:end] not wholly inside some entity."""
    inside = [e for e in entities if e.start < end and start < e.end]
    return [m.group() for m in _WORD.finditer(text, start, end)
            if not all(any(e.start <= i < e.end for e in inside) for i in range(m.start(), m.end()))]


def _covered(start: int, end: int, text: str, entities: Sequence[Entity], *, strict: bool = False) -> bool:
    left = _uncovered(start, end, text, entities)
    if strict:
        return not left
    return all(w.lower() in CARRY_NOTHING or (w.lower() == "s" and text[start:end].find("'s") >= 0) for w in left)


def evaluate(records: Iterable[Mapping[str, Any]], anonymiser: Anonymiser = default_anonymiser) -> Report:
    report = Report()
    for record in records:
        text, rid = record["text"], str(record.get("id", ""))
        # An entity written back as it was ("as written") replaced nothing: it neither catches nor over-redacts.
        entities = [e for e in anonymiser(record).entities if e.replacement != text[e.start:e.end]]
        gold = record.get("gold", [])
        for g in gold:
            score = report.score(g["label"])
            score.gold += 1
            if _covered(g["start"], g["end"], text, entities, strict=True):
                score.strict += 1
            if _covered(g["start"], g["end"], text, entities):
                score.covered += 1
            else:
                report.misses.append((rid, g["label"], text[g["start"]:g["end"]]))
        for e in entities:
            score = report.score(e.label)
            score.predicted += 1
            if any(e.start < g["end"] and g["start"] < e.end for g in gold):
                score.correct += 1
            else:
                report.false_positives.append((rid, e.label, text[e.start:e.end]))
        for k in record.get("keep", []):
            report.keep_total += 1
            if any(e.start < k["end"] and k["start"] < e.end for e in entities):
                report.lost_keep.append((rid, text[k["start"]:k["end"]]))
            else:
                report.keep_kept += 1
    return report


def load(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def format_report(report: Report, *, details: bool = False) -> str:
    """Per-type recall and precision, group recalls, and over-redaction (kept words, false positives)."""
    lines = [f"{'class':<10} {'gold':>5} {'recall':>7} {'found':>6} {'precision':>9}"]
    for label in sorted(report.scores):
        s = report.scores[label]
        lines.append(f"{label:<10} {s.gold:>5} {s.recall:>7.3f} {s.predicted:>6} {s.precision:>9.3f}")
    lines.append(f"structured recall {report.structured_recall:.3f} (target 1.00); "
                 f"names/places recall {report.names_places_recall:.3f} (target 0.99)")
    lines.append(f"  strict (every letter of a span replaced, 'the' too): structured "
                 f"{report.group_recall(STRUCTURED, strict=True):.3f}; names/places "
                 f"{report.group_recall(NAMES_AND_PLACES, strict=True):.3f}")
    lines.append(f"overall precision {report.overall_precision:.3f}; operational words kept "
                 f"{report.keep_kept}/{report.keep_total} = {report.keep_rate:.3f} (target 0.95)")
    predicted = sum(s.predicted for s in report.scores.values())
    lines.append(f"over-redaction: {report.keep_total - report.keep_kept} operational words lost; "
                 f"{len(report.false_positives)}/{predicted} replacements touch no identifier "
                 f"(false-positive rate {len(report.false_positives) / predicted if predicted else 0:.3f})")
    if details:
        lines += [f"  missed {rid} {label}: {text!r}" for rid, label, text in report.misses]
        lines += [f"  extra  {rid} {label}: {text!r}" for rid, label, text in report.false_positives]
        lines += [f"  lost   {rid}: {text!r}" for rid, text in report.lost_keep]
    return "\n".join(lines)


def meets_targets(report: Report) -> bool:
    return (report.structured_recall >= 1.0 and report.names_places_recall >= 0.99
            and report.keep_rate >= 0.95)


def main(argv: Sequence[str] | None = None) -> int:
    """Development sets with their misses; the frozen held-out set in aggregate only (never tune on it)."""
    parser = argparse.ArgumentParser(description="Precision/recall of the anonymiser on eval sets")
    parser.add_argument("paths", nargs="*", default=["tests/data/anonymise_eval.jsonl"],
                        help="development sets (misses listed with --details)")
    parser.add_argument("--heldout", help="frozen held-out set: aggregate figures only")
    parser.add_argument("--details", action="store_true", help="list misses and false positives of dev sets")
    args = parser.parse_args(argv)
    for path in args.paths:
        dev = load(path)
        print(f"== development: {path} ({len(dev)} passages) ==")
        print(format_report(evaluate(dev), details=args.details) + "\n")
    if args.heldout:
        print(f"== held-out: {args.heldout} ==")
        if not Path(args.heldout).exists():
            print("not present: skipped")
        else:
            held = load(args.heldout)
            print(f"{len(held)} passages; aggregate figures only, no strings (do not tune on this set)")
            held_report = evaluate(held)
            print(format_report(held_report, details=False))
            print(f"held-out targets (structured 1.00, names/places 0.99, kept 0.95): "
                  f"{'met' if meets_targets(held_report) else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
