"""Preparing a release: one labeller across sections, undo by offsets, redaction of every occurrence."""
from __future__ import annotations

from debrief.release.preparation import REDACTED, REDACTION, prepare

SOURCES = {
    "summary": "PC Jane Smith attended 12 Mill Lane with Sergeant Bob Jones of Northshire Police.",
    "what_happened": "22:15 Jane Smith called for backup from the bridge.\n22:40 Bob Jones arrived at the bridge.",
    "findings_key_learning": "Jane had no radio signal.",
}
IDS = {"people": ["Jane Smith", "Bob Jones"], "force": "Northshire Police", "places": ["12 Mill Lane"]}


def _section(sections, key):
    return next(s for s in sections if s.key == key)


def test_names_force_and_places_are_replaced_with_labels_kept_across_sections():
    sections = prepare(SOURCES, **IDS)
    summary = _section(sections, "summary").text
    for secret in ("Jane", "Smith", "Bob", "Jones", "Northshire", "Mill Lane"):
        assert all(secret not in s.text for s in sections), secret
    assert "the force" in summary
    officer = next(e for e in _section(sections, "summary").entities if e.text == "Jane Smith").replacement
    assert officer in _section(sections, "what_happened").text
    assert officer in _section(sections, "findings_key_learning").text


def test_undo_keeps_the_source_words_and_only_that_occurrence():
    first = prepare(SOURCES, **IDS)
    place = next(e for e in _section(first, "summary").entities if e.text == "12 Mill Lane")
    again = prepare(SOURCES, **IDS, undone=[("summary", place.start, place.end)])
    summary = _section(again, "summary")
    assert "12 Mill Lane" in summary.text
    assert place in summary.undone and place not in summary.entities
    assert "Jane" not in summary.text


def test_redaction_replaces_every_occurrence_in_its_section_only():
    sections = prepare(SOURCES, **IDS, redactions=[("what_happened", "the bridge")])
    what = _section(sections, "what_happened")
    assert "bridge" not in what.text and what.text.count(REDACTED) == 2
    assert [e.label for e in what.entities].count(REDACTION) == 2
    assert "backup" in what.text


def test_segments_highlight_each_replacement_on_both_sides():
    summary = _section(prepare(SOURCES, **IDS), "summary")
    source = summary.source_segments()
    released = summary.released_segments()
    assert "".join(s.text for s in source) == summary.source
    assert "".join(s.text for s in released) == summary.text
    assert [s.entity for s in source if s.entity] == [s.entity for s in released if s.entity] == list(summary.entities)


def test_the_same_input_gives_the_same_offsets():
    assert prepare(SOURCES, **IDS) == prepare(SOURCES, **IDS)
