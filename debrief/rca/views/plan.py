"""The report's findings, the recommendations and their actions."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from wtforms import SelectChoice

from debrief import once, versions
from debrief.auth.roles import Permission
from debrief.errors import Place, ServiceError
from debrief.form_errors import apply_error, attempt, elsewhere
from debrief.models import RcaAction, utcnow
from debrief.models.rca import ACTION_STATUS_LABELS
from debrief.models.rca import ActionStatus, RcaStatus
from debrief.rca import graph as rca_graph
from debrief.rca import service
from debrief.rca.forms import (
    ActionForm, RecommendationForm, ReportForm, WithdrawForm,
)
from debrief.rca.framework import category_name
from debrief.rca.report_sections import SECTIONS
from debrief.rca.views.common import (
    audited, current_actor, rca_of_force, recommendation_or_404, require_editor,
)
from debrief.security import requires


@requires(Permission.REVIEW_INCIDENTS)
def findings(rca_id: int):
    rca = rca_of_force(rca_id)
    require_editor(rca)
    saved = service.report_texts(rca)
    form = ReportForm(data=saved) if request.method == "GET" else ReportForm()
    versions.stamp(form, rca)
    if form.validate_on_submit() and not versions.is_stale(form, rca, ReportForm(formdata=None, data=saved)):
        if attempt(lambda: service.save_report_sections(rca, actor=current_actor(),
                                                        texts={s.key: form[s.key].data or "" for s in SECTIONS}), form):
            if service.culture_findings(rca):
                flash("The report has been saved. Some wording may read as blaming a person: see the check below.",
                      "info")
                return redirect(url_for("rca.findings", rca_id=rca.id, _anchor="just-culture"))
            flash("The report has been saved", "success")
            return redirect(url_for("rca.overview", rca_id=rca.id))
    return audited(rca, "findings", render_template(
        "rca/findings.html", form=form, rca=rca, culture=service.culture_findings(rca), sections=SECTIONS,
        returned=service.latest_return(rca)))


@requires(Permission.REVIEW_INCIDENTS)
def recommendations(rca_id: int):
    rca = rca_of_force(rca_id)
    return audited(rca, "recommendations", render_template(
        "rca/recommendations.html", rca=rca, today=utcnow().date(), status_labels=ACTION_STATUS_LABELS,
        mix=service.strength_mix(rca), all_weak=service.all_weak(rca), withdraw_form=WithdrawForm()))


@requires(Permission.REVIEW_INCIDENTS)
def recommendation(rca_id: int, recommendation_id: int | None):
    rca = rca_of_force(rca_id)
    require_editor(rca)
    existing = recommendation_or_404(rca, recommendation_id) if recommendation_id else None
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
            with once.claimed(form, url_for("rca.recommendations", rca_id=rca.id), active=existing is None) as claim:
                saved = service.save_recommendation(rca, actor=current_actor(), recommendation=existing,
                                                    text=form.text.data,
                                                    node_ids=[int(v) for v in form.nodes.data if str(v).isdigit()],
                                                    priority=form.priority.data, addressed_to=form.addressed_to.data,
                                                    strength=form.strength.data)
                claim.lands(url_for("rca.action", rca_id=rca.id, recommendation_id=saved.id)
                            if existing is None else None)
        except ServiceError as error:
            apply_error(form, error)
        else:
            flash("The recommendation has been saved", "success")
            if existing is None:
                return redirect(url_for("rca.action", rca_id=rca.id, recommendation_id=saved.id))
            return redirect(url_for("rca.recommendations", rca_id=rca.id))
    if form.nodes.errors and not factors:  # nothing on this page to select: factors are added in the graph
        form.nodes.errors = [elsewhere("Add a contributory factor in the graph first: a recommendation addresses a "
                                       "root cause or factor",
                                       Place.of("Contributory-factor graph", "rca.graph", rca_id=rca.id))]
    return render_template("rca/recommendation.html", form=form, rca=rca, recommendation=existing)


@requires(Permission.REVIEW_INCIDENTS)
def action(rca_id: int, recommendation_id: int, action_id: int | None):
    rca = rca_of_force(rca_id)
    if not service.can_update_plan(rca, current_actor()):
        abort(403)
    recommendation = recommendation_or_404(rca, recommendation_id)
    existing: RcaAction | None = None
    if action_id is not None:
        existing = next((a for a in recommendation.actions if a.id == action_id), None)
        if existing is None:
            abort(404)
    elif rca.status == RcaStatus.SIGNED_OFF:
        abort(403)
    if request.method == "GET" and existing is not None:
        form = ActionForm(obj=existing)
    else:
        form = ActionForm() if request.method == "POST" else ActionForm(data={"status": ActionStatus.OPEN})
    if existing is not None:
        versions.stamp(form, existing)
    if form.validate_on_submit() and not (existing is not None and versions.is_stale(
            form, existing, ActionForm(formdata=None, obj=existing))):
        with once.claimed(form, url_for("rca.recommendations", rca_id=rca.id), active=existing is None) as claim:
            if attempt(lambda: service.save_action(
                    rca, actor=current_actor(), recommendation=recommendation, action=existing,
                    description=form.description.data, owner=form.owner.data, due_on=form.due_on.data,
                    measure=form.measure.data, status=form.status.data, reason=form.reason.data or "",
                    completion_evidence=form.completion_evidence.data or ""), form):
                claim.lands()
                flash("The action has been saved", "success")
                return redirect(url_for("rca.recommendations", rca_id=rca.id))
    return render_template("rca/action.html", form=form, rca=rca, recommendation=recommendation, action=existing)


@requires(Permission.REVIEW_INCIDENTS)
def withdraw_recommendation(rca_id: int, recommendation_id: int):
    """Before sign-off the recommendation disappears; after, it is kept and marked not taken forward."""
    rca = rca_of_force(rca_id)
    if not service.can_update_plan(rca, current_actor()):
        abort(403)
    recommendation = recommendation_or_404(rca, recommendation_id)
    form = WithdrawForm()
    if not form.validate_on_submit():
        abort(400)
    if attempt(lambda: service.withdraw_recommendation(rca, recommendation, actor=current_actor(),
                                                       reason=form.reason.data or "")):
        flash("The recommendation has been withdrawn" if rca.status == RcaStatus.DRAFT
              else "The recommendation is marked as not taken forward", "success")
    return redirect(url_for("rca.recommendations", rca_id=rca.id))


@requires(Permission.REVIEW_INCIDENTS)
def withdraw_action(rca_id: int, recommendation_id: int, action_id: int):
    rca = rca_of_force(rca_id)
    require_editor(rca)
    recommendation = recommendation_or_404(rca, recommendation_id)
    found = next((a for a in recommendation.actions if a.id == action_id), None)
    if found is None:
        abort(404)
    if not WithdrawForm().validate_on_submit():
        abort(400)
    service.withdraw_action(rca, found, actor=current_actor())
    flash("The action has been withdrawn", "success")
    return redirect(url_for("rca.recommendations", rca_id=rca.id))


def register(bp: Blueprint) -> None:
    bp.add_url_rule("/<int:rca_id>/findings", "findings", findings, methods=["GET", "POST"])
    bp.add_url_rule("/<int:rca_id>/recommendations", "recommendations", recommendations)
    bp.add_url_rule("/<int:rca_id>/recommendations/new", "recommendation", recommendation, methods=["GET", "POST"],
                    defaults={"recommendation_id": None})
    bp.add_url_rule("/<int:rca_id>/recommendations/<int:recommendation_id>", "recommendation", recommendation,
                    methods=["GET", "POST"])
    bp.add_url_rule("/<int:rca_id>/recommendations/<int:recommendation_id>/actions/new", "action", action,
                    methods=["GET", "POST"], defaults={"action_id": None})
    bp.add_url_rule("/<int:rca_id>/recommendations/<int:recommendation_id>/actions/<int:action_id>", "action", action,
                    methods=["GET", "POST"])
    bp.add_url_rule("/<int:rca_id>/recommendations/<int:recommendation_id>/withdraw", "withdraw_recommendation",
                    withdraw_recommendation, methods=["POST"])
    bp.add_url_rule("/<int:rca_id>/recommendations/<int:recommendation_id>/actions/<int:action_id>/withdraw",
                    "withdraw_action", withdraw_action, methods=["POST"])

