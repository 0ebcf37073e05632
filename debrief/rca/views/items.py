"""An item of the graph: adding a factor, editing it, confirming a root cause, links and five whys."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from wtforms import SelectChoice

from debrief import once, versions
from debrief.auth.roles import Permission
from debrief.errors import ServiceError
from debrief.form_errors import apply_error, attempt
from debrief.models.debrief import DebriefStatus
from debrief.rca import service
from debrief.rca import graph as rca_graph
from debrief.rca.forms import (
    FactorForm, FiveWhysForm, ItemForm, OutcomeForm, RootCauseForm, category_options,
)
from debrief.rca.views.common import (
    audited, current_actor, node_or_404, rca_of_force, require_editor,
)
from debrief.rca.views.graph import graph, link_picker
from debrief.reference import DEBRIEF_KINDS, label_for
from debrief.security import requires


def _evidence_choices(rca, form):
    form.evidence_debrief.choices = [SelectChoice("", "Select a debrief")] + [
        SelectChoice(str(d.id), f"{label_for(DEBRIEF_KINDS, d.kind)} by {d.author.name}") for d in rca.incident.debriefs
        if d.status == DebriefStatus.SUBMITTED]
    form.evidence_entry.choices = [SelectChoice("", "Select an entry")] + [
        SelectChoice(str(e.id), (e.at.strftime("%-d %b %Y %H:%M: ") if e.at else "") + e.what[:80])
        for e in rca.chronology]
    form.category.choices = category_options()


def _int(value) -> int | None:
    return int(value) if str(value or "").isdigit() else None


def _evidence_args(form) -> dict:
    return {"evidence_kind": form.evidence_kind.data, "evidence_debrief_id": _int(form.evidence_debrief.data),
            "evidence_entry_id": _int(form.evidence_entry.data), "evidence_document": form.evidence_document.data}


def _checked_save(form, save) -> tuple[bool, list]:
    """Run `save(warn_on_blame=...)` as `attempt` does; a just-culture warning comes back with its findings, for the
    page to show with what was typed, until the reviewer rewords it or ticks "Save it as written"."""
    findings: list = []

    def run():
        try:
            save(warn_on_blame=not form.keep_wording.data)
        except service.BlamingWording as error:
            findings.extend(error.findings)
            raise

    return attempt(run, form), findings


@requires(Permission.REVIEW_INCIDENTS)
def add_factor(rca_id: int, node_id: int):
    rca = rca_of_force(rca_id)
    require_editor(rca)
    target = node_or_404(rca, node_id)
    form = FactorForm()
    _evidence_choices(rca, form)
    findings: list = []
    if form.validate_on_submit():
        with once.claimed(form, url_for("rca.graph", rca_id=rca.id)) as claim:
            saved, findings = _checked_save(form, lambda **check: service.add_factor(
                rca, actor=current_actor(), contributes_to=target, label=form.label.data,
                category=form.category.data, description=form.description.data or "", **_evidence_args(form),
                **check))
            if saved:
                claim.lands()
                flash("The contributory factor has been added", "success")
                return redirect(url_for("rca.graph", rca_id=rca.id))
    return render_template("rca/factor.html", form=form, rca=rca, target=target, node=None, findings=findings)


def _item_data(node) -> dict:
    return {"label": node.label, "description": node.description, "category": node.category,
            "evidence_kind": node.evidence_kind, "evidence_debrief": str(node.evidence_debrief_id or ""),
            "evidence_entry": str(node.evidence_entry_id or ""), "evidence_document": node.evidence_document or ""}


def _saved_item_form(rca, node) -> ItemForm:
    saved = ItemForm(formdata=None, data=_item_data(node))
    _evidence_choices(rca, saved)
    return saved


@requires(Permission.REVIEW_INCIDENTS)
def item(rca_id: int, node_id: int):
    rca = rca_of_force(rca_id)
    require_editor(rca)
    node = node_or_404(rca, node_id)
    if node.kind not in rca_graph.FACTOR_KINDS:
        return _edit_wording(rca, node)
    form = ItemForm(data=_item_data(node)) if request.method == "GET" else ItemForm()
    _evidence_choices(rca, form)
    versions.stamp(form, node)
    findings: list = []
    if form.validate_on_submit() and not versions.is_stale(form, node, _saved_item_form(rca, node)):
        saved, findings = _checked_save(form, lambda **check: service.update_node(
            rca, node, actor=current_actor(), label=form.label.data, description=form.description.data or "",
            category=form.category.data, **_evidence_args(form), **check))
        if saved:
            flash("The item has been saved", "success")
            return redirect(url_for("rca.graph", rca_id=rca.id))
    return audited(rca, f"item {node.id}", render_template("rca/factor.html", form=form, rca=rca, target=None,
                                                           node=node, findings=findings))


def _edit_wording(rca, node):
    """The outcome or a service delivery problem: only its wording and detail change. A problem whose chronology
    entry was reworded since shows the entry's wording, and "Use the entry's wording" fills it in to save."""
    saved = {"label": node.label, "description": node.description}
    entry = service.entry_wording_differs(rca, node)
    shown = {**saved, "label": entry.what[:300]} if entry is not None and request.args.get("wording") == "entry" \
        else saved
    form = OutcomeForm(data=shown) if request.method == "GET" else OutcomeForm()
    versions.stamp(form, node)
    findings: list = []
    if form.validate_on_submit() and not versions.is_stale(form, node, OutcomeForm(formdata=None, data=saved)):
        done, findings = _checked_save(form, lambda **check: service.update_node(
            rca, node, actor=current_actor(), label=form.label.data, description=form.description.data or "",
            category=None, evidence_kind=node.evidence_kind, **check))
        if done:
            flash("The item has been saved", "success")
            return redirect(url_for("rca.graph", rca_id=rca.id))
    return audited(rca, f"item {node.id}", render_template("rca/factor.html", form=form, rca=rca, target=None,
                                                           node=node, findings=findings, changed_entry=entry))


@requires(Permission.REVIEW_INCIDENTS)
def root_cause(rca_id: int, node_id: int):
    """Confirm or withdraw a root cause; an unevidenced factor is asked for evidence or a reason first."""
    rca = rca_of_force(rca_id)
    require_editor(rca)
    node = node_or_404(rca, node_id)
    form = RootCauseForm()
    if request.method == "POST" and form.validate_on_submit():
        confirmed = request.form.get("confirmed") == "yes"
        from_reason_page = request.form.get("from") == "reason"
        try:
            service.set_root_cause(rca, node, actor=current_actor(), confirmed=confirmed, reason=form.reason.data or "")
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


@requires(Permission.REVIEW_INCIDENTS)
def delete_item(rca_id: int, node_id: int):
    rca = rca_of_force(rca_id)
    require_editor(rca)
    if attempt(lambda: service.delete_node(rca, node_or_404(rca, node_id), actor=current_actor())):
        flash("The item and its links have been removed", "success")
    return redirect(url_for("rca.graph", rca_id=rca.id))


@requires(Permission.REVIEW_INCIDENTS)
def add_link(rca_id: int):
    rca = rca_of_force(rca_id)
    require_editor(rca)
    form = link_picker(rca)
    if form.validate_on_submit():
        if attempt(lambda: service.link_nodes(rca, actor=current_actor(), cause=node_or_404(rca, int(form.cause.data)),
                                              effect=node_or_404(rca, int(form.effect.data))), form):
            flash("The link has been added", "success")
            return redirect(url_for("rca.graph", rca_id=rca.id))
    return graph(rca.id, link_form=form)


@requires(Permission.REVIEW_INCIDENTS)
def delete_link(rca_id: int, link_id: int):
    rca = rca_of_force(rca_id)
    require_editor(rca)
    link = next((link for link in rca.links if link.id == link_id), None)
    if link is None:
        abort(404)
    service.unlink_nodes(rca, actor=current_actor(), link=link)
    flash("The link has been removed", "success")
    return redirect(url_for("rca.graph", rca_id=rca.id))


@requires(Permission.REVIEW_INCIDENTS)
def five_whys(rca_id: int, node_id: int):
    rca = rca_of_force(rca_id)
    require_editor(rca)
    start = node_or_404(rca, node_id)
    form = FiveWhysForm()
    findings: list = []
    if form.validate_on_submit():
        saved, findings = _checked_save(form, lambda **check: service.add_five_whys(
            rca, actor=current_actor(), problem=start, answers=form.answers(), categories=form.categories(), **check))
        if saved:
            flash("The 5-whys chain has been added. Its factors are not yet evidenced.", "success")
            return redirect(url_for("rca.graph", rca_id=rca.id))
    return render_template("rca/whys.html", form=form, rca=rca, start=start, findings=findings)


def register(bp: Blueprint) -> None:
    bp.add_url_rule("/<int:rca_id>/items/<int:node_id>/contributors/new", "add_factor", add_factor, methods=["GET",
            "POST"])
    bp.add_url_rule("/<int:rca_id>/items/<int:node_id>", "item", item, methods=["GET", "POST"])
    bp.add_url_rule("/<int:rca_id>/items/<int:node_id>/root-cause", "root_cause", root_cause, methods=["GET", "POST"])
    bp.add_url_rule("/<int:rca_id>/items/<int:node_id>/delete", "delete_item", delete_item, methods=["POST"])
    bp.add_url_rule("/<int:rca_id>/links", "add_link", add_link, methods=["POST"])
    bp.add_url_rule("/<int:rca_id>/links/<int:link_id>/delete", "delete_link", delete_link, methods=["POST"])
    bp.add_url_rule("/<int:rca_id>/items/<int:node_id>/whys", "five_whys", five_whys, methods=["GET", "POST"])

