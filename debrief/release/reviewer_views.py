"""The release screen: a reviewer of the force checks the anonymised text of a signed-off RCA and releases it.

It lives at /rca/<id>/release with the endpoint name rca.release, beside the RCA's own pages: `register(app)`
adds the rule to the app (the RCA blueprint's page helpers apply to it, as Flask matches them by endpoint name).
"""
from __future__ import annotations

from flask import Flask, abort, flash, redirect, render_template, request, url_for

from debrief.auth.roles import Permission
from debrief.errors import ServiceError
from debrief.form_base import has_control_characters
from debrief.form_errors import attempt
from debrief.models.rca import RcaStatus, ReleaseStatus
from debrief.rca.access import current_actor, rca_of_force
from debrief.release import service as release_service
from debrief.release.preparation import REDACTION, SECTIONS
from debrief.security import requires


SECTION_KEYS = {key for key, _ in SECTIONS}
ENDPOINT = "rca.release"


def register(app: Flask) -> None:
    app.add_url_rule("/rca/<int:rca_id>/release", ENDPOINT, release, methods=["GET", "POST"])
    app.add_template_global(rca_released_case, "rca_released_case")


def rca_released_case(rca):
    """For RCA pages: the candidate case study a signed-off RCA was released as (None if not released)."""
    return (release_service.released_case_heading(rca) if rca is not None and rca.status == RcaStatus.SIGNED_OFF
            else None)


def _undone_from_form() -> list[tuple[str, int, int]]:
    out = []
    for value in request.form.getlist("undo"):
        key, _, span = value.partition(":")
        start, _, end = span.partition("-")
        if key in SECTION_KEYS and start.isdigit() and end.isdigit():
            out.append((key, int(start), int(end)))
    return out


def _redactions_from_form(existing: list[list[str]]) -> list[tuple[str, str]]:
    remove = set(request.form.getlist("remove_redaction"))
    kept = [(k, p) for i, (k, p) in enumerate(existing) if str(i) not in remove]
    phrase = (request.form.get("redact_phrase") or "").strip()
    if phrase:
        kept.append((request.form.get("redact_section") or "", phrase))
    return kept


def _render(rca, release, errors: list[tuple[str, str]] | None = None, *, typed_phrase: str = ""):
    sections = release_service.prepared(rca, release)
    found = release_service.flags(rca, sections)
    return render_template("release/prepare.html", rca=rca, release=release, sections=sections, flags=found,
                           errors=errors or [], REDACTION=REDACTION, section_names=dict(SECTIONS),
                           typed_phrase=typed_phrase)


@requires(Permission.REVIEW_INCIDENTS)
def release(rca_id: int):
    rca = rca_of_force(rca_id)
    if rca.status != RcaStatus.SIGNED_OFF:
        abort(404)
    current = release_service.release_for(rca)
    if request.method == "GET":
        release_service.record_view(rca, actor=current_actor())
        return _render(rca, current)
    if current.status == ReleaseStatus.RELEASED:
        abort(403)
    action = request.form.get("action", "save")
    phrase = (request.form.get("redact_phrase") or "").strip()
    # This page's fields are made per section, so it reads the form itself; BaseForm's rule still holds here.
    unsafe = sorted({key for key, value in request.form.items(multi=True) if has_control_characters(value)})
    if unsafe:
        return _render(rca, current, [(key, "The text must not contain special control characters. "
                                            "Remove them and try again") for key in unsafe], typed_phrase=phrase)
    if phrase and request.form.get("redact_section") not in SECTION_KEYS:
        return _render(rca, current, [("redact_section", "Select the section to redact from")], typed_phrase=phrase)
    if phrase and len(phrase) < 2:
        return _render(rca, current, [("redact_phrase", "Enter at least two characters to redact")],
                       typed_phrase=phrase)
    justifications = {key[len("justify-"):]: value for key, value in request.form.items()
                      if key.startswith("justify-")}
    if not attempt(lambda: release_service.save_decisions(
            rca, actor=current_actor(), title=request.form.get("title", ""), undone=_undone_from_form(),
            redactions=_redactions_from_form(current.redactions or []), justifications=justifications)):
        return redirect(url_for("rca.release", rca_id=rca.id))
    if action != "release":
        flash("Your changes to the release have been saved", "success")
        return redirect(url_for("rca.release", rca_id=rca.id, _anchor="release-sections"))
    try:
        release_service.release(rca, actor=current_actor())
    except ServiceError as error:
        field = error.field or "release"
        return _render(rca, release_service.release_for(rca), [(field, str(error))])
    flash("Released to the learning team as a candidate case study. They will only ever see the anonymised "
          "text. You can follow it under Released findings.", "success")
    return redirect(url_for("rca.overview", rca_id=rca.id))
