"""Dump the anonymiser's output (text and entities) for every development passage, to diff before and after a change."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

# Runnable as `python bench/dump_anonymise.py` from a checkout without installing the package.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from debrief.anonymise import Case, Labeller, anonymise, find_identifiers  # noqa: E402
from debrief.anonymise.evaluate import default_anonymiser, evaluate, format_report, load  # noqa: E402

# The development sets only: the held-out set is never read here.
DEV_SETS = ("anonymise_eval.jsonl", "anonymise_dev_extra.jsonl", "anonymise_dev2.jsonl",
            "anonymise_dev3.jsonl", "anonymise_dev4.jsonl", "anonymise_dev5.jsonl", "anonymise_dev6.jsonl",
            "anonymise_dev7.jsonl", "anonymise_dev8.jsonl", "anonymise_dev9.jsonl",
            "anonymise_dev10.jsonl")


def _entities(result) -> list[list[object]]:
    return [[e.start, e.end, e.label, e.replacement, e.text, e.layer] for e in result.entities]


def dump(out, synthetic: int) -> None:
    data = ROOT / "tests" / "data"
    for name in DEV_SETS:
        records = load(str(data / name))
        # Each passage alone, as the evaluation runs it.
        for record in records:
            result = default_anonymiser(record)
            out.write(json.dumps({"set": name, "id": record["id"], "text": result.text,
                                  "entities": _entities(result)}, ensure_ascii=False) + "\n")
        # The whole set through one labeller (labels and learned names carry across passages), and the
        # identifiers a check of the anonymised text still finds.
        labeller = Labeller(Case())
        for record in records:
            result = anonymise(record["text"], people=record.get("people", ()), force=record.get("force"),
                               labeller=labeller)
            left = find_identifiers(result.text, labeller)
            out.write(json.dumps({"set": name, "id": record["id"], "shared": result.text,
                                  "entities": _entities(result),
                                  "left": [[e.start, e.end, e.label, e.replacement] for e in left]},
                                 ensure_ascii=False) + "\n")
        out.write(format_report(evaluate(records)) + "\n")
    if synthetic:
        from bench_anonymise import passages  # the benchmark's own seeded passages
        for i, (text, people, force) in enumerate(passages(synthetic, 2024)):
            result = anonymise(text, labeller=Labeller(Case(people, force)))
            out.write(json.dumps({"set": "bench", "id": i, "text": result.text,
                                  "entities": _entities(result)}, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", help="file to write the dump to")
    parser.add_argument("--synthetic", type=int, default=100, help="benchmark passages to include too")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "bench"))
    with open(args.output, "w", encoding="utf-8") as out:
        dump(out, args.synthetic)
    return 0


if __name__ == "__main__":
    sys.exit(main())
