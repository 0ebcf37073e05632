"""Shared graphs for the RCA unit tests: a small custody case and generated layered DAGs."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from debrief.rca.graph import Edge, Node

GraphData = tuple[list[Node], list[Edge]]


@pytest.fixture
def custody_case() -> GraphData:
    """A death-in-custody near miss, small enough to work out every answer by hand.

    rota ──► single ──► late_checks ──► outcome
                 ▲                         ▲
    staffing ────┘        no_marker ──► risk_missed
    training ──► no_marker       radio (reaches nothing)
    """
    nodes = [
        Node("outcome", "outcome", "Detainee found unresponsive in cell"),
        Node("late_checks", "problem", "Cell checks were 40 minutes late"),
        Node("risk_missed", "problem", "Self-harm history not recorded at booking-in"),
        Node("single", "factor", "One detention officer for 14 detainees", category="custody_environment"),
        Node("no_marker", "factor", "Warning marker not shown on custody screen", category="equipment_technology"),
        Node("rota", "root_cause", "Rota set below minimum staffing", category="working_conditions"),
        Node("staffing", "factor", "Sickness absence not backfilled", category="working_conditions",
             evidenced=False),
        Node("training", "factor", "No refresher on the custody system upgrade", category="education_training"),
        Node("radio", "factor", "Radio dead spot in the cell corridor"),
    ]
    edges = [
        Edge("late_checks", "outcome"),
        Edge("risk_missed", "outcome"),
        Edge("single", "late_checks"),
        Edge("no_marker", "risk_missed"),
        Edge("no_marker", "late_checks"),
        Edge("rota", "single"),
        Edge("staffing", "single"),
        Edge("training", "no_marker"),
    ]
    return nodes, edges


def layered_dag(
    *, node_count: int, edge_count: int, seed: int, layers: int = 8, problems: int = 20
) -> GraphData:
    """A random DAG shaped like an RCA: factor layers feeding problems feeding one outcome.

    Every edge goes from a lower layer to a higher one, so the graph cannot have a cycle.
    """
    rng = random.Random(seed)
    nodes = [Node("n0", "outcome", "Outcome")]
    layer_of = {"n0": layers + 1}
    for i in range(1, node_count):
        if i <= problems:
            node = Node(f"n{i}", "problem", f"Problem {i}")
            layer_of[node.id] = layers
        else:
            node = Node(
                f"n{i}",
                "factor",
                f"Factor {i}",
                category=rng.choice([None, "communication", "working_conditions", "control_room"]),
                evidenced=rng.random() > 0.2,
            )
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


@pytest.fixture
def make_dag() -> Callable[..., GraphData]:
    return layered_dag
