"""The RCA's team page: the lead, the panel, and each member's declaration of interests."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from wtforms import SelectChoice

from debrief.auth.roles import Permission
from debrief.form_errors import attempt
from debrief.rca import service
from debrief.rca.forms import DeclarationForm, LeadForm, TeamMemberForm
from debrief.rca.service import team
from debrief.rca.views.common import audited, current_actor, rca_of_force, require_editor
from debrief.security import requires


def _forms(rca, member_form=None, lead_form=None, declaration_form=None):
    on_team = {m.user_id for m in rca.team}
    eligible, excluded = team.reviewers_for_team(rca)
    member_form = member_form or TeamMemberForm()
    member_form.member.choices = [SelectChoice("", "Select a reviewer")] + [
        SelectChoice(str(u.id), u.name) for u in eligible if u.id not in on_team]
    lead_form = lead_form or LeadForm(data={"lead": str(rca.lead_id)})
    lead_form.lead.choices = [SelectChoice(str(u.id), u.name) for u in eligible]
    mine = team.member(rca, current_actor())
    if declaration_form is None:
        declaration_form = DeclarationForm(data={
            "has_conflict": None if mine is None or mine.has_conflict is None else ("yes" if mine.has_conflict else "no"),
            "conflict_detail": mine.conflict_detail if mine else ""})
    return {"member_form": member_form, "lead_form": lead_form, "declaration_form": declaration_form,
            "mine": mine, "excluded": excluded,
            "can_manage": service.can_edit(rca, current_actor())}


@requires(Permission.REVIEW_INCIDENTS)
def team_page(rca_id: int):
    rca = rca_of_force(rca_id)
    return audited(rca, "team", render_template("rca/team.html", rca=rca, **_forms(rca)))


@requires(Permission.REVIEW_INCIDENTS)
def add_member(rca_id: int):
    rca = rca_of_force(rca_id)
    require_editor(rca)
    form = TeamMemberForm()
    forms = _forms(rca, member_form=form)
    if form.validate_on_submit():
        user = team.reviewer(form.member.data)
        if attempt(lambda: team.add_panel_member(rca, actor=current_actor(), user=user), form):
            flash(f"{user.name} has joined the panel. They are asked to declare their interests.", "success")
            return redirect(url_for("rca.team", rca_id=rca.id))
    return render_template("rca/team.html", rca=rca, **forms), 400


@requires(Permission.REVIEW_INCIDENTS)
def remove_member(rca_id: int, member_id: int):
    rca = rca_of_force(rca_id)
    require_editor(rca)
    found = next((m for m in rca.team if m.id == member_id), None)
    if found is None:
        abort(404)
    if attempt(lambda: team.remove_panel_member(rca, actor=current_actor(), team_member=found)):
        flash(f"{found.user.name} has left the panel.", "success")
    return redirect(url_for("rca.team", rca_id=rca.id))


@requires(Permission.REVIEW_INCIDENTS)
def assign_lead(rca_id: int):
    rca = rca_of_force(rca_id)
    require_editor(rca)
    form = LeadForm()
    forms = _forms(rca, lead_form=form)
    if form.validate_on_submit():
        user = team.reviewer(form.lead.data)
        if attempt(lambda: team.assign_lead(rca, actor=current_actor(), lead=user), form):
            flash(f"{user.name} now leads the RCA.", "success")
            return redirect(url_for("rca.team", rca_id=rca.id))
    return render_template("rca/team.html", rca=rca, **forms), 400


@requires(Permission.REVIEW_INCIDENTS)
def declare(rca_id: int):
    rca = rca_of_force(rca_id)
    if team.member(rca, current_actor()) is None:
        abort(403)
    form = DeclarationForm()
    forms = _forms(rca, declaration_form=form)
    if form.validate_on_submit():
        choice = {"yes": True, "no": False}.get(form.has_conflict.data or "")
        if attempt(lambda: team.declare_interests(rca, actor=current_actor(), has_conflict=choice,
                                                  detail=form.conflict_detail.data or ""), form):
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
