"""Draw the contributory-factor graph and its fishbone with Graphviz, plus a text alternative."""

from __future__ import annotations

import html
import re
import subprocess
import textwrap
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

import graphviz

from debrief.rca.framework import CATEGORIES, UNCATEGORISED, category_name
from debrief.rca.graph import (
    FACTOR,
    FACTOR_KINDS,
    KIND_NAMES,
    OUTCOME,
    PROBLEM,
    ROOT_CAUSE,
    Edge,
    GraphError,
    Node,
    NodeId,
    build_graph,
)

FORMATS = ("svg", "png")
DEFAULT_TIMEOUT = 10.0  # seconds; user-built graphs can make dot run for minutes
# Beyond this many items or links a drawing is unreadable and dot takes tens of seconds: not attempted.
MAX_DRAWN_NODES = 600
MAX_DRAWN_EDGES = 1500
WRAP_WIDTH = 30
MAX_LINES = 6  # a longer description belongs in the text alternative, not in the box
UNEVIDENCED_NOTE = "(not yet evidenced)"
# PostScript names: Graphviz maps them to a generic SVG font family and weight browsers understand.
FONT = "Helvetica"
BOLD_FONT = "Helvetica-Bold"

# GOV.UK palette; text colours chosen for at least 4.5:1 contrast on each fill.
_KIND_ATTRS: dict[str, dict[str, str]] = {
    OUTCOME: {"shape": "octagon", "style": "filled", "fillcolor": "#d4351c", "color": "#942514",
              "fontcolor": "#ffffff"},
    PROBLEM: {"shape": "box", "style": "filled", "fillcolor": "#f47738", "color": "#8a3f10",
              "fontcolor": "#0b0c0c"},
    FACTOR: {"shape": "box", "style": "rounded,filled", "fillcolor": "#d2e2f1", "color": "#1d70b8",
             "fontcolor": "#0b0c0c"},
    ROOT_CAUSE: {"shape": "box", "style": "rounded,filled,bold", "fillcolor": "#003078", "color": "#003078",
                 "fontcolor": "#ffffff", "peripheries": "2", "penwidth": "2"},
}
_GRAPH_ATTRS = {"rankdir": "LR", "fontname": FONT, "nodesep": "0.25", "ranksep": "0.6"}
_NODE_ATTRS = {"fontname": FONT, "fontsize": "11", "margin": "0.15,0.08"}
_EDGE_ATTRS = {"color": "#505a5f", "arrowsize": "0.7"}
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")


class RenderError(RuntimeError):
    """Graphviz could not draw the graph; the message is fit to show the reviewer."""


class TooBigToDraw(RenderError):
    """The graph is too big to draw usefully; the text alternative and the DOT download still work."""


def check_drawable(nodes: Sequence[Node], edges: Sequence[Edge]) -> None:
    if len(nodes) > MAX_DRAWN_NODES or len(edges) > MAX_DRAWN_EDGES:
        raise TooBigToDraw(
            f"The graph has {len(nodes):,} items and {len(edges):,} links, too many to draw as one picture "
            f"(the limit is {MAX_DRAWN_NODES:,} items and {MAX_DRAWN_EDGES:,} links).")


# --- Labels -----------------------------------------------------------------------------------

def _escape_line(line: str) -> str:
    # Doubled backslashes lose their escString meaning (\N, \G, \l...); "&" becomes an entity
    # because Graphviz decodes entities in labels, so "&lt;" typed by a user stays literal.
    # Quotes are escaped by graphviz.quote, and nohtml() below stops "<...>" being HTML-like.
    return line.replace("\\", "\\\\").replace("&", "&amp;")


def dot_label(text: str, *, note: str | None = None, width: int = WRAP_WIDTH) -> str:
    """A safe DOT label: control characters removed, wrapped to `width`, escaped, not HTML."""
    clean = " ".join(_CONTROL_CHARS.sub(" ", text).split()) or "(no description)"
    lines = textwrap.wrap(clean, width, break_long_words=True)
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    if note:
        lines.append(note)
    return graphviz.nohtml("\\n".join(_escape_line(line) for line in lines))


def _node_attrs(node: Node) -> dict[str, str]:
    attrs = dict(_KIND_ATTRS[node.kind])
    note = None
    if not node.evidenced and node.kind != OUTCOME:
        attrs["style"] += ",dashed"
        note = UNEVIDENCED_NOTE
    attrs["label"] = dot_label(node.label, note=note)
    return attrs


def _dot_names(nodes: Sequence[Node]) -> dict[NodeId, str]:
    # Internal names keep user data and database ids out of DOT identifiers and SVG titles.
    return {node.id: f"n{i}" for i, node in enumerate(nodes)}


# --- DOT sources ------------------------------------------------------------------------------

def graph_dot(nodes: Sequence[Node], edges: Sequence[Edge]) -> str:
    """DOT source for the contributory-factor graph, left to right with the outcome at the right."""
    names = _dot_names(nodes)
    dot = graphviz.Digraph(name="rca", graph_attr=_GRAPH_ATTRS, node_attr=_NODE_ATTRS, edge_attr=_EDGE_ATTRS)
    for node in nodes:
        if node.kind != OUTCOME:
            dot.node(names[node.id], **_node_attrs(node))
    outcomes = [node for node in nodes if node.kind == OUTCOME]
    if outcomes:
        with dot.subgraph() as sink:
            sink.attr(rank="sink")
            for node in outcomes:
                sink.node(names[node.id], **_node_attrs(node))
    for edge in edges:
        if edge.source not in names or edge.target not in names:
            raise GraphError(
                f"A link refers to an item that is not in the graph: {edge.source!r} → {edge.target!r}."
            )
        dot.edge(names[edge.source], names[edge.target])
    return dot.source


def _category_order(codes: set[str]) -> list[str]:
    known = [category.code for category in CATEGORIES if category.code in codes]
    unknown = sorted(code for code in codes if code not in known and code != UNCATEGORISED)
    return known + unknown + ([UNCATEGORISED] if UNCATEGORISED in codes else [])


def fishbone_dot(nodes: Sequence[Node]) -> str:
    """DOT source for the fishbone: factors grouped by category, each branch pointing at the outcome."""
    names = _dot_names(nodes)
    outcomes = [node for node in nodes if node.kind == OUTCOME]
    head_text = "; ".join(node.label for node in outcomes) or "Outcome (not yet recorded)"
    dot = graphviz.Digraph(
        name="fishbone",
        graph_attr={**_GRAPH_ATTRS, "ranksep": "0.8"},
        node_attr=_NODE_ATTRS,
        edge_attr=_EDGE_ATTRS,
    )
    with dot.subgraph() as sink:
        sink.attr(rank="sink")
        sink.node("head", **{**_KIND_ATTRS[OUTCOME], "label": dot_label(head_text, width=40)})

    by_category: dict[str, list[Node]] = {}
    for node in nodes:
        if node.kind in FACTOR_KINDS:
            by_category.setdefault(node.category or UNCATEGORISED, []).append(node)
    for i, code in enumerate(_category_order(set(by_category))):
        factors = by_category[code]
        with dot.subgraph(name=f"cluster_{i}") as cluster:
            cluster.attr(style="rounded,dashed", color="#b1b4b6", label="")
            bone = f"c{i}"
            cluster.node(
                bone,
                label=dot_label(f"{category_name(code)} ({len(factors)})"),
                shape="box",
                style="filled,bold",
                fillcolor="#f3f2f1",
                color="#0b0c0c",
                fontname=BOLD_FONT,
            )
            for node in factors:
                cluster.node(names[node.id], **_node_attrs(node))
                cluster.edge(names[node.id], bone)
        # The thick edge is the bone joining the category to the spine at the head.
        dot.edge(bone, "head", penwidth="2.5", color="#0b0c0c")
    return dot.source


# --- Running dot ------------------------------------------------------------------------------

def run_dot(dot_source: str, fmt: str, *, timeout: float = DEFAULT_TIMEOUT, binary: str = "dot") -> bytes:
    """Run the Graphviz `dot` binary with a timeout (graphviz's pipe() has none)."""
    if fmt not in FORMATS:
        raise ValueError(f"Unsupported format {fmt!r}: expected one of {', '.join(FORMATS)}")
    try:
        completed = subprocess.run(
            [binary, f"-T{fmt}"],
            input=dot_source.encode("utf-8"),
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except FileNotFoundError as exc:
        raise RenderError(
            "The graph cannot be drawn because Graphviz is not installed on the server ('dot' was not found)."
        ) from exc
    except subprocess.TimeoutExpired as exc:
        raise RenderError(f"Drawing the graph took longer than {timeout:g} seconds and was stopped.") from exc
    except OSError as exc:
        raise RenderError(
            f"The graph cannot be drawn: Graphviz could not be started ({exc.strerror})."
        ) from exc
    if completed.returncode != 0:
        detail = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = detail[-1] if detail else f"exit status {completed.returncode}"
        raise RenderError(f"Graphviz could not draw the graph: {reason}")
    return completed.stdout


def inline_svg(svg: str, *, title: str, title_id: str) -> str:
    """SVG ready to inline in HTML: no XML prolog, DOCTYPE or leading comments; role="img" and a title."""
    start = svg.find("<svg")
    tag_end = svg.find(">", start)
    if start < 0 or tag_end < 0:
        raise RenderError("Graphviz did not return an SVG drawing.")
    safe_id = html.escape(title_id, quote=True)
    open_tag = svg[start:tag_end].rstrip("/").rstrip()
    return (
        f'{open_tag} role="img" aria-labelledby="{safe_id}">\n'
        f'<title id="{safe_id}">{html.escape(title, quote=False)}</title>'
        f"{svg[tag_end + 1:]}"
    )


def render_svg(
    dot_source: str,
    *,
    title: str = "Contributory-factor graph",
    title_id: str = "rca-graph-title",
    timeout: float = DEFAULT_TIMEOUT,
) -> str:
    """Inline-ready SVG markup for a DOT source. `title_id` must be unique on the page."""
    svg = run_dot(dot_source, "svg", timeout=timeout).decode("utf-8")
    return inline_svg(svg, title=title, title_id=title_id)


def render_png(dot_source: str, *, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    return run_dot(dot_source, "png", timeout=timeout)


# --- Cache ------------------------------------------------------------------------------------

class RenderCache:
    """A small thread-safe LRU of finished drawings, keyed by (caller's key, format, title, title id).

    The caller's key must change whenever the drawing would, e.g. ("graph", rca_id, graph_version)
    with the version bumped on every change to nodes or edges. This cache is per process; behind it,
    cached_render() asks the shared store (debrief.artefacts), keyed by the DOT source, before drawing. A RenderError is cached too, under the same key,
    so a graph that timed out is not drawn again (for another 10 s) until it changes. Drawing happens
    outside the lock, so two requests may both draw the same graph once.
    """

    def __init__(self, maxsize: int = 64) -> None:
        self.maxsize = maxsize
        self._items: OrderedDict[Hashable, str | bytes | RenderError] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_draw(self, key: Hashable, draw: Callable[[], str | bytes]) -> str | bytes:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                found = self._items[key]
                if isinstance(found, RenderError):
                    raise found
                return found
        try:
            drawing: str | bytes | RenderError = draw()
        except RenderError as error:
            drawing = error
        with self._lock:
            self._items[key] = drawing
            self._items.move_to_end(key)
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)
        if isinstance(drawing, RenderError):
            raise drawing
        return drawing

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


render_cache = RenderCache()

# Behind each worker's own cache, a store every worker and host shares (debrief.artefacts, wired by create_app):
# (kind, what the drawing is made from, make) -> the drawing's bytes. None: each worker draws for itself.
SharedStore = Callable[[str, tuple[str | bytes, ...], Callable[[], bytes]], bytes]
_shared_store: SharedStore | None = None
# Part of every shared key: raise it when the same DOT source would now be drawn differently.
DRAWING_VERSION = "1"


def use_shared_store(store: SharedStore | None) -> None:
    global _shared_store
    _shared_store = store


def _shared(kind: str, parts: tuple[str | bytes, ...], make: Callable[[], bytes]) -> bytes:
    return make() if _shared_store is None else _shared_store(kind, (DRAWING_VERSION, *parts), make)


def _shared_svg(dot_source: str, *, title: str, title_id: str, timeout: float) -> str:
    return _shared("graphviz-svg", (dot_source, title, title_id), lambda: render_svg(
        dot_source, title=title, title_id=title_id, timeout=timeout).encode("utf-8")).decode("utf-8")


def _shared_png(dot_source: str, *, timeout: float) -> bytes:
    return _shared("graphviz-png", (dot_source,), lambda: render_png(dot_source, timeout=timeout))


def cached_render(
    key: Hashable,
    fmt: str,
    build_dot: Callable[[], str],
    *,
    title: str = "Contributory-factor graph",
    title_id: str = "rca-graph-title",
    timeout: float = DEFAULT_TIMEOUT,
    cache: RenderCache | None = None,
) -> str | bytes:
    """Inline SVG (str) or PNG (bytes) for `build_dot()`, from the cache when `key` was drawn before."""
    if fmt not in FORMATS:
        raise ValueError(f"Unsupported format {fmt!r}: expected one of {', '.join(FORMATS)}")
    store = cache if cache is not None else render_cache
    # This worker's cache first (by the caller's key: no need to build the DOT source); then the shared store, by
    # a hash of the DOT source itself; Graphviz only when neither has it.
    if fmt == "svg":
        return store.get_or_draw(
            (key, fmt, title, title_id),
            lambda: _shared_svg(build_dot(), title=title, title_id=title_id, timeout=timeout),
        )
    return store.get_or_draw((key, fmt), lambda: _shared_png(build_dot(), timeout=timeout))


@dataclass(frozen=True, slots=True)
class Drawing:
    """An inline SVG, or why there is none (the page then leans on the text alternative)."""

    svg: str | None
    problem: str | None = None


def drawing_or_reason(key: Hashable, build_dot: Callable[[], str], *, title: str, title_id: str,
                      timeout: float = DEFAULT_TIMEOUT, cache: RenderCache | None = None) -> Drawing:
    """The drawing for a page: never raises for a graph too big or too slow, so the page always answers.

    `build_dot` may raise TooBigToDraw (see check_drawable); that, a timeout or a Graphviz error is cached
    under `key` like a drawing, so the next view of the same graph version is instant."""
    try:
        svg = cached_render(key, "svg", build_dot, title=title, title_id=title_id, timeout=timeout, cache=cache)
    except RenderError as error:
        return Drawing(svg=None, problem=str(error))
    return Drawing(svg=str(svg))


# --- Text alternative -------------------------------------------------------------------------

@dataclass(slots=True)
class TextItem:
    node_id: NodeId
    kind: str
    kind_name: str
    label: str
    category: str | None  # the category's display name, for factors and root causes
    evidenced: bool
    # Already described earlier in the text: listed again by name, without its contributors.
    repeated: bool = False
    children: list[TextItem] = field(default_factory=list)  # what contributed to this


@dataclass(frozen=True, slots=True)
class TextAlternative:
    outcomes: tuple[TextItem, ...]  # each outcome, then what contributed to it, nested
    not_linked: tuple[TextItem, ...]  # items that reach no outcome, nested the same way


def text_alternative(nodes: Sequence[Node], edges: Sequence[Edge]) -> TextAlternative:
    """The graph as nested lists: outcome → what contributed → what contributed to that..."""
    graph = build_graph(nodes, edges)
    position = {node.id: i for i, node in enumerate(nodes)}
    seen: set[NodeId] = set()

    def item(node_id: NodeId, *, repeated: bool = False) -> TextItem:
        node: Node = graph.nodes[node_id]["node"]
        return TextItem(
            node_id=node.id,
            kind=node.kind,
            kind_name=KIND_NAMES[node.kind],
            label=node.label,
            category=category_name(node.category) if node.kind in FACTOR_KINDS else None,
            evidenced=node.evidenced,
            repeated=repeated,
        )

    def contributors(node_id: NodeId):
        return iter(sorted(graph.pred[node_id], key=position.__getitem__))

    def tree(root_id: NodeId) -> TextItem:
        # Iterative depth-first walk: a long chain must not hit Python's recursion limit.
        root = item(root_id)
        seen.add(root_id)
        stack = [(root, contributors(root_id))]
        while stack:
            parent, pending = stack[-1]
            for child_id in pending:
                if child_id in seen:
                    parent.children.append(item(child_id, repeated=True))
                    continue
                seen.add(child_id)
                child = item(child_id)
                parent.children.append(child)
                stack.append((child, contributors(child_id)))
                break
            else:
                stack.pop()
        return root

    outcomes = tuple(tree(node.id) for node in nodes if node.kind == OUTCOME)
    not_linked: list[TextItem] = []
    # Items reaching no outcome hang from the last item on their chain; the final pass catches
    # anything left over, which only a stored loop could cause.
    ends = [node.id for node in nodes if not graph.succ[node.id]]
    for node_id in [*ends, *(node.id for node in nodes)]:
        if node_id not in seen:
            not_linked.append(tree(node_id))
    return TextAlternative(outcomes=outcomes, not_linked=tuple(not_linked))
