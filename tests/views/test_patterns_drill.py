"""Drill-down: a count links to the records behind it for those allowed to see them; a withheld count never links
and cannot be followed by address; the learning team reaches only released findings and case studies."""
from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlencode

import pytest

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import Debrief
from tests.support.factories import audit_count, one_user_per_role, two_forces
from tests.support.pages import get_page, sign_in
from tests.support.patterns import debrief_with, signed_off_rca
from tests.support.publication_factories import create_case_study

RANGE = "from_month=3&from_year=2026&to_month=3&to_year=2026"


def _fill() -> list[int]:
    """The records every test here starts from, made once (the `template` marker) and copied per test."""
    forces = two_forces()
    people = one_user_per_role(forces)
    officer = people[("A", Role.OFFICER)]
    made = [debrief_with(author=officer, occurred_at=datetime(2026, 3, 10 + i, 10),
                         tactics=[("taser", True)] if i < 3 else []) for i in range(6)]
    rcas = [signed_off_rca(d, lead=people[("A", Role.REVIEWER)], categories=["communication"],
                           started_on=date(2026, 3, 20), signed_off_on=date(2026, 4, 1)) for d in made[:5]]
    released = create_case_study(force=forces["A"], title="Released findings on communication", status="candidate")
    released.source_rca_id = rcas[0].id
    other = create_case_study(force=forces["A"], title="A case study from elsewhere")  # no source RCA here
    db.session.commit()
    return [d.id for d in made]


pytestmark = pytest.mark.template("views_patterns_drill", _fill, fixture="data")


@pytest.fixture
def data(people, forces, databases):
    return {"debriefs": [db.session.get(Debrief, id) for id in databases.filled["views_patterns_drill"]]}


@pytest.fixture
def every_count_shown(app):
    app.config.update(PATTERNS_MIN_COUNT=1, PATTERNS_MIN_BASE=1, PATTERNS_SHOW_ZERO=True)


def _link(page, table_id: str, row: str, column: str):
    table = page.html.find("table", id=table_id)
    headers = [th.get_text(" ", strip=True) for th in table.find("thead").find_all("th")]
    for tr in table.find("tbody").find_all("tr"):
        cells = tr.find_all(["th", "td"])
        if cells[0].get_text(strip=True) == row:
            return cells[headers.index(column)].find("a")
    raise KeyError(row)


def test_a_reviewer_follows_a_count_to_its_incidents_and_rcas(client, data):
    sign_in(client, "reviewer@aaa.example")
    page = get_page(client, f"/patterns/incidents?{RANGE}")
    link = _link(page, "incidents-per-month-table", "Mar 2026", "Incidents (debriefs)")
    assert link.get_text(" ", strip=True).startswith("6")
    listed = get_page(client, link["href"])
    references = [a.get_text() for a in listed.html.select("#records-table a")]
    assert sorted(references) == sorted(d.incident.reference for d in data["debriefs"])
    assert audit_count("patterns.records_viewed") == 1
    learning = get_page(client, f"/patterns/learning?{RANGE}")
    rcas = get_page(client, _link(learning, "factor-categories-table", "Communication", "RCAs where it appears")["href"])
    assert len(rcas.html.select("#records-table tbody tr")) == 5
    assert rcas.html.select_one("#records-table a")["href"].startswith("/rca/")


def test_a_withheld_count_never_links_and_cannot_be_followed(client, data):
    sign_in(client, "reviewer@aaa.example")
    page = get_page(client, f"/patterns/use-of-force?{RANGE}&source=debriefs")
    assert _link(page, "tactics-table", "Taser (conducted energy device)", "Used (debriefs)") is None  # 3: withheld
    for row, column in (("Taser (conducted energy device)", "Used (debriefs)"), ("No such tactic", "Used (debriefs)")):
        query = urlencode({"figure": "tactics", "row": row, "column": column})
        assert client.get(f"/patterns/records?{RANGE}&{query}&source=debriefs").status_code == 404
    # With the rule relaxed, the same count links and is followed to its three incidents.
    client.application.config.update(PATTERNS_MIN_COUNT=1, PATTERNS_MIN_BASE=1, PATTERNS_SHOW_ZERO=True)
    page = get_page(client, f"/patterns/use-of-force?{RANGE}&source=debriefs")
    listed = get_page(client, _link(page, "tactics-table", "Taser (conducted energy device)", "Used (debriefs)")["href"])
    assert len(listed.html.select("#records-table tbody tr")) == 3


def test_the_learning_team_reaches_only_released_findings(client, data, every_count_shown):
    sign_in(client, "learning@aaa.example")
    page = get_page(client, f"/patterns/learning?{RANGE}")
    listed = get_page(client, _link(page, "factor-categories-table", "Communication", "RCAs where it appears")["href"])
    assert [a.get_text() for a in listed.html.select("#records-table a")] == ["Released findings on communication"]
    assert "/review/" not in listed.response.get_data(as_text=True)
    assert "/rca/" not in listed.html.find("main").decode()


@pytest.mark.parametrize("email", ["admin@aaa.example", "officer@aaa.example"])
def test_others_get_no_links_and_are_refused(client, data, every_count_shown, email):
    sign_in(client, email)
    query = urlencode({"figure": "incidents-per-month", "row": "Mar 2026", "column": "Incidents (debriefs)"})
    assert client.get(f"/patterns/records?{RANGE}&{query}").status_code == 403
    if email.startswith("admin"):
        page = get_page(client, f"/patterns/incidents?{RANGE}")
        assert _link(page, "incidents-per-month-table", "Mar 2026", "Incidents (debriefs)") is None
