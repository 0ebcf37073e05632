"""The RCA's list, start, overview and details pages, and sending it for review or signing it off."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from debrief import versions
from debrief.auth.principal import acting_user
from debrief.auth.roles import Permission
from debrief.debriefs.access import incident_for_review
from debrief.errors import ServiceError
from debrief.form_errors import apply_error, attempt
from debrief.models import utcnow
from debrief.models.rca import RcaStatus
from debrief.rca import service
from debrief.rca.forms import (
    DetailsForm, ReviewForm, StartRcaForm,
)
from debrief.rca.report_sections import SECTIONS
from debrief.rca.service import team
from debrief.rca.access import OVERVIEW_LOADS
from debrief.rca.views import parts
from debrief.rca.views.common import audited, current_actor, rca_of_force, require_editor
from debrief.security import requires


@requires(Permission.REVIEW_INCIDENTS)
def index():
    today = utcnow().date()
    rcas = service.rcas_for_force(current_user.force_id)
    overdue = service.overdue_actions(current_user.force_id, today=today)
    return render_template("rca/index.html", rcas=rcas, overdue=overdue, today=today)


@requires(Permission.REVIEW_INCIDENTS)
def start(incident_id: int):
    incident = incident_for_review(current_actor(), incident_id)
    existing = service.rca_for_incident(incident)
    if existing is not None and request.method == "GET":
        # A stale "Start" link: say so on the RCA that exists rather than landing there silently.
        flash(service.already_started(existing) + " You are looking at it now.", "important")
        return redirect(url_for("rca.overview", rca_id=existing.id))
    form = StartRcaForm() if request.method == "POST" else StartRcaForm(data={"lead": str(current_user.id)})
    eligible = team.eligible_reviewers(incident)
    form.lead.choices = [SelectChoice(str(u.id), u.name) for u in eligible]
    if existing is None and form.validate_on_submit():
        # Without a choice the starter leads (the service still refuses them if named in the incident).
        lead = next((u for u in eligible if str(u.id) == form.lead.data), None) if form.lead.data else acting_user()
        try:
            if lead is None:
                raise ServiceError("Select a lead reviewer who is not named in the incident", "lead")
            rca = service.start_rca(incident, actor=current_actor(), level=form.level.data,
                                    terms_of_reference=form.terms_of_reference.data, lead=lead)
        except service.RcaAlreadyStarted as error:
            existing = error.rca
        except ServiceError as error:
            apply_error(form, error)
        else:
            flash("The root-cause analysis has started. The chronology has been built from the debriefs.", "success")
            return redirect(url_for("rca.overview", rca_id=rca.id))
    if existing is not None:
        # Started meanwhile (another reviewer, or another tab): what was typed is shown, nothing is saved.
        existing = service.rca_for_incident(incident)
        return render_template("rca/start.html", form=form, incident=incident, existing=existing,
                               existing_message=str(service.RcaAlreadyStarted(existing)), my_problem=None)
    return render_template("rca/start.html", form=form, incident=incident, existing=None,
                           my_problem=team.independence_problem(incident, current_actor()))


@requires(Permission.REVIEW_INCIDENTS)
def overview(rca_id: int):
    rca = rca_of_force(rca_id, OVERVIEW_LOADS, graph=False)
    return audited(rca, "overview", render_template("rca/overview.html", **_overview_context(rca, None)))


def _overview_context(rca, review_form) -> dict:
    """What the overview shows; `review_form` is the decision posted, else (None) a fresh one if the viewer may
    decide: no form is built for anyone else."""
    can_sign_off = service.can_sign_off(rca, current_actor())
    if review_form is None and can_sign_off:
        review_form = ReviewForm()
    if review_form is not None and not review_form.version.data:
        review_form.version.data = str(rca.version)
    leads_draft = rca.editable and rca.lead_id == current_user.id  # only they see what is missing before review
    progress = service.progress(rca)
    events = service.history(rca)
    # What the page shows of the RCA, as plain values: drawn once per distinct content (debrief.fragments).
    summary = parts.summary(
        rca, progress=progress, graph=service.graph_summary(rca),
        gaps=service.review_gaps(rca, progress) if leads_draft else [], returned=service.latest_return(rca, events),
        changes=service.changes_since_last_review(rca) if rca.status == RcaStatus.IN_REVIEW else None,
        undeclared=team.undeclared(rca), today=utcnow().date())
    return {"rca": rca, "summary": summary, "history": parts.history(events), "can_sign_off": can_sign_off,
            "review_form": review_form,
            "refusal": service.sign_off_refusal(rca, current_actor()) if rca.status == RcaStatus.IN_REVIEW else None,
            "sections": SECTIONS}


@requires(Permission.REVIEW_INCIDENTS)
def details(rca_id: int):
    rca = rca_of_force(rca_id)
    require_editor(rca)
    form = DetailsForm(obj=rca) if request.method == "GET" else DetailsForm()
    versions.stamp(form, rca)
    if form.validate_on_submit() and not versions.is_stale(form, rca, DetailsForm(formdata=None, obj=rca)):
        if attempt(lambda: service.update_details(
                rca, actor=current_actor(), level=form.level.data, terms_of_reference=form.terms_of_reference.data,
                due_on=form.due_on.data, due_reason=form.due_reason.data or ""), form):
            flash("The details have been saved", "success")
            return redirect(url_for("rca.overview", rca_id=rca.id))
    return audited(rca, "details", render_template("rca/details.html", form=form, rca=rca))


@requires(Permission.REVIEW_INCIDENTS)
def send(rca_id: int):
    rca = rca_of_force(rca_id)
    overtaken: list[str] = []

    def send() -> None:
        try:
            service.send_for_review(rca, actor=current_actor())
        except service.SendOvertaken as error:  # sent or signed off since the page was opened: said, not an error
            overtaken.append(str(error))

    if attempt(send):
        if overtaken:
            flash(overtaken[0], "important")
        else:
            flash("Sent for review. A second reviewer of your force can now sign it off or return it.", "success")
    return redirect(url_for("rca.overview", rca_id=rca.id))


@requires(Permission.REVIEW_INCIDENTS)
def review(rca_id: int):
    rca = rca_of_force(rca_id)
    form = ReviewForm()
    seen = versions.submitted_version(form)
    overtaken = service.decision_overtaken(rca, current_actor(), seen)
    if overtaken:  # decided already (by someone else, or in another tab), or sent again since the page was opened
        return _overtaken(rca, form, overtaken)
    if not service.can_sign_off(rca, current_actor()):
        abort(403)
    if form.validate_on_submit():
        try:
            if form.decision.data == "sign_off":
                service.sign_off(rca, actor=current_actor(), comment=form.comment.data or "", seen_version=seen)
                flash("The RCA has been signed off. It is now read-only.", "success")
            else:
                service.return_for_changes(rca, actor=current_actor(), comment=form.comment.data or "",
                                           section_comments={s.key: form[f"on_{s.key}"].data or "" for s in SECTIONS},
                                           seen_version=seen)
                flash("The RCA has been returned to the lead reviewer with your comment.", "success")
        except service.DecisionOvertaken as error:
            return _overtaken(rca, form, str(error))
        except ServiceError as error:
            apply_error(form, error)
        else:
            return redirect(url_for("rca.overview", rca_id=rca.id))
    return render_template("rca/overview.html", **_overview_context(rca, form))


def _overtaken(rca, form, message: str) -> str:
    """A decision that came too late: the overview says what happened meanwhile and keeps what was typed (in the
    form when a decision can still be made, from the page as it is now; otherwise shown, not recorded)."""
    typed = [(None, form.comment.data or "")] + [(s.heading, form[f"on_{s.key}"].data or "") for s in SECTIONS]
    form.version.data = str(rca.version)
    return render_template("rca/overview.html", overtaken=message,
                           typed=[(heading, text) for heading, text in typed if text.strip()],
                           **_overview_context(rca, form))


def register(bp: Blueprint) -> None:
    bp.add_url_rule("/", "index", index)
    bp.add_url_rule("/start/<int:incident_id>", "start", start, methods=["GET", "POST"])
    bp.add_url_rule("/<int:rca_id>", "overview", overview)
    bp.add_url_rule("/<int:rca_id>/details", "details", details, methods=["GET", "POST"])
    bp.add_url_rule("/<int:rca_id>/send", "send", send, methods=["POST"])
    bp.add_url_rule("/<int:rca_id>/review", "review", review, methods=["POST"])

