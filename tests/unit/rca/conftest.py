"""Shared graphs for the RCA unit tests: a small custody case and generated layered DAGs."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from debrief.rca.graph import Edge, Node
from debrief.rca.synthetic import layered_dag

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


@pytest.fixture
def make_dag() -> Callable[..., GraphData]:
    return layered_dag
