"""Seeded random contributory-factor graphs for tests and benchmarks: factor layers → problems → one outcome."""
from __future__ import annotations

import random
from collections.abc import Sequence

from debrief.rca.graph import Edge, Node

GraphData = tuple[list[Node], list[Edge]]


def layered_dag(
    *,
    node_count: int,
    edge_count: int,
    seed: int,
    layers: int = 8,
    problems: int = 20,
    categories: Sequence[str | None] = (None, "communication", "working_conditions", "control_room"),
    root_cause_share: float = 0.0,
    realistic_labels: bool = False,
) -> GraphData:
    """A random DAG shaped like an RCA. Every edge goes from a lower layer to a higher one, so no cycle."""
    rng = random.Random(seed)
    outcome_label = "Detainee found unresponsive in cell" if realistic_labels else "Outcome"
    nodes = [Node("n0", "outcome", outcome_label)]
    layer_of = {"n0": layers + 1}
    for i in range(1, node_count):
        if i <= problems:
            label = f"Service delivery problem number {i} in the chronology" if realistic_labels else f"Problem {i}"
            node = Node(f"n{i}", "problem", label)
            layer_of[node.id] = layers
        else:
            kind = "root_cause" if root_cause_share and rng.random() < root_cause_share else "factor"
            label = (f"Contributory factor {i}: {rng.choice(['radio', 'staffing', 'handover', 'training'])} issue"
                     if realistic_labels else f"Factor {i}")
            node = Node(f"n{i}", kind, label, category=rng.choice(list(categories)), evidenced=rng.random() > 0.2)
            layer_of[node.id] = rng.randrange(0, layers)
        nodes.append(node)
    ids = [node.id for node in nodes]
    edges: set[Edge] = {Edge(f"n{i}", "n0") for i in range(1, problems + 1)}
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
