"""Form building blocks: GOV.UK widgets, required-unless-saving-for-later, safe dates and times."""
from __future__ import annotations

import re
from datetime import date, time

from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount, GovCheckboxesInput, GovDateInput, GovRadioInput, GovSelect, GovTextInput,
)
from wtforms import DateField, RadioField, SelectChoice, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import Length, StopValidation, ValidationError

from debrief.reference import Vocabulary

YES_NO = [SelectChoice("yes", "Yes"), SelectChoice("no", "No")]


def choices(vocab: Vocabulary) -> list[SelectChoice]:
    return [SelectChoice(c.code, c.label, render_kw={"hint": c.hint} if c.hint else {}) for c in vocab]


class Required:
    """Like InputRequired, but silent when the person chose "Save and come back later"."""

    field_flags = {"required": True}

    def __init__(self, message: str) -> None:
        self.message = message

    def __call__(self, form, field) -> None:
        empty = not field.raw_data or all(not str(v).strip() for v in field.raw_data)
        if isinstance(field, SelectMultipleField):
            empty = not field.data
        if empty:
            field.errors[:] = []
            if getattr(form, "partial", False):
                raise StopValidation()
            raise StopValidation(self.message)


class GovDateField(DateField):
    """Day, month and year boxes; a hand-made POST with the wrong number of parts is an error, not a crash."""

    widget = GovDateInput()

    def __init__(self, *args, error_name: str | None = None, **kwargs):
        kwargs.setdefault("format", "%d %m %Y")
        super().__init__(*args, **kwargs)
        # What the error messages call it: the label, unless the label is a question ("When did your force do
        # it?" makes "When did your force do it? must be a real date"): then "The date".
        self.error_name = error_name or ("The date" if self.label.text.rstrip().endswith("?") else self.label.text)

    def process_formdata(self, valuelist):
        if not valuelist:
            # A POST without the date's boxes: treated as left empty (the widget needs three values to draw).
            self.raw_data = ["", "", ""]
            self.data = None
            return
        if len(valuelist) != 3:
            self.raw_data = ["", "", ""]
            self.data = None
            raise ValueError(f"{self.error_name} must be a real date")
        if all(not v.strip() for v in valuelist):
            self.data = None
            return
        day, month, year = (v.strip() for v in valuelist)
        if missing := [name for name, part in (("day", day), ("month", month), ("year", year)) if not part]:
            self.data = None  # GOV.UK: "Date of birth must include a month"
            raise ValueError(f"{self.error_name} must include a {' and '.join(missing)}, for example 27 3 2026")
        if not all(_DIGITS.fullmatch(part) for part in (day, month, year)):
            self.data = None
            raise ValueError(f"{self.error_name} must be a real date, written with the numbers 0 to 9, "
                             "for example 27 3 2026")
        if len(day) <= 2 and len(month) <= 2 and len(year) < 4:
            self.data = None
            raise ValueError(f"{self.error_name} must include a year with 4 numbers, for example 27 3 2026")
        if not (len(day) <= 2 and len(month) <= 2 and len(year) == 4):
            self.data = None
            raise ValueError(f"{self.error_name} must be a real date, for example 27 3 2026")
        try:
            self.data = date(int(year), int(month), int(day))
        except (ValueError, OverflowError):
            self.data = None
            raise ValueError(f"{self.error_name} must be a real date, for example 27 3 2026") from None

    def pre_validate(self, form):
        pass


# ASCII digits only: \d would also take Arabic-Indic and other digits, which int() quietly converts.
_TIME = re.compile(r"^\s*([0-9]{1,2})[:.]([0-9]{2})\s*$")
_DIGITS = re.compile(r"[0-9]+")


def parse_time(text: str | None) -> time | None:
    match = _TIME.match(text or "")
    if not match:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 23 or minutes > 59:
        return None
    return time(hours, minutes)


def valid_time(message: str):
    def check(form, field):
        if field.data and parse_time(field.data) is None:
            raise ValidationError(message)
    return check


def text(label: str, *, required: str | None = None, max_length: int = 200, hint: str | None = None,
         extra=()) -> StringField:
    validators = [Required(required)] if required else []
    validators.append(Length(max=max_length, message=f"{label} must be {max_length} characters or fewer"))
    return StringField(label, widget=GovTextInput(), description=hint, validators=[*validators, *extra])


def long_text(label: str, *, required: str | None = None, max_length: int = 2000,
              hint: str | None = None) -> TextAreaField:
    validators = [Required(required)] if required else []
    validators.append(Length(max=max_length, message=f"{label} must be {max_length} characters or fewer"))
    field = TextAreaField(label, widget=GovCharacterCount(), description=hint, validators=validators)
    field.kwargs.setdefault("render_kw", {"maxlength": max_length})
    return field


def _without_empty_hint(params: dict) -> dict:
    # The library always passes {"text": field.description}: a question without a hint would show "None".
    hint = params.get("hint")
    if isinstance(hint, dict) and not hint.get("text") and not hint.get("html"):
        params.pop("hint")
    return params


class RadiosWidget(GovRadioInput):
    def map_gov_params(self, field, **kwargs):
        return _without_empty_hint(super().map_gov_params(field, **kwargs))


class CheckboxesWidget(GovCheckboxesInput):
    def map_gov_params(self, field, **kwargs):
        return _without_empty_hint(super().map_gov_params(field, **kwargs))


def radios(label: str, options, *, required: str, hint: str | None = None) -> RadioField:
    return RadioField(label, widget=RadiosWidget(), choices=options, description=hint,
                      validators=[Required(required)], validate_choice=True)


def select(label: str, options, *, required: str, hint: str | None = None) -> RadioField:
    from wtforms import SelectField
    return SelectField(label, widget=GovSelect(), choices=[SelectChoice("", "Select an option"), *options],
                       description=hint, validators=[Required(required)])


def checkboxes(label: str, options, *, required: str | None = None, hint: str | None = None):
    return SelectMultipleField(label, widget=CheckboxesWidget(), choices=options, description=hint,
                               validators=[Required(required)] if required else [])


def yes_no(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


def to_bool(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")
