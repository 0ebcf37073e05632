"""The officer's timeline holds times only: entries sort from the incident's start, across midnight."""
from __future__ import annotations

from datetime import datetime, time
from types import SimpleNamespace

from debrief.auth.roles import Role
from debrief.debriefs import service
from debrief.debriefs.service import timeline_order
from debrief.extensions import db
from tests.support.factories import submitted_debrief


def test_times_before_the_start_are_after_midnight():
    start = time(23, 10)
    times = [time(0, 15), time(23, 30), time(23, 10), time(1, 5)]
    assert sorted(times, key=lambda t: timeline_order(t, start)) == [time(23, 10), time(23, 30), time(0, 15),
                                                                     time(1, 5)]


def test_without_a_start_time_the_day_order_is_kept():
    times = [time(0, 15), time(23, 30)]
    assert sorted(times, key=lambda t: timeline_order(t, None)) == [time(0, 15), time(23, 30)]


def test_entries_added_to_a_debrief_sort_across_midnight(people):
    debrief = submitted_debrief(author=people[("A", Role.OFFICER)], status="draft", submitted_at=None,
                                declaration=False)
    debrief.incident.occurred_at = datetime(2026, 3, 1, 23, 10)
    debrief.timeline.clear()
    db.session.commit()
    for at, what in [("00:20", "Arrived at custody"), ("23:15", "Call received"), ("23:40", "Detained")]:
        form = SimpleNamespace(at=SimpleNamespace(data=at), what=SimpleNamespace(data=what),
                               source=SimpleNamespace(data="Own notes"))
        service.add_timeline_entry(debrief, form, actor=debrief.author)
    db.session.expire_all()
    assert [e.what for e in sorted(debrief.timeline, key=lambda e: e.position)] == [
        "Call received", "Detained", "Arrived at custody"]
