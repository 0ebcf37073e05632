"""Writes a synthetic use-of-force CSV in the MPS layout: python bench/gen_uof.py --rows 150000 --out FILE.csv."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from a checkout

from debrief.nationaldata.synthetic import BAD_ROW_KINDS, header, write_uof_csv  # noqa: E402

__all__ = ["BAD_ROW_KINDS", "header", "main", "write_uof_csv"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, required=True, help="data rows to write, bad rows included")
    parser.add_argument("--out", required=True, help="CSV file to write ('-' for standard output)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bad-rows", type=int, default=0, help="rows to make invalid on purpose")
    parser.add_argument("--end-date", type=date.fromisoformat, default=None, help="last incident date (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.out == "-":
        bad = write_uof_csv(sys.stdout, args.rows, args.seed, args.bad_rows, end_date=args.end_date)
    else:
        with open(args.out, "w", newline="", encoding="utf-8") as out:
            bad = write_uof_csv(out, args.rows, args.seed, args.bad_rows, end_date=args.end_date)
    elapsed = time.perf_counter() - started
    print(f"wrote {args.rows:,} rows ({len(bad)} bad) in {elapsed:.1f} s", file=sys.stderr)
    for row_number, kind in bad:
        print(f"  bad row {row_number}: {kind}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
