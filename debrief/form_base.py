"""The base of every form: text that cannot be stored or shown safely (NUL and other control characters) is
refused with a message on the question it was typed into, the same on SQLite and PostgreSQL."""
from __future__ import annotations

import re

from flask_wtf import FlaskForm
from wtforms.validators import ValidationError

# C0 and C1 control characters and DEL, except tab, line feed and carriage return (a textarea sends CR LF); and the
# bidirectional embeddings, overrides and isolates, which reverse how the text after them is shown to every reader
# (right-to-left letters need none of them; the marks U+200E/U+200F stay allowed).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def has_control_characters(value: object) -> bool:
    return isinstance(value, str) and CONTROL_CHARACTERS.search(value) is not None


def refuse_control_characters(_form, field) -> None:
    if any(has_control_characters(value) for value in field.raw_data or ()):
        raise ValidationError(f"{field.label.text} must not contain special control characters. "
                              "Remove them (they can come from copying and pasting) and try again")


class BaseForm(FlaskForm):
    """Every form of the service derives from this (tests/views/test_hostile_input.py checks it does)."""

    def validate(self, extra_validators=None) -> bool:
        extra = {name: list(validators) for name, validators in (extra_validators or {}).items()}
        for name, field in self._fields.items():
            if name != "csrf_token":
                extra.setdefault(name, []).insert(0, refuse_control_characters)
        return super().validate(extra_validators=extra)
