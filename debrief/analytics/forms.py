"""The Patterns filter form: a GET form (it changes nothing, so it carries no CSRF token)."""
from __future__ import annotations

from datetime import date

from debrief.form_base import BaseForm
from govuk_frontend_wtf.wtforms_widgets import GovRadioInput, GovSelect
from wtforms import RadioField, SelectChoice, SelectField, StringField

from debrief import reference as ref
from debrief.analytics.filters import SOURCE_LABELS, PatternFilters, month_key

NEAR_MISS_CHOICES = [SelectChoice("any", "Incidents and near misses"), SelectChoice("no", "Incidents only"),
                     SelectChoice("yes", "Near misses only")]
EARLIEST_YEAR = 2000


class PatternFilterForm(BaseForm):
    class Meta:
        csrf = False

    from_month = StringField("Month")
    from_year = StringField("Year")
    to_month = StringField("Month")
    to_year = StringField("Year")
    force = SelectField("Force", widget=GovSelect(), choices=[], validate_choice=True)
    theme = SelectField("Incident type", widget=GovSelect(),
                        choices=[SelectChoice("", "All incident types"),
                                 *[SelectChoice(c.code, c.label) for c in ref.INCIDENT_TYPES]],
                        validate_choice=True)
    near_miss = RadioField("Incidents or near misses", widget=GovRadioInput(), choices=NEAR_MISS_CHOICES,
                           default="any", validate_choice=True)
    source = RadioField("Source", widget=GovRadioInput(),
                        choices=[SelectChoice(code, label) for code, label in SOURCE_LABELS.items()],
                        default="both", validate_choice=True,
                        description="Figures that have both show them as separate series")

    def set_defaults(self, today: date) -> None:
        """Fill empty boxes with the default range (the last 12 months), so it is shown in the filters."""
        default = PatternFilters.default(today)
        for prefix, key in (("from", default.month_from), ("to", default.month_to)):
            month, year = getattr(self, f"{prefix}_month"), getattr(self, f"{prefix}_year")
            if not month.data and not year.data:
                month.data, year.data = str(key % 100), str(key // 100)
        self.theme.data = self.theme.data or ""
        self.force.data = self.force.data or ""
        self.near_miss.data = self.near_miss.data or "any"
        self.source.data = self.source.data or "both"

    def _month(self, prefix: str, name: str, today: date) -> int | None:
        month, year = getattr(self, f"{prefix}_month"), getattr(self, f"{prefix}_year")
        m, y = (month.data or "").strip(), (year.data or "").strip()
        if not m and not y:
            month.errors = [f"Enter the {name} month and year"]
            return None
        if not m.isdigit() or not 1 <= int(m) <= 12:
            month.errors = [f"The {name} month must be a number from 1 to 12"]
            return None
        if not (y.isdigit() and len(y) == 4):
            year.errors = [f"The {name} year must include 4 numbers"]
            return None
        key = int(y) * 100 + int(m)
        if int(y) < EARLIEST_YEAR:
            year.errors = [f"The {name} year must be {EARLIEST_YEAR} or later"]
            return None
        if key > month_key(today):
            month.errors = [f"The {name} month must be this month or in the past"]
            return None
        return key

    def to_filters(self, today: date, force_ids) -> PatternFilters | None:
        """The filters, or None with errors on the fields (shown in the error summary)."""
        ok = self.validate()  # choices only: the month boxes are checked below
        for field, message in ((self.force, "Select a force from the list"),
                               (self.theme, "Select an incident type from the list"),
                               (self.near_miss, "Select incidents, near misses or both"),
                               (self.source, "Select where the figures come from")):
            if field.errors:
                field.errors = [message]
        first = self._month("from", "start", today)
        last = self._month("to", "end", today)
        if first and last and first > last:
            self.to_month.errors = ["The end month must be the same as or after the start month"]
            first = None
        if not ok or first is None or last is None:
            return None
        return PatternFilters(month_from=first, month_to=last, today=today, force_ids=force_ids,
                              theme=self.theme.data or None,
                              near_miss={"any": None, "yes": True, "no": False}[self.near_miss.data],
                              source=self.source.data)

    @property
    def errors(self) -> dict:
        # The month boxes are checked outside validate(); include them so the summary lists them.
        found = dict(super().errors)
        for field in (self.from_month, self.from_year, self.to_month, self.to_year):
            if field.errors:
                found[field.name] = list(field.errors)
        return found

