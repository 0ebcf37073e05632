"""The structured report's sections: the NHS order, which must be written, and what changed between versions."""
from __future__ import annotations

from debrief.rca.report_sections import SECTION_KEYS, SECTIONS, changed_sections, missing_sections


def test_sections_follow_the_nhs_report_order():
    assert SECTION_KEYS == ("executive_summary", "incident_and_consequences", "involvement_and_support",
                            "service_delivery_problems", "contributory_factors", "root_causes",
                            "incidental_findings", "notable_practice", "lessons", "recommendations",
                            "sharing_learning")
    assert all(s.hint for s in SECTIONS)


def test_missing_sections_are_the_required_ones_not_written():
    assert missing_sections({}) == ["Executive summary", "Description of the incident and its consequences",
                                    "How the people affected were involved and supported", "Lessons learned",
                                    "Arrangements for sharing learning"]
    written = {key: "Text" for key in SECTION_KEYS}
    assert missing_sections(written) == []
    assert missing_sections({**written, "lessons": "   "}) == ["Lessons learned"]


def test_changed_sections_ignore_surrounding_space():
    before = {"executive_summary": "Same", "lessons": "Old"}
    after = {"executive_summary": "Same \n", "lessons": "New", "notable_practice": "Added"}
    assert changed_sections(before, after) == ["Notable practice", "Lessons learned"]
