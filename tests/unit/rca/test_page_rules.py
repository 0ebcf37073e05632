"""Rules that used to live in the RCA views, tested where they now are: the edit rules, when a chronology entry
happened, fishbone grouping, the just-culture check across texts, and an SVG drawing as a file of its own."""
from __future__ import annotations

from datetime import date, datetime, time
from types import SimpleNamespace

from debrief.rca.downloads import download_name, standalone_svg
from debrief.rca.framework import CATEGORIES, group_by_category
from debrief.rca.justculture import findings_across
from debrief.rca.service.chronology import entry_moment
from debrief.rca.service.common import can_edit, can_update_plan

LEAD, OTHER = SimpleNamespace(id=1), SimpleNamespace(id=2)


def _rca(status: str):
    return SimpleNamespace(lead_id=LEAD.id, status=status, editable=status == "draft")


def test_only_the_lead_edits_and_only_a_draft():
    assert can_edit(_rca("draft"), LEAD)
    assert not can_edit(_rca("draft"), OTHER)
    assert not can_edit(_rca("in_review"), LEAD)
    assert not can_edit(_rca("signed_off"), LEAD)


def test_the_plan_is_updated_by_the_lead_after_sign_off_too_but_not_in_review():
    assert can_update_plan(_rca("draft"), LEAD) and can_update_plan(_rca("signed_off"), LEAD)
    assert not can_update_plan(_rca("in_review"), LEAD)
    assert not can_update_plan(_rca("signed_off"), OTHER)


def test_a_chronology_moment_from_the_date_and_time_typed():
    incident = SimpleNamespace(occurred_at=datetime(2026, 3, 27, 22, 15))
    assert entry_moment(incident, date(2026, 3, 28), time(1, 5)) == datetime(2026, 3, 28, 1, 5)
    assert entry_moment(incident, date(2026, 3, 28), None) == datetime(2026, 3, 28, 0, 0)
    assert entry_moment(incident, None, time(22, 40)) == datetime(2026, 3, 27, 22, 40)
    # A time well before the incident started belongs to the next day: it ran past midnight.
    assert entry_moment(incident, None, time(0, 20)) == datetime(2026, 3, 28, 0, 20)
    assert entry_moment(incident, None, None) is None
    assert entry_moment(SimpleNamespace(occurred_at=None), None, time(9, 0)) is None


def test_fishbone_groups_every_category_in_order_and_uncategorised_last():
    items = [SimpleNamespace(name="a", category=CATEGORIES[1].code), SimpleNamespace(name="b", category=None),
             SimpleNamespace(name="c", category=CATEGORIES[1].code)]
    grouped = group_by_category(items, category_of=lambda i: i.category)
    assert list(grouped) == [c.code for c in CATEGORIES] + ["uncategorised"]
    assert [i.name for i in grouped[CATEGORIES[1].code]] == ["a", "c"]
    assert [i.name for i in grouped["uncategorised"]] == ["b"]
    assert grouped[CATEGORIES[0].code] == []


def test_just_culture_findings_name_where_each_was_found():
    found = findings_across([("Findings", "PC Smith failed to follow the policy."), ("Lessons", "Night cover is thin.")],
                            names=["John Smith"])
    assert found and {f["where"] for f in found} == {"Findings"}
    assert set(found[0]) == {"where", "sentence", "phrase", "suggestion"}


def test_an_inline_drawing_becomes_a_standalone_svg_file_once():
    inline = '<svg width="10" height="10"><title id="t">Graph</title></svg>'
    standalone = standalone_svg(inline)
    assert standalone.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" ')
    assert standalone_svg(standalone) == standalone
    assert download_name("NSP-2026-0001", "graph", "svg") == "NSP-2026-0001-graph.svg"
