"""Forces respond to the magazine's reflective questions: reviewers and admins record what their own force did.

The force is always the signed-in user's own: no URL or form field names a force, so nobody can write for another.
"""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from debrief.auth.principal import SignedIn
from debrief.errors import ServiceError
from debrief.extensions import db
from debrief.auth.roles import Permission
from debrief.form_errors import apply_error
from debrief.publications import reading, response_log, responses
from debrief.publications.gate import IdentifyingText
from debrief.publications.magazine_forms import ForceResponseForm
from debrief.paging import correct_page, requested_page, within
from debrief.publications.paging import issue_options, pagination
from debrief.publications.filters import Filters
from debrief.security import requires
from debrief import versions

bp = Blueprint("responses", __name__, url_prefix="/responses")


def _me() -> SignedIn:
    return current_user._get_current_object()


@bp.route("/")
@requires(Permission.RESPOND_FOR_FORCE)
def index():
    given = Filters.from_args(request.args)
    filters = Filters(issue=given.issue, audience=given.audience)
    asked = requested_page()
    page = response_log.questions_for_force(current_user.force_id, filters, page=within(asked))
    if (elsewhere := correct_page(asked, page.pages)) is not None:
        return elsewhere
    return render_template("responses/index.html", page=page, filters=filters, issue_options=issue_options(),
                           labels=reading.labels(),
                           pagination=pagination(page, "responses.index", filters))


@bp.route("/questions/<int:question_id>", methods=["GET", "POST"])
@requires(Permission.RESPOND_FOR_FORCE)
def question(question_id: int):
    question = reading.published_question(question_id)
    if question is None:
        abort(404)
    me = _me()
    existing = next((r for r in question.responses if r.force_id == me.force_id), None)
    form = ForceResponseForm(obj=existing if request.method == "GET" else None)
    if existing is not None:
        versions.stamp(form, existing)
    elif request.method == "GET":
        form.version.data = "0"  # none yet: one recorded meanwhile (in another tab) is a newer version
    # A response changed in two tabs: the second save is refused with what the first saved (versions.py).
    if form.validate_on_submit() and not (existing is not None and versions.is_stale(
            form, existing, ForceResponseForm(formdata=None, obj=existing))):
        try:
            responses.record_force_response(question, me.force, form.response.data, form.done_on.data, me,
                                            recommendation_stance=form.recommendation_stance.data or None,
                                            only_new=existing is None)
        except (ServiceError, IdentifyingText) as error:
            apply_error(form, error)
        except IntegrityError as error:
            # Two tabs recording the force's first response at the same moment: the second's row meets the first's
            # (one response a force and question). Run again like any lost race: it then finds the first's response,
            # newer than the page it was sent from, and shows the conflict panel with what was typed.
            db.session.rollback()
            raise StaleDataError("a force response was recorded meanwhile") from error
        else:
            flash(f"{me.force.name}'s response has been {'updated' if existing else 'recorded'}. "
                  "The learning team will check it before it appears in the public force response log.", "success")
            return redirect(url_for("responses.index"))
    return render_template("responses/question.html", question=question, case_study=question.case_study,
                           existing=existing, form=form, labels=reading.labels(),
                           others=[r for r in question.responses if r.force_id != me.force_id])

