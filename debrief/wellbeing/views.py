"""The force wellbeing contact's pages: their force's support requests, each acknowledged once (audited)."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user

from debrief.auth.roles import Permission
from debrief.publications.forms import ConfirmForm
from debrief.form_errors import attempt
from debrief.security import requires
from debrief.wellbeing import service

bp = Blueprint("wellbeing", __name__, url_prefix="/wellbeing")


@bp.route("/")
@requires(Permission.SUPPORT_WELLBEING)
def requests():
    rows = service.requests_for_force(current_user.force_id)
    service.record_requests_viewed(current_user.force_id, actor=current_user._get_current_object(), count=len(rows))
    return render_template("wellbeing/requests.html", rows=rows, form=ConfirmForm())


@bp.route("/requests/<int:debrief_id>/acknowledge", methods=["POST"])
@requires(Permission.SUPPORT_WELLBEING)
def acknowledge(debrief_id: int):
    debrief = service.request_in_force(debrief_id, current_user.force_id)
    if debrief is None:
        abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        if attempt(lambda: service.acknowledge_support(debrief, actor=current_user._get_current_object())):
            flash(f"You have acknowledged {debrief.author.name}'s request for support.", "success")
    return redirect(url_for("wellbeing.requests"))
