"""The contributory-factor graph and fishbone pages, and their drawings to download."""
from __future__ import annotations

from flask import Blueprint, Response, render_template, request
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape
from sqlalchemy import inspect
from wtforms import SelectChoice

from debrief.auth.roles import Permission
from debrief.paging import correct_page, requested_page, within
from debrief.rca import service
from debrief.rca import graph as rca_graph
from debrief.rca.downloads import DOWNLOAD_TYPES, download_name, standalone_svg
from debrief.rca.forms import (
    LinkForm,
)
from debrief.rca.framework import group_by_category, CATEGORIES, category_name
from debrief.rca.render import (
    Drawing, RenderCache, RenderError, cached_render, check_drawable, drawing_or_reason, fishbone_dot, graph_dot, text_alternative,
)
from debrief.rca.access import GRAPH_PAGE_LOADS, load_graph
from debrief.rca.views.common import audited, current_actor, rca_of_force
from debrief.security import requires


def link_picker(rca, form=None, rows=None):
    form = form or LinkForm()
    rows = rows if rows is not None else service.node_rows(rca)
    items = [SelectChoice("", "Select an item")]
    items += [SelectChoice(str(node_id), f"{rca_graph.KIND_NAMES[kind]}: {label[:80]}") for node_id, kind,
              label in rows]
    outcomes = {str(node_id) for node_id, kind, _ in rows if kind == rca_graph.OUTCOME}
    form.cause.choices = [c for c in items if c.value not in outcomes]
    form.effect.choices = items
    return form


def _dot_builder(rca, kind: str):
    nodes, edges = service.graph_nodes(rca), service.graph_edges(rca)
    build = (lambda: graph_dot(nodes, edges)) if kind == "graph" else (lambda: fishbone_dot(nodes))
    return nodes, edges, build


def drawing(rca, kind: str, title_id: str = "rca-graph-title") -> Drawing:
    """The inline drawing, or the reason there is none: a big or slow graph never fails the page.

    Items and links are loaded only when the drawing is not cached for this graph version."""
    def build() -> str:
        nodes, edges, make = _dot_builder(rca, kind)
        check_drawable(nodes, edges if kind == "graph" else [])
        return make()

    title = "Contributory-factor graph" if kind == "graph" else "Fishbone: contributory factors by category"
    return drawing_or_reason(("rca", kind, rca.id, rca.graph_version), build, title=title, title_id=title_id)


ITEMS_PER_PAGE = 100


LARGE_GRAPH_LINKS = 200  # beyond this, links are removed from each item's page, not from one long list


fragment_cache = RenderCache(maxsize=16)


def _graph_fragments(rca) -> dict:
    """The analysis and the text alternative, rendered once per graph version: a big graph's next view is quick."""
    def render() -> dict:
        nodes, edges = service.graph_nodes(rca), service.graph_edges(rca)
        by_id = {n.id: n for n in rca.nodes}
        analysis = service.analyse(rca)
        return {"analysis": Markup(render_template("rca/_graph_analysis.html", rca=rca, analysis=analysis,
                                                   by_id=by_id, culture=service.culture_findings(rca,
                                                           items_only=True))),
                "text": Markup(render_template("rca/_text_alternative.html", text=text_alternative(nodes, edges)))}

    return fragment_cache.get_or_draw(("rca-graph-page", rca.id, rca.graph_version), render)


# Where each request's CSRF token goes in a kept body: never in escaped data, whose "<" is written "&lt;".
CSRF_SLOT = Markup("<!--debrief-csrf-token-->")
body_cache = RenderCache(maxsize=64)


def _graph_body(rca, *, requested_page: int, can_edit: bool, link_form=None) -> Markup:
    """The page below its error summary. Everything in it follows from the graph (its version), the page of items
    asked for and whether the viewer may edit: kept under those (with the RCA's id and created_at), so a view of an
    unchanged graph loads no items. A refused link (`link_form`, with what was chosen) is drawn afresh."""
    def render(form, csrf_token) -> str:
        load_graph(rca)
        rows = service.node_rows(rca)
        links = service.link_count(rca)
        pages = max(1, -(-len(rows) // ITEMS_PER_PAGE))
        page = min(requested_page, pages)
        start = (page - 1) * ITEMS_PER_PAGE
        items = service.nodes_page(rca, offset=start, limit=ITEMS_PER_PAGE)
        large = links > LARGE_GRAPH_LINKS
        return render_template(
            "rca/_graph_body.html", rca=rca, can_edit=can_edit, drawing=drawing(rca, "graph"),
            fragments=_graph_fragments(rca), by_id={} if large else {n.id: n for n in rca.nodes},
            link_form=link_picker(rca, form, rows), category_name=category_name, items=items, page=page, pages=pages,
            first_item=start + 1, last_item=start + len(items), node_count=len(rows), link_count=links, large=large,
            csrf_token=csrf_token)

    if link_form is not None or inspect(rca).modified:
        return Markup(render(link_form, generate_csrf))
    key = ("rca-graph-body", rca.id, rca.graph_version, rca.created_at, requested_page, can_edit)
    body = body_cache.get_or_draw(key, lambda: render(None, lambda: CSRF_SLOT))
    return Markup(body.replace(CSRF_SLOT, escape(generate_csrf())))


@requires(Permission.REVIEW_INCIDENTS)
def graph(rca_id: int, link_form=None):
    rca = rca_of_force(rca_id, GRAPH_PAGE_LOADS, graph=False)
    page = requested_page()
    pages = max(1, -(-service.graph_summary(rca).items // ITEMS_PER_PAGE))
    if (elsewhere := correct_page(page, pages)) is not None:
        return elsewhere
    body = _graph_body(rca, requested_page=within(page),  # a refused form shown again keeps its page, within pages
                       can_edit=service.can_edit(rca, current_actor()), link_form=link_form)
    return audited(rca, "graph", render_template("rca/graph.html", rca=rca, body=body, link_form=link_form))


@requires(Permission.REVIEW_INCIDENTS)
def fishbone(rca_id: int):
    rca = rca_of_force(rca_id)
    grouped = group_by_category((n for n in rca.nodes if n.kind in rca_graph.FACTOR_KINDS),
                                category_of=lambda node: node.category)
    return audited(rca, "fishbone", render_template(
        "rca/fishbone.html", rca=rca, drawing=drawing(rca, "fishbone", "rca-fishbone-title"),
        analysis=service.analyse(rca), grouped=grouped, category_name=category_name, categories=CATEGORIES))


@requires(Permission.REVIEW_INCIDENTS)
def download(rca_id: int, kind: str, fmt: str):
    rca = rca_of_force(rca_id)
    nodes = service.graph_nodes(rca)
    if fmt == "dot":
        body = graph_dot(nodes, service.graph_edges(rca)) if kind == "graph" else fishbone_dot(nodes)
    else:
        dot_nodes, edges, build = _dot_builder(rca, kind)

        def checked() -> str:
            check_drawable(dot_nodes, edges if kind == "graph" else [])
            return build()

        try:
            body = cached_render(("rca", kind, rca.id, rca.graph_version), fmt, checked,
                                 title="Contributory-factor graph" if kind == "graph" else "Fishbone",
                                 title_id=f"rca-{kind}-title")
        except RenderError as error:
            return Response(f"{error} Download the DOT file instead and open it in a Graphviz viewer.\n",
                            status=422, mimetype="text/plain")
        if fmt == "svg":
            body = standalone_svg(body)
    service.record_download(rca, actor=current_actor(), fmt=f"{kind}.{fmt}")
    filename = download_name(rca.incident.reference, kind, fmt)
    # "View full size" opens the SVG in the browser rather than saving it.
    disposition = "inline" if fmt == "svg" and request.args.get("view") == "1" else "attachment"
    return Response(body, mimetype=DOWNLOAD_TYPES[fmt],
                    headers={"Content-Disposition": f'{disposition}; filename="{filename}"'})


def register(bp: Blueprint) -> None:
    bp.add_url_rule("/<int:rca_id>/graph", "graph", graph)
    bp.add_url_rule("/<int:rca_id>/fishbone", "fishbone", fishbone)
    bp.add_url_rule("/<int:rca_id>/<any(graph, fishbone):kind>.<any(svg, png, dot):fmt>", "download", download)

