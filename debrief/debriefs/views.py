"""Guided debrief pages: one generic step route, Post/Redirect/Get, a task list and check your answers."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from debrief.errors import ServiceError
from debrief.errors import Place
from debrief.form_errors import apply_error, attempt, elsewhere
from debrief import reference as ref
from debrief.auth.principal import SignedIn, acting_user
from debrief.auth.roles import Permission
from debrief.debriefs import answers, people_service, service
from debrief.debriefs.access import WITH_ALL_ANSWERS, debrief_for
from debrief.debriefs.people_views import reason_or_page
from debrief.debriefs.forms import (
    AcceptForm, DeclarationForm, PublicPersonForm, ReasonMixin, StartForm, TimelineEntryForm, form_class,
)
from debrief.debriefs.subject_forms import ColleagueSearchForm
from debrief.debriefs.steps import (
    STATUS_LABELS, STEP_BY_SLUG, STEPS, can_edit, next_step, previous_step, ready_to_submit, task_list,
)
from debrief.models.debrief import DebriefStatus
from debrief.security import requires
from debrief import once, versions

bp = Blueprint("debriefs", __name__, url_prefix="/debriefs")


def _me() -> SignedIn:
    return current_user._get_current_object()


@bp.route("/new", methods=["GET", "POST"])
@requires(Permission.FILE_DEBRIEF)
def new():
    form = StartForm()
    if form.validate_on_submit():
        # Sent twice (the back button, a double click without JavaScript): one draft, the second lands on it.
        with once.claimed(form, url_for("main.officer_home")) as claim:
            debrief = service.start_incident(reporter=acting_user(), kind=form.kind.data,
                                             facilitator=form.facilitator.data, attendees=form.attendees.data)
            claim.lands(url_for("debriefs.task_list_page", debrief_id=debrief.id))
        return redirect(url_for("debriefs.task_list_page", debrief_id=debrief.id))
    return render_template("debriefs/start.html", form=form, debrief=None)


@bp.route("/<int:debrief_id>/start", methods=["GET", "POST"])
@requires(Permission.FILE_DEBRIEF)
def accept(debrief_id: int):
    debrief = debrief_for(_me(), debrief_id, edit=True)
    if debrief.status == DebriefStatus.NOT_THERE:
        return redirect(url_for("main.officer_home"))
    if debrief.status != DebriefStatus.REQUESTED:
        return redirect(url_for("debriefs.task_list_page", debrief_id=debrief.id))
    form = AcceptForm()
    if form.validate_on_submit():
        service.accept_request(debrief, actor=_me(), kind=form.kind.data, facilitator=form.facilitator.data,
                               attendees=form.attendees.data, role_on_day=form.role_on_day.data)
        return redirect(url_for("debriefs.task_list_page", debrief_id=debrief.id))
    return render_template("debriefs/start.html", form=form, debrief=debrief)


@bp.route("/<int:debrief_id>")
@requires(Permission.FILE_DEBRIEF)
def task_list_page(debrief_id: int):
    debrief = debrief_for(_me(), debrief_id, edit=False)
    if debrief.status in (DebriefStatus.REQUESTED, DebriefStatus.NOT_THERE):
        return redirect(url_for("debriefs.accept", debrief_id=debrief.id))
    if debrief.submitted:
        return redirect(url_for("debriefs.check", debrief_id=debrief.id))
    facts = service.facts_for(debrief, _me())
    statuses = service.step_status(debrief)
    service.record_view(debrief, actor=_me(), page="task list")
    duplicates = service.possible_duplicates(debrief.incident) if facts.is_reporter else []
    return render_template("debriefs/task_list.html", debrief=debrief, rows=task_list(statuses, facts),
                           labels=STATUS_LABELS, ready=ready_to_submit(statuses, facts), facts=facts,
                           duplicates=duplicates)


@bp.route("/<int:debrief_id>/<step>", methods=["GET", "POST"])
@requires(Permission.FILE_DEBRIEF)
def step(debrief_id: int, step: str):
    if step not in STEP_BY_SLUG:
        abort(404)
    debrief = debrief_for(_me(), debrief_id, edit=True)
    the_step = STEP_BY_SLUG[step]
    facts = service.facts_for(debrief, _me())
    if debrief.status in (DebriefStatus.REQUESTED, DebriefStatus.NOT_THERE):
        return redirect(url_for("debriefs.accept", debrief_id=debrief.id))
    if not the_step.applies(facts):
        abort(404)
    amending = debrief.submitted
    # The incident's creator corrects its shared steps after submission too, through an amendment.
    if not can_edit(the_step, facts):
        return render_template("debriefs/shared_readonly.html", debrief=debrief, step=the_step)
    if step == "timeline":
        return _timeline(debrief, amending)

    form = _step_form(debrief, step, amending)
    versions.stamp(form, debrief)
    extra = {}
    if step == "people":
        extra = _colleague_search(debrief)
    if step == "injuries" and debrief.used_force:
        form.subject_injured = any(i.subject is not None for i in debrief.injuries)
    if request.method == "POST":
        later = "later" in request.form and not amending
        form.partial = later
        valid = form.validate()  # CSRF was already checked for every POST by CSRFProtect
        if versions.is_stale(form, debrief, _step_form(debrief, step, amending, formdata=None)):
            pass  # shown again with what was saved meanwhile and what this person typed
        elif later:
            if attempt(lambda: _save(debrief, step, form, complete=False), form) and not any(form.errors.values()):
                flash("Your answers have been saved. You can come back to this debrief from My debriefs.", "success")
                return redirect(url_for("main.officer_home"))
        elif valid and step == "tactics" and not debrief.subjects:
            form.form_errors.append(elsewhere(  # subjects are added on their own page
                "Add at least one person you used force on with ‘Add a subject’",
                Place.of("Add a subject", "debrief_people.new_subject", debrief_id=debrief.id)))
        elif valid:
            if amending and step == "people":
                changed = []
                if attempt(lambda: changed.append(people_service.set_own_role(
                        debrief, role_on_day=form.role_on_day.data or None, actor=_me(), complete=True,
                        reason=form.reason.data)), form):
                    flash("Your amendment has been saved" if changed[0] else "Nothing was changed",
                          "success" if changed[0] else "info")
                    return redirect(url_for("debriefs.check", debrief_id=debrief.id))
            elif amending:
                amended = []
                if attempt(lambda: amended.append(service.amend_step(debrief, step, form, actor=_me(),
                                                                     reason=form.reason.data)), form):
                    flash("Nothing was changed" if amended[0] is None else "Your amendment has been saved",
                          "info" if amended[0] is None else "success")
                    return redirect(url_for("debriefs.check", debrief_id=debrief.id))
            elif attempt(lambda: _save(debrief, step, form, complete=True), form):
                following = next_step(step, service.facts_for(debrief, _me()))
                if following is None or request.args.get("from") == "check":
                    return redirect(url_for("debriefs.check", debrief_id=debrief.id))
                return redirect(url_for("debriefs.step", debrief_id=debrief.id, step=following.slug))
    back = previous_step(step, facts)
    return render_template(f"debriefs/steps/{step.replace('-', '_')}.html", form=form, debrief=debrief,
                           step=the_step, amending=amending, ref=ref, **extra,
                           back=url_for("debriefs.step", debrief_id=debrief.id, step=back.slug) if back and not amending
                           else url_for("debriefs.task_list_page", debrief_id=debrief.id))


def _step_form(debrief, step: str, amending: bool, **kwargs):
    form = form_class(step, amending=amending)(data=answers.load(step, debrief), **kwargs)
    return form


def _colleague_search(debrief) -> dict:
    """The people step's GET search for colleagues by name or collar number: works without JavaScript."""
    search = ColleagueSearchForm(request.args)
    found = None
    if "q" in request.args and search.validate():
        found = people_service.search_colleagues(debrief, search.q.data, actor=_me())
    return {"search": search, "found": found}


def _save(debrief, step, form, *, complete: bool) -> None:
    if step == "people":
        people_service.set_own_role(debrief, role_on_day=form.role_on_day.data or None, actor=_me(),
                                    complete=complete)
    else:
        service.save_step(debrief, step, form, actor=_me(), complete=complete)


def _timeline(debrief, amending: bool):
    entry_form = TimelineEntryForm(prefix="entry")
    if request.method == "POST":
        action = request.form.get("action")
        if action == "add":
            if entry_form.validate():
                with once.claimed(entry_form, url_for("debriefs.step", debrief_id=debrief.id, step="timeline")
                                  ) as claim:
                    service.add_timeline_entry(debrief, entry_form, actor=_me())
                    claim.lands()
                return redirect(url_for("debriefs.step", debrief_id=debrief.id, step="timeline"))
        elif action and action.startswith("remove-") and action[7:].isdigit():
            service.remove_timeline_entry(debrief, int(action[7:]), actor=_me())
            return redirect(url_for("debriefs.step", debrief_id=debrief.id, step="timeline"))
        elif action in ("continue", "later"):
            try:
                service.complete_timeline(debrief, actor=_me(), complete=action == "continue")
            except ServiceError as exc:
                entry_form.at.errors = [str(exc)]
            else:
                if action == "later":
                    flash("Your answers have been saved. You can come back to this debrief from My debriefs.",
                          "success")
                    return redirect(url_for("main.officer_home"))
                following = next_step("timeline", service.facts_for(debrief, _me()))
                return redirect(url_for("debriefs.step", debrief_id=debrief.id, step=following.slug)
                                if following else url_for("debriefs.check", debrief_id=debrief.id))
    return render_template("debriefs/steps/timeline.html", form=entry_form, debrief=debrief,
                           step=STEP_BY_SLUG["timeline"], amending=amending,
                           back=url_for("debriefs.step", debrief_id=debrief.id, step="what-happened"))


@bp.route("/<int:debrief_id>/people/add", methods=["GET", "POST"])
@requires(Permission.FILE_DEBRIEF)
def add_person(debrief_id: int):
    debrief = debrief_for(_me(), debrief_id, edit=True)
    if debrief.incident.reporter_id != current_user.id:
        abort(403)
    # After submission the creator still corrects who was involved, through an amendment with a reason.
    form = (type("AmendPublicPersonForm", (PublicPersonForm,), {"reason": ReasonMixin.reason})
            if debrief.submitted else PublicPersonForm)()
    if form.validate_on_submit():
        with once.claimed(form, url_for("debriefs.step", debrief_id=debrief.id, step="people")) as claim:
            service.add_public_person(debrief, form, actor=_me(),
                                      reason=form.reason.data if debrief.submitted else None)
            claim.lands()
        return redirect(url_for("debriefs.step", debrief_id=debrief.id, step="people"))
    return render_template("debriefs/add_person.html", form=form, debrief=debrief, amending=debrief.submitted)


@bp.route("/<int:debrief_id>/people/<int:person_id>/remove", methods=["POST"])
@requires(Permission.FILE_DEBRIEF)
def remove_person(debrief_id: int, person_id: int):
    debrief = debrief_for(_me(), debrief_id, edit=True)
    if debrief.incident.reporter_id != current_user.id:
        abort(403)
    reason, page = reason_or_page(debrief, url_for("debriefs.remove_person", debrief_id=debrief.id,
                                                   person_id=person_id), {})
    if page is not None:
        return page
    service.remove_public_person(debrief, person_id, actor=_me(), reason=reason)
    return redirect(url_for("debriefs.step", debrief_id=debrief.id, step="people"))


@bp.route("/<int:debrief_id>/check", methods=["GET", "POST"])
@requires(Permission.FILE_DEBRIEF)
def check(debrief_id: int):
    debrief = debrief_for(_me(), debrief_id, edit=False, load=WITH_ALL_ANSWERS)
    facts = service.facts_for(debrief, _me())
    statuses = service.step_status(debrief)
    form = DeclarationForm()
    if request.method == "POST" and not debrief.submitted:
        if form.validate():
            try:
                service.submit_debrief(debrief, actor=_me())
            except ServiceError as exc:
                apply_error(form, exc, fallback="declaration")
            else:
                return redirect(url_for("debriefs.submitted", debrief_id=debrief.id))
    else:
        service.record_view(debrief, actor=_me(), page="check answers")
    unfinished = [(section, step) for section, status, step in task_list(statuses, facts) if status != "completed"]
    return render_template("debriefs/check.html", debrief=debrief, form=form, facts=facts, steps=STEPS,
                           ready=ready_to_submit(statuses, facts), statuses=statuses, ref=ref, unfinished=unfinished)


@bp.route("/<int:debrief_id>/submitted")
@requires(Permission.FILE_DEBRIEF)
def submitted(debrief_id: int):
    debrief = debrief_for(_me(), debrief_id, edit=False)
    if not debrief.submitted:
        return redirect(url_for("debriefs.task_list_page", debrief_id=debrief.id))
    return render_template("debriefs/submitted.html", debrief=debrief)
