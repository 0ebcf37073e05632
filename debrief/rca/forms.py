"""RCA forms: GOV.UK widgets, GOV.UK error wording. Choices that depend on the RCA are set by the view."""
from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovSelect, GovTextInput
from wtforms import BooleanField, SelectChoice, SelectField, StringField
from wtforms.validators import Optional

from debrief.debriefs.fields import (
    GovDateField, Required, checkboxes, long_text, parse_time, radios, text, valid_time,
)
from debrief.models.rca import ACTION_STATUS_LABELS, ACTION_STATUSES
from debrief.rca.framework import CATEGORIES

LEVEL_CHOICES = [
    SelectChoice("concise", "Concise", render_kw={"hint": "A short review by one reviewer, for most incidents"}),
    SelectChoice("comprehensive", "Comprehensive",
                 render_kw={"hint": "A fuller review by a team, where the harm or the learning is greater"}),
    SelectChoice("independent", "Independent",
                 render_kw={"hint": "Led from outside the teams involved, for the most serious cases"}),
]
EVIDENCE_CHOICES = [
    SelectChoice("debrief", "A debrief"),
    SelectChoice("timeline", "An entry in the chronology"),
    SelectChoice("document", "A document (policy, log, training record)"),
    SelectChoice("none", "Not yet evidenced", render_kw={"hint": "It will be drawn dashed until evidence is added"}),
]


def category_options() -> list[SelectChoice]:
    return [SelectChoice(c.code, c.name, render_kw={"hint": c.description + " For example: "
                                                    + "; ".join(c.examples[:2]).lower() + "."})
            for c in CATEGORIES]


def category_select(label: str, *, required: str) -> SelectField:
    return SelectField(label, widget=GovSelect(),
                       choices=[SelectChoice("", "Select a category"), *[SelectChoice(c.code, c.name)
                                                                          for c in CATEGORIES]],
                       validators=[Required(required)])


class StartRcaForm(FlaskForm):
    level = radios("Level of investigation", LEVEL_CHOICES, required="Select the level of investigation")
    terms_of_reference = long_text(
        "Terms of reference", required="Enter the terms of reference", max_length=4000,
        hint="What the review will look at, the questions it will answer, and what is out of scope")


class DetailsForm(StartRcaForm):
    due_on = GovDateField("Due date", validators=[Required("Enter the due date")],
                          description="The default is 60 working days from the start. For example, 27 3 2027")
    due_reason = text("Reason for changing the due date", max_length=500,
                      hint="Needed only if you change the due date")


class ChronologyEntryForm(FlaskForm):
    on_date = GovDateField("Date", validators=[Optional()], description="For example, 27 3 2026")
    at_time = text("Time", max_length=5, hint="For example, 14:30",
                   extra=[valid_time("Enter the time in the format 14:30")])
    what = long_text("What happened", required="Enter what happened", max_length=2000)
    is_problem = BooleanField("This is a service delivery problem (something that went wrong, or nearly did)",
                              widget=GovCheckboxInput())

    def time_value(self):
        return parse_time(self.at_time.data)


class EvidenceMixin:
    evidence_kind = radios("What supports this factor?", EVIDENCE_CHOICES,
                           required="Select what supports this factor")
    evidence_debrief = SelectField("Debrief", widget=GovSelect(), choices=[], validate_choice=False)
    evidence_entry = SelectField("Chronology entry", widget=GovSelect(), choices=[], validate_choice=False)
    evidence_document = StringField("Document", widget=GovTextInput(),
                                    description="For example, the custody policy or the training record")


class FactorForm(EvidenceMixin, FlaskForm):
    label = text("Contributory factor", required="Enter the contributory factor", max_length=300,
                 hint="Describe the condition, not a person: for example, ‘No mental health nurse in the control room at night’")
    category = radios("Category", [], required="Select the category of the factor")
    description = long_text("More detail (optional)", max_length=2000)


class ItemForm(FactorForm):
    """Editing any item: the category and evidence only count for factors."""


class LinkForm(FlaskForm):
    cause = SelectField("This item", widget=GovSelect(), choices=[], validators=[Required("Select the item that contributed")])
    effect = SelectField("contributed to", widget=GovSelect(), choices=[],
                         validators=[Required("Select what it contributed to")])


class FiveWhysForm(FlaskForm):
    why_1 = text("Why 1", max_length=300)
    category_1 = category_select("Category of why 1", required="Select the category for why 1")
    why_2 = text("Why 2", max_length=300)
    category_2 = SelectField("Category of why 2", widget=GovSelect(), choices=[], validate_choice=False)
    why_3 = text("Why 3", max_length=300)
    category_3 = SelectField("Category of why 3", widget=GovSelect(), choices=[], validate_choice=False)
    why_4 = text("Why 4", max_length=300)
    category_4 = SelectField("Category of why 4", widget=GovSelect(), choices=[], validate_choice=False)
    why_5 = text("Why 5", max_length=300)
    category_5 = SelectField("Category of why 5", widget=GovSelect(), choices=[], validate_choice=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        options = [SelectChoice("", "Select a category"), *[SelectChoice(c.code, c.name) for c in CATEGORIES]]
        for n in range(1, 6):
            getattr(self, f"category_{n}").choices = options
        self.category_1.validators = []

    def answers(self) -> list[str]:
        return [(getattr(self, f"why_{n}").data or "") for n in range(1, 6)]

    def categories(self) -> list[str | None]:
        return [getattr(self, f"category_{n}").data or None for n in range(1, 6)]


class FindingsForm(FlaskForm):
    findings = long_text("Findings", required="Enter the findings", max_length=10000,
                         hint="What the review found, focused on systems and conditions rather than individuals")


class RecommendationForm(FlaskForm):
    text = long_text("Recommendation", required="Enter the recommendation", max_length=2000)
    nodes = checkboxes("Root causes and factors it addresses", [],
                       required="Select at least one root cause or factor this recommendation addresses")


class ActionForm(FlaskForm):
    description = long_text("Action", required="Enter the action", max_length=2000)
    owner = text("Owner", required="Enter the team or role that owns the action", max_length=120,
                 hint="A team or a role, for example ‘Custody training team’")
    due_on = GovDateField("Due date", validators=[Required("Enter the date the action is due")],
                          description="For example, 27 3 2027")
    measure = long_text("Measure of success", required="Enter how you will know the action has worked",
                        max_length=1000)
    status = radios("Status", [SelectChoice(code, ACTION_STATUS_LABELS[code]) for code in ACTION_STATUSES],
                    required="Select the status of the action")
    reason = long_text("Why it is not being taken forward", max_length=1000)


class ReviewForm(FlaskForm):
    decision = radios("Your decision", [SelectChoice("sign_off", "Sign off"),
                                        SelectChoice("return", "Return it for changes")],
                      required="Select whether to sign off or return the RCA")
    comment = long_text("Comment", max_length=2000, hint="Needed if you return it: say what needs to change")
