"""Patterns dashboards: thin GET views over the pure queries in debrief/analytics (counts only, no free text)."""
from __future__ import annotations

from datetime import date, timedelta

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from debrief.analytics import incidents, pages, rca_learning, risk, service, suppression
from debrief.analytics.cooccurrence import cooccurrence_graph, network_dot
from debrief.analytics.filters import SOURCE_LABELS, PatternFilters, add_months, month_label, month_start
from debrief.analytics.forms import PatternFilterForm
from debrief.analytics.tables import MARKERS, to_csv
from debrief import reference as ref
from debrief.auth.roles import Permission
from debrief.extensions import db
from debrief.models import Force, User
from debrief.rca.render import RenderError, cached_render
from debrief.security import requires

bp = Blueprint("patterns", __name__, url_prefix="/patterns")
STRONGEST = 10


def _me() -> User:
    return current_user._get_current_object()


def _today() -> date:
    return date.today()


def _filters() -> tuple[PatternFilterForm, PatternFilters | None]:
    """The filter form from the query string, its defaults shown, and the filters if they are valid."""
    me = _me()
    all_forces = service.sees_all_forces(me)
    forces = list(db.session.scalars(select(Force).order_by(Force.name))) if all_forces else [me.force]
    form = PatternFilterForm(formdata=request.args if request.args else None)
    form.force.choices = [("", "All forces"), *[(str(f.id), f.name) for f in forces]] if all_forces else \
        [(str(me.force_id), me.force.name)]
    if not all_forces:
        form.force.data = str(me.force_id)
    form.set_defaults(_today())
    chosen = int(form.force.data) if all_forces and (form.force.data or "").isdigit() else None
    filters = form.to_filters(_today(), service.scoped_force_ids(me, chosen))
    return form, filters


def _context(form, filters, page_key: str) -> dict:
    query = request.query_string.decode("ascii", "replace")
    return {"form": form, "filters": filters, "pages": pages.PAGES, "page_key": page_key,
            "all_forces": service.sees_all_forces(_me()), "query": query,
            "period": (f"{month_label(filters.month_from)} to {month_label(filters.month_to)}" if filters else ""),
            "source_label": SOURCE_LABELS.get(filters.source, "") if filters else "",
            "scope_label": _scope_label(filters), "csv_url": csv_url, "shift_hours_note": risk.SHIFT_HOURS_NOTE,
            "suppressed_markers": MARKERS, "suppression_rule": _policy().describe(),
            "suppression_min": _policy().min_count}


def _policy() -> suppression.Policy:
    return suppression.policy_from(current_app.config)


def _scope_label(filters: PatternFilters | None) -> str:
    if filters is None:
        return ""
    if filters.force_ids is None:
        return "All forces"
    forces = db.session.scalars(select(Force.name).where(Force.id.in_(filters.force_ids)))
    return ", ".join(forces)


@bp.get("/")
@requires(Permission.VIEW_PATTERNS)
def overview():
    form, filters = _filters()
    headline, imports = None, []
    if filters is not None:
        service.refresh_summaries()
        headline = suppression.apply_table_values(incidents.headline(db.session, filters), _policy())
        imports = service.recent_imports(filters.force_ids)
        service.record_patterns_viewed(_me(), "overview", filters)
    return render_template("patterns/overview.html", headline=headline, imports=imports,
                           import_status=service.IMPORT_STATUS_LABELS, drill=_queue_links(filters),
                           **_context(form, filters, "overview"))


def _queue_links(filters: PatternFilters | None) -> dict[str, str]:
    """Drill-down: the reviewers' queue lists the incidents behind the headline's incident counts (same rule:
    a submitted debrief). Only for those who may review, over their own force; others get no link."""
    me = _me()
    if filters is None or not me.can(Permission.REVIEW_INCIDENTS) or filters.force_ids != (me.force_id,):
        return {}
    last = month_start(add_months(filters.month_to, 1)).date() - timedelta(days=1)
    args = {"from": filters.start.date().isoformat(), "to": last.isoformat(), "theme": filters.theme or ""}
    return {label: url_for("review.queue", near_miss=near, **args)
            for label, near in ((incidents.HEADLINE_INCIDENTS, "no"), (incidents.HEADLINE_NEAR_MISSES, "yes"))}


@bp.get("/network")
@requires(Permission.VIEW_PATTERNS)
def network():
    form, filters = _filters()
    context = _context(form, filters, "network")
    if filters is not None:
        every_pair = rca_learning.factor_pairs(db.session, filters)
        # Only pairs in enough RCAs to be shown are drawn; the table lists the rest as withheld.
        pair_list = [p for p in every_pair if p.rcas >= _policy().min_count]
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
                       strongest=suppression.apply(rca_learning.pairs_table(every_pair, limit=STRONGEST), _policy()),
                       all_pairs=len(every_pair), drawn_pairs=len(pair_list))
        service.record_patterns_viewed(_me(), "network", filters)
    return render_template("patterns/network.html", **context)


@bp.get("/<page_key>")
@requires(Permission.VIEW_PATTERNS)
def page(page_key: str):
    spec = pages.PAGE_BY_KEY.get(page_key)
    if spec is None:  # /network has its own view
        abort(404)
    form, filters = _filters()
    figures = []
    if filters is not None:
        service.refresh_summaries()
        figures = pages.build_page(db.session, page_key, filters, _policy())
        drill_views.attach_links(figures, filters)
        service.record_patterns_viewed(_me(), page_key, filters)
    return render_template("patterns/page.html", spec=spec, figures=figures,
                           risk_note=page_key == "risk", **_context(form, filters, page_key))


@bp.get("/download/<figure_key>.csv")
@requires(Permission.VIEW_PATTERNS)
def download(figure_key: str):
    form, filters = _filters()
    if filters is None:
        abort(400)
    service.refresh_summaries()
    if figure_key == "network-pairs":
        title = "What tends to go wrong together"
        table = suppression.apply(rca_learning.pairs_table(rca_learning.factor_pairs(db.session, filters)), _policy())
    else:
        spec = pages.FIGURE_BY_KEY.get(figure_key)
        if spec is None:
            abort(404)
        title = spec.title
        table = pages.figure_table(db.session, spec, filters, _policy())
    service.record_patterns_downloaded(_me(), figure_key, filters)
    name = f"{figure_key}-{filters.month_from}-{filters.month_to}.csv"
    return Response(to_csv(table, csv_metadata(title, filters)), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def csv_metadata(title: str, filters: PatternFilters) -> list[tuple[str, str]]:
    """The first lines of every CSV: what it counts, for whom, when, from where, and the suppression rule."""
    context = _context(None, filters, "")
    theme = ref.label_for(ref.INCIDENT_TYPES, filters.theme) if filters.theme else "All incident types"
    kind = {None: "Incidents and near misses", True: "Near misses only", False: "Incidents only"}[filters.near_miss]
    return [("Figure", title), ("Forces", context["scope_label"]), ("Period", context["period"]),
            ("Filters", f"{theme}; {kind}"), ("Source", context["source_label"]),
            ("Suppression", context["suppression_rule"]), ("Produced", _today().isoformat())]


def csv_url(figure_key: str) -> str:
    return url_for("patterns.download", figure_key=figure_key, **request.args)


from debrief.analytics import figures_views  # noqa: E402,F401  (its routes join this blueprint)

# Public names for the views that join this blueprint from their own modules (training needs, drill-down).
filters_from_request, page_context, current_policy = _filters, _context, _policy
from debrief.analytics import training_views  # noqa: E402,F401  (its routes join this blueprint)
from debrief.analytics import drill_views  # noqa: E402,F401  (its routes join this blueprint)
