"""The RCA's team page: the lead, the panel, and each member's declaration of interests."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select
from wtforms import SelectChoice

from debrief.auth.roles import Permission, Role
from debrief.errors import ServiceError
from debrief.extensions import db
from debrief.form_errors import apply_error, attempt
from debrief.models import RootCauseAnalysis, User, UserRole
from debrief.rca.forms import DeclarationForm, LeadForm, TeamMemberForm
from debrief.rca.service import record_view
from debrief.rca.service import team
from debrief.security import requires


def _me() -> User:
    return current_user._get_current_object()


def _rca(rca_id: int) -> RootCauseAnalysis:
    rca = db.session.get(RootCauseAnalysis, rca_id)
    if rca is None or rca.force_id != current_user.force_id:
        abort(404)
    return rca


def _can_manage(rca: RootCauseAnalysis) -> bool:
    return rca.editable and rca.lead_id == current_user.id


def _forms(rca, member_form=None, lead_form=None, declaration_form=None):
    on_team = {m.user_id for m in rca.team}
    eligible = team.eligible_reviewers(rca)
    member_form = member_form or TeamMemberForm()
    member_form.member.choices = [SelectChoice("", "Select a reviewer")] + [
        SelectChoice(str(u.id), u.name) for u in eligible if u.id not in on_team]
    lead_form = lead_form or LeadForm(data={"lead": str(rca.lead_id)})
    lead_form.lead.choices = [SelectChoice(str(u.id), u.name) for u in eligible]
    mine = team.member(rca, _me())
    if declaration_form is None:
        declaration_form = DeclarationForm(data={
            "has_conflict": None if mine is None or mine.has_conflict is None else ("yes" if mine.has_conflict else "no"),
            "conflict_detail": mine.conflict_detail if mine else ""})
    # Reviewers of the force who may not take part, with the reason, so nobody wonders where they went.
    reviewers = db.session.scalars(select(User).join(UserRole).where(
        User.force_id == rca.force_id, UserRole.role == Role.REVIEWER.value).order_by(User.name))
    excluded = [(u, team.independence_problem(rca.incident, u)) for u in reviewers]
    return {"member_form": member_form, "lead_form": lead_form, "declaration_form": declaration_form,
            "mine": mine, "excluded": [(u, why) for u, why in excluded if why], "can_manage": _can_manage(rca)}


@requires(Permission.REVIEW_INCIDENTS)
def team_page(rca_id: int):
    rca = _rca(rca_id)
    record_view(rca, actor=_me(), page="team")
    return render_template("rca/team.html", rca=rca, **_forms(rca))


@requires(Permission.REVIEW_INCIDENTS)
def add_member(rca_id: int):
    rca = _rca(rca_id)
    if not _can_manage(rca):
        abort(403)
    form = TeamMemberForm()
    forms = _forms(rca, member_form=form)
    if form.validate_on_submit():
        user = db.session.get(User, int(form.member.data)) if str(form.member.data).isdigit() else None
        try:
            if user is None:
                raise ServiceError("Select a reviewer to add", "member")
            team.add_panel_member(rca, actor=_me(), user=user)
        except ServiceError as error:
            apply_error(form, error)
        else:
            flash(f"{user.name} has joined the panel. They are asked to declare their interests.", "success")
            return redirect(url_for("rca.team", rca_id=rca.id))
    return render_template("rca/team.html", rca=rca, **forms), 400


@requires(Permission.REVIEW_INCIDENTS)
def remove_member(rca_id: int, member_id: int):
    rca = _rca(rca_id)
    if not _can_manage(rca):
        abort(403)
    found = next((m for m in rca.team if m.id == member_id), None)
    if found is None:
        abort(404)
    if attempt(lambda: team.remove_panel_member(rca, actor=_me(), team_member=found)):
        flash(f"{found.user.name} has left the panel.", "success")
    return redirect(url_for("rca.team", rca_id=rca.id))


@requires(Permission.REVIEW_INCIDENTS)
def assign_lead(rca_id: int):
    rca = _rca(rca_id)
    if not _can_manage(rca):
        abort(403)
    form = LeadForm()
    forms = _forms(rca, lead_form=form)
    if form.validate_on_submit():
        user = db.session.get(User, int(form.lead.data)) if str(form.lead.data).isdigit() else None
        try:
            if user is None:
                raise ServiceError("Select the lead reviewer", "lead")
            team.assign_lead(rca, actor=_me(), lead=user)
        except ServiceError as error:
            apply_error(form, error)
        else:
            flash(f"{user.name} now leads the RCA.", "success")
            return redirect(url_for("rca.team", rca_id=rca.id))
    return render_template("rca/team.html", rca=rca, **forms), 400


@requires(Permission.REVIEW_INCIDENTS)
def declare(rca_id: int):
    rca = _rca(rca_id)
    if team.member(rca, _me()) is None:
        abort(403)
    form = DeclarationForm()
    forms = _forms(rca, declaration_form=form)
    if form.validate_on_submit():
        try:
            choice = {"yes": True, "no": False}.get(form.has_conflict.data or "")
            team.declare_interests(rca, actor=_me(), has_conflict=choice, detail=form.conflict_detail.data or "")
        except ServiceError as error:
            apply_error(form, error)
        else:
            flash("Your declaration has been recorded.", "success")
            return redirect(url_for("rca.team", rca_id=rca.id))
    return render_template("rca/team.html", rca=rca, **forms), 400


def register(bp: Blueprint) -> None:
    bp.add_url_rule("/<int:rca_id>/team", "team", team_page)
    bp.add_url_rule("/<int:rca_id>/team/members", "add_member", add_member, methods=["POST"])
    bp.add_url_rule("/<int:rca_id>/team/members/<int:member_id>/remove", "remove_member", remove_member,
                    methods=["POST"])
    bp.add_url_rule("/<int:rca_id>/team/lead", "assign_lead", assign_lead, methods=["POST"])
    bp.add_url_rule("/<int:rca_id>/team/declaration", "declare", declare, methods=["POST"])
