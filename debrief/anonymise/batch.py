"""JSONL batch interface: one passage per line in, the anonymised text and its entities out."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TextIO

from .denylist import Case
from .engine import anonymise
from .labels import Labeller


def anonymise_record(record: Mapping[str, Any], labellers: dict[str, Labeller] | None = None) -> dict[str, Any]:
    """One input record to one output record; lines sharing a "case" id share their labels."""
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError(f"record {record.get('id')!r} has no text")
    case_id = record.get("case")
    labeller = None
    if case_id is not None and labellers is not None:
        labeller = labellers.setdefault(str(case_id), Labeller(Case()))
    result = anonymise(text, people=record.get("people") or (), force=record.get("force"),
                       places=record.get("places") or (), collar_numbers=record.get("collar_numbers") or (),
                       labeller=labeller)
    return {"id": record.get("id"), "text": result.text,
            "entities": [e.as_dict() for e in result.entities]}


def anonymise_lines(lines: Iterable[str]) -> Iterator[str]:
    """Stream JSONL lines through the anonymiser, one output line per non-blank input line."""
    labellers: dict[str, Labeller] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {number}: not JSON ({exc.msg})") from exc
        yield json.dumps(anonymise_record(record, labellers), ensure_ascii=False)


def run(infile: TextIO, outfile: TextIO) -> int:
    """Read JSONL from `infile`, write JSONL to `outfile`; returns the number of records written."""
    count = 0
    for out in anonymise_lines(infile):
        outfile.write(out + "\n")
        count += 1
    return count


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m debrief.anonymise",
                                     description="Anonymise JSONL passages: {id, text, people} per line")
    parser.add_argument("--input", "-i", default="-", help="input JSONL file, or - for stdin")
    parser.add_argument("--output", "-o", default="-", help="output JSONL file, or - for stdout")
    args = parser.parse_args(argv)
    infile = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")
    outfile = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    try:
        count = run(infile, outfile)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        if infile is not sys.stdin:
            infile.close()
        if outfile is not sys.stdout:
            outfile.close()
    print(f"anonymised {count} passages", file=sys.stderr)
    return 0
