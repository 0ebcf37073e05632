"""Unit tests of drawing the graph and fishbone with Graphviz, and of the text alternative."""

from __future__ import annotations

import re
import shutil
import stat
import sys
import xml.etree.ElementTree as ET

import pytest

from debrief.rca.graph import Edge, Node
from debrief.rca.render import (
    MAX_LINES,
    UNEVIDENCED_NOTE,
    RenderCache,
    RenderError,
    cached_render,
    fishbone_dot,
    graph_dot,
    inline_svg,
    render_png,
    render_svg,
    run_dot,
    text_alternative,
)

needs_dot = pytest.mark.skipif(
    shutil.which("dot") is None, reason="Graphviz 'dot' is not on PATH (apt-get install graphviz)"
)
SVG = "{http://www.w3.org/2000/svg}"
NASTY_LABELS = [
    'Say "stop" \\ now',
    "<script>alert(1)</script>",
    "<b>bold</b>",
    "A & B &lt; C",
    "\\N \\G \\l \\n end\\",
    '"]; evil [label="x',
]


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def _groups(root: ET.Element, kind: str) -> dict[str, ET.Element]:
    return {g.find(f"{SVG}title").text: g for g in root.iter(f"{SVG}g") if g.get("class") == kind}


def _lines(group: ET.Element) -> list[str]:
    return [text.text or "" for text in group.iter(f"{SVG}text")]


def _x(group: ET.Element) -> float:
    return float(next(group.iter(f"{SVG}text")).get("x"))


def _centre(group: ET.Element) -> tuple[float, float]:
    texts = list(group.iter(f"{SVG}text"))
    return float(texts[0].get("x")), sum(float(t.get("y")) for t in texts) / len(texts)


def _bbox(group: ET.Element) -> tuple[float, float, float, float]:
    shape = next(el for el in group if el.tag in (f"{SVG}path", f"{SVG}polygon"))
    numbers = re.findall(r"(-?[\d.]+),(-?[\d.]+)", shape.get("d") or shape.get("points"))
    xs, ys = [float(x) for x, _ in numbers], [float(y) for _, y in numbers]
    return min(xs), min(ys), max(xs), max(ys)


# --- the graph --------------------------------------------------------------------------------------


@needs_dot
def test_svg_is_ready_to_inline_with_an_accessible_title(custody_case):
    svg = render_svg(graph_dot(*custody_case), title="Contributory factors for RCA 12", title_id="g12")
    assert svg.startswith("<svg")
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg
    root = _parse(svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "g12"
    title = root[0]
    assert title.tag == f"{SVG}title" and title.get("id") == "g12"
    assert title.text == "Contributory factors for RCA 12"


@needs_dot
def test_labels_are_escaped_and_cannot_inject_dot_or_html():
    nodes = [Node(i, "factor", label) for i, label in enumerate(NASTY_LABELS)]
    svg = render_svg(graph_dot(nodes, [Edge(0, 1)]), title="<script>x</script>")
    root = _parse(svg)
    nodes_drawn = _groups(root, "node")
    assert set(nodes_drawn) == {f"n{i}" for i in range(len(NASTY_LABELS))}, "no extra node was injected"
    for i, label in enumerate(NASTY_LABELS):
        assert " ".join(_lines(nodes_drawn[f"n{i}"])) == label
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert tags <= {"svg", "g", "title", "polygon", "path", "text", "ellipse"}, tags
    assert "<script>" not in svg


def test_labels_are_wrapped_and_cut_short_in_the_dot_source():
    long = "The custody record system did not show the warning marker " * 6
    source = graph_dot([Node(1, "factor", long)], [])
    label = re.search(r'label="([^"]*)"', source).group(1)
    lines = label.split("\\n")
    assert len(lines) == MAX_LINES
    assert all(len(line) <= 30 for line in lines)
    assert lines[-1].endswith("…")


@needs_dot
def test_unevidenced_factors_are_dashed_and_say_so(custody_case):
    root = _parse(render_svg(graph_dot(*custody_case)))
    drawn = _groups(root, "node")
    staffing, rota = drawn["n6"], drawn["n5"]  # positions in the custody case
    assert _lines(staffing)[-1] == UNEVIDENCED_NOTE
    assert any(shape.get("stroke-dasharray") for shape in staffing if shape.tag != f"{SVG}title")
    assert UNEVIDENCED_NOTE not in _lines(rota)
    assert not any(shape.get("stroke-dasharray") for shape in rota)


@needs_dot
def test_each_kind_has_its_own_shape_and_colour(custody_case):
    drawn = _groups(_parse(render_svg(graph_dot(*custody_case))), "node")
    outcome = drawn["n0"].find(f"{SVG}polygon")
    assert outcome.get("fill") == "#d4351c"
    assert len(outcome.get("points").split()) == 9  # an octagon, closed by repeating the first point
    assert drawn["n1"].find(f"{SVG}polygon").get("fill") == "#f47738"
    assert drawn["n3"].find(f"{SVG}path").get("fill") == "#d2e2f1"
    root_cause_outlines = drawn["n5"].findall(f"{SVG}path")
    assert len(root_cause_outlines) == 2, "a root cause has a double border"
    assert root_cause_outlines[0].get("fill") == "#003078"


@needs_dot
def test_the_outcome_is_at_the_right(custody_case):
    drawn = _groups(_parse(render_svg(graph_dot(*custody_case))), "node")
    outcome_x = _x(drawn.pop("n0"))
    assert all(_x(group) < outcome_x for group in drawn.values())


@needs_dot
def test_a_generated_graph_of_several_hundred_nodes_is_drawn_whole(make_dag):
    nodes, edges = make_dag(node_count=300, edge_count=600, seed=5)
    root = _parse(render_svg(graph_dot(nodes, edges), timeout=20))
    assert len(_groups(root, "node")) == 300
    assert len(_groups(root, "edge")) == 600
    dashed = {name for name, g in _groups(root, "node").items() if _lines(g)[-1] == UNEVIDENCED_NOTE}
    assert dashed == {f"n{i}" for i, node in enumerate(nodes) if not node.evidenced}


@needs_dot
def test_png_is_a_png(custody_case):
    assert render_png(graph_dot(*custody_case)).startswith(b"\x89PNG\r\n\x1a\n")


def test_inline_svg_strips_prolog_and_doctype():
    raw = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        "<!-- Generated by graphviz -->\n"
        '<svg width="8pt" xmlns="http://www.w3.org/2000/svg"><g/></svg>\n'
    )
    inlined = inline_svg(raw, title='Links "A" & <B>', title_id="t1")
    assert inlined.startswith(
        '<svg width="8pt" xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="t1">'
    )
    assert _parse(inlined)[0].text == 'Links "A" & <B>'


# --- failures -----------------------------------------------------------------------------------------


def test_a_missing_binary_is_a_clear_render_error():
    with pytest.raises(RenderError, match="Graphviz is not installed"):
        run_dot("digraph {}", "svg", binary="/nonexistent/dot")


def test_a_slow_drawing_is_stopped(tmp_path):
    slow = tmp_path / "slow-dot"
    slow.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(5)\n")
    slow.chmod(slow.stat().st_mode | stat.S_IEXEC)
    with pytest.raises(RenderError, match="took longer than 0.2 seconds"):
        run_dot("digraph {}", "svg", binary=str(slow), timeout=0.2)


@needs_dot
def test_bad_dot_is_a_render_error():
    with pytest.raises(RenderError, match="Graphviz could not draw the graph: .*syntax error"):
        run_dot("digraph { a -> }", "svg")


def test_only_svg_and_png_are_drawn():
    with pytest.raises(ValueError, match="Unsupported format"):
        run_dot("digraph {}", "ps")


# --- the fishbone ---------------------------------------------------------------------------------------


@needs_dot
def test_fishbone_groups_factors_by_category_pointing_at_the_outcome(custody_case):
    nodes, _edges = custody_case
    root = _parse(render_svg(fishbone_dot(nodes), title="Fishbone", title_id="fish"))
    drawn = _groups(root, "node")
    assert _lines(drawn.pop("head")) == ["Detainee found unresponsive in cell"]
    bones = {name: " ".join(_lines(group)) for name, group in drawn.items() if name.startswith("c")}
    assert bones == {
        "c0": "Education and training (1)",
        "c1": "Equipment and technology (1)",
        "c2": "Working conditions (2)",
        "c3": "Custody environment (1)",
        "c4": "Uncategorised (1)",
    }
    # Node names are n + position: training 7, no_marker 4, rota 5, staffing 6, single 3, radio 8.
    expected = {
        "cluster_0": {"c0", "n7"},
        "cluster_1": {"c1", "n4"},
        "cluster_2": {"c2", "n5", "n6"},
        "cluster_3": {"c3", "n3"},
        "cluster_4": {"c4", "n8"},
    }
    clusters = _groups(root, "cluster")
    assert set(clusters) == set(expected)
    for name, members in expected.items():
        left, top, right, bottom = _bbox(clusters[name])
        inside = {n for n, g in drawn.items() if left < _centre(g)[0] < right and top < _centre(g)[1] < bottom}
        assert inside == members, name
    edges = {g.find(f"{SVG}title").text for g in root.iter(f"{SVG}g") if g.get("class") == "edge"}
    assert {f"c{i}->head" for i in range(5)} <= edges


def test_fishbone_without_an_outcome_still_has_a_head():
    source = fishbone_dot([Node(1, "factor", "A")])
    assert 'head [label="Outcome (not yet recorded)"' in source


# --- cache ----------------------------------------------------------------------------------------------


@needs_dot
def test_drawings_are_cached_by_key_and_format(custody_case):
    cache = RenderCache(maxsize=8)
    built = []

    def build():
        built.append(1)
        return graph_dot(*custody_case)

    first = cached_render(("rca", 1, 3), "svg", build, cache=cache)
    again = cached_render(("rca", 1, 3), "svg", build, cache=cache)
    assert first is again and len(built) == 1
    cached_render(("rca", 1, 3), "png", build, cache=cache)
    cached_render(("rca", 1, 4), "svg", build, cache=cache)
    assert len(built) == 3 and len(cache) == 3


def test_cache_evicts_the_least_recently_used_and_keeps_failures_under_their_key():
    cache = RenderCache(maxsize=2)
    cache.get_or_draw("a", lambda: "A")
    cache.get_or_draw("b", lambda: "B")
    cache.get_or_draw("a", lambda: "not drawn")
    cache.get_or_draw("c", lambda: "C")  # evicts b, the least recently used
    assert cache.get_or_draw("a", lambda: "new") == "A"
    assert cache.get_or_draw("b", lambda: "B again") == "B again"

    def fail():
        raise RenderError("no")

    with pytest.raises(RenderError):
        cache.get_or_draw("d", fail)
    # The failure is remembered for that key (a graph version): not drawn again, the same error at once.
    with pytest.raises(RenderError, match="no"):
        cache.get_or_draw("d", lambda: "D")
    # A changed graph has a new key and is drawn.
    assert cache.get_or_draw("d2", lambda: "D") == "D"


# --- text alternative -----------------------------------------------------------------------------------


def _outline(item, depth=0):
    mark = " (see above)" if item.repeated else ""
    yield f"{'  ' * depth}{item.node_id}{mark}"
    for child in item.children:
        yield from _outline(child, depth + 1)


def test_text_alternative_nests_what_contributed_and_does_not_repeat(custody_case):
    alternative = text_alternative(*custody_case)
    assert [line for item in alternative.outcomes for line in _outline(item)] == [
        "outcome",
        "  late_checks",
        "    single",
        "      rota",
        "      staffing",
        "    no_marker",
        "      training",
        "  risk_missed",
        "    no_marker (see above)",
    ]
    assert [line for item in alternative.not_linked for line in _outline(item)] == ["radio"]
    staffing = alternative.outcomes[0].children[0].children[0].children[1]
    assert (staffing.kind_name, staffing.category, staffing.evidenced) == (
        "Contributory factor", "Working conditions", False,
    )


def test_text_alternative_copes_with_long_chains_and_stored_loops():
    nodes = [Node(0, "outcome", "O"), *(Node(i, "factor", f"F{i}") for i in range(1, 2000))]
    deep = text_alternative(nodes, [Edge(i, i - 1) for i in range(1, 2000)]).outcomes[0]
    depth = 0
    while deep.children:
        deep, depth = deep.children[0], depth + 1
    assert depth == 1999
    looped = text_alternative(nodes[1:3], [Edge(1, 2), Edge(2, 1)])
    assert [line for item in looped.not_linked for line in _outline(item)] == ["1", "  2", "    1 (see above)"]


# --- big graphs degrade -------------------------------------------------------------------------------


def test_a_graph_too_big_is_not_drawn_and_the_reason_is_cached_by_version():
    from debrief.rca.render import MAX_DRAWN_NODES, Drawing, check_drawable, drawing_or_reason

    nodes = [Node(f"f{i}", "factor", f"Factor {i}") for i in range(MAX_DRAWN_NODES + 1)]
    cache = RenderCache()
    calls = []

    def build():
        calls.append(1)
        check_drawable(nodes, [])
        return graph_dot(nodes, [])

    first = drawing_or_reason(("rca", 1, 7), build, title="Graph", title_id="g", cache=cache)
    assert first.svg is None and "too many to draw" in first.problem
    assert drawing_or_reason(("rca", 1, 7), build, title="Graph", title_id="g", cache=cache) == first
    assert len(calls) == 1  # the second view did not even build the DOT
    small = drawing_or_reason(("rca", 1, 8), lambda: graph_dot(nodes[:2], []), title="Graph", title_id="g",
                              cache=cache)
    assert isinstance(small, Drawing) and small.svg.startswith("<svg") and small.problem is None


def test_a_drawing_that_times_out_is_cached_so_the_next_view_is_instant():
    import time

    from debrief.rca.render import drawing_or_reason

    cache = RenderCache()
    slow = "digraph { " + " ".join(f"n{i} -> n{(i * 7) % 3000};" for i in range(6000)) + " }"
    started = time.perf_counter()
    first = drawing_or_reason(("slow", 1), lambda: slow, title="G", title_id="g", timeout=0.05, cache=cache)
    assert first.svg is None and "took longer than 0.05 seconds" in first.problem
    assert time.perf_counter() - started < 5
    started = time.perf_counter()
    again = drawing_or_reason(("slow", 1), lambda: slow, title="G", title_id="g", timeout=0.05, cache=cache)
    assert again == first and time.perf_counter() - started < 0.05
