"""Runs every benchmark in bench/ (files named bench_*.py), then the load run (load.py), and prints their figures."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failed = 0
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"\n=== {script.stem} ===", flush=True)
        result = subprocess.run([sys.executable, str(script)], cwd=HERE.parent)
        failed |= result.returncode != 0
    # The load run: 20 users for 60 s under gunicorn on both databases, a worker and an import killed mid-run.
    print("\n=== load ===", flush=True)
    failed |= subprocess.run([sys.executable, str(HERE / "load.py"), "--faults"], cwd=HERE.parent).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
