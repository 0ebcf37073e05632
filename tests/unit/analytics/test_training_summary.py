"""Training needs' debrief evidence, and the incidents with a submitted debrief, come from the debriefs' rollup
(tactics by Taser group with injuries, reflection topics, incidents): known answers, each equal to a count made
afresh in Python from the raw debriefs, also after edits and deletes noted as the services note them (run on SQLite
and PostgreSQL)."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from debrief.analytics import debrief_summary, incidents, training_needs
from debrief.analytics.debrief_topics import BITS
from debrief.analytics.filters import PatternFilters
from debrief.analytics.training_topics import mentions_training, topics_in
from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import Debrief, DebriefTactic, Incident, IncidentTheme, Injury
from tests.support.patterns import debrief_with

TODAY = date(2026, 7, 1)


def filters(**kwargs) -> PatternFilters:
    return PatternFilters(month_from=202601, month_to=202606, today=TODAY, source="debriefs", **kwargs)


def _group(debrief: Debrief) -> str:
    trained, carrying = debrief.taser_trained, debrief.taser_carried
    if trained is True and carrying is True:
        return "carrying"
    if trained is True and carrying is False:
        return "not_carrying"
    return "not_trained" if trained is False else "not_recorded"


def recount(f: PatternFilters) -> tuple[dict, dict]:
    """(tactic counts, topics) counted in Python from every debrief, as rollup_evidence gives them."""
    tactics: dict[tuple[str, str], list[int]] = {}
    topics = {code: [0, 0] for code in BITS}
    training = only = 0
    for debrief in db.session.scalars(select(Debrief)):
        if debrief.status != "submitted" or not in_scope(debrief.incident, f):
            continue
        officer = any(i.person is not None and i.person != "subject" for i in debrief.injuries)
        subject = any(i.person == "subject" for i in debrief.injuries)
        for tactic in debrief.tactics:
            row = tactics.setdefault((tactic.tactic, _group(debrief)), [0, 0, 0, 0, 0])
            for i, counted in enumerate((True, tactic.effective is True, tactic.effective is False, officer, subject)):
                row[i] += int(counted)
        raised = topics_in(debrief.could_differ, debrief.why_differ)
        mentions = mentions_training(debrief.could_differ, debrief.why_differ)
        for code in raised:
            topics[code][0] += 1
            topics[code][1] += int(mentions)
        training += int(mentions)
        only += int(mentions and not raised)
    topics["training"] = [training, 0]
    topics[training_needs.NO_TOPIC] = [only, only]
    return {training_needs.DEBRIEFS: tactics}, topics


def in_scope(incident: Incident, f: PatternFilters) -> bool:
    return incident.occurred_at is not None and f.start <= incident.occurred_at < f.end \
        and (f.force_ids is None or incident.force_id in f.force_ids) \
        and (not f.theme or f.theme in {t.theme for t in incident.theme_rows}) \
        and (f.near_miss is None or incident.near_miss is f.near_miss)


def incidents_recount(f: PatternFilters) -> dict[str, list[int]]:
    """{month name: [incidents, near misses]} with at least one submitted debrief, counted in Python."""
    found = {f.month_name(m): [0, 0] for m in f.months}
    for incident in db.session.scalars(select(Incident)):
        if in_scope(incident, f) and any(d.status == "submitted" for d in incident.debriefs):
            month = incident.occurred_at.year * 100 + incident.occurred_at.month
            found[f.month_name(month)][int(incident.near_miss is True)] += 1
    return found


def incidents_read(f: PatternFilters) -> dict[str, list[int]]:
    table = incidents.incidents_per_month(db.session, f)
    headline = incidents.headline(db.session, f)
    found = {row[0]: list(row[1:3]) for row in table.rows}
    assert [headline.value(incidents.HEADLINE_INCIDENTS, "Number"),
            headline.value(incidents.HEADLINE_NEAR_MISSES, "Number")] == [sum(v[i] for v in found.values())
                                                                         for i in (0, 1)]
    return found


SCOPES = (dict(), dict(theme="use_of_force"), dict(near_miss=False), dict(theme="custody", near_miss=True))


def assert_matches_recount(forces) -> None:
    for scope in (*SCOPES, dict(force_ids=(forces["A"].id,)), dict(force_ids=(forces["B"].id,))):
        assert training_needs.rollup_evidence(db.session, filters(**scope)) == recount(filters(**scope)), scope
        assert incidents_read(filters(**scope)) == incidents_recount(filters(**scope)), scope


@pytest.fixture
def made(people, forces):
    a, b = people[("A", Role.OFFICER)], people[("B", Role.OFFICER)]
    first = debrief_with(author=a, occurred_at=datetime(2026, 3, 10, 10), themes=["use_of_force"],
                         taser_trained=True, taser_carried=True, tactics=[("taser", True), ("unarmed_skills", False)],
                         injuries=[("officer", "minor")],
                         could_differ="More Taser refresher training would have helped.", why_differ="")
    second = debrief_with(author=a, occurred_at=datetime(2026, 3, 20, 22), themes=["custody", "use_of_force"],
                          taser_trained=False, taser_carried=False, tactics=[("limb_body_restraint", None)],
                          injuries=[("subject", "severe"), ("officer", "minor")],
                          could_differ="Radio kept cutting out.", why_differ="Calmer talking would help.")
    third = debrief_with(author=b, occurred_at=datetime(2026, 5, 2, 3), near_miss=True, themes=["custody"],
                         could_differ="A course on officer safety.", why_differ="")
    fourth = debrief_with(author=b, occurred_at=datetime(2026, 4, 1, 12), themes=["use_of_force"],
                          taser_trained=True, taser_carried=False, tactics=[("compliant_handcuffing", True)],
                          could_differ="", why_differ="")
    return first, second, third, fourth


def test_the_rollup_gives_the_known_answers(made, forces):
    tactics, topics = training_needs.rollup_evidence(db.session, filters())
    assert tactics[training_needs.DEBRIEFS] == {
        ("taser", "carrying"): [1, 1, 0, 1, 0], ("unarmed_skills", "carrying"): [1, 0, 1, 1, 0],
        ("limb_body_restraint", "not_trained"): [1, 0, 0, 1, 1],
        ("compliant_handcuffing", "not_carrying"): [1, 1, 0, 0, 0]}
    assert topics["taser"] == [1, 1]
    assert topics["equipment"] == [1, 0] and topics["communication"] == [1, 0]
    assert topics["training"] == [2, 0]  # the first debrief and the near miss's "course on officer safety"
    assert topics[training_needs.NO_TOPIC] == [1, 1]
    near = training_needs.rollup_evidence(db.session, filters(near_miss=True))[1]
    assert near["training"] == [1, 0] and near["taser"] == [0, 0]
    assert incidents_read(filters())["Mar 2026"] == [2, 0] and incidents_read(filters())["May 2026"] == [0, 1]
    assert_matches_recount(forces)


def test_the_rollup_equals_a_recount_after_each_edit_and_delete(made, forces, people):
    first, second, third, fourth = made

    def step(change) -> None:
        # As a service does: the slices counted before the change and after it, noted with it, recounted after.
        incidents = [d.incident for d in made]
        before = debrief_summary.counted_in(incidents)
        change()
        db.session.flush()
        debrief_summary.note(db.session, before | debrief_summary.counted_in(incidents))
        db.session.commit()
        debrief_summary.ensure_fresh(db.session)
        assert_matches_recount(forces)

    step(lambda: setattr(first, "could_differ", "Handcuffing drills, and first aid training."))  # mask rewritten
    step(lambda: setattr(first, "taser_carried", False))  # moves to another Taser group
    step(lambda: fourth.injuries.append(Injury(person="subject", severity="minor", medical_help="none")))
    step(lambda: setattr(second.tactics[0], "effective", False))
    step(lambda: first.tactics.append(DebriefTactic(tactic="baton_drawn", effective=True)))
    step(lambda: setattr(third.incident, "near_miss", False))
    step(lambda: second.incident.theme_rows.append(IncidentTheme(theme="mental_health")))
    step(lambda: setattr(fourth.incident, "occurred_at", datetime(2026, 6, 30, 23, 0)))  # another month
    step(lambda: db.session.add(Debrief(incident=first.incident, author=people[("A", Role.REVIEWER)], kind="hot",
                                        status="submitted", submitted_at=datetime(2026, 3, 11, 9), section_status={},
                                        could_differ="Taser training.", tactics=[DebriefTactic(tactic="taser",
                                                                                               effective=False)])))
    step(lambda: setattr(second, "status", "draft"))  # sent back: no longer counted
    step(lambda: db.session.delete(first.injuries[0]))
    step(lambda: db.session.delete(third))
    tactics = training_needs.rollup_evidence(db.session, filters())[0][training_needs.DEBRIEFS]
    assert tactics[("baton_drawn", "not_carrying")] == [1, 1, 0, 0, 0]
    assert ("limb_body_restraint", "not_trained") not in tactics
