"""Pages for who was involved (colleagues found by search, colleagues without an account, "I was not there") and
for use of force per subject. Thin: load, check access, validate, call one service function, redirect."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from debrief.auth.principal import SignedIn
from debrief.errors import ServiceError
from debrief import reference as ref
from debrief.auth.roles import Permission
from debrief.debriefs import people_service, service, subjects
from debrief.debriefs.access import debrief_for
from debrief.debriefs.subject_forms import (
    NotThereForm, PeopleChangeReasonForm, other_colleague_form_class, subject_form_class,
)
from debrief.form_errors import attempt, elsewhere, flash_error
from debrief.models.debrief import DebriefStatus
from debrief.security import requires
from debrief import once, versions
from debrief.template_helpers import safe_label

bp = Blueprint("debrief_people", __name__, url_prefix="/debriefs")


def _me() -> SignedIn:
    return current_user._get_current_object()


def _reporters_debrief(debrief_id: int):
    debrief = debrief_for(_me(), debrief_id, edit=True)
    if debrief.incident.reporter_id != current_user.id:
        abort(403)
    return debrief


def _people_page(debrief):
    return redirect(url_for("debriefs.step", debrief_id=debrief.id, step="people"))


def _ask_reason(debrief, action: str, hidden: dict[str, str], form=None):
    """A submitted debrief's people change asks why first; the change is made when the reason comes back."""
    form = form or PeopleChangeReasonForm(formdata=None)
    return render_template("debriefs/people_reason.html", debrief=debrief, form=form, action=action, hidden=hidden)


def reason_or_page(debrief, action: str, hidden: dict[str, str]):
    """(reason, None) when the change may go ahead, or (None, page asking for the reason)."""
    if not debrief.submitted:
        return None, None
    if "reason" not in request.form:
        return None, _ask_reason(debrief, action, hidden)
    form = PeopleChangeReasonForm()
    if not form.validate():
        return None, _ask_reason(debrief, action, hidden, form)
    return form.reason.data, None


@bp.route("/<int:debrief_id>/people/colleagues", methods=["POST"])
@requires(Permission.FILE_DEBRIEF)
def add_colleague(debrief_id: int):
    debrief = _reporters_debrief(debrief_id)
    user_id = request.form.get("user_id", "")
    if not user_id.isdigit():
        abort(400)
    reason, page = reason_or_page(debrief, url_for(".add_colleague", debrief_id=debrief.id), {"user_id": user_id})
    if page is not None:
        return page
    try:
        colleague = people_service.add_colleague(debrief, int(user_id), actor=_me(), reason=reason,
                                                 due_days=current_app.config["DEBRIEF_REQUEST_DUE_DAYS"])
    except ServiceError as exc:
        flash_error(elsewhere(str(exc), exc.place))
    else:
        flash(f"{colleague.name} has been added and asked for their own debrief", "success")
    return _people_page(debrief)


@bp.route("/<int:debrief_id>/people/colleagues/<int:officer_id>/remove", methods=["POST"])
@requires(Permission.FILE_DEBRIEF)
def remove_colleague(debrief_id: int, officer_id: int):
    debrief = _reporters_debrief(debrief_id)
    action = url_for(".remove_colleague", debrief_id=debrief.id, officer_id=officer_id)
    reason, page = reason_or_page(debrief, action, {})
    if page is not None:
        return page
    attempt(lambda: people_service.remove_colleague(debrief, officer_id, actor=_me(), reason=reason))
    return _people_page(debrief)


@bp.route("/<int:debrief_id>/people/other", methods=["GET", "POST"])
@requires(Permission.FILE_DEBRIEF)
def add_other_colleague(debrief_id: int):
    debrief = _reporters_debrief(debrief_id)
    form = other_colleague_form_class(amending=debrief.submitted)()
    if form.validate_on_submit():
        people_service.add_other_colleague(
            debrief, name=form.name.data, collar_number=form.collar_number.data, force_name=form.force_name.data,
            role_on_day=form.role_on_day.data, actor=_me(), reason=form.reason.data if debrief.submitted else None)
        flash(f"{form.name.data.strip()} has been added", "success")
        return _people_page(debrief)
    return render_template("debriefs/other_colleague.html", form=form, debrief=debrief, amending=debrief.submitted)


@bp.route("/<int:debrief_id>/not-there", methods=["GET", "POST"])
@requires(Permission.FILE_DEBRIEF)
def not_there(debrief_id: int):
    debrief = debrief_for(_me(), debrief_id, edit=True)
    if debrief.status != DebriefStatus.REQUESTED:
        return redirect(url_for("main.officer_home"))
    form = NotThereForm()
    if form.validate_on_submit():
        people_service.say_not_there(debrief, actor=_me(), note=form.note.data)
        flash(f"{debrief.incident.reporter.name} will see that you were not at {debrief.incident.reference}",
              "success")
        return redirect(url_for("main.officer_home"))
    return render_template("debriefs/not_there.html", form=form, debrief=debrief)


def _person_choices(debrief) -> list[SelectChoice]:
    people = [SelectChoice(str(p.id), f"{safe_label(ref.PERSON_ROLES, p.role)} {n}: {safe_label(ref.AGE_BANDS, p.age_band)}, "
                                      f"{safe_label(ref.SEXES, p.sex).lower()}")
              for n, p in enumerate(debrief.incident.public, start=1)]
    return [SelectChoice("", "Not described in People involved"), *people]


@bp.route("/<int:debrief_id>/subjects/new", methods=["GET", "POST"], endpoint="new_subject")
@bp.route("/<int:debrief_id>/subjects/<int:subject_id>", methods=["GET", "POST"])
@requires(Permission.FILE_DEBRIEF)
def subject(debrief_id: int, subject_id: int | None = None):
    debrief = debrief_for(_me(), debrief_id, edit=True)
    if debrief.used_force is not True:
        abort(404)
    the_subject = debrief.subject(subject_id) if subject_id is not None else None
    if subject_id is not None and the_subject is None:
        abort(404)
    amending = debrief.submitted
    def filled(form):
        form.person.choices = _person_choices(debrief)
        return form

    form = filled(subject_form_class(amending=amending)(data=subjects.load(debrief, the_subject)))
    versions.stamp(form, debrief)
    # A subject changed in two tabs: the second save is refused with what the first saved (versions.py); a new
    # subject is added, whatever else changed meanwhile.
    if form.validate_on_submit() and not (the_subject is not None and versions.is_stale(
            form, debrief, filled(subject_form_class(amending=amending)(formdata=None,
                                                                        data=subjects.load(debrief, the_subject))))):
        try:
            landing = url_for("debriefs.check" if amending else "debriefs.step", debrief_id=debrief.id,
                              **({} if amending else {"step": "tactics"}))
            with once.claimed(form, landing, active=the_subject is None) as claim:
                saved = service.save_subject(debrief, the_subject, form, actor=_me(),
                                             reason=form.reason.data if amending else None)
                claim.lands()
        except ServiceError as exc:
            form.form_errors.append(elsewhere(str(exc), exc.place))
        else:
            if amending:
                flash("Your amendment has been saved" if saved else "Nothing was changed",
                      "success" if saved else "info")
                return redirect(url_for("debriefs.check", debrief_id=debrief.id))
            return redirect(url_for("debriefs.step", debrief_id=debrief.id, step="tactics"))
    number = the_subject.number if the_subject else max((s.number for s in debrief.subjects), default=0) + 1
    return render_template("debriefs/subject.html", form=form, debrief=debrief, number=number, amending=amending,
                           back=url_for("debriefs.step", debrief_id=debrief.id, step="tactics"))


@bp.route("/<int:debrief_id>/subjects/<int:subject_id>/remove", methods=["POST"])
@requires(Permission.FILE_DEBRIEF)
def remove_subject(debrief_id: int, subject_id: int):
    debrief = debrief_for(_me(), debrief_id, edit=True)
    attempt(lambda: service.remove_subject(debrief, subject_id, actor=_me()))
    return redirect(url_for("debriefs.step", debrief_id=debrief.id, step="tactics"))
