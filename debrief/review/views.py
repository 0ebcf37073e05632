"""Reviewer pages: filtered queue, and an incident with all its submitted debriefs."""
from __future__ import annotations

from datetime import date

from flask import Blueprint, render_template, request, url_for
from flask_login import current_user

from debrief import reference as ref
from debrief.audit import record_read
from debrief.auth.roles import Permission
from debrief.debriefs.access import incident_for_review
from debrief.debriefs.service import review_queue_rows
from debrief.models import utcnow
from debrief.paging import correct_page, requested_page, within
from debrief.publications.paging import pagination
from debrief.review.queue import overdue_actions_led_by, reviewer_rcas
from debrief.review import incident as incident_page, markup
from debrief.security import requires
from debrief.wellbeing.service import support_status

bp = Blueprint("review", __name__, url_prefix="/review")

TRI = {"yes": True, "no": False}
FILTERS = ("from", "to", "theme", "near_miss", "use_of_force", "injury")


class _Args:
    """The filters a page link keeps (publications.paging.pagination reads them with `as_args()`)."""
    def __init__(self, args: dict[str, str]):
        self.args = args

    def as_args(self) -> dict[str, str]:
        return self.args


PER_PAGE = 25  # incidents a page: the page costs the same however many the force has
_THEME_OPTIONS = [("", "Any type"), *((c.code, c.label) for c in ref.INCIDENT_TYPES)]
_YES_NO = [(name, label, [("", "Any"), ("yes", "Yes"), ("no", "No")])
           for name, label in (("near_miss", "Near-miss"), ("use_of_force", "Use of force"), ("injury", "Injury"))]


def _date(name: str, label: str) -> tuple[date | None, str | None]:
    raw = (request.args.get(name) or "").strip()
    if not raw:
        return None, None
    try:
        return date.fromisoformat(raw), None
    except ValueError:
        return None, f"Enter a real ‘{label}’ date, for example 2026-03-27"


def _choice_errors() -> dict[str, str]:
    """A filter whose value is none of its choices (an edited or old address) is said, not silently ignored."""
    errors = {}
    theme = request.args.get("theme")
    if theme and theme not in ref.codes(ref.INCIDENT_TYPES):
        errors["theme"] = "Choose an incident type from the list: showing every type"
    for name, label, _ in _YES_NO:
        if request.args.get(name) and request.args[name] not in TRI:
            errors[name] = f"Choose Any, Yes or No for ‘{label}’: showing both"
    return errors


@bp.route("/")
@requires(Permission.REVIEW_INCIDENTS)
def queue():
    date_from, from_error = _date("from", "From")
    date_to, to_error = _date("to", "To")
    errors = {k: v for k, v in (("from", from_error), ("to", to_error)) if v}
    if date_from and date_to and date_to < date_from:
        errors["to"] = "The end date must be the same as or after the start date"
    choice_errors = _choice_errors()
    theme = request.args.get("theme") or None
    if theme and theme not in ref.codes(ref.INCIDENT_TYPES):
        theme = None
    page = requested_page()
    queue_page = review_queue_rows(
        current_user.force_id, page=within(page), per_page=PER_PAGE,
        date_from=None if errors else date_from, date_to=None if errors else date_to,
        theme=theme, near_miss=TRI.get(request.args.get("near_miss", "")),
        use_of_force=TRI.get(request.args.get("use_of_force", "")), injury=TRI.get(request.args.get("injury", "")),
    )
    filters = {k: v for k, v in request.args.items() if v and k in FILTERS and k not in choice_errors}
    errors |= choice_errors
    if (elsewhere := correct_page(page, queue_page.pages)) is not None:
        return elsewhere
    today = utcnow().date()
    me = current_user._get_current_object()
    rcas = reviewer_rcas(me)
    overdue = overdue_actions_led_by(me, today=today)
    record_read("review.queue_viewed", actor=current_user, force_id=current_user.force_id, count=queue_page.count,
                filters=filters, rcas=len(rcas.mine), overdue_actions=len(overdue))
    return render_template("review/queue.html", incidents=queue_page.rows, queue_page=queue_page, errors=errors,
                           args=request.args, ref=ref,
                           rcas_part=markup.kept_rcas(awaiting=rcas.awaiting_sign_off, mine=rcas.mine, overdue=overdue,
                                                      today=today),
                           pagination=pagination(queue_page, "review.queue", _Args(filters)),
                           filter_form=markup.queue_filters(
                               {k: request.args[k] for k in FILTERS if k in request.args}, errors,
                               themes=_THEME_OPTIONS, yes_no_filters=_YES_NO),
                           queue_rows=markup.kept_queue_rows(queue_page.rows))


@bp.route("/incidents/<int:incident_id>")
@requires(Permission.REVIEW_INCIDENTS)
def incident(incident_id: int):
    page = incident_page.incident_for_page(current_user, incident_id)
    context = incident_page.page_context(page)
    body = render_template("review/incident.html", **context)
    # After drawing: the audit's commit expires what was loaded.
    incident_page.record_incident_view(page.incident, actor=current_user, debriefs=context["debriefs"])
    return body
