"""No lost updates: an edit form carries the version of the record it was opened on; a save from an older
version is refused, the page shows what was saved meanwhile, and keeps what this person typed."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import g, request
from wtforms import Field, Form, HiddenField

from debrief.models import utcnow

CONFLICT_MESSAGE = ("Someone else saved changes to this while you were editing (perhaps you, in another tab). "
                    "Your changes have not been saved yet. Check what is saved now, shown below, then save again.")
_SKIP = ("csrf_token", "version", "submit", "continue", "later")


class VersionedForm:
    """Mix into an edit form: the version of the record, sent back with the save."""

    version = HiddenField()


@dataclass(frozen=True)
class Change:
    label: str
    saved: str
    typed: str


def stamp(form: Form, record: Any) -> None:
    """On the page that opens the form, note the version of the record it shows."""
    if request.method == "GET" or not form.version.data:
        form.version.data = str(record.version)


def submitted_version(form: Form) -> int | None:
    value = (form.version.data or "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None


def is_stale(form: Form, record: Any, saved: Form | None = None) -> bool:
    """True, with the form's error summary and the conflict panel set up, if `record` changed since the form
    was opened. `saved` is the same form filled from the record as saved now, to show what differs.

    A form sent without a version (an old page) is checked like one from the current version. The UPDATE itself
    carries the version too (version_id_col), so a save racing between this check and the commit is caught and
    the request run again, when this check refuses it."""
    version = submitted_version(form)
    if version is None or version == record.version:
        # Every save moves the version on, even one that changes only related rows (an incident's answers).
        if hasattr(record, "updated_at"):
            record.updated_at = utcnow()
        return False
    form.form_errors.append(CONFLICT_MESSAGE)
    g.edit_conflict = changes(saved, form) if saved is not None else []
    form.version.data = str(record.version)  # saving again now overwrites knowingly
    return True


def changes(saved: Form, typed: Form) -> list[Change]:
    """The fields whose saved value differs from what this person typed, with labels and readable values."""
    rows = []
    for name, field in typed._fields.items():
        if name in _SKIP or name not in saved._fields:
            continue
        before, after = _shown(saved[name]), _shown(field)
        if before != after:
            rows.append(Change(label=str(field.label.text), saved=before or "(empty)", typed=after or "(empty)"))
    return rows


def _shown(field: Field) -> str:
    data = field.data
    labels = {}
    for choice in getattr(field, "choices", None) or []:
        value, label = (choice.value, choice.label) if hasattr(choice, "value") else (choice[0], choice[1])
        labels[str(value)] = str(label)
    if isinstance(data, (list, tuple)):
        return ", ".join(labels.get(str(v), str(v)) for v in data)
    if data is None:
        return ""
    if hasattr(data, "strftime"):
        return data.strftime("%-d %B %Y") if not hasattr(data, "hour") else data.strftime("%-d %B %Y %H:%M")
    if isinstance(data, bool):
        return "Yes" if data else "No"
    return labels.get(str(data), str(data)).strip()
