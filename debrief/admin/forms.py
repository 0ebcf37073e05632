"""Forms for managing a force's users."""
from debrief.form_base import BaseForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovPasswordInput,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import EmailField, HiddenField, PasswordField, SelectChoice, SelectMultipleField, StringField, SubmitField
from wtforms.validators import Email, InputRequired, Length, Optional, ValidationError

from debrief.auth.collars import collar_format_problem
from debrief.auth.passwords import RULE, password_problem
from debrief.auth.roles import ROLE_HINTS, Role
from debrief.once import OnceOnlyForm


def _stripped(value):
    return value.strip() if isinstance(value, str) else value


def roles_field(description: str) -> SelectMultipleField:
    """The roles checkboxes of adding a user and of changing their roles."""
    return SelectMultipleField(
        "Roles",
        widget=GovCheckboxesInput(),
        choices=[SelectChoice(r.value, r.label, render_kw={"hint": ROLE_HINTS[r]}) for r in Role],
        # The service refuses a role the signed-in person may not give, and says why.
        validate_choice=False,
        description=description,
        validators=[InputRequired(message="Select at least one role")],
    )

def temporary_password_field() -> PasswordField:
    """A password an administrator chooses (adding a user, resetting one's): the person sets their own at sign-in."""
    return PasswordField(
        "Temporary password",
        widget=GovPasswordInput(),
        description=RULE + " Give it to the person securely: they must set their own when they first sign in.",
        validators=[InputRequired(message="Enter a temporary password")],
    )


class AddUserForm(OnceOnlyForm, BaseForm):
    name = StringField(
        "Full name",
        widget=GovTextInput(),
        filters=[_stripped],  # a name of only spaces is no name
        validators=[InputRequired(message="Enter the person's full name"),
                    Length(max=120, message="Full name must be 120 characters or fewer")],
    )
    email = EmailField(
        "Email address",
        widget=GovTextInput(),
        validators=[
            InputRequired(message="Enter an email address"),
            Length(max=254, message="Email address must be 254 characters or fewer"),
            Email(message="Enter an email address in the correct format, like name@example.police.uk",
                  check_deliverability=False),
        ],
    )
    collar_number = StringField(
        "Collar or staff number (optional)",
        widget=GovTextInput(),
        # Typed as the person likes ("ns 5096", "NS-5096"); kept in one form (auth.collars.normalise_collar).
        validators=[Optional()],
    )
    roles = roles_field("Select all that apply")
    password = temporary_password_field()
    submit = SubmitField("Add user", widget=GovSubmitInput())

    def validate_name(self, field):
        if not (field.data or "").strip():
            raise ValidationError("Enter the person's full name")

    def validate_collar_number(self, field):
        if problem := collar_format_problem(field.data):
            raise ValidationError(problem)

    def validate_password(self, field):
        if problem := password_problem(field.data or ""):
            raise ValidationError(problem)

    role_hints = ROLE_HINTS

    def offer_roles(self, roles) -> None:
        offer_roles(self.roles, roles)


class CollarForm(BaseForm):
    collar_number = StringField(
        "Collar or staff number",
        widget=GovTextInput(),
        description="Leave it empty if they have none.",
        validators=[Optional()],
    )
    submit = SubmitField("Save collar number", widget=GovSubmitInput())

    def validate_collar_number(self, field):
        if problem := collar_format_problem(field.data):
            raise ValidationError(problem)


class ResetPasswordForm(BaseForm):
    password = temporary_password_field()
    submit = SubmitField("Reset password", widget=GovSubmitInput())

    def validate_password(self, field):
        if problem := password_problem(field.data or ""):
            raise ValidationError(problem)


class DeactivateForm(BaseForm):
    submit = SubmitField("Yes, deactivate this user", widget=GovSubmitInput())


class ReactivateForm(BaseForm):
    submit = SubmitField("Yes, reactivate this user", widget=GovSubmitInput())


class RestoreLearningForm(BaseForm):
    submit = SubmitField("Yes, restore the learning-team role", widget=GovSubmitInput())


class RolesForm(BaseForm):
    roles = roles_field("Select all that apply. The change applies from the person's next click, without signing them out.")
    # The roles the page was drawn from: a save from a page older than the person's roles now is refused, not
    # allowed to overwrite another administrator's change unseen.
    drawn_from = HiddenField()
    submit = SubmitField("Save roles", widget=GovSubmitInput())

    def offer_roles(self, roles) -> None:
        offer_roles(self.roles, roles)


def roles_token(roles) -> str:
    return ",".join(sorted(Role(r).value for r in roles))


def roles_from_token(value: str | None) -> list[Role] | None:
    """The roles a page was drawn from; None for a page without them (sent before they were carried)."""
    if not value:
        return None
    codes = [c for c in value.split(",") if c]
    return [Role(c) for c in codes] if all(c in set(Role) for c in codes) else None


def offer_roles(field: SelectMultipleField, roles) -> None:
    """Show only the roles the signed-in person may give."""
    field.choices = [SelectChoice(r.value, r.label, render_kw={"hint": ROLE_HINTS[r]}) for r in Role if r in roles]
