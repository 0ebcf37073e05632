"""Unit tests of the pure contributory-factor graph analysis."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest

from debrief.rca.graph import (
    CycleError,
    Edge,
    FactorRank,
    GraphError,
    Node,
    analyse,
    build_graph,
    check_edge,
    five_whys,
)

# --- check_edge ---------------------------------------------------------------------------------


def test_a_link_that_closes_a_loop_is_refused_naming_the_loop(custody_case):
    nodes, edges = custody_case
    with pytest.raises(CycleError) as raised:
        check_edge(nodes, edges, Edge("late_checks", "rota"))
    assert str(raised.value) == (
        "Adding this link would make a loop: Cell checks were 40 minutes late → Rota set below minimum "
        "staffing → One detention officer for 14 detainees → Cell checks were 40 minutes late"
    )
    assert raised.value.cycle == ("late_checks", "rota", "single", "late_checks")


def test_the_loop_named_is_the_shortest_way_back():
    nodes = [Node(x, "factor", x.upper()) for x in "abcde"]
    # a → b → c → d and a short cut a → d: closing d → a should name the short loop.
    edges = [Edge("a", "b"), Edge("b", "c"), Edge("c", "d"), Edge("a", "d")]
    with pytest.raises(CycleError, match="would make a loop: D → A → D$"):
        check_edge(nodes, edges, Edge("d", "a"))


def test_a_self_loop_is_refused(custody_case):
    nodes, edges = custody_case
    with pytest.raises(GraphError, match="cannot contribute to itself: One detention officer"):
        check_edge(nodes, edges, Edge("single", "single"))


@pytest.mark.parametrize("edge", [Edge("single", "gone"), Edge("gone", "single")])
def test_a_link_to_or_from_nothing_is_refused(custody_case, edge):
    nodes, edges = custody_case
    with pytest.raises(GraphError, match="not in the graph") as raised:
        check_edge(nodes, edges, edge)
    assert not isinstance(raised.value, CycleError)


def test_a_link_out_of_the_outcome_is_refused(custody_case):
    nodes, edges = custody_case
    with pytest.raises(GraphError, match="outcome is where the links end"):
        check_edge(nodes, edges, Edge("outcome", "radio"))


def test_a_duplicate_link_is_refused(custody_case):
    nodes, edges = custody_case
    with pytest.raises(GraphError, match="already linked: Rota set below minimum staffing → One detention"):
        check_edge(nodes, edges, Edge("rota", "single"))


def test_an_acceptable_link_passes(custody_case):
    nodes, edges = custody_case
    assert check_edge(nodes, edges, Edge("radio", "late_checks")) is None
    assert check_edge(nodes, edges, Edge("staffing", "no_marker")) is None


def test_bad_data_is_refused_when_building():
    with pytest.raises(GraphError, match="share the id"):
        build_graph([Node(1, "factor", "A"), Node(1, "factor", "B")], [])
    with pytest.raises(GraphError, match="Unknown kind"):
        Node(1, "cause", "A")


# --- analyse ------------------------------------------------------------------------------------


def test_candidate_root_causes_are_factors_with_no_cause_that_reach_the_outcome(custody_case):
    result = analyse(*custody_case)
    # Ordered by significance: training reaches both problems, rota and staffing one each.
    assert result.candidates == ("training", "rota", "staffing")
    assert result.outcomes == ("outcome",)


def test_factors_that_reach_no_outcome_are_disconnected(custody_case):
    nodes, edges = custody_case
    nodes = [*nodes, Node("lonely", "problem", "Van arrived late"), Node("cause", "factor", "Van in for repair")]
    edges = [*edges, Edge("cause", "lonely")]
    result = analyse(nodes, edges)
    assert result.disconnected == ("radio", "lonely", "cause")
    assert "cause" not in result.candidates


def test_without_an_outcome_everything_is_disconnected(custody_case):
    nodes, edges = custody_case
    nodes = [node for node in nodes if node.kind != "outcome"]
    edges = [edge for edge in edges if edge.target != "outcome"]
    result = analyse(nodes, edges)
    assert result.candidates == ()
    assert set(result.disconnected) == {node.id for node in nodes}


def test_paths_from_each_candidate_to_the_outcome(custody_case):
    result = analyse(*custody_case)
    assert result.paths == {
        "training": (
            ("training", "no_marker", "risk_missed", "outcome"),
            ("training", "no_marker", "late_checks", "outcome"),
        ),
        "rota": (("rota", "single", "late_checks", "outcome"),),
        "staffing": (("staffing", "single", "late_checks", "outcome"),),
    }
    assert result.path_counts == {"training": 2, "rota": 1, "staffing": 1}
    assert result.paths_truncated is False


def test_factors_ranked_by_problems_then_paths(custody_case):
    result = analyse(*custody_case)
    assert result.ranking == (
        FactorRank("no_marker", 2, 2),
        FactorRank("training", 2, 2),
        FactorRank("single", 1, 2),
        FactorRank("rota", 1, 1),
        FactorRank("staffing", 1, 1),
        FactorRank("radio", 0, 0),
    )


def test_fishbone_counts_per_category_in_framework_order(custody_case):
    result = analyse(*custody_case)
    assert list(result.fishbone.items()) == [
        ("education_training", 1),
        ("equipment_technology", 1),
        ("working_conditions", 2),
        ("custody_environment", 1),
        ("uncategorised", 1),
    ]


def test_fishbone_keeps_unknown_codes_visible():
    nodes = [Node(1, "factor", "A", category="retired_code"), Node(2, "factor", "B", category="")]
    assert analyse(nodes, []).fishbone == {"retired_code": 1, "uncategorised": 1}


def test_confirmed_root_causes_and_unevidenced_factors(custody_case):
    result = analyse(*custody_case)
    assert result.root_causes == ("rota",)
    assert result.unevidenced == ("staffing",)


def test_a_stored_loop_is_reported_not_analysed():
    nodes = [Node("o", "outcome", "O"), Node("a", "factor", "A"), Node("b", "factor", "B")]
    edges = [Edge("a", "o"), Edge("a", "b"), Edge("b", "a")]
    with pytest.raises(CycleError, match="has a loop") as raised:
        analyse(nodes, edges)
    assert set(raised.value.cycle) == {"a", "b"}


def test_paths_are_capped_and_the_cap_is_reported():
    # A ladder of k rungs of two has 2**k paths from its foot to the outcome.
    nodes = [Node("o", "outcome", "O"), Node("foot", "factor", "Foot")]
    edges = []
    previous = ["foot"]
    for rung in range(10):
        pair = [f"l{rung}", f"r{rung}"]
        nodes += [Node(x, "factor", x) for x in pair]
        edges += [Edge(p, x) for p in previous for x in pair]
        previous = pair
    edges += [Edge(p, "o") for p in previous]
    result = analyse(nodes, edges, path_cap=50)
    assert result.path_counts["foot"] == 2**10
    assert len(result.paths["foot"]) == 50
    assert len(set(result.paths["foot"])) == 50
    assert result.paths_truncated is True
    assert result.is_truncated("foot")
    assert analyse(nodes, edges, path_cap=5000).paths_truncated is False


# --- generated graphs -----------------------------------------------------------------------------


def _all_candidate_paths(nodes, edges):
    graph = build_graph(nodes, edges)
    outcomes = [n.id for n in nodes if n.kind == "outcome"]
    sources = [n.id for n in nodes if n.kind in ("factor", "root_cause") and graph.in_degree(n.id) == 0]
    return graph, {s: list(nx.all_simple_paths(graph, s, outcomes)) for s in sources}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_medium_graphs_agree_with_brute_force(make_dag, seed):
    nodes, edges = make_dag(node_count=120, edge_count=200, seed=seed, layers=5, problems=10)
    result = analyse(nodes, edges, path_cap=10**6)
    graph, all_paths = _all_candidate_paths(nodes, edges)
    kinds = {n.id: n.kind for n in nodes}

    assert set(result.candidates) == {s for s, paths in all_paths.items() if paths}
    assert set(result.disconnected) == {
        n.id for n in nodes if n.kind != "outcome" and not nx.has_path(graph, n.id, "n0")
    }
    for candidate in result.candidates:
        assert sorted(result.paths[candidate]) == sorted(tuple(p) for p in all_paths[candidate])
        assert result.path_counts[candidate] == len(all_paths[candidate])

    flat = list(itertools.chain.from_iterable(all_paths.values()))
    for rank in result.ranking:
        assert rank.paths_count == sum(rank.node_id in path for path in flat)
        problems = {p for path in flat if rank.node_id in path for p in path[path.index(rank.node_id):]}
        assert rank.problems_count == sum(kinds[p] == "problem" for p in problems)
    keys = [(-r.problems_count, -r.paths_count) for r in result.ranking]
    assert keys == sorted(keys)


def test_five_hundred_node_graph_is_analysed_correctly(make_dag):
    # Its speed is measured in bench/bench_rca.py, not asserted here.
    nodes, edges = make_dag(node_count=500, edge_count=1000, seed=7)
    result = analyse(nodes, edges)

    graph = build_graph(nodes, edges)
    edge_set = set(graph.edges)
    assert result.candidates
    for candidate, paths in result.paths.items():
        assert 0 < len(paths) <= 50
        assert len(set(paths)) == len(paths)
        for path in paths:
            assert path[0] == candidate and path[-1] == "n0"
            assert all(step in edge_set for step in zip(path, path[1:]))
        assert result.path_counts[candidate] >= len(paths)
    reaching = nx.ancestors(graph, "n0")
    assert set(result.disconnected) == {n.id for n in nodes if n.kind != "outcome"} - reaching
    assert sum(result.fishbone.values()) == sum(n.kind == "factor" for n in nodes)


def test_a_dense_graph_with_many_thousands_of_paths_is_capped_not_enumerated(make_dag):
    nodes, edges = make_dag(node_count=400, edge_count=3000, seed=11, layers=25)
    result = analyse(nodes, edges)  # over 100,000 paths: counted, never listed (a listing would not finish)
    assert result.paths_truncated
    assert max(result.path_counts.values()) > 10**5
    edge_set = {(edge.source, edge.target) for edge in edges}
    for candidate, paths in result.paths.items():
        assert len(paths) == min(50, result.path_counts[candidate])
        assert all(all(step in edge_set for step in zip(path, path[1:])) for path in paths)


def test_a_long_chain_does_not_hit_the_recursion_limit():
    nodes = [Node(0, "outcome", "O"), *(Node(i, "factor", f"F{i}") for i in range(1, 3000))]
    edges = [Edge(i, i - 1) for i in range(1, 3000)]
    result = analyse(nodes, edges)
    assert result.candidates == (2999,)
    assert result.paths[2999] == (tuple(range(2999, -1, -1)),)


# --- five whys ------------------------------------------------------------------------------------


def test_five_whys_chains_each_answer_to_the_one_before():
    chain = five_whys(
        "late_checks",
        [
            "Officer was booking in another detainee",
            "  Only one detention officer  on duty ",
            "Rota below minimum",
        ],
    )
    assert [node.id for node in chain.nodes] == ["new-1", "new-2", "new-3"]
    assert [node.label for node in chain.nodes] == [
        "Officer was booking in another detainee",
        "Only one detention officer on duty",
        "Rota below minimum",
    ]
    assert all(node.kind == "factor" and not node.evidenced for node in chain.nodes)
    assert chain.edges == (
        Edge("new-1", "late_checks"),
        Edge("new-2", "new-1"),
        Edge("new-3", "new-2"),
    )


def test_five_whys_chain_added_to_a_graph_makes_the_last_answer_the_candidate(custody_case):
    nodes, edges = custody_case
    ids = itertools.count(100)
    new_nodes, new_edges = five_whys(
        "risk_missed", ["Booking-in rushed", "Queue of detainees", "No second custody sergeant"],
        id_factory=lambda: next(ids), categories=["custody_environment", None, "working_conditions"],
    )
    assert [n.id for n in new_nodes] == [100, 101, 102]
    assert [n.category for n in new_nodes] == ["custody_environment", None, "working_conditions"]
    result = analyse([*nodes, *new_nodes], [*edges, *new_edges])
    assert 102 in result.candidates and 100 not in result.candidates
    assert result.paths[102] == ((102, 101, 100, "risk_missed", "outcome"),)


def test_five_whys_stops_at_trailing_blanks_and_refuses_gaps():
    assert len(five_whys("p", ["A", "B", "", "  "]).nodes) == 2
    with pytest.raises(GraphError, match="first “why"):
        five_whys("p", ["", "B"])
    with pytest.raises(GraphError, match="why 2 is blank"):
        five_whys("p", ["A", "", "C"])
