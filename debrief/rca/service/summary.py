"""What the RCA pages show of the graph besides the graph itself (its counts, the loops a stored graph holds, how
many root causes), worked out once per graph version and kept, so a page that shows only this loads no items.

The key is the RCA's id, its graph_version (bumped by every change to an item or a link: service.graph_changed) and
its created_at (a test database, or a restored one, may give another RCA the same id and version). A summary of an
RCA with unsaved changes is worked out each time and never kept.
"""
from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from sqlalchemy import inspect

from debrief.models import RootCauseAnalysis
from debrief.rca import graph as rca_graph
from debrief.rca.render import RenderCache


@dataclass(frozen=True, slots=True)
class LoopLink:
    """A link of a loop stored in the graph, with the labels of its two items (for the reviewer to delete one)."""

    id: int
    cause_id: int
    effect_id: int
    cause: str
    effect: str


@dataclass(frozen=True, slots=True)
class GraphSummary:
    items: int
    links: int
    factors: int  # contributory factors, root causes included
    problems: int
    root_causes: int  # confirmed
    candidates: int  # candidate root causes (the analysis's)
    loops: tuple[tuple[LoopLink, ...], ...]


_kept = RenderCache(maxsize=256)


def summary_key(rca: RootCauseAnalysis) -> Hashable:
    return ("rca-graph-summary", rca.id, rca.graph_version, rca.created_at)


def graph_summary(rca: RootCauseAnalysis) -> GraphSummary:
    """The graph's summary: kept per graph version; made from the items and links (loaded if not already)."""
    if inspect(rca).modified:  # unsaved changes (inside a write): worked out from them, not kept
        return summarise(rca)
    return _kept.get_or_draw(summary_key(rca), lambda: summarise(rca))


def summarise(rca: RootCauseAnalysis) -> GraphSummary:
    nodes = [rca_graph.Node(id=n.id, kind=n.kind, label=n.label, category=n.category, evidenced=n.evidenced)
             for n in rca.nodes]
    edges, loops = rca_graph.split_loops(nodes, [rca_graph.Edge(link.cause_id, link.effect_id) for link in rca.links])
    analysis = rca_graph.analyse(nodes, edges)
    label = {node.id: node.label for node in nodes}
    by_pair = {(link.cause_id, link.effect_id): link.id for link in rca.links}
    return GraphSummary(
        items=len(nodes), links=len(rca.links),
        factors=sum(node.kind in rca_graph.FACTOR_KINDS for node in nodes),
        problems=sum(node.kind == rca_graph.PROBLEM for node in nodes),
        root_causes=len(analysis.root_causes), candidates=len(analysis.candidates),
        loops=tuple(tuple(LoopLink(id=by_pair[(edge.source, edge.target)], cause_id=edge.source,
                                   effect_id=edge.target, cause=label[edge.source], effect=label[edge.target])
                          for edge in loop) for loop in loops))


def forget_kept() -> None:
    """Empty this process's summaries (tests: each test's database restarts ids)."""
    _kept.clear()
