"""The debriefs' monthly rollup: each change is noted explicitly with it, recounted after it commits, and always
equals counting every debrief afresh (run on SQLite and PostgreSQL)."""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime

import pytest
from sqlalchemy import func, select, update

from debrief.analytics import debrief_summary, use_of_force
from debrief.analytics.filters import PatternFilters
from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import Debrief, DebriefSummary, DebriefSummaryChange, DebriefTactic, IncidentTheme, Injury
from tests.support.factories import submitted_debrief
from tests.support.patterns import debrief_with

TODAY = date(2026, 7, 1)


def filters(**kwargs) -> PatternFilters:
    return PatternFilters(month_from=202601, month_to=202606, today=TODAY, **kwargs)


def rollup() -> Counter:
    """Every rollup figure, keyed by what it counts (rows of one key summed, as the dashboards sum them)."""
    d = DebriefSummary
    out: Counter = Counter()
    for row in db.session.execute(select(d.force_id, d.incident_month, d.near_miss, d.theme, d.measure, d.code,
                                         d.records, d.assaulted, d.staff_injured, d.subject_injured, d.effective,
                                         d.not_effective)):
        key, counts = tuple(row[:6]), row[6:]
        for name, n in zip(("records", "assaulted", "staff", "subject", "effective", "not_effective"), counts):
            if n:
                out[(*key, name)] += n
    return out


def afresh() -> Counter:
    """What counting every debrief from nothing gives, left uncommitted and rolled back."""
    db.session.commit()
    debrief_summary.rebuild(db.session)
    counted = rollup()
    db.session.rollback()
    return counted


def changes() -> int:
    return db.session.scalar(select(func.count()).select_from(DebriefSummaryChange))


@pytest.fixture
def two(people):
    officer = people[("A", Role.OFFICER)]
    first = debrief_with(author=officer, occurred_at=datetime(2026, 3, 10, 10, 0), themes=["use_of_force"],
                         assaulted=True, impact_factors=["alcohol"], tactics=[("taser", True)],
                         injuries=[("officer", "minor")], role_on_day="response")
    second = debrief_with(author=officer, occurred_at=datetime(2026, 4, 2, 22, 0), near_miss=True,
                          themes=["mental_health", "custody"], reasons=["protect_self"])
    assert changes() == 0  # each was counted by the helper's refresh
    return first, second


def test_the_first_build_counts_every_theme_and_kind(two):
    by_theme = use_of_force.assaults_per_month(db.session, filters(theme="use_of_force"))
    assert by_theme.value("Mar 2026", "Officers and staff assaulted (debriefs)") == 1
    near_misses = use_of_force.reasons(db.session, filters(near_miss=True, source="debriefs"))
    assert near_misses.value("Protect self", "Records (debriefs)") == 1
    custody = use_of_force.reasons(db.session, filters(theme="custody", source="debriefs"))
    assert custody.value("Protect self", "Records (debriefs)") == 1
    assert use_of_force.reasons(db.session, filters(near_miss=False, source="debriefs")) \
        .value("Protect self", "Records (debriefs)") == 0
    assert rollup() == afresh()


def test_each_kind_of_change_is_recounted_to_what_a_full_count_gives(two):
    first, second = two

    def step(change) -> None:
        # As a service does: the slices counted before the change, the change, the slices after, noted with it.
        incidents = [first.incident, second.incident]
        before = debrief_summary.counted_in(incidents)
        made = change()
        if isinstance(made, Debrief):
            incidents.append(made.incident)
        db.session.flush()
        debrief_summary.note(db.session, before | debrief_summary.counted_in(incidents))
        db.session.commit()
        assert changes() > 0, "the change was not noted"
        assert debrief_summary.ensure_fresh(db.session) is True
        assert changes() == 0
        assert rollup() == afresh()

    step(lambda: first.injuries.append(Injury(person="subject", severity="severe", medical_help="none")))
    step(lambda: setattr(first.tactics[0], "effective", False))
    step(lambda: first.tactics.append(DebriefTactic(tactic="shield", effective=None)))
    step(lambda: setattr(first.incident, "occurred_at", datetime(2026, 5, 1, 3, 0)))  # moves to another month
    step(lambda: setattr(second.incident, "near_miss", False))
    step(lambda: second.incident.theme_rows.append(IncidentTheme(theme="use_of_force")))
    step(lambda: setattr(first.incident.officers[0], "role_on_day", "custody"))
    step(lambda: setattr(first, "impact_factors", ["drugs", "weapon"]))
    step(lambda: setattr(first, "submitted_at", datetime(2026, 6, 20, 9, 0)))  # a later band of timeliness
    step(lambda: setattr(first, "kind", "cold"))
    step(lambda: db.session.delete(first.injuries[0]))
    step(lambda: setattr(second, "status", "draft"))  # sent back for amendment: no longer counted
    step(lambda: submitted_debrief(author=first.author, occurred_at=datetime(2026, 6, 30, 23, 59)))
    assert use_of_force.tactics(db.session, filters()).value("Shield", "Used (debriefs)") == 1
    step(lambda: db.session.delete(first))
    assert use_of_force.tactics(db.session, filters()).rows == []


def test_a_change_that_rolls_back_leaves_no_note(two):
    first, _ = two
    first.incident.near_miss = True
    debrief_summary.note(db.session, debrief_summary.counted_in([first.incident]))
    db.session.flush()
    assert changes() == 1
    db.session.rollback()
    assert changes() == 0
    assert debrief_summary.ensure_fresh(db.session) is False


def test_a_draft_counts_in_no_slice_so_its_changes_note_nothing(two, people):
    first, _ = two
    assert debrief_summary.counted_in([first.incident]) == {(first.incident.force_id, 202603)}
    draft = submitted_debrief(author=people[("A", Role.OFFICER)], status="draft", occurred_at=datetime(2026, 2, 1))
    assert debrief_summary.counted_in([draft.incident]) == set()
    draft.assaulted = True
    draft.tactics.append(DebriefTactic(tactic="taser", effective=True))
    debrief_summary.commit_counted(db.session, [draft.incident])
    assert changes() == 0
    assert debrief_summary.ensure_fresh(db.session) is False
    assert rollup() == afresh()


def test_a_service_change_is_recounted_when_it_commits_with_no_page_view(two, people):
    from debrief.debriefs.service import submit_debrief

    officer = people[("A", Role.OFFICER)]
    draft = submitted_debrief(author=officer, status="draft", submitted_at=None, declaration=False,
                              occurred_at=datetime(2026, 5, 20, 8, 0), assaulted=True)
    assert use_of_force.assaults_per_month(db.session, filters()).value(
        "May 2026", "Officers and staff assaulted (debriefs)") == 0
    submit_debrief(draft, actor=officer)
    assert changes() == 0  # noted with the change and recounted once it committed
    assert use_of_force.assaults_per_month(db.session, filters()).value(
        "May 2026", "Officers and staff assaulted (debriefs)") == 1
    assert rollup() == afresh()


def test_no_flush_listener_of_the_dashboards_notes_changes(two):
    from sqlalchemy.orm import Session

    first, _ = two
    ours = [fn for fn in (*Session().dispatch.after_flush, *db.session().dispatch.after_flush)
            if getattr(fn, "__module__", "").startswith(("debrief.analytics", "debrief.nationaldata"))]
    assert ours == []
    first.incident.near_miss = True
    db.session.commit()
    assert changes() == 0  # a write around the services is not noted; the totals check or a command catches it


def test_writes_around_the_orm_are_caught_by_the_totals_and_rebuilt(two):
    first, _ = two
    db.session.execute(update(Debrief).where(Debrief.id == first.id).values(status="draft"))  # no ORM flush
    db.session.commit()
    assert changes() == 0
    assert debrief_summary.ensure_fresh(db.session) is True
    assert rollup() == afresh()
    assert use_of_force.assaults_per_month(db.session, filters()).value(
        "Mar 2026", "Officers and staff assaulted (debriefs)") == 0


def test_many_changed_months_rebuild_the_whole_rollup(two, monkeypatch):
    first, _ = two
    monkeypatch.setattr(debrief_summary, "MOST_SLICES", 1)
    before = debrief_summary.counted_in([first.incident])
    first.incident.occurred_at = datetime(2026, 1, 15, 12, 0)  # two months touched: the old and the new
    debrief_summary.commit_counted(db.session, [first.incident], before)
    assert changes() == 0
    assert rollup() == afresh()
    first.incident.occurred_at = datetime(2026, 2, 15, 12, 0)
    debrief_summary.note(db.session, before | debrief_summary.counted_in([first.incident]))
    db.session.commit()
    assert debrief_summary.ensure_fresh(db.session) is True
    assert rollup() == afresh()


def test_a_rollup_of_an_older_layout_is_rebuilt_whole(two):
    from debrief.models import DebriefSummaryState

    db.session.execute(update(DebriefSummary).values(records=DebriefSummary.records + 100))  # stale, old layout
    db.session.execute(update(DebriefSummaryState).values(layout=debrief_summary.LAYOUT - 1))
    db.session.commit()
    assert debrief_summary.ensure_fresh(db.session) is True
    assert db.session.get(DebriefSummaryState, 1).layout == debrief_summary.LAYOUT
    assert rollup() == afresh()
