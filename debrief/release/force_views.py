"""The releasing force's side: where its released findings went, and answering a question the learning team sent
back. Reviewers see only their own force's case studies."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from debrief.auth.principal import SignedIn
from debrief.auth.roles import Permission
from debrief.extensions import db
from debrief.form_errors import attempt
from debrief.models import CaseStudy
from debrief.models.publication import CASE_STUDY_TEXTS
from debrief.publications import workflow as wf
from debrief.publications import service
from debrief.publications.forms import AnswerForm
from debrief.security import requires


bp = Blueprint("released", __name__, url_prefix="/released")


def _me() -> SignedIn:
    return current_user._get_current_object()


def _own(case_id: int) -> CaseStudy:
    case = db.session.get(CaseStudy, case_id)
    # Another force's case study looks as if it does not exist.
    if case is None or case.force_id != current_user.force_id:
        abort(404)
    return case


@bp.route("/")
@requires(Permission.REVIEW_INCIDENTS)
def index():
    cases = service.released_by_force(current_user.force_id)
    return render_template("release/released_index.html", cases=cases, wf=wf,
                           returned=[c for c in cases if c.status == wf.RETURNED])


@bp.route("/<int:case_id>", methods=["GET", "POST"])
@requires(Permission.REVIEW_INCIDENTS)
def case_study(case_id: int):
    case = _own(case_id)
    form = AnswerForm()
    if request.method == "POST":
        if case.status != wf.RETURNED:
            abort(403)
        if form.validate_on_submit():
            if attempt(lambda: service.resubmit_case_study(case, actor=_me(), answer=form.answer.data), form,
                       fallback="answer"):
                flash("Your answer has been sent and the case study is back with the learning team", "success")
                return redirect(url_for("released.index"))
    else:
        service.record_force_view(case, actor=_me())
    return render_template("release/released_case_study.html", case=case, form=form, wf=wf, texts=CASE_STUDY_TEXTS)
