"""A released chronology's runs of entries at the same time of day are said once, the entries listed under it."""
from __future__ import annotations

import pytest

from debrief.publications.chronology import said_once
from tests.support.pages import get_page
from tests.support.publication_factories import create_case_study

RELEASED = ("In the early hours: A call reports a man on a bridge.\n"
            "In the early hours: Officer A arrives and speaks to him.\n"
            "in the early hours: An ambulance is requested.\n"
            "In the morning: He is taken to hospital.\n"
            "At 09:30: A handover is made.\n"
            "At 09:30: The officers leave.\n"
            "Around that time: A supervisor reviews the log.")


def test_a_run_of_the_same_time_of_day_is_said_once_with_its_entries_as_a_list():
    assert said_once(RELEASED) == (
        "In the early hours:\n"
        "- A call reports a man on a bridge.\n"
        "- Officer A arrives and speaks to him.\n"
        "- An ambulance is requested.\n"
        "In the morning: He is taken to hospital.\n"
        "At 09:30:\n"
        "- A handover is made.\n"
        "- The officers leave.\n"
        "Around that time: A supervisor reviews the log.")


@pytest.mark.parametrize("text", [
    "",
    "In the early hours: One entry only.\nIn the morning: Another.",
    "A paragraph.\n\nIn the early hours: not a run.\n\nIn the early hours: apart, in another paragraph.",
    "In the early hours:no space, so not an entry\nIn the early hours:no space either",
    "- In the early hours: a list item\n- In the early hours: another",
])
def test_anything_else_is_left_as_it_was(text):
    assert said_once(text) == text


def test_none_is_empty():
    assert said_once(None) == ""


def test_the_case_study_page_says_it_once(client, forces):
    case = create_case_study(force=forces["A"], title="A night on a bridge", what_happened=RELEASED)
    page = get_page(client, f"/magazine/case-studies/{case.id}")
    section = page.html.find(id="what-happened")
    body = []
    for element in section.find_next_siblings():
        if element.name == "h2":
            break
        body.append(element)
    text = " ".join(e.get_text(" ", strip=True) for e in body)
    assert text.count("In the early hours") == 1 and text.count("At 09:30") == 1
    items = [li.get_text(strip=True) for e in body if e.name == "ul" for li in e.find_all("li")]
    assert items == ["A call reports a man on a bridge.", "Officer A arrives and speaks to him.",
                     "An ambulance is requested.", "A handover is made.", "The officers leave."]
