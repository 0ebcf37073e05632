"""Sign-in form."""
from debrief.auth.passwords import RULE
from debrief.form_base import BaseForm
from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput, GovSubmitInput, GovTextInput
from wtforms import HiddenField, PasswordField, StringField, SubmitField
from wtforms.validators import InputRequired, Length


class SignInForm(BaseForm):
    email = StringField(
        "Email address",
        widget=GovTextInput(),
        validators=[InputRequired(message="Enter your email address"), Length(max=254)],
    )
    password = PasswordField(
        "Password",
        widget=GovPasswordInput(),
        validators=[InputRequired(message="Enter your password"), Length(max=256)],
    )
    submit = SubmitField("Sign in", widget=GovSubmitInput())


class ChangePasswordForm(BaseForm):
    current_password = PasswordField(
        "Current password",
        widget=GovPasswordInput(),
        validators=[InputRequired(message="Enter your current password"), Length(max=256)],
    )
    new_password = PasswordField(
        "New password",
        description=RULE + " A few unrelated words together are easy to remember and hard to guess.",
        widget=GovPasswordInput(),
        validators=[InputRequired(message="Enter a new password"), Length(max=256)],
    )
    confirm_password = PasswordField(
        "Confirm new password",
        widget=GovPasswordInput(),
        validators=[InputRequired(message="Enter the new password again"), Length(max=256)],
    )
    # The session epoch the page was drawn at: a change made meanwhile (another tab) is said, not met as a "wrong"
    # current password.
    drawn_at = HiddenField()
    submit = SubmitField("Change password", widget=GovSubmitInput())
