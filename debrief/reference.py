"""Controlled vocabularies shared by the debrief forms, the use-of-force importer and the dashboards."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer in a vocabulary: a stable code for storage, a label for people, an optional hint."""

    code: str
    label: str
    hint: str | None = None


Vocabulary = tuple[Choice, ...]

# Themes follow the IOPC Learning the Lessons issues (DOMAIN.md) plus the near-miss types officers report.
INCIDENT_TYPES: Vocabulary = (
    Choice("use_of_force", "Use of force", "Including Taser, restraint and handcuffing"),
    Choice("custody", "Custody"),
    Choice("mental_health", "Mental health", "Including Right Care, Right Person and section 136"),
    Choice("domestic_abuse", "Domestic abuse"),
    Choice("vawg", "Violence against women and girls"),
    Choice("road_traffic", "Road traffic incident or pursuit"),
    Choice("stop_and_search", "Stop and search", "Including routine handcuffing"),
    Choice("call_handling", "Call handling", "Control room, call grading and deployment"),
    Choice("missing_person", "Missing person"),
    Choice(
        "vulnerable_people",
        "Protecting vulnerable people",
        "Young people, health issues, addiction, people at risk of harm",
    ),
    Choice("death_following_contact", "Death or serious injury following police contact"),
    Choice(
        "discrimination",
        "Discrimination",
        "Age, disability, gender reassignment, marriage and civil partnership, pregnancy and maternity, "
        "race, religion or belief, sex, sexual orientation",
    ),
    Choice("race_discrimination", "Race discrimination"),
    Choice("child_sexual_abuse", "Child sexual abuse"),
    Choice("abuse_of_position", "Abuse of position for a sexual purpose"),
    Choice("assault_on_police", "Assault on an officer or member of staff"),
    Choice("firearms", "Firearms operation"),
    Choice("public_order", "Public order or protest"),
    Choice("self_harm", "Self-harm or suicide risk"),
    Choice("other", "Other"),
)

# The national dataset's "Incident Location" list, in its published order.
LOCATION_TYPES: Vocabulary = (
    Choice("street", "Street or highway"),
    Choice("public_transport", "Public transport"),
    Choice("retail", "Retail premises"),
    Choice("open_ground", "Open ground", "For example a park, car park or field"),
    Choice("licensed_premises", "Licensed premises"),
    Choice("stadium", "Sports or event stadium"),
    Choice("hospital", "Hospital or A&E", "Not a mental health setting"),
    Choice("mental_health_setting", "Mental health setting"),
    Choice("police_vehicle_cage", "Police vehicle with prisoner handling cage"),
    Choice("police_vehicle", "Police vehicle without prisoner handling cage"),
    Choice("dwelling", "Dwelling"),
    Choice("police_station", "Police station", "Not the custody block"),
    Choice("custody_block", "Custody block"),
    Choice("ambulance", "Ambulance"),
    Choice("other", "Other"),
)

# The national dataset's tactics; Taser is one tactic whose levels are recorded separately.
TACTICS: Vocabulary = (
    Choice("tactical_communications", "Tactical communications"),
    Choice("compliant_handcuffing", "Compliant handcuffing"),
    Choice("non_compliant_handcuffing", "Non-compliant handcuffing"),
    Choice("limb_body_restraint", "Limb or body restraint"),
    Choice("ground_restraint", "Ground restraint", "Record the position and how long it lasted"),
    Choice("unarmed_skills", "Unarmed skills", "Including pressure points, strikes, restraints and take-downs"),
    Choice("baton_drawn", "Baton drawn"),
    Choice("baton_used", "Baton used"),
    Choice("irritant_spray_drawn", "Irritant spray drawn", "CS or PAVA"),
    Choice("irritant_spray_used", "Irritant spray used", "CS or PAVA"),
    Choice("spit_and_bite_guard", "Spit and bite guard"),
    Choice("taser", "Taser (conducted energy device)", "Record each level used"),
    Choice("aep_aimed", "Attenuating energy projectile (AEP) aimed"),
    Choice("aep_fired", "Attenuating energy projectile (AEP) fired"),
    Choice("firearm_aimed", "Firearm aimed"),
    Choice("firearm_fired", "Firearm fired"),
    Choice("dog_deployed", "Dog deployed"),
    Choice("dog_bite", "Dog bite"),
    Choice("shield", "Shield"),
    Choice("improvised", "Improvised", "Anything used as a tool that is not police equipment"),
    Choice("other", "Other"),
)

# In the order the national dataset lists them; "angle drive-stun" is recorded as drive-stun.
TASER_LEVELS: Vocabulary = (
    Choice("drawn", "Drawn"),
    Choice("aimed", "Aimed"),
    Choice("red_dotted", "Red-dotted"),
    Choice("arced", "Arced"),
    Choice("fired", "Fired"),
    Choice("drive_stun", "Drive-stun"),
)

RESTRAINT_POSITIONS: Vocabulary = (
    Choice("prone", "Prone", "Face down"),
    Choice("supine", "Supine", "Face up"),
    Choice("kneeling", "Kneeling"),
    Choice("standing", "Standing"),
)

IMPACT_FACTORS: Vocabulary = (
    Choice("weapon", "Possession of a weapon"),
    Choice("alcohol", "Alcohol"),
    Choice("drugs", "Drugs"),
    Choice("mental_health", "Mental health"),
    Choice("prior_knowledge", "Prior knowledge of the person"),
    Choice("size_gender_build", "Size, gender or build"),
    Choice("acute_behavioural_disorder", "Acute behavioural disorder"),
    Choice("crowd", "Crowd"),
    Choice("other", "Other"),
)

FORCE_REASONS: Vocabulary = (
    Choice("protect_self", "Protect self"),
    Choice("protect_public", "Protect the public"),
    Choice("protect_subject", "Protect the subject"),
    Choice("protect_officers", "Protect other officers"),
    Choice("prevent_offence", "Prevent an offence"),
    Choice("secure_evidence", "Secure evidence"),
    Choice("effect_search", "Carry out a search"),
    Choice("effect_arrest", "Make an arrest"),
    Choice("method_of_entry", "Method of entry"),
    Choice("remove_handcuffs", "Remove handcuffs"),
    Choice("prevent_harm", "Prevent harm"),
    Choice("prevent_escape", "Prevent escape"),
    Choice("other", "Other"),
)

OUTCOMES: Vocabulary = (
    Choice("arrested", "Arrested"),
    Choice("made_off", "Made off or escaped"),
    Choice("hospitalised", "Hospitalised"),
    Choice("detained_mha", "Detained under the Mental Health Act"),
    Choice("fatality", "Fatality"),
    Choice("other", "Other"),
)

INJURY_SEVERITIES: Vocabulary = (
    Choice("none", "No injury"),
    Choice("minor", "Minor", "For example a graze or bruise that needs no more than first aid"),
    Choice("severe", "Severe", "For example a broken bone, deep cut or loss of consciousness"),
    Choice("fatal", "Fatal"),
)

# The bands the Metropolitan Police Service publishes ("0-10" is shown as under 11).
AGE_BANDS: Vocabulary = (
    Choice("under_11", "Under 11"),
    Choice("11_17", "11 to 17"),
    Choice("18_34", "18 to 34"),
    Choice("35_49", "35 to 49"),
    Choice("50_64", "50 to 64"),
    Choice("65_over", "65 and over"),
    Choice("not_known", "Not known"),
)

SEXES: Vocabulary = (
    Choice("female", "Female"),
    Choice("male", "Male"),
    Choice("other", "Other"),
    Choice("not_known", "Not known"),
)

# ONS 2021 census top-level ethnic groups (England and Wales), plus "not stated".
ETHNICITIES: Vocabulary = (
    Choice("asian", "Asian, Asian British or Asian Welsh"),
    Choice("black", "Black, Black British, Black Welsh, Caribbean or African"),
    Choice("mixed", "Mixed or Multiple ethnic groups"),
    Choice("white", "White"),
    Choice("other", "Other ethnic group"),
    Choice("not_stated", "Not stated"),
)

# Whether the ethnicity above was given by the person or is the officer's perception of them.
ETHNICITY_BASES: Vocabulary = (
    Choice("self_defined", "Self-defined", "The person told us"),
    Choice("perceived", "Perceived", "The officer's view; the national use-of-force data is always perceived"),
)

VULNERABILITY_FLAGS: Vocabulary = (
    Choice("child", "Child or young person (under 18)"),
    Choice("older_person", "Older person"),
    Choice("mental_health", "Mental health condition"),
    Choice("learning_disability", "Learning disability or autism"),
    Choice("physical_disability", "Physical disability or health condition"),
    Choice("intoxicated", "Under the influence of alcohol or drugs"),
    Choice("substance_dependency", "Addiction or substance dependency"),
    Choice("self_harm", "At risk of self-harm or suicide"),
    Choice("domestic_abuse", "Victim of domestic abuse"),
    Choice("pregnant", "Pregnant"),
    Choice("communication", "Communication needs", "For example limited English, deaf or hard of hearing"),
    Choice("homeless", "Homeless"),
    Choice("other", "Other"),
)

# Grouped from the "MainDuty" values forces publish, so assault and injury rates can be compared.
MAIN_DUTIES: Vocabulary = (
    Choice("response", "Response or patrol"),
    Choice("neighbourhood", "Neighbourhood policing"),
    Choice("public_order", "Public order", "Including the Territorial Support Group"),
    Choice("roads_policing", "Roads policing"),
    Choice("custody", "Custody"),
    Choice("investigation", "Investigation or CID"),
    Choice("firearms", "Firearms", "Armed response, AFO and CTSFO"),
    Choice("dog_handler", "Dog handler"),
    Choice("control_room", "Control room or call handling"),
    Choice("other", "Other"),
)

# How long the officer had been on duty when it happened: shift length is a working condition the
# College of Policing guideline and the contributory-factor frameworks name (fatigue, overtime).
SHIFT_HOURS: Vocabulary = (
    Choice("under_4", "Less than 4 hours"),
    Choice("4_to_8", "4 to 8 hours"),
    Choice("8_to_10", "8 to 10 hours"),
    Choice("10_to_12", "10 to 12 hours"),
    Choice("over_12", "More than 12 hours", "Including a shift extended by overtime or by the incident"),
)


def shift_band(hours: float) -> str:
    """The SHIFT_HOURS code of a time on duty given in hours."""
    for limit, code in ((4, "under_4"), (8, "4_to_8"), (10, "8_to_10"), (12, "10_to_12")):
        if hours < limit:
            return code
    return "over_12"

# The national dataset's "PrimaryConduct" scale, least to most resistant.
SUBJECT_CONDUCT: Vocabulary = (
    Choice("compliant", "Compliant"),
    Choice("passive_resistance", "Passive resistance"),
    Choice("verbal_resistance", "Verbal resistance or gestures"),
    Choice("active_resistance", "Active resistance"),
    Choice("aggressive_resistance", "Aggressive resistance"),
    Choice("serious_resistance", "Serious or aggravated resistance"),
)

PERSON_ROLES: Vocabulary = (
    Choice("subject", "Subject", "The person force was used on or who was detained"),
    Choice("victim", "Victim"),
    Choice("witness", "Witness"),
    Choice("other", "Other"),
)

DEBRIEF_KINDS: Vocabulary = (
    Choice("hot", "Hot debrief", "Straight after the incident"),
    Choice("cold", "Cold debrief", "Structured and facilitated, some days later"),
)


# Where in policing a case study's learning applies: the case factor table's third group of columns.
OPERATIONAL_AREAS: Vocabulary = (
    Choice("response", "Response policing"),
    Choice("neighbourhood", "Neighbourhood policing"),
    Choice("control_room", "Control room and call handling"),
    Choice("custody", "Custody"),
    Choice("roads_policing", "Roads policing"),
    Choice("investigation", "Investigation"),
    Choice("public_protection", "Public protection and safeguarding"),
    Choice("firearms", "Armed policing"),
    Choice("public_order", "Public order"),
    Choice("professional_standards", "Professional standards"),
    Choice("leadership", "Leadership and supervision"),
    Choice("training", "Training and development"),
    Choice("partnership", "Partnership working"),
)

# Who a reflective question is for (models.publication.AUDIENCES are these codes).
QUESTION_AUDIENCES: Vocabulary = (
    Choice("policy_makers_managers", "Policy makers and managers"),
    Choice("officers_staff", "Officers and staff"),
    Choice("trainers", "Trainers"),
    Choice("call_handlers_custody", "Call handlers and custody staff"),
)


@cache
def _labels(vocab: Vocabulary) -> dict[str, str]:
    return {choice.code: choice.label for choice in vocab}


def label_for(vocab: Vocabulary, code: str) -> str:
    """The label of `code` in `vocab`; KeyError names the code when it is not in the vocabulary."""
    try:
        return _labels(vocab)[code]
    except KeyError:
        raise KeyError(f"{code!r} is not a code in this vocabulary") from None


def codes(vocab: Vocabulary) -> tuple[str, ...]:
    """The codes of `vocab`, in display order."""
    return tuple(choice.code for choice in vocab)


# Who removed Taser probes from the subject, as the national use-of-force form asks.
PROBE_REMOVAL: Vocabulary = (
    Choice("not_applicable", "Not applicable", "No probes struck the subject"),
    Choice("officer", "A trained officer"),
    Choice("paramedic", "A paramedic"),
    Choice("hospital", "At hospital"),
    Choice("healthcare_custody", "A healthcare professional in custody"),
    Choice("not_removed", "Not removed"),
)
