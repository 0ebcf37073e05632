"""Putting a service's refusal on the form it came from, so the page shows it by the field and in the summary."""
from __future__ import annotations

from collections.abc import Callable, Mapping

from flask import flash, url_for
from markupsafe import Markup

from debrief.errors import Place, ServiceError
from debrief.extensions import db


class ErrorElsewhere(str):
    """An error message about something put right on another page, with that page's address: the error summary links
    to it (template_helpers.debrief_errors), not to a field of this page."""

    href: str
    place: str

    def __new__(cls, message: str, place: Place) -> ErrorElsewhere:
        made = super().__new__(cls, message)
        made.href, made.place = url_for(place.endpoint, **dict(place.values)), place.name
        return made


def elsewhere(message: str, place: Place | None):
    """`message`, linked to `place` when there is one."""
    return ErrorElsewhere(message, place) if place is not None else message


def flash_error(message) -> None:
    """Flash a refusal; one about another page carries a link to it (a banner's text is this Markup, escaped)."""
    if isinstance(message, ErrorElsewhere):
        message = Markup('{} <a class="govuk-notification-banner__link" href="{}">Go to {}</a>').format(
            str(message), message.href, message.place)
    flash(message, "error")


def apply_error(form, error: Exception, rename: Mapping[str, str] | None = None, *,
                fallback: str | None = None) -> None:
    """Add `error`'s message(s) to the field each names (`error.field`, or `error.messages()` for one per field).

    `rename` maps a service's field name to the form's; a message whose field the form lacks goes on `fallback`
    if given, else on the whole form (`form.form_errors`).
    """
    messages = error.messages() if callable(getattr(error, "messages", None)) else {
        getattr(error, "field", None): str(error)}
    place = getattr(error, "place", None)
    for field_name, message in messages.items():
        message = elsewhere(message, place)
        name = (rename or {}).get(field_name, field_name)
        field = getattr(form, name, None) if name else None
        if (field is None or not hasattr(field, "errors")) and fallback:
            field = getattr(form, fallback, None)
        if field is not None and hasattr(field, "errors"):
            field.errors = [*field.errors, message] if isinstance(field.errors, (list, tuple)) else [message]
        else:
            form.form_errors.append(message)


def attempt(operation: Callable[[], object], form=None, rename: Mapping[str, str] | None = None, *,
            fallback: str | None = None) -> bool:
    """Run one service call; True when it went through.

    A ServiceError is the service refusing: the session is rolled back (nothing half-saved), and the message goes
    on `form` by its field (the page re-renders it with the GOV.UK error summary and what was typed kept) or, with
    no form, is flashed for the page the view redirects to. Anything else is a fault and propagates.
    """
    try:
        operation()
    except ServiceError as error:
        db.session.rollback()
        if form is None:
            flash_error(elsewhere(str(error), error.place))
        else:
            apply_error(form, error, rename, fallback=fallback)
        return False
    return True
