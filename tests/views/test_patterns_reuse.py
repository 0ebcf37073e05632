"""Patterns statements are built once for a filters value and reused, but every view reads the data afresh.

The headline, the page's rollup read and the latest imports keep their built statement (building it cost more than
running it); what they return must still follow the data: a debrief or import added between two reads shows.
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from debrief.analytics import incidents, rollup_reads, service
from debrief.analytics.filters import PatternFilters
from debrief.extensions import db
from debrief.models import User
from tests.support.patterns import debrief_with, national_rows

FILTERS = PatternFilters(month_from=202601, month_to=202606, today=date(2026, 12, 7))


def _headline() -> dict[str, int]:
    return dict(incidents.headline(db.session, FILTERS).rows)


def test_a_reused_statement_reads_what_was_added_since(people, forces):
    officer = db.session.scalar(select(User).where(User.email == "officer@aaa.example"))
    force_ids = (officer.force_id,)
    before, runs_before = _headline(), len(service.recent_imports(force_ids))
    months_before = rollup_reads._load(db.session, FILTERS).by_month("all", national=False)
    statement = incidents._headline_statement(FILTERS)[1]

    debrief_with(author=officer, occurred_at=datetime(2026, 2, 3, 10, 0), tactics=[("taser", True)])
    national_rows(officer.force, [dict(day=date(2026, 2, 3))])

    after = _headline()
    assert incidents._headline_statement(FILTERS)[1] is statement  # the same statement, run again
    assert after["Debriefs submitted"] == before["Debriefs submitted"] + 1
    assert after[incidents.HEADLINE_INCIDENTS] == before[incidents.HEADLINE_INCIDENTS] + 1
    assert after["Uses of force in the national data"] == before["Uses of force in the national data"] + 1
    months_after = rollup_reads._load(db.session, FILTERS).by_month("all", national=False)
    assert months_after.get(202602, 0) == months_before.get(202602, 0) + 1
    runs = service.recent_imports(force_ids)
    assert len(runs) == runs_before + 1 and runs[0].file_name == "hand-made.csv"
    assert runs[0].force_name == officer.force.name
    # Another force's scope is another statement, and does not count this force's import.
    other = next(f.id for f in forces.values() if f.id != officer.force_id)
    assert all(run.force_name != officer.force.name for run in service.recent_imports((other,)))


def test_a_page_reads_only_the_measures_it_used_and_still_answers_any_other(people):
    """A page's rollup read is of the measures its figures asked for last time; a figure asking for another gets it
    read then (one more query), with the same counts as a read of every measure, and the page remembers it."""
    officer = db.session.scalar(select(User).where(User.email == "officer@aaa.example"))
    debrief_with(author=officer, occurred_at=datetime(2026, 2, 3, 10, 0), tactics=[("taser", True)])
    national_rows(officer.force, [dict(day=date(2026, 2, 3))])
    every = rollup_reads._load(db.session, FILTERS)  # outside one_page: every measure
    try:
        with rollup_reads.one_page("test-page"):
            first = rollup_reads.sums(db.session, FILTERS)
            assert first._read is None  # nothing learnt yet: every measure read
            assert first.by_month("all", national=False) == every.by_month("all", national=False) != {}
        assert rollup_reads._MEASURES["test-page"] == {"all"}
        with rollup_reads.one_page("test-page"):
            later = rollup_reads.sums(db.session, FILTERS)
            assert later._read == {"all"}  # only what the page used
            assert later.by_month("all", national=True) == every.by_month("all", national=True) != {}
            assert later.by_code("tactic", national=False) == every.by_code("tactic", national=False) != {}
            assert later._read == {"all", "tactic"}
        assert rollup_reads._MEASURES["test-page"] == {"all", "tactic"}
    finally:
        rollup_reads._MEASURES.pop("test-page", None)
