"""Benchmark the RCA graph: analysis and SVG drawing of a generated 500-node, 1,000-edge graph."""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

# Runnable as `python bench/bench_rca.py` from a checkout without installing the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from debrief.rca.graph import Edge, Node, analyse  # noqa: E402
from debrief.rca.render import RenderError, fishbone_dot, graph_dot, render_svg  # noqa: E402

ANALYSIS_TARGET = 0.050  # seconds
DRAWING_TARGET = 1.0  # seconds
CATEGORIES = [None, "communication", "working_conditions", "control_room", "equipment_technology"]


def layered_dag(*, node_count: int, edge_count: int, seed: int, layers: int = 8, problems: int = 20):
    """A seeded random DAG shaped like an RCA: factor layers → problems → one outcome."""
    rng = random.Random(seed)
    nodes = [Node("n0", "outcome", "Detainee found unresponsive in cell")]
    layer_of = {"n0": layers + 1}
    for i in range(1, node_count):
        if i <= problems:
            node = Node(f"n{i}", "problem", f"Service delivery problem number {i} in the chronology")
            layer_of[node.id] = layers
        else:
            node = Node(
                f"n{i}",
                "root_cause" if rng.random() < 0.02 else "factor",
                f"Contributory factor {i}: {rng.choice(['radio', 'staffing', 'handover', 'training'])} issue",
                category=rng.choice(CATEGORIES),
                evidenced=rng.random() > 0.2,
            )
            layer_of[node.id] = rng.randrange(0, layers)
        nodes.append(node)
    ids = [node.id for node in nodes]
    edges = {Edge(f"n{i}", "n0") for i in range(1, problems + 1)}
    # Most factors contribute to something later in the story; about 1 in 50 is left loose.
    for node in nodes[problems + 1:]:
        later = [other for other in ids if layer_of[other] > layer_of[node.id] and other != "n0"]
        if rng.random() > 0.02 and len(edges) < edge_count:
            edges.add(Edge(node.id, rng.choice(later)))
    while len(edges) < edge_count:
        source, target = rng.sample(ids, 2)
        if layer_of[source] > layer_of[target]:
            source, target = target, source
        if layer_of[source] < layer_of[target]:
            edges.add(Edge(source, target))
    return nodes, sorted(edges, key=lambda edge: (int(edge.source[1:]), int(edge.target[1:])))


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
