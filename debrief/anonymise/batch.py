"""JSONL batch interface: one passage per line in, the anonymised text and its entities out.

Every line is read and checked before any passage is anonymised, and the output is written whole or not at all:
a bad line stops the run with its line number and what is wrong, and leaves no half-written output."""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from .denylist import Case
from .engine import anonymise
from .labels import Labeller

RECORD_KEYS = ("id", "text", "people", "force", "places", "collar_numbers", "case")
PERSON_KEYS = ("name", "title", "rank", "collar", "gender")
EXAMPLE = '{"id": 1, "text": "...", "people": ["Sam Jones"]}'
# Characters that have no place in published text (the anonymiser reads them as spaces): dropped from the output.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class BadInput(ValueError):
    """A line of the input that cannot be anonymised as it is: the message names the line and what is wrong."""


def anonymise_record(record: Mapping[str, Any], labellers: dict[str, Labeller] | None = None) -> dict[str, Any]:
    """One input record to one output record; lines sharing a "case" id share their labels."""
    text = record.get("text")
    if not isinstance(text, str):
        raise BadInput(f"record {record.get('id')!r} has no text")
    case_id = record.get("case")
    labeller = None
    if case_id is not None and labellers is not None:
        labeller = labellers.setdefault(str(case_id), Labeller(Case()))
    result = anonymise(text, people=record.get("people") or (), force=record.get("force"),
                       places=record.get("places") or (), collar_numbers=record.get("collar_numbers") or (),
                       labeller=labeller)
    return {"id": record.get("id"), "text": _CONTROLS.sub("", result.text),
            "entities": [e.as_dict() for e in result.entities]}


def _kind(value: Any) -> str:
    return {str: "text", bool: "true or false", int: "a number", float: "a number", list: "a list",
            dict: "an object", type(None): "null"}.get(type(value), type(value).__name__)


def _strings(record: Mapping[str, Any], key: str, number: int, what: str) -> None:
    value = record.get(key)
    if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        raise BadInput(f'line {number}: "{key}" must be a list of {what}, like ["..."], not {_kind(value)}')


def check_record(record: Any, number: int, notes: list[str]) -> dict[str, Any]:
    """The record if the anonymiser can read it; BadInput otherwise. Keys it does not read are noted."""
    if not isinstance(record, dict):
        raise BadInput(f"line {number}: each line must be one JSON object, like {EXAMPLE}; this one is "
                       f"{_kind(record)}")
    if "text" not in record:
        raise BadInput(f'line {number}: there is no "text"')
    if not isinstance(record["text"], str):
        raise BadInput(f'line {number}: "text" must be text in quotes, not {_kind(record["text"])}')
    people = record.get("people")
    if people is not None:
        if not isinstance(people, list):
            raise BadInput(f'line {number}: "people" must be a list of names, like ["Sam Jones"], not '
                           f'{_kind(people)}')
        for i, person in enumerate(people, 1):
            if isinstance(person, dict) and isinstance(person.get("name"), str):
                if unknown := sorted(set(person) - set(PERSON_KEYS)):
                    notes.append(f"line {number}: person {i}: {', '.join(unknown)} not read (a person may have "
                                 + ", ".join(PERSON_KEYS) + ")")
            elif isinstance(person, dict):
                raise BadInput(f'line {number}: person {i} in "people" has no "name" (a person may have '
                               + ", ".join(PERSON_KEYS) + ")")
            elif not isinstance(person, str):
                raise BadInput(f'line {number}: person {i} in "people" must be a name in quotes, or '
                               f'{{"name": "..."}}, not {_kind(person)}')
    if record.get("force") is not None and not isinstance(record["force"], str):
        raise BadInput(f'line {number}: "force" must be the force\'s name in quotes, not {_kind(record["force"])}')
    _strings(record, "places", number, "places")
    _strings(record, "collar_numbers", number, "collar numbers")
    if unknown := sorted(set(record) - set(RECORD_KEYS)):
        notes.append(f"line {number}: {', '.join(unknown)} not read (a line may have {', '.join(RECORD_KEYS)})")
    return record


def read_records(lines: Iterable[str | bytes], notes: list[str] | None = None) -> list[dict[str, Any]]:
    """Every non-blank line as a checked record (UTF-8, a byte-order mark allowed); BadInput at the first bad one."""
    notes = [] if notes is None else notes
    records: list[dict[str, Any]] = []
    ids: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise BadInput(f"line {number}: not UTF-8 text (byte {exc.start + 1} of the line); save the file "
                               "as UTF-8") from None
        if number == 1:
            line = line.removeprefix("\ufeff")
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadInput(f"line {number}: not JSON ({exc.msg}, at character {exc.colno})") from None
        records.append(check_record(record, number, notes))
        if "id" in record:
            key = json.dumps(record["id"])
            if key in ids:
                notes.append(f"line {number}: the id {key} was also on line {ids[key]}")
            ids.setdefault(key, number)
    return records


def anonymise_lines(lines: Iterable[str | bytes], notes: list[str] | None = None) -> Iterator[str]:
    """The output lines for the input lines, all of which are checked before the first is anonymised."""
    records = read_records(lines, notes)
    labellers: dict[str, Labeller] = {}
    for record in records:
        yield json.dumps(anonymise_record(record, labellers), ensure_ascii=False)


def run(infile: TextIO | BinaryIO, outfile: TextIO, notes: list[str] | None = None) -> int:
    """Read JSONL from `infile`, write JSONL to `outfile` once every line is done; the number of records written."""
    out = list(anonymise_lines(infile, notes))
    outfile.write("".join(line + "\n" for line in out))
    return len(out)


def write_whole(path: str | Path, text: str) -> None:
    """Write `text` to `path` whole or not at all: into a new file beside it, then renamed over it."""
    path = Path(path)
    if path.is_dir():
        raise OSError(f"{path} is a folder: give a file name for the output")
    if not path.parent.is_dir():
        raise OSError(f"the folder {path.parent} does not exist")
    if path.exists() and not path.is_file():
        # A device or a pipe ("/dev/null", "/dev/stdout", a named pipe) is written into, never renamed over: a
        # rename would replace the device itself with a plain file.
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        return
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def anonymise_file(source: str, target: str, *, notes: list[str]) -> int:
    """`source` to `target` ("-" for standard input or output); the number of passages. BadInput or OSError."""
    if source == "-":
        lines: Iterable[bytes] = sys.stdin.buffer
        out = list(anonymise_lines(lines, notes))
    else:
        with open(source, "rb") as fh:
            out = list(anonymise_lines(fh, notes))
    text = "".join(line + "\n" for line in out)
    if target == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_whole(target, text)
    return len(out)


def summary(count: int) -> str:
    return f"Anonymised {count} passage{'' if count == 1 else 's'}" + ("." if count else " (the input had none).")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m debrief.anonymise",
                                     description="Anonymise JSONL passages: {id, text, people} per line")
    parser.add_argument("--input", "-i", default="-", help="input JSONL file, or - for stdin")
    parser.add_argument("--output", "-o", default="-", help="output JSONL file, or - for stdout")
    args = parser.parse_args(argv)
    notes: list[str] = []
    try:
        count = anonymise_file(args.input, args.output, notes=notes)
    except (BadInput, OSError) as exc:
        print(f"Error: {exc}. Nothing was written.", file=sys.stderr)
        return 1
    for note in notes:
        print(f"Note: {note}", file=sys.stderr)
    print(summary(count), file=sys.stderr)
    return 0
