"""The chronology pages: entries in date order, edited, removed, moved and marked as problems."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for

from debrief import once, versions
from debrief.auth.roles import Permission
from debrief.form_errors import attempt
from debrief.rca import service
from debrief.rca.forms import (
    ChronologyEntryForm, DeleteEntryForm,
)
from debrief.rca.views.common import (
    audited, current_actor, entry_or_404, rca_of_force, require_editor,
)
from debrief.security import requires


@requires(Permission.REVIEW_INCIDENTS)
def chronology(rca_id: int):
    rca = rca_of_force(rca_id)
    return audited(rca, "chronology", render_template("rca/chronology.html", rca=rca))


def _entry_data(entry) -> dict:
    return {"on_date": entry.at.date() if entry.at else None, "at_time": entry.at.strftime("%H:%M") if entry.at else "",
            "what": entry.what, "source_kind": entry.source_kind,
            "source": "" if entry.debrief_id else entry.source,
            "marking": "problem" if entry.is_problem else "notable_practice" if entry.is_notable_practice else "none"}


@requires(Permission.REVIEW_INCIDENTS)
def chronology_entry(rca_id: int, entry_id: int | None):
    rca = rca_of_force(rca_id)
    require_editor(rca)
    entry = entry_or_404(rca, entry_id) if entry_id is not None else None
    if request.method == "GET" and entry is not None:
        form = ChronologyEntryForm(data=_entry_data(entry))
    elif request.method == "GET":
        form = ChronologyEntryForm(data={"marking": "none", "on_date": rca.incident.occurred_at.date()
                                         if rca.incident.occurred_at else None})
    else:
        form = ChronologyEntryForm()
    if entry is not None:
        versions.stamp(form, entry)
    if form.validate_on_submit() and not (
            entry is not None and versions.is_stale(form, entry, ChronologyEntryForm(formdata=None,
                                                                                     data=_entry_data(entry)))):
        moment = service.entry_moment(rca.incident, form.on_date.data, form.time_value())
        problem = service.linked_problem(rca, entry) if entry is not None else None
        before = (entry.what, problem.label) if problem is not None else None
        with once.claimed(form, url_for("rca.chronology", rca_id=rca.id), active=entry is None) as claim:
            if attempt(lambda: service.save_chronology_entry(
                    rca, actor=current_actor(), entry=entry, at=moment, what=form.what.data,
                    is_problem=form.marking.data == "problem",
                    is_notable_practice=form.marking.data == "notable_practice",
                    source_kind=form.source_kind.data, source=form.source.data or ""), form):
                claim.lands()
                flash("The chronology has been saved" + _problem_note(problem, before, entry), "success")
                return redirect(url_for("rca.chronology", rca_id=rca.id))
    body = render_template("rca/chronology_entry.html", form=form, rca=rca, entry=entry)
    return audited(rca, f"chronology entry {entry.id}", body) if entry is not None else body


def _problem_note(problem, before, entry) -> str:
    """What a reworded or un-marked entry did to the service delivery problem made from it (see service.chronology)."""
    if problem is not None and not entry.is_problem:
        return (". It is no longer marked as a service delivery problem, but the problem made from it is still in "
                "the graph with its links: remove it there if it no longer applies.")
    if problem is None or before is None or entry.what == before[0]:
        return ""
    if problem.label != before[1]:
        return ". The service delivery problem made from it in the graph now reads the same."
    return (". The service delivery problem made from it keeps its own wording in the graph: its page offers "
            "the entry's new wording.")


@requires(Permission.REVIEW_INCIDENTS)
def delete_entry(rca_id: int, entry_id: int):
    rca = rca_of_force(rca_id)
    require_editor(rca)
    entry = entry_or_404(rca, entry_id)
    if not DeleteEntryForm().validate_on_submit():
        abort(400)
    if attempt(lambda: service.delete_chronology_entry(rca, entry, actor=current_actor())):
        flash("The entry has been removed from the chronology", "success")
    return redirect(url_for("rca.chronology", rca_id=rca.id))


@requires(Permission.REVIEW_INCIDENTS)
def move_entry(rca_id: int, entry_id: int):
    rca = rca_of_force(rca_id)
    require_editor(rca)
    entry = entry_or_404(rca, entry_id)
    service.move_chronology_entry(rca, entry, actor=current_actor(),
                                  direction=-1 if request.form.get("direction") == "up" else 1)
    return redirect(url_for("rca.chronology", rca_id=rca.id, _anchor=f"entry-{entry.id}"))


@requires(Permission.REVIEW_INCIDENTS)
def mark_problem(rca_id: int, entry_id: int):
    rca = rca_of_force(rca_id)
    require_editor(rca)
    service.mark_problem(rca, entry_or_404(rca, entry_id), actor=current_actor())
    flash("Marked as a service delivery problem. It is now in the contributory-factor graph.", "success")
    return redirect(url_for("rca.chronology", rca_id=rca.id))


def register(bp: Blueprint) -> None:
    bp.add_url_rule("/<int:rca_id>/chronology", "chronology", chronology)
    bp.add_url_rule("/<int:rca_id>/chronology/new", "chronology_entry", chronology_entry, methods=["GET", "POST"],
                    defaults={"entry_id": None})
    bp.add_url_rule("/<int:rca_id>/chronology/<int:entry_id>", "chronology_entry", chronology_entry, methods=["GET",
            "POST"])
    bp.add_url_rule("/<int:rca_id>/chronology/<int:entry_id>/delete", "delete_entry", delete_entry, methods=["POST"])
    bp.add_url_rule("/<int:rca_id>/chronology/<int:entry_id>/move", "move_entry", move_entry, methods=["POST"])
    bp.add_url_rule("/<int:rca_id>/chronology/<int:entry_id>/problem", "mark_problem", mark_problem, methods=["POST"])

