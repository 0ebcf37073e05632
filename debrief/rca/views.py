"""RCA pages for PSD reviewers of the incident's force: thin views over rca/service.py."""
from __future__ import annotations

from datetime import datetime

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from debrief.errors import ServiceError
from debrief.auth.roles import Permission
from debrief.debriefs.access import incident_for_review
from debrief.extensions import db
from debrief.form_errors import apply_error
from debrief.models import RcaAction, Recommendation, RootCauseAnalysis, User, utcnow
from debrief.rca import graph as rca_graph
from debrief.rca import service
from debrief.models.rca import ACTION_STATUS_LABELS, RECOMMENDATION_FOR_LABELS
from debrief.rca import team, team_views
from debrief.rca.forms import (
    ActionForm, ChronologyEntryForm, DeleteEntryForm, DetailsForm, FactorForm, FiveWhysForm, ItemForm, LinkForm,
    OutcomeForm, RecommendationForm, ReportForm, ReviewForm, RootCauseForm, StartRcaForm, WithdrawForm,
    category_options,
)
from debrief.rca.report_sections import SECTIONS
from debrief.rca.framework import CATEGORIES, category_name
from debrief.rca.justculture import check_language
from markupsafe import Markup

from debrief.rca.render import (
    Drawing, RenderCache, RenderError, cached_render, check_drawable, drawing_or_reason, fishbone_dot, graph_dot, text_alternative,
)
from debrief.reference import DEBRIEF_KINDS, label_for
from debrief.security import requires
from debrief import versions

bp = Blueprint("rca", __name__, url_prefix="/rca")


@bp.context_processor
def _loop_helpers() -> dict:
    """Every RCA page shows a loop stored in its graph as an error (templates/rca/_loops.html)."""
    def node_label(rca, node_id):
        node = service.node_in(rca, node_id)
        return node.label if node is not None else f"Item {node_id}"
    return {"rca_stored_loops": service.stored_loops, "rca_node_label": node_label}


def _me() -> User:
    return current_user._get_current_object()


def _rca(rca_id: int) -> RootCauseAnalysis:
    rca = db.session.get(RootCauseAnalysis, rca_id)
    # Another force's RCA looks as if it does not exist.
    if rca is None or rca.force_id != current_user.force_id:
        abort(404)
    return rca


def _editable(rca: RootCauseAnalysis) -> None:
    """Only the lead changes a draft; everyone else of the force reads it."""
    if rca.lead_id != current_user.id or not rca.editable:
        abort(403)


def _viewed(rca: RootCauseAnalysis, page: str) -> None:
    """Audit a page showing the RCA's records (after a refused POST, nothing of it is kept)."""
    if request.method != "GET":
        db.session.rollback()
    service.record_view(rca, actor=_me(), page=page)


def _node_or_404(rca: RootCauseAnalysis, node_id: int):
    node = service.node_in(rca, node_id)
    if node is None:
        abort(404)
    return node


def _names(rca: RootCauseAnalysis) -> list[str]:
    people = {rca.incident.reporter.name, *(o.display_name for o in rca.incident.officers),
              *(d.author.name for d in rca.incident.debriefs)}
    return sorted(n for n in people if n)


def culture_findings(rca: RootCauseAnalysis, *, items_only: bool = False) -> list[dict]:
    """Advisory just-culture findings across the report's sections and every item's wording."""
    names = _names(rca)
    results = []
    texts = [] if items_only else [(section.heading, rca.section_text(section.key)) for section in SECTIONS]
    texts += [(f"{rca_graph.KIND_NAMES[n.kind]}: {n.label[:60]}", f"{n.label}. {n.description}") for n in rca.nodes]
    for where, text in texts:
        for finding in check_language(text or "", names=names):
            results.append({"where": where, "sentence": finding.sentence, "phrase": finding.phrase,
                            "suggestion": finding.suggestion})
    return results


@bp.app_template_global("recommendation_for_label")
def recommendation_for_label(code: str) -> str:
    return RECOMMENDATION_FOR_LABELS.get(code, code)


@bp.app_template_filter("chronology_when")
def chronology_when(at, incident_day=None, *, full: bool = False) -> str:
    """A chronology time: the time alone on the incident's day, the date with its year on any other day."""
    if at is None:
        return "Time not known"
    if not full and incident_day is not None and at.date() == incident_day:
        return at.strftime("%H:%M")
    return at.strftime("%-d %B %Y, %H:%M")


# --- Lists and starting -----------------------------------------------------------------------

@bp.route("/")
@requires(Permission.REVIEW_INCIDENTS)
def index():
    today = utcnow().date()
    rcas = service.rcas_for_force(current_user.force_id)
    overdue = service.overdue_actions(current_user.force_id, today=today)
    return render_template("rca/index.html", rcas=rcas, overdue=overdue, today=today)


@bp.route("/start/<int:incident_id>", methods=["GET", "POST"])
@requires(Permission.REVIEW_INCIDENTS)
def start(incident_id: int):
    incident = incident_for_review(_me(), incident_id)
    existing = service.rca_for_incident(incident)
    if existing is not None:
        return redirect(url_for("rca.overview", rca_id=existing.id))
    form = StartRcaForm() if request.method == "POST" else StartRcaForm(data={"lead": str(current_user.id)})
    eligible = team.eligible_reviewers(incident)
    form.lead.choices = [SelectChoice(str(u.id), u.name) for u in eligible]
    if form.validate_on_submit():
        # Without a choice the starter leads (the service still refuses them if named in the incident).
        lead = next((u for u in eligible if str(u.id) == form.lead.data), None) if form.lead.data else _me()
        try:
            if lead is None:
                raise ServiceError("Select a lead reviewer who is not named in the incident", "lead")
            rca = service.start_rca(incident, actor=_me(), level=form.level.data,
                                    terms_of_reference=form.terms_of_reference.data, lead=lead)
        except ServiceError as error:
            apply_error(form, error)
        else:
            flash("The root-cause analysis has started. The chronology has been built from the debriefs.", "success")
            return redirect(url_for("rca.overview", rca_id=rca.id))
    return render_template("rca/start.html", form=form, incident=incident,
                           my_problem=team.independence_problem(incident, _me()))


@bp.route("/<int:rca_id>")
@requires(Permission.REVIEW_INCIDENTS)
def overview(rca_id: int):
    rca = _rca(rca_id)
    service.record_view(rca, actor=_me(), page="overview")
    analysis = service.analyse(rca)
    return render_template("rca/overview.html", **_overview_context(rca, ReviewForm()))


def _overview_context(rca, review_form) -> dict:
    return {"rca": rca, "analysis": service.analyse(rca), "gaps": service.review_gaps(rca),
            "can_sign_off": service.can_sign_off(rca, _me()), "review_form": review_form, "today": utcnow().date(),
            "refusal": service.sign_off_refusal(rca, _me()) if rca.status == "in_review" else None,
            "returned": service.latest_return(rca), "changes": service.changes_since_last_review(rca),
            "sections": SECTIONS, "undeclared": team.undeclared(rca)}


@bp.route("/<int:rca_id>/details", methods=["GET", "POST"])
@requires(Permission.REVIEW_INCIDENTS)
def details(rca_id: int):
    rca = _rca(rca_id)
    _editable(rca)
    form = DetailsForm(obj=rca) if request.method == "GET" else DetailsForm()
    versions.stamp(form, rca)
    if form.validate_on_submit() and not versions.is_stale(form, rca, DetailsForm(formdata=None, obj=rca)):
        try:
            service.update_details(rca, actor=_me(), level=form.level.data,
                                   terms_of_reference=form.terms_of_reference.data, due_on=form.due_on.data,
                                   due_reason=form.due_reason.data or "")
        except ServiceError as error:
            apply_error(form, error)
        else:
            flash("The details have been saved", "success")
            return redirect(url_for("rca.overview", rca_id=rca.id))
    _viewed(rca, "details")
    return render_template("rca/details.html", form=form, rca=rca)


# --- Chronology -------------------------------------------------------------------------------

@bp.route("/<int:rca_id>/chronology")
@requires(Permission.REVIEW_INCIDENTS)
def chronology(rca_id: int):
    rca = _rca(rca_id)
    service.record_view(rca, actor=_me(), page="chronology")
    return render_template("rca/chronology.html", rca=rca)


def _entry_or_404(rca, entry_id):
    entry = next((e for e in rca.chronology if e.id == entry_id), None)
    if entry is None:
        abort(404)
    return entry


def _entry_data(entry) -> dict:
    return {"on_date": entry.at.date() if entry.at else None, "at_time": entry.at.strftime("%H:%M") if entry.at else "",
            "what": entry.what, "source_kind": entry.source_kind,
            "source": "" if entry.debrief_id else entry.source,
            "marking": "problem" if entry.is_problem else "notable_practice" if entry.is_notable_practice else "none"}


@bp.route("/<int:rca_id>/chronology/new", methods=["GET", "POST"], defaults={"entry_id": None})
@bp.route("/<int:rca_id>/chronology/<int:entry_id>", methods=["GET", "POST"])
@requires(Permission.REVIEW_INCIDENTS)
def chronology_entry(rca_id: int, entry_id: int | None):
    rca = _rca(rca_id)
    _editable(rca)
    entry = _entry_or_404(rca, entry_id) if entry_id is not None else None
    if request.method == "GET" and entry is not None:
        form = ChronologyEntryForm(data=_entry_data(entry))
    elif request.method == "GET":
        form = ChronologyEntryForm(data={"marking": "none", "on_date": rca.incident.occurred_at.date()
                                         if rca.incident.occurred_at else None})
    else:
        form = ChronologyEntryForm()
    if entry is not None:
        versions.stamp(form, entry)
    if form.validate_on_submit() and not (
            entry is not None and versions.is_stale(form, entry, ChronologyEntryForm(formdata=None,
                                                                                     data=_entry_data(entry)))):
        moment = None
        if form.on_date.data and form.time_value():
            moment = datetime.combine(form.on_date.data, form.time_value())
        elif form.on_date.data:
            moment = datetime.combine(form.on_date.data, datetime.min.time())
        elif form.time_value():
            # A time alone is on the incident's day (or the next, for a time well before it started).
            moment = service.moment_on_incident_day(rca.incident, form.time_value())
        try:
            service.save_chronology_entry(rca, actor=_me(), entry=entry, at=moment, what=form.what.data,
                                          is_problem=form.marking.data == "problem",
                                          is_notable_practice=form.marking.data == "notable_practice",
                                          source_kind=form.source_kind.data, source=form.source.data or "")
        except ServiceError as error:
            apply_error(form, error)
        else:
            flash("The chronology has been saved", "success")
            return redirect(url_for("rca.chronology", rca_id=rca.id))
    if entry is not None:
        _viewed(rca, f"chronology entry {entry.id}")
    return render_template("rca/chronology_entry.html", form=form, rca=rca, entry=entry)


@bp.post("/<int:rca_id>/chronology/<int:entry_id>/delete")
@requires(Permission.REVIEW_INCIDENTS)
def delete_entry(rca_id: int, entry_id: int):
    rca = _rca(rca_id)
    _editable(rca)
    entry = _entry_or_404(rca, entry_id)
    if not DeleteEntryForm().validate_on_submit():
        abort(400)
    try:
        service.delete_chronology_entry(rca, entry, actor=_me())
    except ServiceError as error:
        flash(str(error), "error")
    else:
        flash("The entry has been removed from the chronology", "success")
    return redirect(url_for("rca.chronology", rca_id=rca.id))


@bp.post("/<int:rca_id>/chronology/<int:entry_id>/move")
@requires(Permission.REVIEW_INCIDENTS)
def move_entry(rca_id: int, entry_id: int):
    rca = _rca(rca_id)
    _editable(rca)
    entry = _entry_or_404(rca, entry_id)
    service.move_chronology_entry(rca, entry, actor=_me(), direction=-1 if request.form.get("direction") == "up" else 1)
    return redirect(url_for("rca.chronology", rca_id=rca.id, _anchor=f"entry-{entry.id}"))


@bp.post("/<int:rca_id>/chronology/<int:entry_id>/problem")
@requires(Permission.REVIEW_INCIDENTS)
def mark_problem(rca_id: int, entry_id: int):
    rca = _rca(rca_id)
    _editable(rca)
    service.mark_problem(rca, _entry_or_404(rca, entry_id), actor=_me())
    flash("Marked as a service delivery problem. It is now in the contributory-factor graph.", "success")
    return redirect(url_for("rca.chronology", rca_id=rca.id))


# --- Graph ------------------------------------------------------------------------------------

def _link_form(rca, form=None, rows=None):
    form = form or LinkForm()
    rows = rows if rows is not None else service.node_rows(rca)
    items = [SelectChoice("", "Select an item")]
    items += [SelectChoice(str(node_id), f"{rca_graph.KIND_NAMES[kind]}: {label[:80]}") for node_id, kind, label in rows]
    outcomes = {str(node_id) for node_id, kind, _ in rows if kind == rca_graph.OUTCOME}
    form.cause.choices = [c for c in items if c.value not in outcomes]
    form.effect.choices = items
    return form


def _dot_builder(rca, kind: str):
    nodes, edges = service.graph_nodes(rca), service.graph_edges(rca)
    build = (lambda: graph_dot(nodes, edges)) if kind == "graph" else (lambda: fishbone_dot(nodes))
    return nodes, edges, build


def _drawing(rca, kind: str, title_id: str = "rca-graph-title") -> Drawing:
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
                                                   by_id=by_id, culture=culture_findings(rca, items_only=True))),
                "text": Markup(render_template("rca/_text_alternative.html", text=text_alternative(nodes, edges)))}

    return fragment_cache.get_or_draw(("rca-graph-page", rca.id, rca.graph_version), render)


@bp.route("/<int:rca_id>/graph")
@requires(Permission.REVIEW_INCIDENTS)
def graph(rca_id: int, link_form=None):
    rca = _rca(rca_id)
    rows = service.node_rows(rca)
    links = service.link_count(rca)
    pages = max(1, -(-len(rows) // ITEMS_PER_PAGE))
    page = min(max(request.args.get("page", 1, type=int) or 1, 1), pages)
    start = (page - 1) * ITEMS_PER_PAGE
    items = service.nodes_page(rca, offset=start, limit=ITEMS_PER_PAGE)
    large = links > LARGE_GRAPH_LINKS
    body = render_template("rca/graph.html", rca=rca, drawing=_drawing(rca, "graph"), fragments=_graph_fragments(rca),
                           by_id={} if large else {n.id: n for n in rca.nodes},
                           link_form=_link_form(rca, link_form, rows), category_name=category_name, items=items,
                           page=page, pages=pages, first_item=start + 1, last_item=start + len(items),
                           node_count=len(rows), link_count=links, large=large)
    # Recorded after drawing the page: the audit's commit expires every loaded item and link.
    service.record_view(rca, actor=_me(), page="graph")
    return body


@bp.route("/<int:rca_id>/fishbone")
@requires(Permission.REVIEW_INCIDENTS)
def fishbone(rca_id: int):
    rca = _rca(rca_id)
    service.record_view(rca, actor=_me(), page="fishbone")
    analysis = service.analyse(rca)
    grouped = {c.code: [] for c in CATEGORIES}
    for node in rca.nodes:
        if node.kind in rca_graph.FACTOR_KINDS:
            grouped.setdefault(node.category or "uncategorised", []).append(node)
    return render_template("rca/fishbone.html", rca=rca, drawing=_drawing(rca, "fishbone", "rca-fishbone-title"),
                           analysis=analysis, grouped=grouped, category_name=category_name, categories=CATEGORIES)


DOWNLOAD_TYPES = {"svg": "image/svg+xml", "png": "image/png", "dot": "text/vnd.graphviz"}


@bp.route("/<int:rca_id>/<any(graph, fishbone):kind>.<any(svg, png, dot):fmt>")
@requires(Permission.REVIEW_INCIDENTS)
def download(rca_id: int, kind: str, fmt: str):
    rca = _rca(rca_id)
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
            body = '<?xml version="1.0" encoding="UTF-8"?>\n' + body.replace(
                "<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1) if 'xmlns="' not in body[:400] else body
    service.record_download(rca, actor=_me(), fmt=f"{kind}.{fmt}")
    filename = f"{rca.incident.reference}-{kind}.{fmt}"
    # "View full size" opens the SVG in the browser rather than saving it.
    disposition = "inline" if fmt == "svg" and request.args.get("view") == "1" else "attachment"
    return Response(body, mimetype=DOWNLOAD_TYPES[fmt],
                    headers={"Content-Disposition": f'{disposition}; filename="{filename}"'})


def _evidence_choices(rca, form):
    form.evidence_debrief.choices = [SelectChoice("", "Select a debrief")] + [
        SelectChoice(str(d.id), f"{label_for(DEBRIEF_KINDS, d.kind)} by {d.author.name}") for d in rca.incident.debriefs
        if d.status == "submitted"]
    form.evidence_entry.choices = [SelectChoice("", "Select an entry")] + [
        SelectChoice(str(e.id), (e.at.strftime("%-d %b %Y %H:%M: ") if e.at else "") + e.what[:80])
        for e in rca.chronology]
    form.category.choices = category_options()


def _int(value) -> int | None:
    return int(value) if str(value or "").isdigit() else None


def _evidence_args(form) -> dict:
    return {"evidence_kind": form.evidence_kind.data, "evidence_debrief_id": _int(form.evidence_debrief.data),
            "evidence_entry_id": _int(form.evidence_entry.data), "evidence_document": form.evidence_document.data}


@bp.route("/<int:rca_id>/items/<int:node_id>/contributors/new", methods=["GET", "POST"])
@requires(Permission.REVIEW_INCIDENTS)
def add_factor(rca_id: int, node_id: int):
    rca = _rca(rca_id)
    _editable(rca)
    target = _node_or_404(rca, node_id)
    form = FactorForm()
    _evidence_choices(rca, form)
    if form.validate_on_submit():
        try:
            service.add_factor(rca, actor=_me(), contributes_to=target, label=form.label.data,
                               category=form.category.data, description=form.description.data or "",
                               **_evidence_args(form))
        except ServiceError as error:
            apply_error(form, error)
        else:
            flash("The contributory factor has been added", "success")
            return redirect(url_for("rca.graph", rca_id=rca.id))
    return render_template("rca/factor.html", form=form, rca=rca, target=target, node=None)


def _item_data(node) -> dict:
    return {"label": node.label, "description": node.description, "category": node.category,
            "evidence_kind": node.evidence_kind, "evidence_debrief": str(node.evidence_debrief_id or ""),
            "evidence_entry": str(node.evidence_entry_id or ""), "evidence_document": node.evidence_document or ""}


def _saved_item_form(rca, node) -> ItemForm:
    saved = ItemForm(formdata=None, data=_item_data(node))
    _evidence_choices(rca, saved)
    return saved


@bp.route("/<int:rca_id>/items/<int:node_id>", methods=["GET", "POST"])
@requires(Permission.REVIEW_INCIDENTS)
def item(rca_id: int, node_id: int):
    rca = _rca(rca_id)
    _editable(rca)
    node = _node_or_404(rca, node_id)
    if node.kind not in rca_graph.FACTOR_KINDS:
        return _edit_wording(rca, node)
    form = ItemForm(data=_item_data(node)) if request.method == "GET" else ItemForm()
    _evidence_choices(rca, form)
    versions.stamp(form, node)
    if form.validate_on_submit() and not versions.is_stale(form, node, _saved_item_form(rca, node)):
        try:
            service.update_node(rca, node, actor=_me(), label=form.label.data, description=form.description.data or "",
                                category=form.category.data, **_evidence_args(form))
        except ServiceError as error:
            apply_error(form, error)
        else:
            flash("The item has been saved", "success")
            return redirect(url_for("rca.graph", rca_id=rca.id))
    _viewed(rca, f"item {node.id}")
    return render_template("rca/factor.html", form=form, rca=rca, target=None, node=node)


def _edit_wording(rca, node):
    """The outcome or a service delivery problem: only its wording and detail change."""
    saved = {"label": node.label, "description": node.description}
    form = OutcomeForm(data=saved) if request.method == "GET" else OutcomeForm()
    versions.stamp(form, node)
    if form.validate_on_submit() and not versions.is_stale(form, node, OutcomeForm(formdata=None, data=saved)):
        try:
            service.update_node(rca, node, actor=_me(), label=form.label.data, description=form.description.data or "",
                                category=None, evidence_kind=node.evidence_kind)
        except ServiceError as error:
            apply_error(form, error)
        else:
            flash("The item has been saved", "success")
            return redirect(url_for("rca.graph", rca_id=rca.id))
    _viewed(rca, f"item {node.id}")
    return render_template("rca/factor.html", form=form, rca=rca, target=None, node=node)


@bp.route("/<int:rca_id>/items/<int:node_id>/root-cause", methods=["GET", "POST"])
@requires(Permission.REVIEW_INCIDENTS)
def root_cause(rca_id: int, node_id: int):
    """Confirm or withdraw a root cause; an unevidenced factor is asked for evidence or a reason first."""
    rca = _rca(rca_id)
    _editable(rca)
    node = _node_or_404(rca, node_id)
    form = RootCauseForm()
    if request.method == "POST" and form.validate_on_submit():
        confirmed = request.form.get("confirmed") == "yes"
        from_reason_page = request.form.get("from") == "reason"
        try:
            service.set_root_cause(rca, node, actor=_me(), confirmed=confirmed, reason=form.reason.data or "")
        except ServiceError as error:
            if error.field == "reason" and not from_reason_page:
                # Confirming an unevidenced factor from the graph: ask for the evidence or a reason.
                return redirect(url_for("rca.root_cause", rca_id=rca.id, node_id=node.id))
            if error.field != "reason":
                flash(str(error), "error")
                return redirect(url_for("rca.graph", rca_id=rca.id))
            apply_error(form, error)
        else:
            flash("Confirmed as a root cause" if confirmed else "No longer a root cause", "success")
            return redirect(url_for("rca.graph", rca_id=rca.id))
    return render_template("rca/root_cause.html", form=form, rca=rca, node=node)


@bp.post("/<int:rca_id>/items/<int:node_id>/delete")
@requires(Permission.REVIEW_INCIDENTS)
def delete_item(rca_id: int, node_id: int):
    rca = _rca(rca_id)
    _editable(rca)
    try:
        service.delete_node(rca, _node_or_404(rca, node_id), actor=_me())
    except ServiceError as error:
        flash(str(error), "error")
    else:
        flash("The item and its links have been removed", "success")
    return redirect(url_for("rca.graph", rca_id=rca.id))


@bp.post("/<int:rca_id>/links")
@requires(Permission.REVIEW_INCIDENTS)
def add_link(rca_id: int):
    rca = _rca(rca_id)
    _editable(rca)
    form = _link_form(rca)
    if form.validate_on_submit():
        try:
            service.link_nodes(rca, actor=_me(), cause=_node_or_404(rca, int(form.cause.data)),
                               effect=_node_or_404(rca, int(form.effect.data)))
        except ServiceError as error:
            apply_error(form, error)
        else:
            flash("The link has been added", "success")
            return redirect(url_for("rca.graph", rca_id=rca.id))
    return graph(rca.id, link_form=form)


@bp.post("/<int:rca_id>/links/<int:link_id>/delete")
@requires(Permission.REVIEW_INCIDENTS)
def delete_link(rca_id: int, link_id: int):
    rca = _rca(rca_id)
    _editable(rca)
    link = next((link for link in rca.links if link.id == link_id), None)
    if link is None:
        abort(404)
    service.unlink_nodes(rca, actor=_me(), link=link)
    flash("The link has been removed", "success")
    return redirect(url_for("rca.graph", rca_id=rca.id))


@bp.route("/<int:rca_id>/items/<int:node_id>/whys", methods=["GET", "POST"])
@requires(Permission.REVIEW_INCIDENTS)
def five_whys(rca_id: int, node_id: int):
    rca = _rca(rca_id)
    _editable(rca)
    start = _node_or_404(rca, node_id)
    form = FiveWhysForm()
    if form.validate_on_submit():
        try:
            service.add_five_whys(rca, actor=_me(), problem=start, answers=form.answers(),
                                  categories=form.categories())
        except ServiceError as error:
            apply_error(form, error)
        else:
            flash("The 5-whys chain has been added. Its factors are not yet evidenced.", "success")
            return redirect(url_for("rca.graph", rca_id=rca.id))
    return render_template("rca/whys.html", form=form, rca=rca, start=start)


# --- Findings, recommendations and actions ----------------------------------------------------

@bp.route("/<int:rca_id>/findings", methods=["GET", "POST"])
@requires(Permission.REVIEW_INCIDENTS)
def findings(rca_id: int):
    rca = _rca(rca_id)
    _editable(rca)
    saved = service.report_texts(rca)
    form = ReportForm(data=saved) if request.method == "GET" else ReportForm()
    versions.stamp(form, rca)
    if form.validate_on_submit() and not versions.is_stale(form, rca, ReportForm(formdata=None, data=saved)):
        try:
            service.save_report_sections(rca, actor=_me(), texts={s.key: form[s.key].data or "" for s in SECTIONS})
        except ServiceError as error:
            apply_error(form, error)
        else:
            if culture_findings(rca):
                flash("The report has been saved. Some wording may read as blaming a person: see the check below.",
                      "info")
                return redirect(url_for("rca.findings", rca_id=rca.id, _anchor="just-culture"))
            flash("The report has been saved", "success")
            return redirect(url_for("rca.overview", rca_id=rca.id))
    _viewed(rca, "findings")
    return render_template("rca/findings.html", form=form, rca=rca, culture=culture_findings(rca), sections=SECTIONS,
                           returned=service.latest_return(rca))


def _recommendation_or_404(rca, recommendation_id) -> Recommendation:
    recommendation = next((r for r in rca.recommendations if r.id == recommendation_id), None)
    if recommendation is None:
        abort(404)
    return recommendation


@bp.route("/<int:rca_id>/recommendations")
@requires(Permission.REVIEW_INCIDENTS)
def recommendations(rca_id: int):
    rca = _rca(rca_id)
    service.record_view(rca, actor=_me(), page="recommendations")
    return render_template("rca/recommendations.html", rca=rca, today=utcnow().date(),
                           status_labels=ACTION_STATUS_LABELS, mix=service.strength_mix(rca),
                           all_weak=service.all_weak(rca), withdraw_form=WithdrawForm())


@bp.route("/<int:rca_id>/recommendations/new", methods=["GET", "POST"], defaults={"recommendation_id": None})
@bp.route("/<int:rca_id>/recommendations/<int:recommendation_id>", methods=["GET", "POST"])
@requires(Permission.REVIEW_INCIDENTS)
def recommendation(rca_id: int, recommendation_id: int | None):
    rca = _rca(rca_id)
    _editable(rca)
    existing = _recommendation_or_404(rca, recommendation_id) if recommendation_id else None
    def filled(form):
        form.nodes.choices = [SelectChoice(str(n.id), n.label, render_kw={
            "hint": ("Root cause · " if n.kind == rca_graph.ROOT_CAUSE else "Factor · ") + category_name(n.category)})
            for n in factors]
        return form

    def saved_data():
        if existing is None:
            return {"priority": "medium", "addressed_to": "force"}
        return {"text": existing.text, "nodes": [str(n.id) for n in existing.nodes], "priority": existing.priority,
                "addressed_to": existing.addressed_to, "strength": existing.strength}

    factors = [n for n in rca.nodes if n.kind in rca_graph.FACTOR_KINDS]
    factors.sort(key=lambda n: n.kind != rca_graph.ROOT_CAUSE)
    form = filled(RecommendationForm(data=saved_data()) if request.method == "GET" else RecommendationForm())
    if existing is not None:
        versions.stamp(form, existing)
    if form.validate_on_submit() and not (existing is not None and versions.is_stale(
            form, existing, filled(RecommendationForm(formdata=None, data=saved_data())))):
        try:
            saved = service.save_recommendation(rca, actor=_me(), recommendation=existing, text=form.text.data,
                                                node_ids=[int(v) for v in form.nodes.data if str(v).isdigit()],
                                                priority=form.priority.data, addressed_to=form.addressed_to.data,
                                                strength=form.strength.data)
        except ServiceError as error:
            apply_error(form, error)
        else:
            flash("The recommendation has been saved", "success")
            if existing is None:
                return redirect(url_for("rca.action", rca_id=rca.id, recommendation_id=saved.id))
            return redirect(url_for("rca.recommendations", rca_id=rca.id))
    return render_template("rca/recommendation.html", form=form, rca=rca, recommendation=existing)


@bp.route("/<int:rca_id>/recommendations/<int:recommendation_id>/actions/new", methods=["GET", "POST"],
          defaults={"action_id": None})
@bp.route("/<int:rca_id>/recommendations/<int:recommendation_id>/actions/<int:action_id>", methods=["GET", "POST"])
@requires(Permission.REVIEW_INCIDENTS)
def action(rca_id: int, recommendation_id: int, action_id: int | None):
    rca = _rca(rca_id)
    # The action plan is carried out after sign-off, so the lead can still update actions then.
    if rca.lead_id != current_user.id or rca.status == "in_review":
        abort(403)
    recommendation = _recommendation_or_404(rca, recommendation_id)
    existing: RcaAction | None = None
    if action_id is not None:
        existing = next((a for a in recommendation.actions if a.id == action_id), None)
        if existing is None:
            abort(404)
    elif rca.status == "signed_off":
        abort(403)
    if request.method == "GET" and existing is not None:
        form = ActionForm(obj=existing)
    else:
        form = ActionForm() if request.method == "POST" else ActionForm(data={"status": "open"})
    if existing is not None:
        versions.stamp(form, existing)
    if form.validate_on_submit() and not (existing is not None and versions.is_stale(
            form, existing, ActionForm(formdata=None, obj=existing))):
        try:
            service.save_action(rca, actor=_me(), recommendation=recommendation, action=existing,
                                description=form.description.data, owner=form.owner.data, due_on=form.due_on.data,
                                measure=form.measure.data, status=form.status.data, reason=form.reason.data or "",
                                completion_evidence=form.completion_evidence.data or "")
        except ServiceError as error:
            apply_error(form, error)
        else:
            flash("The action has been saved", "success")
            return redirect(url_for("rca.recommendations", rca_id=rca.id))
    return render_template("rca/action.html", form=form, rca=rca, recommendation=recommendation, action=existing)


@bp.post("/<int:rca_id>/recommendations/<int:recommendation_id>/withdraw")
@requires(Permission.REVIEW_INCIDENTS)
def withdraw_recommendation(rca_id: int, recommendation_id: int):
    """Before sign-off the recommendation disappears; after, it is kept and marked not taken forward."""
    rca = _rca(rca_id)
    if rca.lead_id != current_user.id or rca.status == "in_review":
        abort(403)
    recommendation = _recommendation_or_404(rca, recommendation_id)
    form = WithdrawForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        service.withdraw_recommendation(rca, recommendation, actor=_me(), reason=form.reason.data or "")
    except ServiceError as error:
        flash(str(error), "error")
    else:
        flash("The recommendation has been withdrawn" if rca.status == "draft"
              else "The recommendation is marked as not taken forward", "success")
    return redirect(url_for("rca.recommendations", rca_id=rca.id))


@bp.post("/<int:rca_id>/recommendations/<int:recommendation_id>/actions/<int:action_id>/withdraw")
@requires(Permission.REVIEW_INCIDENTS)
def withdraw_action(rca_id: int, recommendation_id: int, action_id: int):
    rca = _rca(rca_id)
    _editable(rca)
    recommendation = _recommendation_or_404(rca, recommendation_id)
    found = next((a for a in recommendation.actions if a.id == action_id), None)
    if found is None:
        abort(404)
    if not WithdrawForm().validate_on_submit():
        abort(400)
    service.withdraw_action(rca, found, actor=_me())
    flash("The action has been withdrawn", "success")
    return redirect(url_for("rca.recommendations", rca_id=rca.id))


# --- Review, sign-off and report --------------------------------------------------------------

@bp.post("/<int:rca_id>/send")
@requires(Permission.REVIEW_INCIDENTS)
def send(rca_id: int):
    rca = _rca(rca_id)
    try:
        service.send_for_review(rca, actor=_me())
    except ServiceError as error:
        flash(str(error), "error")
    else:
        flash("Sent for review. A second reviewer of your force can now sign it off or return it.", "success")
    return redirect(url_for("rca.overview", rca_id=rca.id))


@bp.post("/<int:rca_id>/review")
@requires(Permission.REVIEW_INCIDENTS)
def review(rca_id: int):
    rca = _rca(rca_id)
    if rca.status == "signed_off" and rca.signed_off_by_id == current_user.id:
        return redirect(url_for("rca.overview", rca_id=rca.id))  # a second click of the same sign-off
    if not service.can_sign_off(rca, _me()):
        abort(403)
    form = ReviewForm()
    if form.validate_on_submit():
        try:
            if form.decision.data == "sign_off":
                service.sign_off(rca, actor=_me(), comment=form.comment.data or "")
                flash("The RCA has been signed off. It is now read-only.", "success")
            else:
                service.return_for_changes(rca, actor=_me(), comment=form.comment.data or "",
                                           section_comments={s.key: form[f"on_{s.key}"].data or "" for s in SECTIONS})
                flash("The RCA has been returned to the lead reviewer with your comment.", "success")
        except ServiceError as error:
            apply_error(form, error)
        else:
            return redirect(url_for("rca.overview", rca_id=rca.id))
    return render_template("rca/overview.html", **_overview_context(rca, form))


def _report_context(rca):
    nodes, edges = service.graph_nodes(rca), service.graph_edges(rca)
    return {"rca": rca, "drawing": _drawing(rca, "graph"), "analysis": service.analyse(rca),
            "text": text_alternative(nodes, edges), "by_id": {n.id: n for n in rca.nodes},
            "category_name": category_name, "status_labels": ACTION_STATUS_LABELS, "today": utcnow().date(),
            "sections": SECTIONS, "mix": service.strength_mix(rca), "all_weak": service.all_weak(rca)}


@bp.route("/<int:rca_id>/report")
@requires(Permission.REVIEW_INCIDENTS)
def report(rca_id: int):
    rca = _rca(rca_id)
    service.record_view(rca, actor=_me(), page="report")
    return render_template("rca/report.html", **_report_context(rca))


@bp.route("/<int:rca_id>/report.pdf")
@requires(Permission.REVIEW_INCIDENTS)
def report_pdf(rca_id: int):
    from debrief.rca.pdf import report_pdf as build_pdf

    rca = _rca(rca_id)
    html = render_template("rca/report_print.html", **_report_context(rca))
    service.record_download(rca, actor=_me(), fmt="report.pdf")
    return Response(build_pdf(html), mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{rca.incident.reference}-rca.pdf"'})


team_views.register(bp)
