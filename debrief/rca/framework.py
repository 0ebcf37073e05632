"""The policing contributory-factor framework: categories a reviewer files each factor under."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

# Adapted from the NPSA Contributory Factors Classification Framework, the London Protocol
# (Taylor-Adams & Vincent) and the Yorkshire Contributory Factors Framework (Lawton et al. 2012):
# their structure is kept, "patient" becomes the person in contact, and the areas policing needs
# (powers and guidance, control room, custody, partner agencies) are added. The codes are stored
# in the database, so they must never change once released; names and text may be reworded.

UNCATEGORISED = "uncategorised"
UNCATEGORISED_NAME = "Uncategorised"


@dataclass(frozen=True, slots=True)
class Category:
    code: str
    name: str
    description: str
    examples: tuple[str, ...]


CATEGORIES: tuple[Category, ...] = (
    Category(
        code="person_in_contact",
        name="Person in contact",
        description=(
            "Things about the person the police were dealing with that made the situation "
            "harder to manage safely."
        ),
        examples=(
            "Mental health crisis or acute behavioural disturbance",
            "Intoxication through alcohol or drugs",
            "Vulnerability because of age, disability or a medical condition",
            "Language barrier or difficulty understanding instructions",
        ),
    ),
    Category(
        code="individual",
        name="Individual (officer or staff)",
        description=(
            "The physical and mental state, experience and wellbeing of the officers or staff "
            "involved at the time."
        ),
        examples=(
            "Fatigue towards the end of a long shift",
            "Limited experience of this type of incident",
            "Stress or wellbeing concerns after an earlier incident",
        ),
    ),
    Category(
        code="task_procedures",
        name="Task and procedures",
        description=(
            "How the task was designed and whether local policies and procedures were clear, "
            "current, available and workable."
        ),
        examples=(
            "Cell check procedure did not say how to rouse a detainee",
            "Risk assessment form did not prompt for known self-harm",
            "Local policy contradicted the current national guidance",
        ),
    ),
    Category(
        code="communication",
        name="Communication",
        description=(
            "How information was passed between people, by voice, in writing or on systems, "
            "and whether it arrived complete and in time."
        ),
        examples=(
            "Handover between shifts left out a warning marker",
            "Radio message not acknowledged or not repeated back",
            "Risk information held by one team not shared with another",
        ),
    ),
    Category(
        code="team_supervision",
        name="Team and supervision",
        description=(
            "How the team worked together, and the availability and quality of supervision "
            "and leadership."
        ),
        examples=(
            "No supervisor available to authorise or advise",
            "Roles at the scene not agreed or not clear",
            "Team culture that discouraged questioning a decision",
        ),
    ),
    Category(
        code="education_training",
        name="Education and training",
        description=(
            "Whether the people involved had the training, refreshers and competence checks "
            "the task needed."
        ),
        examples=(
            "Officer safety training refresher overdue",
            "No training on the new mental health pathway",
            "Taser recertification not booked because of abstractions",
        ),
    ),
    Category(
        code="equipment_technology",
        name="Equipment and technology",
        description=(
            "Whether equipment, vehicles and systems were available, working, and designed "
            "for the way they are used."
        ),
        examples=(
            "Radio dead spot inside the building",
            "Body-worn video battery flat or camera not issued",
            "Vehicle without a prisoner cage used for transport",
            "Records system did not display the warning flag",
        ),
    ),
    Category(
        code="working_conditions",
        name="Working conditions",
        description=(
            "Staffing, workload, shift patterns and the pressures on the people at the time."
        ),
        examples=(
            "Single-crewed because of minimum staffing levels",
            "Shift extended beyond 12 hours",
            "High call volume with calls queued",
        ),
    ),
    Category(
        code="organisational_strategic",
        name="Organisational and strategic",
        description=(
            "Decisions, priorities, resources and culture set by the force above the level of "
            "the team."
        ),
        examples=(
            "Change programme reduced the number of response officers",
            "Learning from a previous incident not acted on",
            "Performance targets that encouraged closing calls quickly",
        ),
    ),
    Category(
        code="powers_guidance",
        name="Powers, legislation and national guidance",
        description=(
            "The law, the powers available and national guidance, and how clear they were "
            "for the situation faced."
        ),
        examples=(
            "Uncertainty over using Mental Health Act section 136 in a private dwelling",
            "PACE Code C requirements for detainee observation levels",
            "Authorised Professional Practice silent on the situation",
        ),
    ),
    Category(
        code="control_room",
        name="Control room and call handling",
        description=(
            "How the call was received, assessed, graded, resourced and monitored by the "
            "control room."
        ),
        examples=(
            "Call graded lower than the risk described",
            "THRIVE risk assessment not repeated when a caller rang back",
            "No resource available and the incident not escalated",
        ),
    ),
    Category(
        code="custody_environment",
        name="Custody environment",
        description=(
            "The custody suite, its layout, staffing and processes for the safe detention of "
            "people."
        ),
        examples=(
            "Cell with ligature points still in use",
            "Healthcare professional not on site",
            "Busy custody suite with a queue of detainees waiting to be booked in",
        ),
    ),
    Category(
        code="partner_agencies",
        name="Partner agencies",
        description=(
            "How the police worked with other services and whether those services were "
            "available when needed."
        ),
        examples=(
            "Long wait for an ambulance",
            "No mental health place of safety available",
            "Social care referral not acknowledged",
        ),
    ),
    Category(
        code="physical_environment",
        name="Physical environment",
        description=(
            "The place where the incident happened, including lighting, access, layout, "
            "weather and crowds."
        ),
        examples=(
            "Poor lighting on the street",
            "Confined stairwell limited the options for restraint",
            "Large crowd gathered at the scene",
        ),
    ),
)

CATEGORY_BY_CODE: dict[str, Category] = {category.code: category for category in CATEGORIES}


def category_choices(*, include_uncategorised: bool = False) -> list[tuple[str, str]]:
    """(code, name) pairs in framework order, ready for a form's choices."""
    choices = [(category.code, category.name) for category in CATEGORIES]
    if include_uncategorised:
        choices.append((UNCATEGORISED, UNCATEGORISED_NAME))
    return choices


def category_name(code: str | None) -> str:
    """The display name of a category code; unknown or missing codes read as uncategorised."""
    if code is None or code == UNCATEGORISED:
        return UNCATEGORISED_NAME
    category = CATEGORY_BY_CODE.get(code)
    # An unknown code is shown as stored rather than hidden, so bad data stays visible.
    return category.name if category else code


def group_by_category(items: Iterable[T], *, category_of: Callable[[T], str | None]) -> dict[str, list[T]]:
    """Items under their category's code, every category present (empty or not) in framework order; an item with
    no category goes under "uncategorised", after them."""
    grouped: dict[str, list[T]] = {c.code: [] for c in CATEGORIES}
    for item in items:
        grouped.setdefault(category_of(item) or "uncategorised", []).append(item)
    return grouped
