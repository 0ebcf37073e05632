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
