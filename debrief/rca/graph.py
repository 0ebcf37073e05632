"""Pure analysis of the contributory-factor graph: link checks, root-cause candidates, paths, fishbone."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import networkx as nx

from debrief.rca.framework import CATEGORIES, UNCATEGORISED

OUTCOME = "outcome"
PROBLEM = "problem"  # a service delivery problem
FACTOR = "factor"  # a contributory factor
ROOT_CAUSE = "root_cause"  # a contributory factor the reviewer has confirmed as a root cause
NODE_KINDS = (OUTCOME, PROBLEM, FACTOR, ROOT_CAUSE)
KIND_NAMES = {
    OUTCOME: "Outcome",
    PROBLEM: "Service delivery problem",
    FACTOR: "Contributory factor",
    ROOT_CAUSE: "Root cause",
}
FACTOR_KINDS = frozenset({FACTOR, ROOT_CAUSE})

# Enough paths for a reviewer to read; the exact total is still reported from a count.
DEFAULT_PATH_CAP = 50

NodeId = int | str


class GraphError(ValueError):
    """A change or a stored graph that the analysis refuses, with a message fit for the reviewer."""


class CycleError(GraphError):
    """A link that would make (or a stored graph that has) a loop; `cycle` lists the node ids."""

    def __init__(self, message: str, *, cycle: Sequence[NodeId]) -> None:
        super().__init__(message)
        self.cycle = tuple(cycle)


@dataclass(frozen=True, slots=True)
class Node:
    id: NodeId
    kind: str
    label: str
    category: str | None = None
    evidenced: bool = True

    def __post_init__(self) -> None:
        if self.kind not in NODE_KINDS:
            raise GraphError(f"Unknown kind of item {self.kind!r}: expected one of {', '.join(NODE_KINDS)}.")


@dataclass(frozen=True, slots=True)
class Edge:
    """`source` contributed to `target`: edges point towards the outcome."""

    source: NodeId
    target: NodeId


class FactorRank(NamedTuple):
    node_id: NodeId
    problems_count: int  # service delivery problems downstream of the factor on the way to an outcome
    paths_count: int  # candidate-root-cause-to-outcome paths that pass through the factor


class WhysChain(NamedTuple):
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


@dataclass(frozen=True, slots=True)
class Analysis:
    outcomes: tuple[NodeId, ...]
    # Factors with no cause of their own that reach an outcome, most significant first.
    candidates: tuple[NodeId, ...]
    # Problems and factors that reach no outcome, in input order.
    disconnected: tuple[NodeId, ...]
    # Up to `path_cap` paths per candidate, each from the candidate to an outcome.
    paths: dict[NodeId, tuple[tuple[NodeId, ...], ...]]
    # The exact number of paths per candidate, counted rather than listed.
    path_counts: dict[NodeId, int]
    paths_truncated: bool
    path_cap: int
    ranking: tuple[FactorRank, ...]
    # Factors per category code in framework order, then unknown codes, then "uncategorised".
    fishbone: dict[str, int]
    root_causes: tuple[NodeId, ...]
    unevidenced: tuple[NodeId, ...]

    def is_truncated(self, candidate: NodeId) -> bool:
        return self.path_counts.get(candidate, 0) > len(self.paths.get(candidate, ()))


def build_graph(nodes: Iterable[Node], edges: Iterable[Edge]) -> nx.DiGraph:
    """A networkx DiGraph with each Node stored under the "node" attribute."""
    graph = nx.DiGraph()
    for node in nodes:
        if node.id in graph:
            raise GraphError(f"Two items share the id {node.id!r}.")
        graph.add_node(node.id, node=node)
    for edge in edges:
        if edge.source not in graph or edge.target not in graph:
            raise GraphError(
                f"A link refers to an item that is not in the graph: {edge.source!r} → {edge.target!r}."
            )
        graph.add_edge(edge.source, edge.target)
    return graph


def _label(graph: nx.DiGraph, node_id: NodeId, *, limit: int = 60) -> str:
    label = " ".join(graph.nodes[node_id]["node"].label.split())
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _loop_text(graph: nx.DiGraph, cycle: Sequence[NodeId]) -> str:
    return " → ".join(_label(graph, node_id) for node_id in cycle)


def check_edge(nodes: Sequence[Node], edges: Sequence[Edge], new_edge: Edge) -> None:
    """Raise GraphError (CycleError for a loop) if `new_edge` may not be added; return None if it may."""
    graph = build_graph(nodes, edges)
    source, target = new_edge.source, new_edge.target
    if source not in graph or target not in graph:
        raise GraphError("This link refers to an item that is not in the graph. It may have been deleted.")
    if source == target:
        raise GraphError(f"An item cannot contribute to itself: {_label(graph, source)}.")
    if graph.nodes[source]["node"].kind == OUTCOME:
        raise GraphError("The outcome is where the links end: it cannot contribute to anything else.")
    if graph.has_edge(source, target):
        raise GraphError(f"These are already linked: {_label(graph, source)} → {_label(graph, target)}.")
    if nx.has_path(graph, target, source):
        # The shortest way back gives the smallest loop to explain to the reviewer.
        cycle = [source, *nx.shortest_path(graph, target, source)]
        raise CycleError(f"Adding this link would make a loop: {_loop_text(graph, cycle)}", cycle=cycle)


def split_loops(nodes: Sequence[Node], edges: Sequence[Edge]) -> tuple[list[Edge], list[tuple[Edge, ...]]]:
    """A stored graph with loops (older data, a manual edit) as the edges without them and each loop found.

    Each loop is broken by leaving out the link that closes it, until none is left: the analysis then runs on what
    remains, and the reviewer is shown every loop with its links to delete one. Edges to unknown items are left
    out too. Linear in the size of the graph per loop found."""
    ids = {node.id for node in nodes}
    kept = [edge for edge in edges if edge.source in ids and edge.target in ids]
    if _acyclic(ids, kept):  # every page of an RCA asks, and a stored graph almost never has a loop
        return kept, []
    graph = nx.DiGraph()
    graph.add_nodes_from(ids)
    graph.add_edges_from((edge.source, edge.target) for edge in kept)
    loops: list[tuple[Edge, ...]] = []
    while True:
        try:
            cycle = nx.find_cycle(graph)
        except nx.NetworkXNoCycle:
            break
        loops.append(tuple(Edge(source, target) for source, target in cycle))
        graph.remove_edge(*cycle[-1])
    dropped = {loop[-1] for loop in loops}
    return [edge for edge in kept if edge not in dropped], loops


def _acyclic(ids: set[NodeId], edges: Sequence[Edge]) -> bool:
    """Whether the graph has no loop: every item can be taken away once nothing left points into it (Kahn's
    algorithm, in plain Python: far quicker than building a networkx graph to search it)."""
    into: dict[NodeId, int] = dict.fromkeys(ids, 0)
    out: dict[NodeId, list[NodeId]] = {}
    for edge in set(edges):
        into[edge.target] += 1
        out.setdefault(edge.source, []).append(edge.target)
    ready = [node_id for node_id, n in into.items() if n == 0]
    removed = 0
    while ready:
        removed += 1
        for target in out.get(ready.pop(), ()):
            into[target] -= 1
            if into[target] == 0:
                ready.append(target)
    return removed == len(into)


def _topological_order(graph: nx.DiGraph) -> list[NodeId]:
    try:
        return list(nx.topological_sort(graph))
    except nx.NetworkXUnfeasible:
        cycle = [source for source, _target in nx.find_cycle(graph)]
        cycle.append(cycle[0])
        raise CycleError(
            "The graph has a loop, which must be removed before it can be analysed: "
            f"{_loop_text(graph, cycle)}",
            cycle=cycle,
        ) from None


def _reaching(graph: nx.DiGraph, outcomes: Iterable[NodeId]) -> set[NodeId]:
    """Every node with a path to an outcome: one reverse search from all outcomes at once."""
    reached = set(outcomes)
    stack = list(reached)
    pred = graph.pred
    while stack:
        for parent in pred[stack.pop()]:
            if parent not in reached:
                reached.add(parent)
                stack.append(parent)
    return reached


def _paths_from(
    graph: nx.DiGraph, start: NodeId, *, outcomes: set[NodeId], reaching: set[NodeId], cap: int
) -> list[tuple[NodeId, ...]]:
    """Up to `cap` paths from `start` to an outcome, depth first.

    Only nodes that reach an outcome are followed, so in a DAG every branch ends in a path and
    finding `cap` paths costs about cap × depth steps however many paths exist in total.
    """
    found: list[tuple[NodeId, ...]] = []
    path = [start]
    stack = [iter(graph.succ[start])]
    while stack and len(found) < cap:
        for child in stack[-1]:
            if child not in reaching:
                continue
            if child in outcomes:
                # The outcome is the end of the story even if bad data links on from it.
                found.append((*path, child))
                if len(found) >= cap:
                    break
                continue
            path.append(child)
            stack.append(iter(graph.succ[child]))
            break
        else:
            stack.pop()
            path.pop()
    return found


def _fishbone(nodes: Iterable[Node]) -> dict[str, int]:
    counts = Counter(node.category or UNCATEGORISED for node in nodes if node.kind in FACTOR_KINDS)
    known = {category.code for category in CATEGORIES}
    ordered = {category.code: counts[category.code] for category in CATEGORIES if counts[category.code]}
    ordered.update({code: n for code, n in counts.items() if code not in known and code != UNCATEGORISED})
    if counts[UNCATEGORISED]:
        ordered[UNCATEGORISED] = counts[UNCATEGORISED]
    return ordered


def analyse(nodes: Sequence[Node], edges: Sequence[Edge], *, path_cap: int = DEFAULT_PATH_CAP) -> Analysis:
    """Analyse a contributory-factor graph; raises CycleError if the stored graph has a loop."""
    if path_cap < 1:
        raise ValueError("path_cap must be at least 1")
    graph = build_graph(nodes, edges)
    order = _topological_order(graph)
    position = {node.id: i for i, node in enumerate(nodes)}
    kind = {node.id: node.kind for node in nodes}
    outcomes = [node.id for node in nodes if node.kind == OUTCOME]
    outcome_set = set(outcomes)
    reaching = _reaching(graph, outcomes)
    pred, succ = graph.pred, graph.succ

    candidates = [
        node.id
        for node in nodes
        if node.kind in FACTOR_KINDS and node.id in reaching and not pred[node.id]
    ]
    candidate_set = set(candidates)

    # Counting paths by dynamic programming over the DAG is linear, where listing them is
    # exponential: paths_to[v] is the number of paths from v to an outcome, paths_from[v] the
    # number from a candidate to v, and their product the candidate-to-outcome paths through v.
    # The problems below v are a bitmask over problems that reach an outcome.
    problem_bit = {
        node_id: 1 << i
        for i, node_id in enumerate(n.id for n in nodes if n.kind == PROBLEM and n.id in reaching)
    }
    paths_to: dict[NodeId, int] = {}
    problems_below: dict[NodeId, int] = {}
    for v in reversed(order):
        if v in outcome_set:
            paths_to[v], problems_below[v] = 1, 0
            continue
        total, mask = 0, problem_bit.get(v, 0)
        for child in succ[v]:
            total += paths_to[child]
            mask |= problems_below[child]
        paths_to[v], problems_below[v] = total, mask
    paths_from: dict[NodeId, int] = {}
    for v in order:
        paths_from[v] = (1 if v in candidate_set else 0) + sum(
            paths_from[parent] for parent in pred[v] if parent not in outcome_set
        )

    ranking = sorted(
        (
            FactorRank(node.id, problems_below[node.id].bit_count(), paths_from[node.id] * paths_to[node.id])
            for node in nodes
            if node.kind in FACTOR_KINDS
        ),
        key=lambda rank: (-rank.problems_count, -rank.paths_count, position[rank.node_id]),
    )
    rank_of = {rank.node_id: i for i, rank in enumerate(ranking)}
    candidates.sort(key=rank_of.__getitem__)

    paths = {
        c: tuple(_paths_from(graph, c, outcomes=outcome_set, reaching=reaching, cap=path_cap))
        for c in candidates
    }
    path_counts = {c: paths_to[c] for c in candidates}

    return Analysis(
        outcomes=tuple(outcomes),
        candidates=tuple(candidates),
        disconnected=tuple(node.id for node in nodes if node.kind != OUTCOME and node.id not in reaching),
        paths=paths,
        path_counts=path_counts,
        paths_truncated=any(path_counts[c] > len(paths[c]) for c in candidates),
        path_cap=path_cap,
        ranking=tuple(ranking),
        fishbone=_fishbone(nodes),
        root_causes=tuple(node.id for node in nodes if node.kind == ROOT_CAUSE),
        unevidenced=tuple(node.id for node in nodes if kind[node.id] in FACTOR_KINDS and not node.evidenced),
    )


def _temporary_ids() -> Callable[[], NodeId]:
    counter = itertools.count(1)
    return lambda: f"new-{next(counter)}"


def five_whys(
    problem_id: NodeId,
    answers: Sequence[str],
    *,
    id_factory: Callable[[], NodeId] | None = None,
    categories: Sequence[str | None] | None = None,
    evidenced: bool = False,
) -> WhysChain:
    """New factors and links for a 5-whys chain: answer 1 contributed to the problem, answer 2 to answer 1...

    Factors start "not yet evidenced" by default: an answer to "why?" is a hypothesis until the
    reviewer attaches the debrief, timeline entry or document that supports it.
    """
    cleaned = [" ".join(answer.split()) for answer in answers]
    chain = list(itertools.takewhile(bool, cleaned))
    if not chain:
        raise GraphError("Enter the answer to the first “why?”.")
    if any(cleaned[len(chain):]):
        # Each answer explains the one before it, so a gap would break the chain.
        raise GraphError(f"Answer the whys in order: why {len(chain) + 1} is blank but a later one is not.")
    if categories is not None and len(categories) < len(chain):
        raise ValueError("categories must give one entry per answer")
    next_id = id_factory or _temporary_ids()

    nodes: list[Node] = []
    edges: list[Edge] = []
    explained = problem_id
    for i, answer in enumerate(chain):
        node = Node(
            id=next_id(),
            kind=FACTOR,
            label=answer,
            category=categories[i] if categories is not None else None,
            evidenced=evidenced,
        )
        nodes.append(node)
        edges.append(Edge(source=node.id, target=explained))
        explained = node.id
    return WhysChain(tuple(nodes), tuple(edges))
