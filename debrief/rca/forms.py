"""RCA forms: GOV.UK widgets, GOV.UK error wording. Choices that depend on the RCA are set by the view."""
from __future__ import annotations

from debrief.form_base import BaseForm
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovSelect, GovTextInput
from wtforms import BooleanField, HiddenField, SelectChoice, SelectField, StringField
from wtforms.validators import Length, Optional

from debrief.debriefs.fields import (
    GovDateField, Required, checkboxes, long_text, parse_time, radios, text, valid_time,
)
from debrief.models.rca import (
    ACTION_STATUS_LABELS, ACTION_STATUSES, CHRONOLOGY_SOURCE_LABELS, RECOMMENDATION_FOR_LABELS, Priority, Strength,
)
from debrief.rca.framework import CATEGORIES
from debrief.once import OnceOnlyForm
from debrief.versions import VersionedForm
from debrief.rca.report_sections import MAX_SECTION_LENGTH, SECTIONS

LEVEL_CHOICES = [
    SelectChoice("concise", "Concise", render_kw={"hint": "A short review by one reviewer, for most incidents"}),
    SelectChoice("comprehensive", "Comprehensive",
                 render_kw={"hint": "A fuller review by a team, where the harm or the learning is greater"}),
    SelectChoice("independent", "Independent",
                 render_kw={"hint": "Led from outside the teams involved, for the most serious cases"}),
]
MARKING_CHOICES = [
    SelectChoice("none", "Neither"),
    SelectChoice("problem", "A service delivery problem",
                 render_kw={"hint": "Something that went wrong, or nearly did: it joins the contributory-factor graph"}),
    SelectChoice("notable_practice", "Notable practice", render_kw={"hint": "Something that went well and should be shared"}),
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


class StartRcaForm(BaseForm):
    lead = SelectField("Lead reviewer", widget=GovSelect(), choices=[], validate_choice=False,
                       description="Reviewers named in the incident are not offered: they cannot lead it")
    level = radios("Level of investigation", LEVEL_CHOICES, required="Select the level of investigation")
    terms_of_reference = long_text(
        "Terms of reference", required="Enter the terms of reference", max_length=4000,
        hint="What the review will look at, the questions it will answer, and what is out of scope")


class DetailsForm(VersionedForm, BaseForm):
    level = radios("Level of investigation", LEVEL_CHOICES, required="Select the level of investigation")
    terms_of_reference = long_text(
        "Terms of reference", required="Enter the terms of reference", max_length=4000,
        hint="What the review will look at, the questions it will answer, and what is out of scope")
    due_on = GovDateField("Due date", validators=[Required("Enter the due date")],
                          description="The default is 60 working days from the start. For example, 27 3 2027")
    due_reason = text("Reason for changing the due date", max_length=500,
                      hint="Needed only if you change the due date")


class ChronologyEntryForm(OnceOnlyForm, VersionedForm, BaseForm):
    on_date = GovDateField("Date", validators=[Optional()], description="For example, 27 3 2026")
    at_time = text("Time", max_length=5, hint="For example, 14:30",
                   extra=[valid_time("Enter the time in the format 14:30")])
    what = long_text("What happened", required="Enter what happened", max_length=2000)
    source_kind = radios("Where did this come from?",
                         [SelectChoice(code.value, label) for code, label in CHRONOLOGY_SOURCE_LABELS.items()],
                         required="Select where this entry came from")
    source = text("Source detail (optional)", max_length=200,
                  hint="For example, the call reference, the camera, or whose body-worn video")
    marking = radios("Is this entry notable?", MARKING_CHOICES, required="Select whether the entry is notable")

    def time_value(self):
        return parse_time(self.at_time.data)


class DeleteEntryForm(BaseForm):
    """Only the CSRF token: removing an entry is one button."""


class EvidenceMixin:
    evidence_kind = radios("What supports this factor?", EVIDENCE_CHOICES,
                           required="Select what supports this factor")
    evidence_debrief = SelectField("Debrief", widget=GovSelect(), choices=[], validate_choice=False)
    evidence_entry = SelectField("Chronology entry", widget=GovSelect(), choices=[], validate_choice=False)
    # The column holds 300 characters: more was cut off without a word.
    evidence_document = StringField("Document", widget=GovTextInput(),
                                    description="For example, the custody policy or the training record",
                                    validators=[Length(max=300, message="Document must be 300 characters or fewer")])


class FactorForm(OnceOnlyForm, VersionedForm, EvidenceMixin, BaseForm):
    label = text("Contributory factor", required="Enter the contributory factor", max_length=300,
                 hint="Describe the condition, not a person: for example, ‘No mental health nurse in the control room at night’")
    category = radios("Category", [], required="Select the category of the factor")
    description = long_text("More detail (optional)", max_length=2000)
    # Shown with the just-culture warning only: ticked, the wording is saved as written.
    keep_wording = BooleanField("Save it as written: I have checked that it describes the conditions, not who is "
                                "to blame", widget=GovCheckboxInput())


class ItemForm(FactorForm):
    """Editing a factor or root cause: its wording, category and evidence."""


class OutcomeForm(VersionedForm, BaseForm):
    """Editing the outcome or a service delivery problem: only the wording counts."""

    label = text("Short description", required="Enter a short description", max_length=300)
    description = long_text("More detail (optional)", max_length=2000)
    keep_wording = BooleanField("Save it as written: I have checked that it describes the conditions, not who is "
                                "to blame", widget=GovCheckboxInput())


class RootCauseForm(BaseForm):
    reason = long_text("Why is it a root cause without evidence?", max_length=1000,
                       hint="Or add the evidence to the factor first")


class LinkForm(BaseForm):
    cause = SelectField("This item", widget=GovSelect(), choices=[], validators=[Required("Select the item that contributed")])
    effect = SelectField("contributed to", widget=GovSelect(), choices=[],
                         validators=[Required("Select what it contributed to")])


class FiveWhysForm(BaseForm):
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
    # Shown with the just-culture warning only, as on a factor: ticked, the answers are saved as written.
    keep_wording = BooleanField("Save them as written: I have checked that they describe the conditions, not who is "
                                "to blame", widget=GovCheckboxInput())

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


class ReportForm(VersionedForm, BaseForm):
    """One text per section of the structured report (fields added below, from report_sections.SECTIONS)."""


for _section in SECTIONS:
    setattr(ReportForm, _section.key, long_text(_section.heading, max_length=MAX_SECTION_LENGTH, hint=_section.hint))


class TeamMemberForm(BaseForm):
    member = SelectField("Add a panel member", widget=GovSelect(), choices=[], validate_choice=False,
                         validators=[Required("Select a reviewer to add")])


class LeadForm(BaseForm):
    lead = SelectField("Lead reviewer", widget=GovSelect(), choices=[], validate_choice=False,
                       validators=[Required("Select the lead reviewer")])


class DeclarationForm(BaseForm):
    has_conflict = radios("Do you have a conflict of interest in this review?",
                          [SelectChoice("no", "No"), SelectChoice("yes", "Yes")],
                          required="Select whether you have a conflict of interest",
                          hint="For example, you work closely with an officer involved, manage the team, or know "
                               "the person or their family")
    conflict_detail = long_text("The interest you are declaring", max_length=1000)


class WithdrawForm(BaseForm):
    reason = long_text("Why is it not being taken forward?", max_length=1000)


class RecommendationForm(OnceOnlyForm, VersionedForm, BaseForm):
    text = long_text("Recommendation", required="Enter the recommendation", max_length=2000)
    priority = radios("Priority", [SelectChoice(p.value, p.label) for p in Priority],
                      required="Select the priority of the recommendation")
    addressed_to = radios("Who is it for?", [SelectChoice(code.value, label)
                                             for code, label in RECOMMENDATION_FOR_LABELS.items()],
                          required="Select the organisation the recommendation is for")
    strength = radios("How strong is the action it calls for?",
                      [SelectChoice(s.value, s.label, render_kw={"hint": s.hint}) for s in Strength],
                      required="Select how strong the action it calls for is",
                      hint="Stronger actions change the system; weaker ones rely on people remembering")
    nodes = checkboxes("Root causes and factors it addresses", [],
                       required="Select at least one root cause or factor this recommendation addresses")


class ActionForm(OnceOnlyForm, VersionedForm, BaseForm):
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
    completion_evidence = long_text("Evidence that it has been completed", max_length=1000,
                                    hint="For example, the published procedure, the audit result, the date it went live")


class ReviewForm(BaseForm):
    decision = radios("Your decision", [SelectChoice("sign_off", "Sign off"),
                                        SelectChoice("return", "Return it for changes")],
                      required="Select whether to sign off or return the RCA")
    comment = long_text("Comment", max_length=2000,
                        hint="Needed if you return it: say what needs to change, here or beside the sections below")
    # The RCA's version on the page the decision is made on: a re-submission since then is not decided unseen.
    version = HiddenField()


for _section in SECTIONS:
    setattr(ReviewForm, f"on_{_section.key}", long_text(f"Comment on {_section.heading.lower()} (optional)",
                                                        max_length=2000))
