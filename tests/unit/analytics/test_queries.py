"""Patterns queries against hand-made data with known answers (run on SQLite and PostgreSQL)."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from debrief.analytics import incidents, rca_learning, risk, suppression, use_of_force
from debrief.analytics.filters import PatternFilters
from debrief.analytics.tables import SMALL_BASE, Table
from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import Debrief
from tests.support.factories import one_user_per_role, two_forces
from tests.support.patterns import debrief_with, national_rows, signed_off_rca

TODAY = date(2026, 7, 1)


def filters(**kwargs) -> PatternFilters:
    return PatternFilters(month_from=kwargs.pop("month_from", 202601), month_to=kwargs.pop("month_to", 202606),
                          today=TODAY, **kwargs)


def _fill() -> list[int]:
    """The records every test here starts from, made once (the `template` marker) and copied per test."""
    forces = two_forces()
    people = one_user_per_role(forces)
    a, b = forces["A"], forces["B"]
    officer_a, officer_b = people[("A", Role.OFFICER)], people[("B", Role.OFFICER)]
    d1 = debrief_with(author=officer_a, occurred_at=datetime(2026, 3, 10, 10, 0), near_miss=False,
                      themes=["use_of_force"], assaulted=True, single_crewed=True,
                      impact_factors=["alcohol", "drugs"], reasons=["protect_self"],
                      tactics=[("compliant_handcuffing", True), ("taser", False)],
                      injuries=[("officer", "minor"), ("subject", "severe")], role_on_day="response",
                      submitted_at=datetime(2026, 3, 10, 20, 0))
    d2 = debrief_with(author=officer_a, occurred_at=datetime(2026, 3, 20, 23, 0), near_miss=True,
                      themes=["mental_health"], assaulted=False, impact_factors=["mental_health"],
                      submitted_at=datetime(2026, 3, 25, 9, 0))
    d3 = debrief_with(author=officer_a, occurred_at=datetime(2026, 5, 2, 14, 0), near_miss=False,
                      themes=["use_of_force"], tactics=[("taser", True)], kind="cold",
                      submitted_at=datetime(2026, 6, 20, 9, 0))
    d4 = debrief_with(author=officer_b, occurred_at=datetime(2026, 3, 5, 3, 0), near_miss=False,
                      themes=["use_of_force"], assaulted=True, reasons=["protect_self", "effect_arrest"],
                      submitted_at=datetime(2026, 3, 5, 12, 0))
    # Outside the months chosen: never counted.
    debrief_with(author=officer_a, occurred_at=datetime(2025, 12, 31, 23, 0), assaulted=True,
                 tactics=[("taser", True)])
    national_rows(a, [
        dict(day=date(2026, 3, 1), assaulted=True, staff_injured=True, staff_injury_severity="minor",
             impact_factors=["alcohol"], reasons=["protect_self"], outcomes=["arrested"],
             tactic_list=[("taser", True), ("compliant_handcuffing", None)]),
        dict(day=date(2026, 3, 2), assaulted=False, subject_injured=True, subject_injury_severity="severe",
             outcomes=["arrested", "hospitalised"], tactic_list=[("taser", False)]),
        dict(day=date(2026, 4, 9), assaulted=True, subject_injured=True, impact_factors=["alcohol", "crowd"],
             tactic_list=[("baton_drawn", True)]),
        dict(day=date(2025, 11, 9), assaulted=True, tactic_list=[("taser", True)]),  # outside the months
    ])
    national_rows(b, [dict(day=date(2026, 3, 3), assaulted=True, outcomes=["made_off"],
                           tactic_list=[("taser", True)])])
    return [d.id for d in (d1, d2, d3, d4)]


pytestmark = pytest.mark.template("analytics_queries", _fill)


@pytest.fixture
def data(people, forces, databases):
    debriefs = tuple(db.session.get(Debrief, id) for id in databases.filled["analytics_queries"])
    return {"a": forces["A"], "b": forces["B"], "debriefs": debriefs, "people": people}


def test_incidents_and_near_misses_per_month_with_national_uses_beside(data):
    table = incidents.incidents_per_month(db.session, filters())
    assert table.columns == ["Month", incidents.INCIDENTS, incidents.NEAR_MISSES, incidents.NATIONAL_USES]
    assert [row[0] for row in table.rows] == ["Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026", "Jun 2026"]
    assert table.value("Mar 2026", incidents.INCIDENTS) == 2
    assert table.value("Mar 2026", incidents.NEAR_MISSES) == 1
    assert table.value("Mar 2026", incidents.NATIONAL_USES) == 3
    assert table.value("Apr 2026", incidents.NATIONAL_USES) == 1
    assert table.value("May 2026", incidents.INCIDENTS) == 1
    assert table.value("Jan 2026", incidents.INCIDENTS) == 0


def test_force_scope_counts_one_force_only(data):
    table = incidents.incidents_per_month(db.session, filters(force_ids=(data["a"].id,)))
    assert table.value("Mar 2026", incidents.INCIDENTS) == 1
    assert table.value("Mar 2026", incidents.NATIONAL_USES) == 2
    other = incidents.incidents_per_month(db.session, filters(force_ids=(data["b"].id,)))
    assert other.value("Mar 2026", incidents.INCIDENTS) == 1
    assert other.value("Mar 2026", incidents.NEAR_MISSES) == 0
    assert other.value("Mar 2026", incidents.NATIONAL_USES) == 1


def test_incidents_count_only_those_with_a_submitted_debrief_as_the_reviewers_queue_does(data):
    from debrief.debriefs.service import review_queue
    from tests.support.factories import submitted_debrief

    officer = data["people"][("A", Role.OFFICER)]
    draft = submitted_debrief(author=officer, occurred_at=datetime(2026, 3, 15, 10, 0), status="draft",
                              submitted_at=None)
    table = incidents.incidents_per_month(db.session, filters(force_ids=(data["a"].id,)))
    assert table.value("Mar 2026", incidents.INCIDENTS) == 1  # the draft's incident is not counted
    queue = review_queue(data["a"].id, date_from=date(2026, 3, 1), date_to=date(2026, 3, 31), near_miss=False)
    assert len(queue) == 1 and draft.incident not in queue
    headline = incidents.headline(db.session, filters(force_ids=(data["a"].id,), month_from=202603,
                                                      month_to=202603))
    assert headline.value("Incidents with a submitted debrief", "Number") == 1


def test_theme_and_near_miss_filters_leave_out_the_national_data(data):
    table = incidents.incidents_per_month(db.session, filters(theme="mental_health"))
    assert table.value("Mar 2026", incidents.NEAR_MISSES) == 1
    assert table.value("Mar 2026", incidents.INCIDENTS) == 0
    assert table.value("Mar 2026", incidents.NATIONAL_USES) == 0
    assert table.notes
    near = incidents.incidents_per_month(db.session, filters(near_miss=False, source="debriefs"))
    assert near.columns == ["Month", incidents.INCIDENTS, incidents.NEAR_MISSES]
    assert near.value("Mar 2026", incidents.NEAR_MISSES) == 0


def test_tactics_and_effectiveness_by_source(data):
    table = use_of_force.tactics(db.session, filters())
    assert table.value("Taser (conducted energy device)", "Used (debriefs)") == 2
    assert table.value("Taser (conducted energy device)", "Effective (debriefs)") == 1
    assert table.value("Taser (conducted energy device)", "Not effective (debriefs)") == 1
    assert table.value("Taser (conducted energy device)", "Effective, % of those recorded (debriefs)") == 50.0
    assert table.value("Taser (conducted energy device)", "Used (national data)") == 3
    assert table.value("Taser (conducted energy device)", "Effective (national data)") == 2
    assert table.value("Compliant handcuffing", "Effective (national data)") == 0
    assert table.value("Compliant handcuffing", "Effective, % of those recorded (national data)") is None
    assert table.value("Baton drawn", "Used (debriefs)") == 0
    labels = [row[0] for row in table.rows]
    assert "Dog bite" not in labels  # a tactic nobody used is left out
    only_debriefs = use_of_force.tactics(db.session, filters(source="debriefs"))
    assert not any("national" in c for c in only_debriefs.columns)


def test_injuries_by_severity_to_subjects_and_officers(data):
    table = use_of_force.injuries(db.session, filters())
    assert table.value("Minor", "Officers and staff (debriefs)") == 1
    assert table.value("Severe", "Subjects (debriefs)") == 1
    assert table.value("Minor", "Officers and staff (national data)") == 1
    assert table.value("Severe", "Subjects (national data)") == 1
    assert table.value(use_of_force.NOT_RECORDED, "Subjects (national data)") == 1
    assert table.value("Fatal", "Subjects (national data)") == 0


def test_assaults_per_month(data):
    table = use_of_force.assaults_per_month(db.session, filters())
    assert table.value("Mar 2026", "Officers and staff assaulted (debriefs)") == 2
    assert table.value("Mar 2026", "Officers and staff assaulted (national data)") == 2
    assert table.value("Apr 2026", "Officers and staff assaulted (national data)") == 1
    scoped = use_of_force.assaults_per_month(db.session, filters(force_ids=(data["a"].id,)))
    assert scoped.value("Mar 2026", "Officers and staff assaulted (debriefs)") == 1


def test_impact_factors_reasons_and_outcomes(data):
    factors = use_of_force.impact_factors(db.session, filters())
    assert factors.value("Alcohol", "Records (debriefs)") == 1
    assert factors.value("Mental health", "Records (debriefs)") == 1
    assert factors.value("Alcohol", "Records (national data)") == 2
    assert factors.value("Crowd", "Records (national data)") == 1
    assert factors.value("Other", "Records (national data)") == 0
    reasons = use_of_force.reasons(db.session, filters())
    assert reasons.value("Protect self", "Records (debriefs)") == 2
    assert reasons.value("Make an arrest", "Records (debriefs)") == 1
    assert reasons.value("Protect self", "Records (national data)") == 1
    outcomes = use_of_force.outcomes(db.session, filters())
    assert outcomes.columns == ["Outcome", "Records (national data)"]
    assert outcomes.value("Arrested", "Records (national data)") == 2
    assert outcomes.value("Made off or escaped", "Records (national data)") == 1
    assert outcomes.value("Hospitalised", "Records (national data)") == 1


def test_debrief_timeliness_bands(data):
    table = incidents.debrief_timeliness(db.session, filters())
    assert table.value("Within 1 day", "Hot debriefs") == 2  # d1 (10 hours), d4 (9 hours)
    assert table.value("3 to 7 days", "Hot debriefs") == 1  # d2 (4.4 days)
    assert table.value("More than 4 weeks", "Cold debriefs") == 1  # d3 (49 days)
    assert sum(row[1] + row[2] for row in table.rows) == 4


def test_rca_timeliness_against_sixty_working_days(data):
    d1, d2, d3, d4 = data["debriefs"]
    lead = data["people"][("A", Role.REVIEWER)]
    # 60 working days from Monday 2 March 2026 is Friday 29 May 2026: 64 weekdays, less Good Friday (3 April),
    # Easter Monday (6 April), the early May (4 May) and spring (25 May) bank holidays.
    signed_off_rca(d1, lead=lead, categories=["communication"], started_on=date(2026, 3, 2),
                   signed_off_on=date(2026, 5, 29))
    signed_off_rca(d2, lead=lead, categories=["communication"], started_on=date(2026, 3, 2),
                   signed_off_on=date(2026, 6, 1))
    signed_off_rca(d3, lead=lead, categories=[], started_on=date(2026, 5, 4), signed_off_on=None)
    signed_off_rca(d4, lead=data["people"][("B", Role.REVIEWER)], categories=[], started_on=date(2026, 3, 6),
                   signed_off_on=None)
    table = incidents.rca_timeliness(db.session, filters())
    assert table.value(incidents.RCA_ON_TIME, "Number") == 1
    assert table.value(incidents.RCA_LATE, "Number") == 1
    assert table.value(incidents.RCA_OPEN, "Number") == 1  # started 4 May: due in late July
    assert table.value(incidents.RCA_OPEN_LATE, "Number") == 1  # started 6 March: past due by 1 July
    scoped = incidents.rca_timeliness(db.session, filters(force_ids=(data["b"].id,)))
    assert [row[1] for row in scoped.rows] == [0, 0, 0, 1]


@pytest.fixture
def rcas(data):
    d1, d2, d3, d4 = data["debriefs"]
    lead = data["people"][("A", Role.REVIEWER)]
    signed_off_rca(d1, lead=lead, categories=["communication", "working_conditions", "education_training"],
                   root_causes=["working_conditions"], started_on=date(2026, 3, 11), signed_off_on=date(2026, 4, 1),
                   actions=[("open", date(2026, 6, 1)), ("done", date(2026, 5, 1)),
                            ("in_progress", date(2026, 8, 1)), ("open", date(2026, 7, 1))])
    signed_off_rca(d2, lead=lead, categories=["communication", "working_conditions", "working_conditions"],
                   started_on=date(2026, 3, 21), signed_off_on=date(2026, 4, 20))
    signed_off_rca(d4, lead=data["people"][("B", Role.REVIEWER)], categories=["communication", "education_training"],
                   root_causes=["communication"], started_on=date(2026, 3, 6), signed_off_on=date(2026, 3, 30))
    # A draft is not counted in the factor figures (but its actions are).
    signed_off_rca(d3, lead=lead, categories=["communication", "partner_agencies"], started_on=date(2026, 5, 4),
                   signed_off_on=None, actions=[("open", date(2026, 6, 30))])
    return data


def test_factor_categories_recur_across_signed_off_rcas(rcas):
    table = rca_learning.factor_categories(db.session, filters())
    assert table.rows[0][0] == "Communication"
    assert table.value("Communication", "RCAs where it appears") == 3
    assert table.value("Communication", "Contributory factors") == 4  # 3 factors + 1 root cause
    assert table.value("Working conditions", "RCAs where it appears") == 2
    assert table.value("Working conditions", "Contributory factors") == 4
    assert table.value("Working conditions", "Of which root causes") == 1
    assert "Partner agencies" not in [row[0] for row in table.rows]
    scoped = rca_learning.factor_categories(db.session, filters(force_ids=(rcas["a"].id,)))
    assert scoped.value("Communication", "RCAs where it appears") == 2


def test_root_causes_by_category(rcas):
    table = rca_learning.root_causes(db.session, filters())
    assert table.value("Working conditions", "Root causes") == 1
    assert table.value("Communication", "RCAs") == 1
    assert len(table.rows) == 2


def test_actions_by_status_and_overdue(rcas):
    table = rca_learning.actions_by_status(db.session, filters())
    assert table.value("Open", "Actions") == 3
    assert table.value("Open", "Overdue") == 2  # due 1 and 30 June; the one due today (1 July) is not late
    assert table.value("In progress", "Overdue") == 0
    assert table.value("Done", "Actions") == 1
    assert table.value("Done", "Overdue") == 0
    assert "2 recommendations" in table.notes[0]


def test_recommendations_by_progress(rcas):
    d2 = rcas["debriefs"][1]
    from debrief.models import RcaAction, Recommendation, RootCauseAnalysis
    from sqlalchemy import select as sql_select

    rca = db.session.scalar(sql_select(RootCauseAnalysis).where(RootCauseAnalysis.incident_id == d2.incident_id))
    rca.recommendations = [
        Recommendation(text="Closed", actions=[RcaAction(description="a", owner="o", due_on=date(2026, 5, 1),
                                                         status="done")]),
        Recommendation(text="Under way", actions=[RcaAction(description="a", owner="o", due_on=date(2026, 9, 1),
                                                            status="in_progress"),
                                                  RcaAction(description="b", owner="o", due_on=date(2026, 1, 1),
                                                            status="not_taken_forward")]),
        Recommendation(text="Nothing yet"),
    ]
    db.session.commit()
    table = rca_learning.recommendations_by_progress(db.session, filters())
    # d1's recommendation has an action due 1 June still open; so has the draft RCA's (due 30 June).
    assert table.value(rca_learning.REC_OVERDUE, "Number") == 2
    assert table.value(rca_learning.REC_OPEN, "Number") == 1
    assert table.value(rca_learning.REC_NO_ACTIONS, "Number") == 1
    assert table.value(rca_learning.REC_CLOSED, "Number") == 1
    scoped = rca_learning.recommendations_by_progress(db.session, filters(force_ids=(rcas["b"].id,)))
    assert [row[1] for row in scoped.rows] == [0, 0, 0, 0]


def test_cooccurrence_pairs_count_rcas_holding_both(rcas):
    pairs = rca_learning.factor_pairs(db.session, filters())
    got = {(p.first, p.second): p.rcas for p in pairs}
    assert got == {
        ("communication", "working_conditions"): 2,
        ("communication", "education_training"): 2,
        ("education_training", "working_conditions"): 1,
    }
    assert (pairs[0].first, pairs[0].second) == ("communication", "education_training")  # ties by name
    scoped = rca_learning.factor_pairs(db.session, filters(force_ids=(rcas["b"].id,)))
    assert [(p.first, p.second, p.rcas) for p in scoped] == [("communication", "education_training", 1)]
    # The network page's "strongest" table is the first few pairs in this order, each pair's codes in order.
    assert all(p.first < p.second for p in pairs)
    assert pairs == sorted(pairs, key=lambda p: (-p.rcas, p.first, p.second))
    strongest = rca_learning.pairs_table(pairs, limit=2)
    assert [row[2] for row in strongest.rows] == [2, 2] and len(rca_learning.pairs_table(pairs).rows) == 3


def _suppressed(groups, total):
    """The policy over a group table with a total row (records, then counts among them), as the risk view has."""
    table = suppression.apply(Table(["Group", "Records", "A", "B"], [[f"g{i}", *row] for i, row in enumerate(groups)]
                                    + [["Total", *total]], group_size_column=1, total_row=True))
    return [row[1:] for row in table.rows[:-1]], table.rows[-1][1:]


def test_suppression_primary_and_secondary():
    cells, total = _suppressed([[20, 3, 10], [30, 8, 12], [40, 9, 2]], [90, 20, 24])
    # Column 1: one cell under 5, so the next smallest (8) is withheld too.
    assert [row[1] for row in cells] == [risk.FEWER_THAN_5, risk.WITHHELD, 9]
    # Column 2: the 2 is hidden and the smallest other (10) withheld.
    assert [row[2] for row in cells] == [risk.WITHHELD, 12, risk.FEWER_THAN_5]
    assert total == [90, 20, 24]
    # A group of fewer than 5 people shows nothing, and its total column partner is withheld.
    cells, total = _suppressed([[4, 1, 0], [50, 10, 6], [60, 20, 7]], [114, 31, 13])
    assert cells[0] == [risk.FEWER_THAN_5] * 3
    assert cells[1] == [risk.WITHHELD, risk.WITHHELD, risk.WITHHELD]
    assert cells[2] == [60, 20, 7]
    # A small total hides itself; nothing can be subtracted from it.
    cells, total = _suppressed([[3, 1, 1]], [3, 1, 1])
    assert total == [risk.FEWER_THAN_5] * 3


def test_suppression_leaves_no_lone_hidden_cell_in_any_column():
    import random

    rng = random.Random(5)
    for _ in range(200):
        groups = []
        for _ in range(rng.randint(1, 6)):
            n = rng.randint(0, 40)
            groups.append([n, rng.randint(0, n), rng.randint(0, n)])
        total = [sum(col) for col in zip(*groups)]
        cells, total_cells = _suppressed(groups, total)
        for col in range(3):
            hidden = sum(1 for row in cells if not isinstance(row[col], int))
            if isinstance(total_cells[col], int):
                assert hidden != 1 or len(groups) == 1
            for row, raw in zip(cells, groups):
                if raw[col] < 5:
                    assert not isinstance(row[col], int)


def test_risk_by_main_duty_national_with_suppression(data):
    rows = [dict(day=date(2026, 2, d), main_duty="response", assaulted=d <= 6, staff_injured=d <= 2,
                 subject_injured=False) for d in range(1, 13)]
    rows += [dict(day=date(2026, 2, d), main_duty="custody", assaulted=d <= 10, staff_injured=False,
                  subject_injured=d <= 8) for d in range(1, 21)]
    rows += [dict(day=date(2026, 2, d), main_duty="dog_handler", assaulted=True) for d in range(1, 4)]
    national_rows(data["a"], rows)
    f = filters(force_ids=(data["a"].id,), month_from=202602, month_to=202602)
    table = suppression.apply(risk.risk_table(db.session, f, risk.DIMENSION_BY_KEY["main_duty"], "national"))  # as every page shows it
    assert table.value("Custody", "National use-of-force records") == 20
    assert table.value("Custody", "Officers assaulted") == 10
    assert table.value("Custody", "Assault rate (%)") == 50.0
    assert table.value("Custody", "Subjects injured") == 8
    assert table.value("Custody", "Subject injury rate (%)") == 40.0
    # Three dog handlers: fewer than 5 people, so nothing about them is shown.
    assert table.value("Dog handler", "National use-of-force records") == risk.FEWER_THAN_5
    assert table.value("Dog handler", "Officers assaulted") == risk.FEWER_THAN_5
    assert table.value("Dog handler", "Assault rate (%)") == risk.WITHHELD  # made from a withheld count
    # Response's 2 officer injuries are under 5, custody's 0 too: every cell of that column is hidden.
    assert table.value("Response or patrol", "Officers or staff injured") == risk.FEWER_THAN_5
    # The records and assaults columns each had one hidden cell (dog handlers), which the total would give
    # away: the next smallest group (response, 12 records, 6 assaulted) is withheld, and its rate with it.
    assert table.value("Response or patrol", "National use-of-force records") == risk.WITHHELD
    assert table.value("Response or patrol", "Officers assaulted") == risk.WITHHELD
    assert table.value("Response or patrol", "Assault rate (%)") == risk.WITHHELD
    assert table.value(risk.TOTAL_LABEL, "National use-of-force records") == 35
    assert table.value(risk.TOTAL_LABEL, "Officers assaulted") == 19


def test_risk_from_debriefs_by_single_crewing_and_time_of_day(data):
    officer = data["people"][("A", Role.OFFICER)]
    for hour in range(6):
        debrief_with(author=officer, occurred_at=datetime(2026, 2, 1 + hour, 13, 0), single_crewed=True,
                     assaulted=True, injuries=[("officer", "minor")] if hour < 5 else [])
    f = filters(force_ids=(data["a"].id,), month_from=202602, month_to=202602)
    crewing = suppression.apply(risk.risk_table(db.session, f, risk.DIMENSION_BY_KEY["single_crewed"], "debriefs"))  # as every page shows it
    assert crewing.value("Yes", "Submitted debriefs") == 6
    assert crewing.value("Yes", "Officers assaulted") == 6
    assert crewing.value("Yes", "Assault rate (%)") == SMALL_BASE  # a base of 6
    assert crewing.value("Yes", "Officers or staff injured") == 5
    assert crewing.value("Yes", "Subjects injured") == risk.FEWER_THAN_5
    times = suppression.apply(risk.risk_table(db.session, f, risk.DIMENSION_BY_KEY["time_of_day"], "debriefs"))  # as every page shows it
    assert times.value("Afternoon (12:00 to 17:59)", "Submitted debriefs") == 6


def test_risk_from_debriefs_by_time_on_duty_which_the_national_data_does_not_record(data):
    from debrief.analytics import pages

    officer = data["people"][("A", Role.OFFICER)]
    for day in range(1, 17):  # 6 long shifts, all assaulted; 5 short, none; 5 of 8 to 10 hours, all assaulted
        band = "over_12" if day <= 6 else "under_4" if day <= 11 else "8_to_10"
        debrief_with(author=officer, occurred_at=datetime(2026, 2, day, 13, 0), assaulted=band != "under_4",
                     hours_on_duty=band)
    f = filters(force_ids=(data["a"].id,), month_from=202602, month_to=202602)
    duty = suppression.apply(risk.risk_table(db.session, f, risk.DIMENSION_BY_KEY["shift_hours"], "debriefs"))  # as every page shows it
    assert duty.value("More than 12 hours", "Officers assaulted") == 6
    assert duty.value("More than 12 hours", "Assault rate (%)") == SMALL_BASE  # 6 of 6: a base under 10
    assert duty.value("Less than 4 hours", "Submitted debriefs") == 5
    assert duty.value("Less than 4 hours", "Officers assaulted") == risk.FEWER_THAN_5
    assert duty.value("8 to 10 hours", "Officers assaulted") == risk.WITHHELD  # else 16 - 6 - 5 gives the 0
    keys = [spec.key for spec in pages.figure_specs("risk", f)]
    assert "risk-shift-hours-debriefs" in keys and "risk-shift-hours-national" not in keys


def test_risk_never_shows_a_value_outside_the_vocabulary_as_typed(data):
    officer = data["people"][("A", Role.OFFICER)]
    for day in range(1, 7):
        debrief_with(author=officer, occurred_at=datetime(2026, 2, day, 13, 0),
                     role_on_day="Acting Sgt J. Smith" if day % 2 else "Night shift lead")
    f = filters(force_ids=(data["a"].id,), month_from=202602, month_to=202602)
    table = suppression.apply(risk.risk_table(db.session, f, risk.DIMENSION_BY_KEY["main_duty"], "debriefs"))  # as every page shows it
    labels = [row[0] for row in table.rows]
    assert "Acting Sgt J. Smith" not in labels and "Night shift lead" not in labels
    assert table.value(risk.UNLISTED_LABEL, "Submitted debriefs") == 6


def test_the_national_rollup_is_rebuilt_when_rows_are_added(data):
    from debrief.analytics.national_summary import ensure_fresh

    assert ensure_fresh(db.session) is False  # built by the helper, nothing new since
    national_rows(data["a"], [dict(day=date(2026, 6, 1), assaulted=True), dict(day=date(2026, 6, 2))],
                  refresh=False)  # rows added behind the rollup's back, as an import does
    stale = incidents.incidents_per_month(db.session, filters())
    assert stale.value("Jun 2026", incidents.NATIONAL_USES) == 0
    assert ensure_fresh(db.session) is True
    assert ensure_fresh(db.session) is False
    fresh = incidents.incidents_per_month(db.session, filters())
    assert fresh.value("Jun 2026", incidents.NATIONAL_USES) == 2
    assert fresh.value("Mar 2026", incidents.NATIONAL_USES) == 3  # the rest rebuilt the same
    assaults = use_of_force.assaults_per_month(db.session, filters())
    assert assaults.value("Jun 2026", "Officers and staff assaulted (national data)") == 1


def test_rows_committed_out_of_order_are_counted_when_the_count_is_checked(data):
    """Two imports at once: the later one's rows (higher ids) commit and are rolled up first; the earlier one's
    rows (lower ids) commit afterwards and leave the highest id unchanged. The check after an import counts."""
    from sqlalchemy import func, select

    from debrief.analytics.national_summary import ensure_fresh
    from debrief.models import UseOfForceRecord

    top = db.session.scalar(select(func.max(UseOfForceRecord.id)))
    national_rows(data["a"], [dict(id=top + 10, day=date(2026, 6, 1))], refresh=False)  # the later import
    assert ensure_fresh(db.session) is True
    national_rows(data["a"], [dict(id=top + 1, day=date(2026, 6, 2), assaulted=True),
                              dict(id=top + 2, day=date(2026, 6, 3))], refresh=False)  # the earlier import
    assert ensure_fresh(db.session) is False  # the highest id alone cannot tell
    assert incidents.incidents_per_month(db.session, filters()).value("Jun 2026", incidents.NATIONAL_USES) == 1
    assert ensure_fresh(db.session, check_count=True) is True
    assert ensure_fresh(db.session, check_count=True) is False
    fresh = incidents.incidents_per_month(db.session, filters())
    assert fresh.value("Jun 2026", incidents.NATIONAL_USES) == 3
    assert fresh.value("Mar 2026", incidents.NATIONAL_USES) == 3
    assaults = use_of_force.assaults_per_month(db.session, filters())
    assert assaults.value("Jun 2026", "Officers and staff assaulted (national data)") == 1


def test_the_heavy_pages_read_the_rollups_never_the_debriefs_or_national_rows(data):
    """The speed design: use of force and risk read only the two monthly rollups, whatever the filters."""
    import re

    from sqlalchemy import event

    from debrief.analytics import pages

    statements: list[str] = []

    def keep(conn, cursor, statement, *args):
        statements.append(statement)

    raw_tables = re.compile(r"\b(debrief|debrief_tactic|injury|incident|incident_theme|incident_officer|use_of_force|"
                            r"use_of_force_tactic)\b")
    chosen = (filters(), filters(theme="use_of_force", near_miss=False, force_ids=(data["a"].id,)))
    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        for f in chosen:
            for page in ("use-of-force", "risk"):
                assert pages.build_page(db.session, page, f)
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)
    assert statements and all("_summary" in s for s in statements)
    assert [s for s in statements if raw_tables.search(s)] == []


def test_adding_to_the_rollup_gives_the_same_figures_as_rebuilding_it(data):
    from debrief.analytics import pages
    from debrief.analytics.national_summary import rebuild

    # The fixture's second import (force B) was added to the rollup, not rebuilt; add a third.
    national_rows(data["a"], [dict(day=date(2026, 5, d), main_duty="custody", assaulted=d % 2 == 0,
                                   staff_injured=d % 3 == 0, subject_injured=d % 4 == 0,
                                   impact_factors=["drugs"], outcomes=["arrested"],
                                   tactic_list=[("taser", d % 2 == 0), ("shield", None)]) for d in range(1, 15)])
    f = filters(source="national")
    keys = ("incidents", "use-of-force", "risk")
    added = {page: [fig.table.rows for fig in pages.build_page(db.session, page, f)] for page in keys}
    rebuild(db.session)
    db.session.commit()
    rebuilt = {page: [fig.table.rows for fig in pages.build_page(db.session, page, f)] for page in keys}
    assert added == rebuilt
    assert use_of_force.tactics(db.session, f).value("Shield", "Used (national data)") == 14


def test_figures_from_debriefs_and_rcas_are_empty_when_only_national_data_is_chosen(rcas):
    f = filters(source="national")
    assert all(row[1:] == [0, 0] for row in incidents.debrief_timeliness(db.session, f).rows)
    assert all(row[1] == 0 for row in incidents.rca_timeliness(db.session, f).rows)
    assert rca_learning.factor_categories(db.session, f).rows == []
    assert rca_learning.factor_pairs(db.session, f) == []
    assert all(row[1:] == [0, 0] for row in rca_learning.actions_by_status(db.session, f).rows)


def test_headline_numbers(rcas):
    table = incidents.headline(db.session, filters())
    assert table.value("Incidents with a submitted debrief", "Number") == 3
    assert table.value("Near misses with a submitted debrief", "Number") == 1
    assert table.value("Debriefs submitted", "Number") == 4
    assert table.value("Root-cause analyses signed off", "Number") == 3
    assert table.value("Overdue actions", "Number") == 2
    assert table.value("Uses of force in the national data", "Number") == 4
    scoped = incidents.headline(db.session, filters(force_ids=(rcas["b"].id,), source="debriefs"))
    assert [row[1] for row in scoped.rows] == [1, 0, 1, 1, 0]
