"""Stable fingerprints of use-of-force rows, so importing the same file twice does not duplicate rows."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from itertools import compress

from debrief.nationaldata.columns import column_key


class _NormalCells(dict[str, str]):
    """Cell text as fingerprinted (spacing collapsed, case folded), remembered for repeated answers."""

    def __missing__(self, value: str) -> str:
        normal = " ".join(value.split()).casefold()
        if len(self) < 200_000:
            self[value] = normal
        return normal


_NORMAL = _NormalCells()


def payload(prefixes: Iterable[str], values: Sequence[str]) -> str:
    """'key<US>value' for each non-blank cell, joined by RS; keys sorted, since US sorts before any text.

    Built from C-level iterators: this runs once per row of files with hundreds of columns.
    """
    parts = list(map(str.__add__, compress(prefixes, values), map(_NORMAL.__getitem__, filter(None, values))))
    text = "\x1e".join(parts)
    if "\x1f\x1e" in text or text.endswith("\x1f"):  # a cell of spaces counts as blank
        text = "\x1e".join(part for part in parts if not part.endswith("\x1f"))
    return text


def hash_payload(text: str, occurrence: int) -> tuple[bytes, str]:
    """The payload's sha256 digest, and the fingerprint: its hex, or for a repeat a hash of it and the count."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    if occurrence:
        return digest, hashlib.sha256(digest + f"#{occurrence}".encode()).hexdigest()
    return digest, digest.hex()


def row_fingerprint(raw_row: Mapping[str | None, object], occurrence: int = 0) -> str:
    """A sha256 of the row's non-blank cells, column names and values compared loosely.

    Blank cells and column order do not count, so a re-export with extra empty columns matches.
    `occurrence` tells identical rows of one file apart (two officers can record the same force):
    the n-th repeat (0 for the first) gets a fingerprint of its own, the same on every re-import.
    UofCsvReader passes the known columns only, so an added column does not change a row's print.
    """
    cells = sorted(
        (f"{column_key(name)}\x1f", value) for name, value in raw_row.items() if name and isinstance(value, str)
    )
    return hash_payload(payload([key for key, _ in cells], [value for _, value in cells]), occurrence)[1]
