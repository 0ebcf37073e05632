"""Anonymise N of the benchmark's passages and nothing else: run twice under callgrind to count instructions a passage."""

from __future__ import annotations

import sys
from pathlib import Path

# Usage: valgrind --tool=callgrind python bench/instructions_anonymise.py N   (for N = 10 and 30, say);
# instructions a passage = (total at 30 - total at 10) / 20, which cancels start-up and imports.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_anonymise import passages  # noqa: E402

from debrief.anonymise import Case, Labeller, anonymise  # noqa: E402


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    data = passages(count, 2024)
    for text, people, force in data:
        anonymise(text, labeller=Labeller(Case(people, force)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
