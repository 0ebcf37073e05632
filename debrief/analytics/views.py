"""Patterns dashboards: thin GET views over the pure queries in debrief/analytics (counts only, no free text).

They only read: the rollups they read are brought up to date by the writes that change them and by commands.
"""
from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, Response, abort, render_template, url_for

from debrief.analytics import (drill_views, figures_views, incidents, overview_parts, pages, rca_learning, rollup_reads,
                               service, suppression, training_views)
from debrief.analytics.cooccurrence import cooccurrence_graph, network_dot
from debrief.analytics.filters import PatternFilters, add_months, month_start
from debrief.analytics.tables import to_csv
from debrief.analytics.view_context import (attach_links, audited, csv_metadata, current_policy, filters_from_request,
                                            page_context, signed_in)
from debrief.auth.roles import Permission
from debrief.extensions import db
from debrief.rca.render import RenderError, cached_render
from debrief.security import requires

bp = Blueprint("patterns", __name__, url_prefix="/patterns")
STRONGEST = 10


@bp.get("/")
@requires(Permission.VIEW_PATTERNS)
def overview():
    with rollup_reads.one_page():
        form, filters = filters_from_request()
        headline, imports = None, []
        if filters is not None:
            headline = suppression.apply_table_values(incidents.headline(db.session, filters), current_policy())
            imports = service.recent_imports(filters.force_ids)
        context = page_context(form, filters, "overview")
        html = render_template("patterns/overview.html",
                               headline_part=overview_parts.headline_part(headline, _queue_links(filters)),
                               imports_part=overview_parts.imports_part(imports, all_forces=context["all_forces"]),
                               **context)
    return audited(html, "overview", filters)


def _queue_links(filters: PatternFilters | None) -> dict[str, str]:
    """Drill-down: the reviewers' queue lists the incidents behind the headline's incident counts (same rule:
    a submitted debrief). Only for those who may review, over their own force; others get no link."""
    me = signed_in()
    if filters is None or not me.can(Permission.REVIEW_INCIDENTS) or filters.force_ids != (me.force_id,):
        return {}
    last = month_start(add_months(filters.month_to, 1)).date() - timedelta(days=1)
    args = {"from": filters.start.date().isoformat(), "to": last.isoformat(), "theme": filters.theme or ""}
    return {label: url_for("review.queue", near_miss=near, **args)
            for label, near in ((incidents.HEADLINE_INCIDENTS, "no"), (incidents.HEADLINE_NEAR_MISSES, "yes"))}


@bp.get("/network")
@requires(Permission.VIEW_PATTERNS)
def network():
    with rollup_reads.one_page():
        form, filters = filters_from_request()
        context = page_context(form, filters, "network")
        _network(context, filters)
        html = render_template("patterns/network.html", **context)
    return audited(html, "network", filters)


def _network(context: dict, filters: PatternFilters | None) -> None:
    if filters is not None:
        every_pair = rca_learning.factor_pairs(db.session, filters)
        # Only pairs in enough RCAs to be shown are drawn; the table lists the rest as withheld.
        pair_list = [p for p in every_pair if p.rcas >= current_policy().min_count]
        appearances = {code: counts[0] for code, counts in rca_learning.category_counts(db.session, filters).items()}
        graph = cooccurrence_graph(pair_list, appearances)
        svg, error = None, None
        if graph.number_of_edges():
            key = ("patterns-network", tuple((p.first, p.second, p.rcas) for p in pair_list),
                   tuple(sorted(appearances.items())))
            try:
                svg = cached_render(key, "svg", lambda: network_dot(graph), title="What tends to go wrong together",
                                    title_id="network-title")
            except RenderError as exc:
                error = str(exc)
        context.update(svg=svg, render_error=error,
                       strongest=suppression.apply(rca_learning.pairs_table(every_pair, limit=STRONGEST), current_policy()),
                       all_pairs=len(every_pair), drawn_pairs=len(pair_list))


@bp.get("/<page_key>")
@requires(Permission.VIEW_PATTERNS)
def page(page_key: str):
    spec = pages.PAGE_BY_KEY.get(page_key)
    if spec is None:  # /network has its own view
        abort(404)
    with rollup_reads.one_page(page_key):
        form, filters = filters_from_request()
        figures = pages.build_page(db.session, page_key, filters, current_policy()) if filters is not None else []
        attach_links(figures, filters)
        html = render_template("patterns/page.html", spec=spec, figures=figures,
                               risk_note=page_key == "risk", **page_context(form, filters, page_key))
    return audited(html, page_key, filters)


@bp.get("/download/<figure_key>.csv")
@requires(Permission.VIEW_PATTERNS)
def download(figure_key: str):
    with rollup_reads.one_page():
        return _download(figure_key)


def _download(figure_key: str):
    form, filters = filters_from_request()
    if filters is None:
        abort(400)
    if figure_key == "network-pairs":
        title = "What tends to go wrong together"
        table = suppression.apply(rca_learning.pairs_table(rca_learning.factor_pairs(db.session, filters)), current_policy())
    else:
        spec = pages.FIGURE_BY_KEY.get(figure_key)
        if spec is None:
            abort(404)
        title = spec.title
        table = pages.figure_table(db.session, spec, filters, current_policy())
    service.record_patterns_downloaded(signed_in(), figure_key, filters)
    name = f"{figure_key}-{filters.month_from}-{filters.month_to}.csv"
    return Response(to_csv(table, csv_metadata(title, filters)), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


# Routes from the blueprint's other modules, listed here rather than registered by importing them.
bp.add_url_rule("/figures", view_func=figures_views.figures, methods=["GET", "POST"])
bp.add_url_rule("/figures/population", view_func=figures_views.population, methods=["GET", "POST"])
bp.add_url_rule("/training", view_func=training_views.training)
bp.add_url_rule("/training/download/<figure_key>.csv", view_func=training_views.training_download)
bp.add_url_rule("/training/briefing.html", view_func=training_views.training_briefing)
bp.add_url_rule("/training/briefing.pdf", view_func=training_views.training_briefing_pdf)
bp.add_url_rule("/records", view_func=drill_views.records)
