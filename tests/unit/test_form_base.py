"""What every form refuses before its own validators run (debrief/form_base.py)."""
from __future__ import annotations

import pytest

from debrief.form_base import has_control_characters


@pytest.mark.parametrize("text", ["a\x00b", "\x1f", "\x7f", "\x85", "safe \u202e reversed", "\u202a", "\u2066x\u2069",
                                  "\u2067", "\u2068"])
def test_control_characters_and_bidirectional_overrides_are_refused(text):
    assert has_control_characters(text)


@pytest.mark.parametrize("text", ["plain", "line\r\nbreak\tand tab", "Łukasz Wójcik", "Seán Ó Briain",
                                  "مرحبا بالعالم", "שלום", "mark\u200eleft-to-right\u200f", "emoji 👮"])
def test_ordinary_text_in_any_script_is_allowed(text):
    assert not has_control_characters(text)


def test_a_date_asked_as_a_question_is_called_the_date_in_its_errors(app):
    # "When did it happen? must be a real date" reads wrong; a two-digit year gets its own message.
    from werkzeug.datastructures import MultiDict
    from wtforms import Form

    from debrief.debriefs.fields import GovDateField

    class Asked(Form):
        on = GovDateField("When did it happen?")
        named = GovDateField("Date of the incident")

    form = Asked(MultiDict([("on", "31"), ("on", "2"), ("on", "2025"), ("named", "3"), ("named", "2"), ("named", "26")]))
    form.validate()
    assert form.on.errors == ["The date must be a real date, for example 27 3 2026"]
    assert form.named.errors == ["Date of the incident must include a year with 4 numbers, for example 27 3 2026"]
