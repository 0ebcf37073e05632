"""Forms of the public magazine (reader feedback) and of a force's response: GOV.UK widgets and wording."""
from __future__ import annotations

from debrief.form_base import BaseForm
from debrief.once import OnceOnlyForm
from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount
from wtforms import RadioField, SelectChoice, TextAreaField
from wtforms.validators import Length

from debrief.debriefs.fields import GovDateField, RadiosWidget, Required, long_text, radios
from debrief.models.publication import RECOMMENDATION_STANCE_LABELS
from debrief.publications.responses import FEEDBACK_COMMENT_MAX_LENGTH, RESPONSE_MAX_LENGTH
from debrief.versions import VersionedForm

USEFUL_CHOICES = [SelectChoice("yes", "Yes"), SelectChoice("partly", "Partly"), SelectChoice("no", "No")]


class FeedbackForm(OnceOnlyForm, BaseForm):  # sent again (Back, then Send), it is saved once
    useful = radios("Was this issue useful to you?", USEFUL_CHOICES,
                    required="Select whether this issue was useful")
    comment = TextAreaField(
        "Tell us more (optional)", widget=GovCharacterCount(),
        description="What was useful, what was missing, or what you will do differently. "
                    "Do not include names or other personal information: anything that could identify someone is "
                    "taken out before the learning team reads it.",
        validators=[Length(max=FEEDBACK_COMMENT_MAX_LENGTH,
                           message=f"Your comments must be {FEEDBACK_COMMENT_MAX_LENGTH:,} characters or fewer")],
        render_kw={"maxlength": FEEDBACK_COMMENT_MAX_LENGTH})


class ForceResponseForm(VersionedForm, BaseForm):  # the version of the force's response; 0 when none yet
    response = long_text("What did your force do in response?", required="Enter what your force did in response",
                         max_length=RESPONSE_MAX_LENGTH,
                         hint="For example, a change to training, guidance, supervision or equipment. "
                              "It will be published with your force's name.")
    done_on = GovDateField("When did your force do it?", error_name="The date your force did it",
                           validators=[Required("Enter the date your force did it")],
                           description="It can be before the question was published, if your force had already "
                                       "done it. For example, 27 3 2026")
    # Optional: the service refuses a value that is not a stance (the form does not, so leaving it out is valid).
    recommendation_stance = RadioField(
        "Where is your force with this case study's recommendations? (optional)", widget=RadiosWidget(),
        choices=[SelectChoice(stance.value, label) for stance, label in RECOMMENDATION_STANCE_LABELS.items()],
        description="Shown with your response beside the recommendations, once the learning team approves it.",
        validate_choice=False)


class WithdrawResponseForm(BaseForm):
    reason = long_text("Why is the response being withdrawn?", required="Enter why the response is being withdrawn",
                       max_length=2000, hint="The force sees this reason. It is kept in the audit log.")
