"""Learning-team and force-side forms for case studies and issues: GOV.UK widgets and error wording."""
from __future__ import annotations

from debrief.form_base import BaseForm
from govuk_frontend_wtf.wtforms_widgets import GovSelect
from wtforms import HiddenField, SelectChoice, SelectField

from debrief import reference as ref
from debrief.debriefs.fields import Required, checkboxes, choices, long_text, radios, text
from debrief.rca.framework import CATEGORIES
from debrief.once import OnceOnlyForm
from debrief.versions import VersionedForm

TEXT_LIMIT = 10000


class CaseStudyForm(VersionedForm, BaseForm):
    title = text("Title", required="Enter a title", max_length=200,
                 hint="What the case is about, in a few words. No names, places or dates.")
    themes = checkboxes("Themes", choices(ref.INCIDENT_TYPES), hint="Select all that apply")
    summary = long_text("Summary", required="Enter a summary", max_length=TEXT_LIMIT)
    what_happened = long_text("What happened", max_length=TEXT_LIMIT)
    findings_key_learning = long_text("Findings and key learning", max_length=TEXT_LIMIT)
    action_taken = long_text("Action taken by the force", max_length=TEXT_LIMIT)
    outcome_for_individuals = long_text(
        "Outcome for the individuals", max_length=TEXT_LIMIT,
        hint="For example, management action, reflective practice, misconduct meeting, no case to answer")
    recommendations = long_text("Recommendations", max_length=TEXT_LIMIT)
    operational_areas = checkboxes("Operational areas", choices(ref.OPERATIONAL_AREAS),
                                   hint="Where in policing the learning applies. Select all that apply")
    factor_categories = checkboxes("Contributory-factor categories",
                                   [SelectChoice(c.code, c.name) for c in CATEGORIES],
                                   hint="From the policing contributory-factor framework")


class QuestionForm(OnceOnlyForm, VersionedForm, BaseForm):  # the version of its case study
    audience = radios("Who is the question for?", choices(ref.QUESTION_AUDIENCES),
                      required="Select who the question is for")
    question = long_text("Question", required="Enter the question", max_length=1000)


class ReturnForm(BaseForm):
    question = long_text("Your question for the force", required="Enter the question for the force",
                         max_length=2000, hint="The force's reviewer sees the source. Do not ask them to write "
                                               "names or places back.")


class RejectForm(BaseForm):
    reason = long_text("Why is it being rejected?", required="Enter the reason", max_length=2000)


class WithdrawCaseStudyForm(BaseForm):
    """Withdrawing a published case study: the reason, then (the same form, `confirmed` set) "Are you sure?"."""

    reason = long_text("Why is the case study being withdrawn?",
                       required="Enter why the case study is being withdrawn", max_length=2000,
                       hint="For example, what could identify someone. Only the learning team and the audit log "
                            "see this: it is never shown to the public.")
    confirmed = HiddenField()


class ConfirmForm(BaseForm):
    """A button that changes something: the form is only its CSRF token."""


class AnswerForm(BaseForm):
    answer = long_text("Your answer", required="Enter your answer to the learning team's question",
                       max_length=4000, hint="The learning team never sees identifiable text: do not write "
                                             "names, places, dates or numbers.")


class IssueForm(OnceOnlyForm, VersionedForm, BaseForm):
    theme = text("Theme", required="Enter the theme of the issue", max_length=200,
                 hint="For example, ‘Mental health and section 136’")
    introduction = long_text("Introduction", max_length=TEXT_LIMIT)


class ArticleForm(OnceOnlyForm, VersionedForm, BaseForm):  # the version of its issue
    title = text("Title", required="Enter the article's title", max_length=200)
    contributor = text("Contributor", max_length=200, hint="For example, ‘College of Policing’")
    body = long_text("Text", required="Enter the article's text", max_length=TEXT_LIMIT)


class AddCaseStudyForm(BaseForm):
    case_study = SelectField("Approved case study", widget=GovSelect(), choices=[], validate_choice=False,
                             validators=[Required("Select an approved case study")])
