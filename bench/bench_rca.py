"""Benchmark the RCA graph: analysis and SVG drawing of a generated 500-node, 1,000-edge graph."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

# Runnable as `python bench/bench_rca.py` from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from debrief.rca import synthetic  # noqa: E402
from debrief.rca.graph import analyse  # noqa: E402
from debrief.rca.render import RenderError, fishbone_dot, graph_dot, render_svg  # noqa: E402

ANALYSIS_TARGET = 0.050  # seconds
DRAWING_TARGET = 1.0  # seconds
CATEGORIES = [None, "communication", "working_conditions", "control_room", "equipment_technology"]


def layered_dag(*, node_count: int, edge_count: int, seed: int, **kwargs):
    """The shared generator, with realistic labels, every category and a few confirmed root causes."""
    return synthetic.layered_dag(node_count=node_count, edge_count=edge_count, seed=seed, categories=CATEGORIES,
                                 root_cause_share=0.02, realistic_labels=True, **kwargs)


def median_time(action: Callable[[], object], runs: int) -> tuple[float, float, float]:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings), min(timings), max(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=500)
    parser.add_argument("--edges", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    nodes, edges = layered_dag(node_count=args.nodes, edge_count=args.edges, seed=args.seed)
    result = analyse(nodes, edges)
    print(f"RCA benchmark: {len(nodes)} nodes, {len(edges)} edges, seed {args.seed}, {args.runs} runs")
    print(
        f"  {len(result.candidates)} candidate root causes, {len(result.disconnected)} disconnected, "
        f"{sum(result.path_counts.values()):,} candidate paths in total "
        f"({sum(len(p) for p in result.paths.values()):,} listed, cap {result.path_cap} each)"
    )

    rows: list[tuple[str, tuple[float, float, float], float]] = []
    rows.append(("analyse()", median_time(lambda: analyse(nodes, edges), args.runs), ANALYSIS_TARGET))
    rows.append((
        "graph_dot() (DOT source)", median_time(lambda: graph_dot(nodes, edges), args.runs), DRAWING_TARGET
    ))
    failed = False
    try:
        rows.append((
            "graph SVG (DOT + dot -Tsvg)",
            median_time(lambda: render_svg(graph_dot(nodes, edges)), args.runs),
            DRAWING_TARGET,
        ))
        rows.append((
            "fishbone SVG (DOT + dot -Tsvg)",
            median_time(lambda: render_svg(fishbone_dot(nodes)), args.runs),
            DRAWING_TARGET,
        ))
    except RenderError as exc:
        print(f"  drawing skipped: {exc}")
        failed = True

    print()
    print(f"  {'step':<32}{'median':>10}{'min':>10}{'max':>10}{'target':>10}  met")
    for name, (median, low, high), target in rows:
        met = median < target
        failed |= not met
        print(
            f"  {name:<32}{median * 1000:>8.1f}ms{low * 1000:>8.1f}ms{high * 1000:>8.1f}ms"
            f"{target * 1000:>8.0f}ms  {'yes' if met else 'NO'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
