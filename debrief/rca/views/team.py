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


def _team_post(rca, form_key: str, form, change, done):
    """One change on the team page: the form valid and the change made, `done` is said on the team page; else the
    page again with the refusal by its form (400), the other forms as they were."""
    forms = _forms(rca, **{form_key: form})
    if form.validate_on_submit() and attempt(lambda: change(form), form):
        flash(done if isinstance(done, str) else done(form), "success")
        return redirect(url_for("rca.team", rca_id=rca.id))
    return render_template("rca/team.html", rca=rca, **forms), 400


def _pick_reviewer(rca, form_key: str, form, field: str, act, done: str):
    """A reviewer picked on the team page (to join the panel, to lead), then `act(user)`; `done` names them."""
    picked: list = []

    def change(form):
        picked.append(team.reviewer(form[field].data))
        act(picked[0])
    return _team_post(rca, form_key, form, change, lambda _form: done.format(name=picked[0].name))


@requires(Permission.REVIEW_INCIDENTS)
def add_member(rca_id: int):
    rca = rca_of_force(rca_id)
    require_editor(rca)
    return _pick_reviewer(rca, "member_form", TeamMemberForm(), "member",
                          lambda user: team.add_panel_member(rca, actor=current_actor(), user=user),
                          "{name} has joined the panel. They are asked to declare their interests.")


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
    return _pick_reviewer(rca, "lead_form", LeadForm(), "lead",
                          lambda user: team.assign_lead(rca, actor=current_actor(), lead=user), "{name} now leads the RCA.")


@requires(Permission.REVIEW_INCIDENTS)
def declare(rca_id: int):
    rca = rca_of_force(rca_id)
    if team.member(rca, current_actor()) is None:
        abort(403)
    return _team_post(rca, "declaration_form", DeclarationForm(), lambda form: team.declare_interests(
        rca, actor=current_actor(), has_conflict={"yes": True, "no": False}.get(form.has_conflict.data or ""),
        detail=form.conflict_detail.data or ""), "Your declaration has been recorded.")


def register(bp: Blueprint) -> None:
    bp.add_url_rule("/<int:rca_id>/team", "team", team_page)
    bp.add_url_rule("/<int:rca_id>/team/members", "add_member", add_member, methods=["POST"])
    bp.add_url_rule("/<int:rca_id>/team/members/<int:member_id>/remove", "remove_member", remove_member,
                    methods=["POST"])
    bp.add_url_rule("/<int:rca_id>/team/lead", "assign_lead", assign_lead, methods=["POST"])
    bp.add_url_rule("/<int:rca_id>/team/declaration", "declare", declare, methods=["POST"])
