"""Putting a service's refusal on the form it came from, so the page shows it by the field and in the summary."""
from __future__ import annotations

from collections.abc import Callable, Mapping

from flask import flash

from debrief.errors import ServiceError
from debrief.extensions import db


def apply_error(form, error: Exception, rename: Mapping[str, str] | None = None, *,
                fallback: str | None = None) -> None:
    """Add `error`'s message(s) to the field each names (`error.field`, or `error.messages()` for one per field).

    `rename` maps a service's field name to the form's; a message whose field the form lacks goes on `fallback`
    if given, else on the whole form (`form.form_errors`).
    """
    messages = error.messages() if callable(getattr(error, "messages", None)) else {
        getattr(error, "field", None): str(error)}
    for field_name, message in messages.items():
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
            flash(str(error), "error")
        else:
            apply_error(form, error, rename, fallback=fallback)
        return False
    return True
