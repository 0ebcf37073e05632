"""Forms for use of force per subject, as the national form records it, and for the people of an incident."""
from __future__ import annotations

from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovSelect, GovTextInput
from wtforms import BooleanField, IntegerField, SelectChoice, SelectField
from wtforms.validators import NumberRange, Optional, ValidationError

from debrief import reference as ref
from debrief.debriefs.fields import YES_NO, Required, checkboxes, choices, long_text, radios, text
from debrief.debriefs.forms import MEDICAL, SEVERITY_CHOICES, ReasonMixin, StepForm
from debrief.once import OnceOnlyForm

# Taser levels at which a cartridge was fired or the device was cycled against the subject.
DISCHARGED = {"fired", "drive_stun"}


class CountField(IntegerField):
    """A whole number typed in a box, with GOV.UK wording when it is not one."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(f"{self.label.text} must be a whole number, like 2") from None


def _count(label: str, *, top: int, hint: str | None = None) -> IntegerField:
    return CountField(label, widget=GovTextInput(), description=hint, validators=[
        Optional(), NumberRange(min=0, max=top, message=f"{label} must be a number between 0 and {top}")])


def _optional_select(label: str, options, *, empty: str) -> SelectField:
    return SelectField(label, widget=GovSelect(), choices=[SelectChoice("", empty), *options], default="")


class SubjectForm(OnceOnlyForm, StepForm):
    """One subject: the tactics used on them, how they went, Taser detail, their injury, video and references."""

    person = SelectField("Which person was this?", widget=GovSelect(), choices=[], default="",
                         description="From the members of the public described in People involved")
    tactics = checkboxes("Which tactics did you use on this person?", choices(ref.TACTICS),
                         required="Select at least one tactic you used", hint="Select all that apply")
    taser_levels = checkboxes("How far did Taser use go?", choices(ref.TASER_LEVELS), hint="Select all that apply")
    taser_cartridges = _count("Cartridges discharged", top=4, hint="Count each cartridge fired at this person")
    taser_cycles = _count("Energy cycles", top=20, hint="Fired and drive-stun cycles together")
    probe_removal = _optional_select("Who removed the probes?", choices(ref.PROBE_REMOVAL), empty="Select an option")
    aftercare = text("Aftercare given", max_length=500,
                     hint="For example: probes removed, wounds checked, seen by a paramedic, custody told")
    restraint_position = _optional_select("Position of the ground restraint", choices(ref.RESTRAINT_POSITIONS),
                                          empty="Select a position")
    restraint_minutes = _count("How long did the ground restraint last, in minutes?", top=240)
    effective = checkboxes("Which tactics were effective?", choices(ref.TACTICS),
                           hint="Leave a tactic unticked if it did not work")
    injury_severity = radios("Was this person injured?", SEVERITY_CHOICES, required="Select the person's injury",
                             hint="Select 'No injury' if they were not hurt")
    injury_description = text("Describe their injury", max_length=500)
    injury_medical = radios("Medical help for this person", MEDICAL, required="Select the medical help for the person",
                            hint="Only needed when they were injured")
    injury_hospital = BooleanField("They went to hospital", widget=GovCheckboxInput())
    bwv_worn = radios("Were you wearing body-worn video?", YES_NO,
                      required="Select yes if you were wearing body-worn video")
    bwv_recorded = radios("Did it record the use of force?", YES_NO,
                          required="Select yes if body-worn video recorded the use of force",
                          hint="Whether the camera was recording while force was used")
    bwv_reference = text("Body-worn video reference", max_length=60, hint="The reference of the footage, if known")
    log_reference = text("Command and control log reference", max_length=60, hint="The incident or CAD log number")
    custody_reference = text("Custody record or crime reference", max_length=60, hint="Leave it blank if there is none")

    def _taser(self) -> bool:
        return "taser" in (self.tactics.data or []) and not self.partial

    def _discharged(self) -> bool:
        return self._taser() and bool(DISCHARGED & set(self.taser_levels.data or []))

    def validate_taser_levels(self, field):
        if self._taser() and not field.data:
            raise ValidationError("Select how far Taser use went")

    def validate_probe_removal(self, field):
        if self._taser() and "fired" in (self.taser_levels.data or []) and not field.data:
            raise ValidationError("Select who removed the probes")

    def validate_aftercare(self, field):
        if self._discharged() and not (field.data or "").strip():
            raise ValidationError("Enter the aftercare given after Taser was discharged")

    def validate_restraint_position(self, field):
        if "ground_restraint" in (self.tactics.data or []) and not field.data and not self.partial:
            raise ValidationError("Select the position of the ground restraint")

    def validate_effective(self, field):
        if set(field.data or []) - set(self.tactics.data or []):
            raise ValidationError("Only mark tactics you used as effective")

    def validate(self, extra_validators=None):
        # Medical help only matters for an injury; whether it recorded only matters when video was worn.
        if self.injury_severity.data in (None, "", "none"):
            self.injury_medical.validators, self.injury_medical.validate_choice = [], False
        if self.bwv_worn.data != "yes":
            self.bwv_recorded.validators, self.bwv_recorded.validate_choice = [], False
        ok = super().validate(extra_validators)
        # The counts are Optional() fields, whose empty value stops their own validators: required here.
        # How long someone was held on the ground, face down above all, is what the national form asks after.
        for field, needed, message in (
                (self.taser_cartridges, self._taser() and "fired" in (self.taser_levels.data or []),
                 "Enter how many cartridges were discharged"),
                (self.taser_cycles, self._discharged(), "Enter how many energy cycles there were"),
                (self.restraint_minutes, "ground_restraint" in (self.tactics.data or []),
                 "Enter how long the ground restraint lasted, in minutes")):
            empty = field.data is None or (field is self.taser_cartridges and field.data == 0)
            if needed and empty and not field.errors:
                field.errors = [message]
                ok = False
        return ok


def subject_form_class(*, amending: bool) -> type[SubjectForm]:
    if not amending:
        return SubjectForm
    return type("AmendSubjectForm", (SubjectForm,), {"reason": ReasonMixin.reason})


class ColleagueSearchForm(StepForm):
    """The GET search for a colleague by name or collar number (no CSRF: it changes nothing)."""

    class Meta:
        csrf = False

    q = text("Search by name or collar number", required="Enter a name or collar number to search for",
             max_length=60, hint="For example, Jones or 4521")


class OtherColleagueForm(StepForm):
    """A colleague who has no account here, kept for the record and the anonymiser's deny list."""

    name = text("Full name", required="Enter the colleague's full name", max_length=120)
    collar_number = text("Collar or staff number", required="Enter the colleague's collar or staff number",
                         max_length=20)
    force_name = text("Force or organisation", required="Enter the colleague's force or organisation", max_length=120,
                      hint="For example, Westmere Constabulary or British Transport Police")
    role_on_day = SelectField("Their role on the day (optional)", widget=GovSelect(), default="",
                              choices=[SelectChoice("", "Select an option"), *choices(ref.MAIN_DUTIES)])


def other_colleague_form_class(*, amending: bool) -> type[OtherColleagueForm]:
    if not amending:
        return OtherColleagueForm
    return type("AmendOtherColleagueForm", (OtherColleagueForm,), {"reason": ReasonMixin.reason})


class PeopleChangeReasonForm(StepForm):
    """Why the people of a submitted debrief's incident are being changed: kept in the edit history."""

    reason = ReasonMixin.reason


class NotThereForm(StepForm):
    """A named colleague saying they were not at the incident."""

    confirm = BooleanField("I was not at this incident", widget=GovCheckboxInput(),
                           validators=[Required("Confirm that you were not at this incident")])
    note = long_text("Anything the person who named you should know (optional)", max_length=500,
                     hint="For example, who you think they meant")
