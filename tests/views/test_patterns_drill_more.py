"""Drill-down on the risk, trends, timeliness and recommendation/action figures: known counts lead to exactly the
records behind them; a withheld count gives the withheld page (refused, with why); the list says why its number
differs from the figure's."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from urllib.parse import urlencode

import pytest

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import Debrief, RootCauseAnalysis
from tests.support.factories import one_user_per_role, two_forces
from tests.support.pages import get_page, sign_in
from tests.support.patterns import debrief_with, signed_off_rca
from tests.support.publication_factories import create_case_study
from tests.views.test_patterns_drill import _link, every_count_shown  # noqa: F401 (the fixture, shared)

RANGE = "from_month=3&from_year=2026&to_month=3&to_year=2026"
LATER = date.today() + timedelta(days=400)  # an action due after today, whenever the test runs


def _fill() -> dict[str, list[int]]:
    """The records every test here starts from, made once (the `template` marker) and copied per test: their ids."""
    forces = two_forces()
    people = one_user_per_role(forces)
    officer, reviewer = people[("A", Role.OFFICER)], people[("A", Role.REVIEWER)]
    made = []
    for i in range(6):
        occurred = datetime(2026, 3, 10 + i, 10)
        made.append(debrief_with(author=officer, occurred_at=occurred, assaulted=i < 2, single_crewed=i < 4,
                                 injuries=[("subject", "minor")] if i == 0 else [],
                                 submitted_at=occurred + timedelta(hours=12 if i < 5 else 48)))
    earlier = [debrief_with(author=officer, occurred_at=datetime(2025, 3, 5 + i, 10)) for i in range(3)]
    lead = dict(lead=reviewer, categories=["communication"], started_on=date(2026, 3, 20))
    rcas = [signed_off_rca(made[0], signed_off_on=date(2026, 4, 1), actions=[("done", date(2026, 5, 1))], **lead),
            signed_off_rca(made[1], signed_off_on=date(2026, 4, 1), actions=[("open", date(2026, 5, 1))], **lead),
            signed_off_rca(made[2], signed_off_on=None, actions=[("open", LATER)], **lead)]
    released = create_case_study(force=forces["A"], title="Released findings on an overdue action", status="candidate")
    released.source_rca_id = rcas[1].id
    db.session.commit()
    return {"made": [d.id for d in made], "earlier": [d.id for d in earlier], "rcas": [r.id for r in rcas]}


pytestmark = pytest.mark.template("views_patterns_drill_more", _fill, fixture="data")


@pytest.fixture
def data(people, forces, databases):
    ids = databases.filled["views_patterns_drill_more"]
    return {"made": [db.session.get(Debrief, id) for id in ids["made"]],
            "earlier": [db.session.get(Debrief, id) for id in ids["earlier"]],
            "rcas": [db.session.get(RootCauseAnalysis, id) for id in ids["rcas"]]}


def _listed(client, page, table_id: str, row: str, column: str) -> tuple[list[str], object]:
    link = _link(page, table_id, row, column)
    assert link is not None, (table_id, row, column)
    listed = get_page(client, link["href"])
    return sorted(a.get_text() for a in listed.html.select("#records-table tbody a")), listed


def _refs(debriefs) -> list[str]:
    return sorted(d.incident.reference for d in debriefs)


def test_risk_counts_lead_to_their_incidents(client, data, every_count_shown):
    sign_in(client, "reviewer@aaa.example")
    page = get_page(client, f"/patterns/risk?{RANGE}&source=debriefs")
    made = data["made"]
    table = "risk-single-crewed-debriefs-table"
    assert _listed(client, page, table, "Yes", "Submitted debriefs")[0] == _refs(made[:4])
    assert _listed(client, page, table, "No", "Submitted debriefs")[0] == _refs(made[4:])
    assert _listed(client, page, table, "Yes", "Officers assaulted")[0] == _refs(made[:2])
    refs, listed = _listed(client, page, table, "All records", "Subjects injured")
    assert refs == _refs(made[:1])
    # The unit is the clicked column's own heading, as the figure defines it (it said "submitted debriefs").
    assert "counts subjects injured (1)" in listed.html.select_one("#records-differs").get_text(" ", strip=True)
    assert _link(page, table, "Yes", "Assault rate (%)") is None  # rates do not link


def test_trend_counts_lead_to_this_year_and_last(client, data, every_count_shown):
    sign_in(client, "reviewer@aaa.example")
    page = get_page(client, f"/patterns/trends?{RANGE}&source=debriefs")
    assert _listed(client, page, "trend-debriefs-months-table", "Mar 2026", "Months chosen")[0] == _refs(data["made"])
    assert _listed(client, page, "trend-debriefs-months-table", "Mar 2026",
                   "Same months a year earlier")[0] == _refs(data["earlier"])
    quarter = "Q1 2026 (Jan to Mar, 1 month of it)"
    assert _listed(client, page, "trend-debriefs-quarters-table", quarter,
                   "Same months a year earlier")[0] == _refs(data["earlier"])
    assert _link(page, "trend-debriefs-months-table", "Mar 2026", "Change") is None


def test_timeliness_counts_lead_to_their_incidents_and_rcas(client, data, every_count_shown):
    sign_in(client, "reviewer@aaa.example")
    page = get_page(client, f"/patterns/incidents?{RANGE}")
    made, rcas = data["made"], data["rcas"]
    assert _listed(client, page, "debrief-timeliness-table", "Within 1 day", "Hot debriefs")[0] == _refs(made[:5])
    assert _listed(client, page, "debrief-timeliness-table", "1 to 3 days", "Hot debriefs")[0] == _refs(made[5:])
    refs, _ = _listed(client, page, "rca-timeliness-table", "Signed off within 60 working days", "Number")
    assert refs == _refs(made[:2])
    refs, listed = _listed(client, page, "rca-timeliness-table", "Not signed off, past 60 working days", "Number")
    assert refs == _refs(made[2:3])
    assert listed.html.select_one("#records-table a")["href"] == f"/rca/{rcas[2].id}"
    assert "Not signed off" in listed.html.select_one("#records-table").get_text(" ", strip=True)


def test_recommendation_and_action_counts_lead_to_their_rcas(client, data, every_count_shown):
    sign_in(client, "reviewer@aaa.example")
    page = get_page(client, f"/patterns/learning?{RANGE}")
    made = data["made"]
    assert _listed(client, page, "recommendations-table", "With an overdue action", "Number")[0] == _refs(made[1:2])
    assert _listed(client, page, "recommendations-table", "Actions under way, none overdue",
                   "Number")[0] == _refs(made[2:3])
    assert _listed(client, page, "recommendations-table", "Every action closed", "Number")[0] == _refs(made[:1])
    assert _listed(client, page, "actions-table", "Open", "Actions")[0] == _refs(made[1:3])
    refs, listed = _listed(client, page, "actions-table", "Open", "Overdue")
    assert refs == _refs(made[1:2])
    assert "counts actions (1)" in listed.html.select_one("#records-differs").get_text(" ", strip=True)


def test_the_learning_team_reaches_the_released_findings_of_an_overdue_action(client, data, every_count_shown):
    sign_in(client, "learning@aaa.example")
    page = get_page(client, f"/patterns/learning?{RANGE}&force={data['made'][0].incident.force_id}")
    refs, listed = _listed(client, page, "actions-table", "Open", "Overdue")
    assert refs == ["Released findings on an overdue action"]
    assert "/rca/" not in listed.html.find("main").decode()


def test_a_withheld_count_gives_the_withheld_page(client, data):
    sign_in(client, "reviewer@aaa.example")
    page = get_page(client, f"/patterns/risk?{RANGE}&source=debriefs")
    assert _link(page, "risk-single-crewed-debriefs-table", "No", "Submitted debriefs") is None  # 2: withheld
    query = urlencode({"figure": "risk-single-crewed-debriefs", "row": "No", "column": "Submitted debriefs"})
    refused = get_page(client, f"/patterns/records?{RANGE}&source=debriefs&{query}", status=404)
    assert refused.h1 == "This figure is withheld"
    assert "fewer than 5" in refused.html.select_one("#withheld-why").get_text(" ", strip=True)
    assert "same for everyone" in refused.text()
    assert "#records-table" not in refused.response.get_data(as_text=True)
