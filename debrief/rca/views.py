"""RCA pages for PSD reviewers of the incident's force: thin views over rca/service.py."""
from __future__ import annotations

from datetime import datetime

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from debrief.auth.roles import Permission
from debrief.debriefs.access import incident_for_review
from debrief.extensions import db
from debrief.form_errors import apply_error
from debrief.models import RcaAction, Recommendation, RootCauseAnalysis, User, utcnow
from debrief.rca import graph as rca_graph
from debrief.rca import service
from debrief.rca.forms import (
    ACTION_STATUS_LABELS, ActionForm, ChronologyEntryForm, DetailsForm, FactorForm, FindingsForm, FiveWhysForm,
    ItemForm, LinkForm, RecommendationForm, ReviewForm, StartRcaForm, category_options,
)
from debrief.rca.framework import CATEGORIES, category_name
from debrief.rca.justculture import check_language
from debrief.rca.render import cached_render, fishbone_dot, graph_dot, text_alternative
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


def culture_findings(rca: RootCauseAnalysis) -> list[dict]:
    """Advisory just-culture findings across the findings text and every item's wording."""
    names = _names(rca)
    results = []
    texts = [("Findings", rca.findings)]
    texts += [(f"{rca_graph.KIND_NAMES[n.kind]}: {n.label[:60]}", f"{n.label}. {n.description}") for n in rca.nodes]
    for where, text in texts:
        for finding in check_language(text or "", names=names):
            results.append({"where": where, "sentence": finding.sentence, "phrase": finding.phrase,
                            "suggestion": finding.suggestion})
    return results


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
    form = StartRcaForm()
    if form.validate_on_submit():
        try:
            rca = service.start_rca(incident, actor=_me(), level=form.level.data,
                                    terms_of_reference=form.terms_of_reference.data)
        except service.RcaError as error:
            apply_error(form, error)
        else:
            flash("The root-cause analysis has started. The chronology has been built from the debriefs.", "success")
            return redirect(url_for("rca.overview", rca_id=rca.id))
    return render_template("rca/start.html", form=form, incident=incident)


@bp.route("/<int:rca_id>")
@requires(Permission.REVIEW_INCIDENTS)
def overview(rca_id: int):
    rca = _rca(rca_id)
    service.record_view(rca, actor=_me(), page="overview")
    analysis = service.analyse(rca)
    return render_template("rca/overview.html", rca=rca, analysis=analysis, gaps=service.review_gaps(rca),
                           can_sign_off=service.can_sign_off(rca, _me()), review_form=ReviewForm(),
                           today=utcnow().date())


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
        except service.RcaError as error:
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
            "what": entry.what, "is_problem": entry.is_problem}


@bp.route("/<int:rca_id>/chronology/new", methods=["GET", "POST"], defaults={"entry_id": None})
@bp.route("/<int:rca_id>/chronology/<int:entry_id>", methods=["GET", "POST"])
@requires(Permission.REVIEW_INCIDENTS)
def chronology_entry(rca_id: int, entry_id: int | None):
    rca = _rca(rca_id)
    _editable(rca)
    entry = _entry_or_404(rca, entry_id) if entry_id is not None else None
    if request.method == "GET" and entry is not None:
        form = ChronologyEntryForm(data=_entry_data(entry))
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
        try:
            service.save_chronology_entry(rca, actor=_me(), entry=entry, at=moment, what=form.what.data,
                                          is_problem=form.is_problem.data)
        except service.RcaError as error:
            apply_error(form, error)
        else:
            flash("The chronology has been saved", "success")
            return redirect(url_for("rca.chronology", rca_id=rca.id))
    if entry is not None:
        _viewed(rca, f"chronology entry {entry.id}")
    return render_template("rca/chronology_entry.html", form=form, rca=rca, entry=entry)


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

def _link_form(rca, form=None):
    form = form or LinkForm()
    items = [SelectChoice("", "Select an item")]
    items += [SelectChoice(str(n.id), f"{rca_graph.KIND_NAMES[n.kind]}: {n.label[:80]}") for n in rca.nodes]
    form.cause.choices = [c for c in items if not c.value or service.node_in(rca, int(c.value)).kind != "outcome"]
    form.effect.choices = items
    return form


def _drawing(rca, kind: str, fmt: str, title_id: str = "rca-graph-title"):
    nodes, edges = service.graph_nodes(rca), service.graph_edges(rca)
    build = (lambda: graph_dot(nodes, edges)) if kind == "graph" else (lambda: fishbone_dot(nodes))
    title = "Contributory-factor graph" if kind == "graph" else "Fishbone: contributory factors by category"
    return cached_render(("rca", kind, rca.id, rca.graph_version), fmt, build, title=title, title_id=title_id)


@bp.route("/<int:rca_id>/graph")
@requires(Permission.REVIEW_INCIDENTS)
def graph(rca_id: int, link_form=None):
    rca = _rca(rca_id)
    service.record_view(rca, actor=_me(), page="graph")
    nodes, edges = service.graph_nodes(rca), service.graph_edges(rca)
    return render_template("rca/graph.html", rca=rca, svg=_drawing(rca, "graph", "svg"),
                           analysis=service.analyse(rca), text=text_alternative(nodes, edges),
                           by_id={n.id: n for n in rca.nodes}, link_form=_link_form(rca, link_form),
                           culture=culture_findings(rca), category_name=category_name)


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
    return render_template("rca/fishbone.html", rca=rca, svg=_drawing(rca, "fishbone", "svg", "rca-fishbone-title"),
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
        body = _drawing(rca, kind, fmt)
        if fmt == "svg":
            body = '<?xml version="1.0" encoding="UTF-8"?>\n' + body.replace(
                "<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1) if 'xmlns="' not in body[:400] else body
    service.record_download(rca, actor=_me(), fmt=f"{kind}.{fmt}")
    filename = f"{rca.incident.reference}-{kind}.{fmt}"
    return Response(body, mimetype=DOWNLOAD_TYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _evidence_choices(rca, form):
    form.evidence_debrief.choices = [SelectChoice("", "Select a debrief")] + [
        SelectChoice(str(d.id), f"{d.author.name}, {d.kind} debrief") for d in rca.incident.debriefs
        if d.status == "submitted"]
    form.evidence_entry.choices = [SelectChoice("", "Select an entry")] + [
        SelectChoice(str(e.id), (e.at.strftime("%H:%M ") if e.at else "") + e.what[:80]) for e in rca.chronology]
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
        except service.RcaError as error:
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
    form = ItemForm(data=_item_data(node)) if request.method == "GET" else ItemForm()
    _evidence_choices(rca, form)
    versions.stamp(form, node)
    if node.kind not in rca_graph.FACTOR_KINDS:
        # Only the wording of the outcome or a problem can change.
        form.category.validators = []
        form.evidence_kind.validators = []
    if form.validate_on_submit() and not versions.is_stale(form, node, _saved_item_form(rca, node)):
        try:
            service.update_node(rca, node, actor=_me(), label=form.label.data, description=form.description.data or "",
                                category=form.category.data, **_evidence_args(form))
        except service.RcaError as error:
            apply_error(form, error)
        else:
            flash("The item has been saved", "success")
            return redirect(url_for("rca.graph", rca_id=rca.id))
    _viewed(rca, f"item {node.id}")
    return render_template("rca/factor.html", form=form, rca=rca, target=None, node=node)


@bp.post("/<int:rca_id>/items/<int:node_id>/root-cause")
@requires(Permission.REVIEW_INCIDENTS)
def root_cause(rca_id: int, node_id: int):
    rca = _rca(rca_id)
    _editable(rca)
    confirmed = request.form.get("confirmed") == "yes"
    try:
        service.set_root_cause(rca, _node_or_404(rca, node_id), actor=_me(), confirmed=confirmed)
    except service.RcaError as error:
        flash(str(error), "error")
    else:
        flash("Confirmed as a root cause" if confirmed else "No longer a root cause", "success")
    return redirect(url_for("rca.graph", rca_id=rca.id))


@bp.post("/<int:rca_id>/items/<int:node_id>/delete")
@requires(Permission.REVIEW_INCIDENTS)
def delete_item(rca_id: int, node_id: int):
    rca = _rca(rca_id)
    _editable(rca)
    try:
        service.delete_node(rca, _node_or_404(rca, node_id), actor=_me())
    except service.RcaError as error:
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
        except service.RcaError as error:
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
        except service.RcaError as error:
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
    form = FindingsForm(data={"findings": rca.findings}) if request.method == "GET" else FindingsForm()
    versions.stamp(form, rca)
    if form.validate_on_submit() and not versions.is_stale(
            form, rca, FindingsForm(formdata=None, data={"findings": rca.findings})):
        service.save_findings(rca, actor=_me(), findings=form.findings.data)
        if culture_findings(rca):
            flash("The findings have been saved. Some wording may read as blaming a person: see the check below.",
                  "info")
            return redirect(url_for("rca.findings", rca_id=rca.id, _anchor="just-culture"))
        flash("The findings have been saved", "success")
        return redirect(url_for("rca.overview", rca_id=rca.id))
    _viewed(rca, "findings")
    return render_template("rca/findings.html", form=form, rca=rca, culture=culture_findings(rca))


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
                           status_labels=ACTION_STATUS_LABELS)


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
        return {"text": existing.text, "nodes": [str(n.id) for n in existing.nodes]}

    factors = [n for n in rca.nodes if n.kind in rca_graph.FACTOR_KINDS]
    factors.sort(key=lambda n: n.kind != rca_graph.ROOT_CAUSE)
    form = filled(RecommendationForm(data=saved_data()) if request.method == "GET" and existing is not None
                  else RecommendationForm())
    if existing is not None:
        versions.stamp(form, existing)
    if form.validate_on_submit() and not (existing is not None and versions.is_stale(
            form, existing, filled(RecommendationForm(formdata=None, data=saved_data())))):
        try:
            saved = service.save_recommendation(rca, actor=_me(), recommendation=existing, text=form.text.data,
                                                node_ids=[int(v) for v in form.nodes.data if str(v).isdigit()])
        except service.RcaError as error:
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
                                measure=form.measure.data, status=form.status.data, reason=form.reason.data or "")
        except service.RcaError as error:
            apply_error(form, error)
        else:
            flash("The action has been saved", "success")
            return redirect(url_for("rca.recommendations", rca_id=rca.id))
    return render_template("rca/action.html", form=form, rca=rca, recommendation=recommendation, action=existing)


# --- Review, sign-off and report --------------------------------------------------------------

@bp.post("/<int:rca_id>/send")
@requires(Permission.REVIEW_INCIDENTS)
def send(rca_id: int):
    rca = _rca(rca_id)
    try:
        service.send_for_review(rca, actor=_me())
    except service.RcaError as error:
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
                service.return_for_changes(rca, actor=_me(), comment=form.comment.data or "")
                flash("The RCA has been returned to the lead reviewer with your comment.", "success")
        except service.RcaError as error:
            apply_error(form, error)
        else:
            return redirect(url_for("rca.overview", rca_id=rca.id))
    return render_template("rca/overview.html", rca=rca, analysis=service.analyse(rca), gaps=service.review_gaps(rca),
                           can_sign_off=True, review_form=form, today=utcnow().date())


def _report_context(rca):
    nodes, edges = service.graph_nodes(rca), service.graph_edges(rca)
    return {"rca": rca, "svg": _drawing(rca, "graph", "svg"), "analysis": service.analyse(rca),
            "text": text_alternative(nodes, edges), "by_id": {n.id: n for n in rca.nodes},
            "category_name": category_name, "status_labels": ACTION_STATUS_LABELS, "today": utcnow().date()}


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
