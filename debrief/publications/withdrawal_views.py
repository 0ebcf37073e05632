"""The learning team takes a published case study off the public magazine (a reason, then "Are you sure?") and,
once it is corrected, republishes it into its issue. Any learning-team user may do either, as any may publish."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from debrief.auth.roles import Permission
from debrief.errors import ServiceError
from debrief.extensions import db
from debrief.form_errors import apply_error, attempt
from debrief.models import CaseStudy
from debrief.publications import service
from debrief.publications import workflow as wf
from debrief.publications.forms import ConfirmForm, WithdrawCaseStudyForm
from debrief.security import requires

bp = Blueprint("withdrawal", __name__, url_prefix="/learning/case-studies")
CAN = Permission.WORK_ON_CASE_STUDIES
CONFIRMED = "yes"


def _case(case_id: int) -> CaseStudy:
    case = db.session.get(CaseStudy, case_id)
    if case is None:
        abort(404)
    return case


def _back(case: CaseStudy):
    return redirect(url_for("learning.case_study", case_id=case.id))


@bp.route("/<int:case_id>/withdraw", methods=["GET", "POST"])
@requires(CAN)
def withdraw(case_id: int):
    case = _case(case_id)
    if case.status == wf.WITHDRAWN and request.method == "POST":
        # A second click, or another member of the team a moment before: it was withdrawn once.
        flash("This case study had already been withdrawn from the magazine (by another member of the team, or an "
              "earlier click), so the reason you gave has not been saved", "important")
        return _back(case)
    if case.status != wf.PUBLISHED:
        abort(403)
    form = WithdrawCaseStudyForm()
    if not form.validate_on_submit():
        return render_template("learning/withdraw.html", case=case, form=form)
    if form.confirmed.data != CONFIRMED and not attempt(lambda: service.check_reason(case, form.reason.data), form):
        return render_template("learning/withdraw.html", case=case, form=form)
    if form.confirmed.data != CONFIRMED:
        form.confirmed.data = CONFIRMED  # the reason is sound: now ask "Are you sure?"
        return render_template("learning/withdraw_confirm.html", case=case, form=form)
    try:
        service.withdraw_case_study(case, actor=current_user._get_current_object(), reason=form.reason.data)
    except ServiceError as error:
        db.session.rollback()
        form.confirmed.data = ""
        apply_error(form, error)
        return render_template("learning/withdraw.html", case=case, form=form)
    flash("The case study has been withdrawn from every public page of the magazine", "success")
    return _back(case)


@bp.route("/<int:case_id>/republish", methods=["GET", "POST"])
@requires(CAN)
def republish(case_id: int):
    case = _case(case_id)
    if case.status == wf.PUBLISHED and request.method == "POST":
        flash("This case study has already been republished", "success")
        return _back(case)
    if case.status != wf.WITHDRAWN:
        abort(403)
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            service.republish_case_study(case, actor=current_user._get_current_object())
        except ServiceError as error:
            db.session.rollback()
            apply_error(form, error)
        else:
            flash("The corrected case study has been republished in its issue", "success")
            return _back(case)
    return render_template("learning/republish.html", case=case, form=form)
