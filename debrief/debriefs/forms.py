"""One short form per step of a debrief, with GOV.UK wording for every error."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from debrief.form_base import BaseForm
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovSelect, GovTextInput
from wtforms import BooleanField, IntegerField, SelectChoice, SelectField
from wtforms.validators import NumberRange, Optional, ValidationError

from debrief import reference as ref
from debrief.debriefs.fields import (
    YES_NO, GovDateField, Required, checkboxes, choices, long_text, parse_time, radios, select, text,
    valid_time,
)
from debrief.once import OnceOnlyForm
from debrief.versions import VersionedForm


class StepForm(VersionedForm, BaseForm):
    """A step's form; `partial` is set for "Save and come back later" so only format errors count."""

    partial = False


class StartForm(OnceOnlyForm, StepForm):
    kind = radios("What kind of debrief is this?", choices(ref.DEBRIEF_KINDS),
                  required="Select whether this is a hot or a cold debrief")
    facilitator = text("Facilitator", max_length=120, hint="Who led the cold debrief")
    attendees = long_text("Who attended", max_length=1000, hint="Roles rather than names are fine")

    def validate_facilitator(self, field):
        if self.kind.data == "cold" and not (field.data or "").strip():
            raise ValidationError("Enter who facilitated the cold debrief")


class AcceptForm(StartForm):
    """Starting a debrief someone else asked for: the colleague also says what their role was."""

    role_on_day = select("Your role on the day", choices(ref.MAIN_DUTIES), required="Select your role on the day")


class AboutForm(StepForm):
    occurred_date = GovDateField("Date of the incident", validators=[Required("Enter the date of the incident")],
                                 description="For example, 27 3 2026")
    occurred_time = text("Time of the incident", required="Enter the time of the incident, for example 14:30",
                         max_length=5, hint="Use the 24-hour clock, for example 14:30",
                         extra=[valid_time("Enter the time of the incident as hours and minutes, for example 14:30")])
    ended_time = text("Time it ended (optional)", max_length=5, hint="Use the 24-hour clock, for example 15:10",
                      extra=[valid_time("Enter the time it ended as hours and minutes, for example 15:10")])
    ended_next_day = BooleanField("It ended after midnight, the next day", widget=GovCheckboxInput())
    near_miss = radios("Was this a near-miss?", YES_NO, required="Select yes if this was a near-miss",
                       hint="A near-miss is something that nearly went wrong, or was caught in time")
    location_type = select("Type of location", choices(ref.LOCATION_TYPES),
                           required="Select the type of location")
    place = text("Where it happened", required="Enter where the incident happened", max_length=200,
                 hint="A short description, for example 'outside the railway station'")
    themes = checkboxes("What was the incident about?", choices(ref.INCIDENT_TYPES),
                        required="Select at least one type of incident", hint="Select all that apply")
    summary = long_text("Summary", required="Enter a short summary of the incident", max_length=1000,
                        hint="Two or three sentences. You can give the full account later.")

    def _usable_date(self):
        """The incident's date when it is one (the times are checked against it); None when it was refused, so a
        date like 31 12 9999 gets its own error and no second one (or a date past the calendar) from the times."""
        return None if self.occurred_date.errors else self.occurred_date.data

    def validate_occurred_time(self, field):
        when, on = parse_time(field.data), self._usable_date()
        if when and on and datetime.combine(on, when) > datetime.now():
            raise ValidationError("The time of the incident must be in the past")

    def validate_ended_time(self, field):
        start, end = parse_time(self.occurred_time.data), parse_time(field.data)
        if not (start and end and self._usable_date()):
            return
        if not self.ended_next_day.data and end < start:
            raise ValidationError("The time it ended must be after the time it started. "
                                  "If it ended after midnight, tick 'It ended after midnight'")
        ended = datetime.combine(self.occurred_date.data + timedelta(days=1 if self.ended_next_day.data else 0), end)
        if ended > datetime.now():
            raise ValidationError("The time it ended must be in the past")

    def validate_occurred_date(self, field):
        if field.data and field.data > date.today():
            raise ValidationError("The date of the incident must be today or in the past")
        if field.data and field.data.year < 2000:
            raise ValidationError("The date of the incident must be on or after 1 January 2000")


class PeopleForm(StepForm):
    """The reporter's own role; colleagues are added one by one from a search (views.people_search)."""

    role_on_day = select("Your role on the day", choices(ref.MAIN_DUTIES), required="Select your role on the day")


class PublicPersonForm(OnceOnlyForm, BaseForm):
    role = radios("Their part in the incident", choices(ref.PERSON_ROLES), required="Select their part in the incident")
    age_band = select("Age", choices(ref.AGE_BANDS), required="Select their age band")
    sex = radios("Sex", choices(ref.SEXES), required="Select their sex")
    ethnicity = select("Ethnicity", choices(ref.ETHNICITIES), required="Select their ethnicity")
    ethnicity_basis = radios("How was ethnicity recorded?", choices(ref.ETHNICITY_BASES),
                             required="Select whether ethnicity was self-defined or perceived")
    disability_known = radios(
        "Was a disability or mental health condition known?",
        [SelectChoice("yes", "Yes"), SelectChoice("no", "No"), SelectChoice("not_known", "Not known")],
        required="Select whether a disability or mental health condition was known")
    vulnerabilities = checkboxes("Vulnerabilities", choices(ref.VULNERABILITY_FLAGS), hint="Select all that apply")


class UseOfForceForm(StepForm):
    used_force = radios("Did you use force?", YES_NO, required="Select yes if you used force",
                        hint="Include tactical communications, handcuffing and any restraint")
    single_crewed = radios("Were you single-crewed?", YES_NO, required="Select yes if you were single-crewed")
    hours_on_duty = radios("How long had you been on duty when it happened?", choices(ref.SHIFT_HOURS),
                           required="Select how long you had been on duty", hint="From the start of your shift")
    taser_trained = radios("Are you trained to carry Taser?", YES_NO,
                           required="Select yes if you are trained to carry Taser")
    taser_carried = radios("Were you carrying Taser?", YES_NO, required="Select yes if you were carrying Taser")
    assaulted = radios("Were you assaulted?", YES_NO, required="Select yes if you were assaulted")

    def validate_taser_carried(self, field):
        if field.data == "yes" and self.taser_trained.data == "no":
            raise ValidationError("You said you are not trained to carry Taser: check your answers")


class TacticsForm(StepForm):
    """Why force was used, for the debrief as a whole; the tactics are recorded per subject (subject_forms)."""

    reasons = checkboxes("Why did you use force?", choices(ref.FORCE_REASONS),
                         required="Select at least one reason for using force", hint="Select all that apply")
    impact_factors = checkboxes("What affected your decision?", choices(ref.IMPACT_FACTORS),
                                hint="Impact factors. Select all that apply")


SEVERITY_CHOICES = choices(ref.INJURY_SEVERITIES)
MEDICAL = [SelectChoice("none", "None needed"), SelectChoice("offered", "Offered"),
           SelectChoice("provided", "Provided")]


class InjuriesForm(StepForm):
    any_injuries = radios("Was anyone injured?", YES_NO, required="Select yes if anyone was injured")
    subject_severity = radios("Injury to the subject", SEVERITY_CHOICES, required="Select the subject's injury")
    subject_description = text("Describe the subject's injury", max_length=500)
    subject_medical = radios("Medical help for the subject", MEDICAL, required="Select the medical help for the subject")
    subject_hospital = BooleanField("The subject went to hospital", widget=GovCheckboxInput())
    officer_severity = radios("Injury to you or colleagues", SEVERITY_CHOICES,
                              required="Select the injury to you or colleagues")
    officer_description = text("Describe the injury to you or colleagues", max_length=500)
    officer_medical = radios("Medical help for you or colleagues", MEDICAL,
                             required="Select the medical help for you or colleagues")
    officer_hospital = BooleanField("An officer or member of staff went to hospital", widget=GovCheckboxInput())

    # Set by the view when force was used: each subject's injury is then recorded with the force used on them.
    subject_injured: bool | None = None

    def validate(self, extra_validators=None):
        # The injury questions only matter when someone was injured.
        names = ("subject_severity", "subject_medical", "officer_severity", "officer_medical")
        if self.any_injuries.data != "yes":
            skip = names
        elif self.subject_injured is not None:
            skip = names[:2]
        else:
            skip = ()
        for name in skip:
            getattr(self, name).validators = []
            getattr(self, name).validate_choice = False
        ok = super().validate(extra_validators)
        subject_hurt = (self.subject_injured if self.subject_injured is not None
                        else self.subject_severity.data != "none")
        if ok and self.any_injuries.data == "yes" and not self.partial and \
                not subject_hurt and self.officer_severity.data == "none":
            self.any_injuries.errors.append("You said someone was injured: select how badly")
            return False
        return ok


class WhatHappenedForm(StepForm):
    narrative = long_text("What happened", required="Enter what happened", max_length=6000,
                          hint="In your own words, from when you were sent or arrived to when it ended")


class TimelineEntryForm(OnceOnlyForm, BaseForm):
    at = text("Time", required="Enter the time, for example 14:30", max_length=5,
              hint="Use the 24-hour clock, for example 14:30",
              extra=[valid_time("Enter the time as hours and minutes, for example 14:30")])
    what = text("What happened at this time", required="Enter what happened at this time", max_length=500)
    source = text("Source", required="Enter where this time comes from", max_length=120,
                  hint="For example: my recollection, body-worn video, control room log")


class TimelineForm(StepForm):
    pass


class ReflectionForm(StepForm):
    went_well = long_text("What went well?", required="Enter what went well", max_length=3000)
    could_differ = long_text("What could have been done differently?",
                             required="Enter what could have been done differently", max_length=3000,
                             hint="By anyone, including the systems and equipment you used")
    why_differ = long_text("Why would that have helped?", required="Enter why that would have helped",
                           max_length=3000)


# Who reads the wellbeing answers (and the reasons given for changing them): said the same way wherever it is said.
WELLBEING_READERS = "Only you and your force’s wellbeing contact can read this."


class WellbeingForm(StepForm):
    wellbeing_concerns = long_text("Is anything about this incident affecting your wellbeing?", max_length=3000,
                                   hint=WELLBEING_READERS + " Leave it blank if not.")
    support_wanted = radios("Would you like support?", YES_NO, required="Select yes if you would like support")
    support_details = long_text("What support would help?", max_length=1000)


class IntelligenceForm(StepForm):
    intelligence = long_text("Is there information or intelligence to share?", max_length=3000,
                             hint="Leave it blank if not")
    concerns = long_text("Do you want to raise any concerns?", max_length=3000, hint="Leave it blank if not")


class DeclarationForm(BaseForm):
    declaration = BooleanField(
        "I confirm this is a true account, to the best of my knowledge, for the purpose of learning",
        widget=GovCheckboxInput(),
        validators=[Required("Confirm the declaration to submit your debrief")])


class ReasonMixin:
    reason = long_text("Why are you changing this?", required="Enter why you are changing your submitted debrief",
                       max_length=1000, hint="This is kept in the edit history that reviewers can see")


# Changes to the wellbeing answers are kept in an edit history that reviewers do not see.
WELLBEING_REASON = long_text("Why are you changing this?", required="Enter why you are changing your submitted debrief",
                             max_length=1000, hint="This is kept in the edit history. " + WELLBEING_READERS)


FORMS: dict[str, type[StepForm]] = {
    "about": AboutForm,
    "people": PeopleForm,
    "use-of-force": UseOfForceForm,
    "tactics": TacticsForm,
    "injuries": InjuriesForm,
    "what-happened": WhatHappenedForm,
    "timeline": TimelineForm,
    "reflection": ReflectionForm,
    "wellbeing": WellbeingForm,
    "intelligence": IntelligenceForm,
}


def form_class(slug: str, *, amending: bool) -> type[StepForm]:
    base = FORMS[slug]
    if not amending:
        return base
    reason = WELLBEING_REASON if slug == "wellbeing" else ReasonMixin.reason
    return type(f"Amend{base.__name__}", (base,), {"reason": reason})
