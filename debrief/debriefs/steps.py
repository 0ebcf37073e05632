"""The debrief as a declared list of steps and sections: order, conditions and progress. No Flask."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Callable, Mapping


class SectionStatus(StrEnum):
    """Progress through a step or section of a debrief (and the incident's about/people sections)."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


NOT_STARTED, IN_PROGRESS, COMPLETED = SectionStatus
STATUS_LABELS = {NOT_STARTED: "Not yet started", IN_PROGRESS: "In progress", COMPLETED: "Completed"}


@dataclass(frozen=True)
class Facts:
    """What the step list needs to know about a debrief to decide which steps apply."""

    used_force: bool | None = None
    is_reporter: bool = False


@dataclass(frozen=True)
class Step:
    slug: str
    section: str
    title: str
    shared: bool = False  # about the incident: kept on the incident, edited by its reporter only
    applies: Callable[[Facts], bool] = lambda facts: True


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    shared: bool = False


SECTIONS: tuple[Section, ...] = (
    Section("about", "About the incident", shared=True),
    Section("people", "People involved", shared=True),
    Section("force", "Use of force"),
    Section("injuries", "Injuries"),
    Section("what-happened", "What happened"),
    Section("reflection", "What went well and what could have been different"),
    Section("wellbeing", "Your wellbeing"),
    Section("intelligence", "Intelligence and concerns"),
)

STEPS: tuple[Step, ...] = (
    Step("about", "about", "About the incident", shared=True),
    Step("people", "people", "People involved", shared=True),
    Step("use-of-force", "force", "Did you use force?"),
    Step("tactics", "force", "Tactics you used", applies=lambda f: f.used_force is True),
    Step("injuries", "injuries", "Injuries"),
    Step("what-happened", "what-happened", "What happened"),
    Step("timeline", "what-happened", "Timeline"),
    Step("reflection", "reflection", "What went well and what could have been different"),
    Step("wellbeing", "wellbeing", "Your wellbeing"),
    Step("intelligence", "intelligence", "Intelligence and concerns"),
)

STEP_BY_SLUG = {s.slug: s for s in STEPS}
SECTION_BY_SLUG = {s.slug: s for s in SECTIONS}


def applicable_steps(facts: Facts) -> list[Step]:
    return [s for s in STEPS if s.applies(facts)]


def next_step(slug: str, facts: Facts) -> Step | None:
    """The step after `slug` that applies, or None when the next page is check your answers."""
    steps = applicable_steps(facts)
    slugs = [s.slug for s in steps]
    if slug not in slugs:
        return steps[0] if steps else None
    i = slugs.index(slug)
    return steps[i + 1] if i + 1 < len(steps) else None


def previous_step(slug: str, facts: Facts) -> Step | None:
    steps = applicable_steps(facts)
    slugs = [s.slug for s in steps]
    if slug not in slugs or slugs.index(slug) == 0:
        return None
    return steps[slugs.index(slug) - 1]


def section_status(section: str, step_status: Mapping[str, str], facts: Facts) -> str:
    """A section is completed when all its applicable steps are, started when any is."""
    states = [step_status.get(s.slug, NOT_STARTED) for s in applicable_steps(facts) if s.section == section]
    if not states:
        return COMPLETED
    if all(s == COMPLETED for s in states):
        return COMPLETED
    if any(s != NOT_STARTED for s in states):
        return IN_PROGRESS
    return NOT_STARTED


def task_list(step_status: Mapping[str, str], facts: Facts) -> list[tuple[Section, str, Step]]:
    """Each section with its status and the step to open: the first one not yet completed."""
    rows = []
    for section in SECTIONS:
        steps = [s for s in applicable_steps(facts) if s.section == section.slug]
        if not steps:
            continue
        first_open = next((s for s in steps if step_status.get(s.slug) != COMPLETED), steps[0])
        rows.append((section, section_status(section.slug, step_status, facts), first_open))
    return rows


def ready_to_submit(step_status: Mapping[str, str], facts: Facts) -> bool:
    return all(section_status(s.slug, step_status, facts) == COMPLETED for s in SECTIONS)


def can_edit(step: Step, facts: Facts) -> bool:
    return facts.is_reporter or not step.shared
