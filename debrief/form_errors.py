"""Putting a service's refusal on the form it came from, so the page shows it by the field and in the summary."""
from __future__ import annotations

from collections.abc import Mapping


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
