"""The factor co-occurrence network: categories as nodes, an edge weighted by the RCAs holding both."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import graphviz
import networkx as nx

from debrief.analytics.rca_learning import Pair
from debrief.rca.framework import category_name
from debrief.rca.render import dot_label

# GOV.UK blue for the nodes; the strongest links are drawn thicker and darker.
_NODE = {"shape": "ellipse", "style": "filled", "fillcolor": "#d2e2f1", "color": "#1d70b8",
         "fontcolor": "#0b0c0c", "fontname": "Helvetica", "fontsize": "11"}
MAX_PEN = 6.0


def cooccurrence_graph(pairs: Sequence[Pair], appearances: Mapping[str, int] | None = None) -> nx.Graph:
    """An undirected graph: a node per category (weight = RCAs it appears in), an edge per pair."""
    graph = nx.Graph()
    for code, n in (appearances or {}).items():
        graph.add_node(code, rcas=n)
    for pair in pairs:
        for code in (pair.first, pair.second):
            if code not in graph:
                graph.add_node(code, rcas=0)
        graph.add_edge(pair.first, pair.second, weight=pair.rcas)
    return graph


def network_dot(graph: nx.Graph) -> str:
    """DOT source for the network (circo layout); labels are escaped like the RCA drawings'."""
    dot = graphviz.Graph(name="cooccurrence", graph_attr={"layout": "circo", "fontname": "Helvetica",
                                                           "mindist": "0.6"},
                         node_attr=_NODE, edge_attr={"fontname": "Helvetica", "fontsize": "10"})
    nodes = [n for n in graph.nodes if graph.degree(n) > 0]
    names = {code: f"c{i}" for i, code in enumerate(nodes)}  # no user data in DOT identifiers
    top = max((w for _, _, w in graph.edges(data="weight")), default=1)
    for code in nodes:
        rcas = graph.nodes[code].get("rcas", 0)
        note = f"in {rcas} RCA{'s' if rcas != 1 else ''}" if rcas else None
        dot.node(names[code], label=dot_label(category_name(code), note=note, width=22))
    for a, b, weight in graph.edges(data="weight"):
        share = weight / top
        dot.edge(names[a], names[b], label=str(weight), penwidth=f"{1 + (MAX_PEN - 1) * share:.1f}",
                 color="#0b0c0c" if share > 0.5 else "#505a5f")
    return dot.source
