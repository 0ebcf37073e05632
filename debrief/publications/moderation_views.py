"""The learning team moderates forces' responses: approve a draft for the public log, or withdraw one with a reason."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from debrief.errors import ServiceError
from debrief.auth.roles import Permission
from debrief.extensions import db
from debrief.form_errors import attempt
from debrief.models import ForceResponse
from debrief.models.publication import ResponseStatus
from debrief.publications import responses as response_service
from debrief.publications.forms import ConfirmForm
from debrief.publications.gate import IdentifyingText
from debrief.publications.magazine_forms import WithdrawResponseForm
from debrief.security import requires

bp = Blueprint("moderation", __name__, url_prefix="/learning/responses")


def _response_or_404(response_id: int) -> ForceResponse:
    row = db.session.get(ForceResponse, response_id)
    if row is None:
        abort(404)
    return row


@bp.route("/")
@requires(Permission.WORK_ON_CASE_STUDIES)
def responses():
    return render_template("learning/responses.html", rows=response_service.responses_to_moderate(), form=ConfirmForm(),
                           draft=ResponseStatus.DRAFT.value)


@bp.route("/<int:response_id>/approve", methods=["POST"])
@requires(Permission.WORK_ON_CASE_STUDIES)
def approve(response_id: int):
    row = _response_or_404(response_id)
    if ConfirmForm().validate_on_submit():
        try:
            response_service.approve_force_response(row, actor=current_user._get_current_object())
        except IdentifyingText as error:
            db.session.rollback()
            flash(error.messages()["response"] + ". Withdraw it and tell the force why.", "error")
        except ServiceError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            flash(f"{row.force.name}'s response is now in the public force response log.", "success")
    return redirect(url_for("moderation.responses"))


@bp.route("/<int:response_id>/withdraw", methods=["GET", "POST"])
@requires(Permission.WORK_ON_CASE_STUDIES)
def withdraw(response_id: int):
    row = _response_or_404(response_id)
    if row.status == ResponseStatus.WITHDRAWN:
        abort(404)
    form = WithdrawResponseForm()
    if form.validate_on_submit():
        if attempt(lambda: response_service.withdraw_force_response(row, actor=current_user._get_current_object(),
                                                                    reason=form.reason.data), form):
            flash(f"{row.force.name}'s response has been withdrawn from every public page.", "success")
            return redirect(url_for("moderation.responses"))
    return render_template("learning/withdraw_response.html", row=row, form=form)
