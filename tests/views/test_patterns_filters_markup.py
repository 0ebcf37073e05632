"""The Patterns filter form, written in plain HTML for speed, gives exactly the markup of the GOV.UK macros it replaced.

Each state of the form (defaults, every kind of error, a force to choose or not, typed markup) is rendered by the
page's partial and by the macros (the partial as it was, kept here) and compared, whitespace between tags aside.
"""
from __future__ import annotations

import re
from datetime import date

import pytest
from flask import render_template, render_template_string, request

from debrief import create_app
from debrief.analytics.forms import PatternFilterForm

# templates/patterns/_filters.html as it was, on govuk-frontend-jinja's macros through govuk-frontend-wtf's widgets.
MACROS = """{% from "govuk_frontend_jinja/components/date-input/macro.html" import govukDateInput %}
{% from "govuk_frontend_jinja/components/button/macro.html" import govukButton %}
{% macro month_input(prefix, legend, hint) %}
{% set month, year = form[prefix ~ "_month"], form[prefix ~ "_year"] %}
{% set message = (month.errors or year.errors) | first %}
{{ govukDateInput({
  "id": prefix,
  "fieldset": {"legend": {"text": legend, "classes": "govuk-fieldset__legend--s"}},
  "hint": {"text": hint},
  "errorMessage": {"text": message} if message else None,
  "items": [
    {"id": prefix ~ "_month", "name": prefix ~ "_month", "label": "Month", "classes": "govuk-input--width-2" ~ (" govuk-input--error" if month.errors or (message and not year.errors) else ""), "value": month.data or ""},
    {"id": prefix ~ "_year", "name": prefix ~ "_year", "label": "Year", "classes": "govuk-input--width-4" ~ (" govuk-input--error" if year.errors else ""), "value": year.data or ""}
  ]
}) }}
{% endmacro %}
<form method="get" action="{{ request.path }}" novalidate class="app-patterns-filters" aria-label="Filters">
  <h2 class="govuk-heading-m">Filters</h2>
  <div class="app-filter-row">
  {{ month_input("from", "From", "Month and year as numbers, for example, 1 2026 for January 2026") }}
  {{ month_input("to", "To", "The last 12 months are shown unless you choose") }}
  {% if all_forces %}
    {{ form.force(params={"label": {"classes": "govuk-label--s"}}) }}
  {% endif %}
  {{ form.theme(params={"label": {"classes": "govuk-label--s"}}) }}
  {{ form.near_miss(params={"fieldset": {"legend": {"text": form.near_miss.label.text, "classes": "govuk-fieldset__legend--s"}}, "classes": "govuk-radios--small"}) }}
  {{ form.source(params={"fieldset": {"legend": {"text": form.source.label.text, "classes": "govuk-fieldset__legend--s"}}, "classes": "govuk-radios--small"}) }}
  </div>
  {{ govukButton({"text": "Apply filters", "preventDoubleClick": true}) }}
</form>"""

TODAY = date(2026, 12, 7)
FORCES = [("", "All forces"), ("1", "Northshire Police"), ("2", "Westmere Constabulary & <Co>")]
STATES = [
    "",
    "from_month=3&from_year=2025&to_month=9&to_year=2026&force=2&theme=custody&near_miss=yes&source=national",
    "near_miss=no&source=debriefs",
    "from_month=13&from_year=20",
    "from_month=2&from_year=20",
    "from_month=&from_year=&to_month=2&to_year=2099",
    "from_month=&from_year=2025",
    "from_month=1&from_year=1999",
    "to_month=1&to_year=2020&from_month=5&from_year=2021",
    "theme=nonsense&near_miss=x&source=y&force=999",
    "from_month=%3Cb%3E&from_year=%22x%27&to_month=%26amp;&to_year=%3Cscript%3E",
]


@pytest.fixture(scope="module")
def app():
    return create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "TESTING": True})


def _normal(html: str) -> str:
    html = re.sub(r"\s+", " ", html)
    return re.sub(r"\s+>", ">", re.sub(r">\s+<", "><", html)).strip()


@pytest.mark.parametrize("all_forces", [True, False])
@pytest.mark.parametrize("query", STATES)
def test_the_plain_filter_form_is_the_macros_markup(app, query, all_forces):
    with app.test_request_context(f"/patterns/risk?{query}"):
        form = PatternFilterForm(formdata=request.args if request.args else None)
        form.force.choices = FORCES if all_forces else [("1", "Northshire Police")]
        if not all_forces:
            form.force.data = "1"
        form.set_defaults(TODAY)
        form.to_filters(TODAY, None)
        plain = render_template("patterns/_filters.html", form=form, all_forces=all_forces)
        macros = render_template_string(MACROS, form=form, all_forces=all_forces)
    assert _normal(plain) == _normal(macros)
    assert 'action="/patterns/risk"' in plain
    if query.startswith(("from_month=1", "from_month=&", "to_month=1", "theme=")):
        assert "govuk-error-message" in plain  # the error states do show their errors
