"""The quick loop check every RCA page runs (rca.graph._acyclic, plain Python) says what networkx says, and a graph
with loops still has each loop found and broken."""
from __future__ import annotations

import random

import networkx as nx

from debrief.rca.graph import Edge, Node, _acyclic, split_loops


def _graphs(count: int = 300, size: int = 6):
    rng = random.Random(14)
    for _ in range(count):
        edges = [Edge(rng.randrange(size), rng.randrange(size)) for _ in range(rng.randrange(size * 2))]
        yield set(range(size)), edges


def test_the_quick_check_agrees_with_networkx():
    verdicts = set()
    for ids, edges in _graphs():
        graph = nx.DiGraph()
        graph.add_nodes_from(ids)
        graph.add_edges_from((e.source, e.target) for e in edges)
        verdict = nx.is_directed_acyclic_graph(graph)
        assert _acyclic(ids, edges) == verdict, edges
        verdicts.add(verdict)
    assert verdicts == {True, False}  # both kinds were tried


def test_a_graph_without_loops_keeps_every_edge_to_a_known_item_and_one_with_loops_loses_one_link_a_loop():
    nodes = [Node(id=i, kind="factor", label=f"Item {i}") for i in range(4)]
    chain = [Edge(0, 1), Edge(1, 2), Edge(2, 3), Edge(0, 9)]
    assert split_loops(nodes, chain) == (chain[:3], [])
    kept, loops = split_loops(nodes, [*chain[:3], Edge(3, 1), Edge(2, 2)])
    assert len(loops) == 2 and {loop[-1] for loop in loops} <= {Edge(3, 1), Edge(2, 2), Edge(1, 2), Edge(2, 3)}
    assert _acyclic({0, 1, 2, 3}, kept) and len(kept) == 3
