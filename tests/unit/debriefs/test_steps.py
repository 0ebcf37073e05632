"""The step list on its own, without Flask: order, conditional steps and section status."""
from debrief.debriefs.steps import (
    COMPLETED, IN_PROGRESS, NOT_STARTED, STEP_BY_SLUG, Facts, applicable_steps, can_edit, next_step,
    previous_step, ready_to_submit, section_status, task_list,
)

ALL_DONE = {s: COMPLETED for s in STEP_BY_SLUG}


def slugs(facts):
    return [s.slug for s in applicable_steps(facts)]


def test_order_without_force_skips_tactics():
    assert slugs(Facts(used_force=False)) == [
        "about", "people", "use-of-force", "injuries", "what-happened", "timeline", "reflection",
        "wellbeing", "intelligence"]


def test_tactics_only_when_force_was_used():
    assert "tactics" in slugs(Facts(used_force=True))
    assert "tactics" not in slugs(Facts(used_force=None))
    assert next_step("use-of-force", Facts(used_force=True)).slug == "tactics"
    assert next_step("use-of-force", Facts(used_force=False)).slug == "injuries"
    assert previous_step("injuries", Facts(used_force=True)).slug == "tactics"
    assert previous_step("about", Facts()) is None


def test_last_step_leads_to_check_answers():
    assert next_step("intelligence", Facts()) is None


def test_section_status():
    facts = Facts(used_force=True)
    assert section_status("force", {}, facts) == NOT_STARTED
    assert section_status("force", {"use-of-force": COMPLETED}, facts) == IN_PROGRESS
    assert section_status("force", {"use-of-force": COMPLETED, "tactics": COMPLETED}, facts) == COMPLETED
    # Answering "no" to force makes the section complete without the tactics page.
    assert section_status("force", {"use-of-force": COMPLETED}, Facts(used_force=False)) == COMPLETED
    assert section_status("injuries", {"injuries": IN_PROGRESS}, facts) == IN_PROGRESS


def test_task_list_opens_the_first_unfinished_step():
    rows = task_list({"what-happened": COMPLETED}, Facts())
    by_section = {section.slug: (status, step.slug) for section, status, step in rows}
    assert by_section["what-happened"] == (IN_PROGRESS, "timeline")
    assert by_section["about"] == (NOT_STARTED, "about")
    assert len(rows) == 8


def test_ready_to_submit_needs_every_applicable_section():
    facts = Facts(used_force=True)
    assert ready_to_submit(ALL_DONE, facts)
    assert not ready_to_submit({**ALL_DONE, "tactics": IN_PROGRESS}, facts)
    assert ready_to_submit({**ALL_DONE, "tactics": NOT_STARTED}, Facts(used_force=False))


def test_only_the_reporter_edits_shared_sections():
    assert can_edit(STEP_BY_SLUG["about"], Facts(is_reporter=True))
    assert not can_edit(STEP_BY_SLUG["about"], Facts(is_reporter=False))
    assert can_edit(STEP_BY_SLUG["reflection"], Facts(is_reporter=False))
