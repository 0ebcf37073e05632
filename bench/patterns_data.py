"""Bulk loader for the dashboard benchmark: fills a database with use-of-force rows, debriefs and RCAs, fast.

    from bench.patterns_data import load
    result = load(url, uof_rows=1_000_000, debriefs=100_000)

`url` is an SQLAlchemy URL of an empty database or one at the migration head; `load` migrates it to
head first. It creates `forces` forces (codes PDA, PDB, ...), one user per role in each (emails in
`result.users`, password `result.password`), then bulk-inserts with Core executemany (SQLite) or
COPY (PostgreSQL), and prints how long each part took. Seeded: the same arguments give the same data.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from a checkout

PASSWORD = "bench-password-not-secret"


@dataclass
class LoadResult:
    """What `load` made: force codes and ids, a user per (force code, role), counts and seconds per part."""

    forces: dict[str, int] = field(default_factory=dict)  # code -> force id
    users: dict[tuple[str, str], str] = field(default_factory=dict)  # (force code, role) -> email
    password: str = PASSWORD
    counts: dict[str, int] = field(default_factory=dict)  # table -> rows inserted
    seconds: dict[str, float] = field(default_factory=dict)  # part -> seconds


def load(url: str, *, uof_rows: int = 1_000_000, debriefs: int = 100_000, forces: int = 4,
         rcas: int = 3_000, seed: int = 1, quiet: bool = False) -> LoadResult:
    """Fill the database at `url` (see the module docstring); returns what was made."""
    raise NotImplementedError("patterns_data.load is being written")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url")
    parser.add_argument("--uof-rows", type=int, default=1_000_000)
    parser.add_argument("--debriefs", type=int, default=100_000)
    parser.add_argument("--forces", type=int, default=4)
    args = parser.parse_args(argv)
    load(args.url, uof_rows=args.uof_rows, debriefs=args.debriefs, forces=args.forces)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
