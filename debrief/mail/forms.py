"""Forms of the subscription pages: the address, and the one-button confirm and unsubscribe forms (CSRF only)."""
from __future__ import annotations

from govuk_frontend_wtf.wtforms_widgets import GovTextInput
from wtforms import StringField
from wtforms.validators import Email, InputRequired, Length

from debrief.form_base import BaseForm


class SubscribeForm(BaseForm):
    email = StringField(
        "Email address", widget=GovTextInput(),
        description="We will send you an email to confirm it is yours.",
        validators=[InputRequired(message="Enter your email address"),
                    Length(max=254, message="Email address must be 254 characters or fewer"),
                    Email(message="Enter an email address in the correct format, like name@example.com",
                          check_deliverability=False)],
        filters=[lambda value: value.strip() if isinstance(value, str) else value],  # spaces copied with it
        render_kw={"autocomplete": "email", "spellcheck": "false", "type": "email"})


class ConfirmSubscriptionForm(BaseForm):
    """A button: following the link alone changes nothing (mail scanners follow links)."""


class UnsubscribeForm(BaseForm):
    """A button: one click on the link, then confirm."""
