"""Train the names-and-places tagger (tagger.py) on development sets and write its weights, the same bytes for the
same sets: `python -m debrief.anonymise.train_tagger tests/data/anonymise_dev*.jsonl` (`make train-tagger`). The
held-out set is refused: it must stay unseen by everything that learns."""
from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Sequence
from pathlib import Path

from .evaluate import load
from .tagger import WEIGHTS, train


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train the names-and-places tagger on the development sets.")
    parser.add_argument("sets", nargs="+", help="development sets (JSON lines); never the held-out set")
    parser.add_argument("--out", default=str(WEIGHTS))
    args = parser.parse_args(argv)
    if any("heldout" in Path(s).name for s in args.sets):
        parser.error("the held-out set is never trained on")
    records = [r for path in args.sets for r in load(path)]
    weights = train(records)
    payload = {"trained_on": [Path(s).name for s in args.sets], "passages": len(records),
               "weights": dict(sorted(weights.items()))}
    # The same bytes for the same sets: no time and no file name in the gzip header.
    with open(args.out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as fh:
        fh.write(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    print(f"{len(weights)} features from {len(records)} passages -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
