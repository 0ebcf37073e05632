"""Patterns pages: scope by role, filters and their errors, CSV downloads, the network, the audit trail."""
from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import AuditEvent
from debrief.analytics.tables import STATUS_COLUMN, csv_body
from tests.support.factories import one_user_per_role, two_forces
from tests.support.pages import get_page, post_form, sign_in
from tests.support.patterns import debrief_with, national_rows, signed_off_rca

RANGE = "from_month=1&from_year=2026&to_month=6&to_year=2026"


def _fill() -> None:
    """The records the tests that ask for `data` start from, made once (the `template` marker) and copied per test."""
    forces = two_forces()
    people = one_user_per_role(forces)
    officer_a, officer_b = people[("A", Role.OFFICER)], people[("B", Role.OFFICER)]
    d1 = debrief_with(author=officer_a, occurred_at=datetime(2026, 3, 10, 10, 0), assaulted=True,
                      tactics=[("taser", True)], single_crewed=True)
    d2 = debrief_with(author=officer_a, occurred_at=datetime(2026, 3, 12, 10, 0), near_miss=True)
    d3 = debrief_with(author=officer_b, occurred_at=datetime(2026, 3, 11, 10, 0), assaulted=True)
    national_rows(forces["A"], [dict(day=date(2026, 3, d), assaulted=d <= 7, main_duty="response",
                                     tactic_list=[("taser", d % 2 == 0)]) for d in range(1, 21)])
    national_rows(forces["B"], [dict(day=date(2026, 4, 1), assaulted=True, main_duty="response")])
    lead_a = people[("A", Role.REVIEWER)]
    signed_off_rca(d1, lead=lead_a, categories=["communication", "working_conditions"],
                   started_on=date(2026, 3, 12), signed_off_on=date(2026, 4, 1))
    signed_off_rca(d2, lead=lead_a, categories=["communication", "working_conditions", "custody_environment"],
                   started_on=date(2026, 3, 13), signed_off_on=date(2026, 4, 2))
    signed_off_rca(d3, lead=people[("B", Role.REVIEWER)], categories=["communication", "custody_environment"],
                   started_on=date(2026, 3, 13), signed_off_on=date(2026, 4, 2))


pytestmark = pytest.mark.template("views_patterns", _fill, fixture="data")


@pytest.fixture
def data(people, forces):
    return forces


@pytest.fixture
def every_count_shown(app):
    """The suppression policy set to show every count and rate (it is configurable), for tests of scope and
    values; the rule itself is tested with its defaults below and in tests/views/test_patterns_suppression.py."""
    app.config.update(PATTERNS_MIN_COUNT=1, PATTERNS_MIN_BASE=1, PATTERNS_SHOW_ZERO=True)


def _cell(page, table_id: str, row_label: str, column: str) -> str:
    table = page.html.find("table", id=table_id)
    headers = [th.get_text(" ", strip=True) for th in table.find("thead").find_all("th")]
    for tr in table.find("tbody").find_all("tr"):
        cells = [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])]
        if cells[0] == row_label:
            return cells[headers.index(column)]
    raise KeyError(row_label)


def test_reviewer_sees_only_their_force(client, data, every_count_shown):
    sign_in(client, "reviewer@aaa.example")
    page = get_page(client, f"/patterns/incidents?{RANGE}")
    assert page.h1 == "Incidents and timeliness"
    assert _cell(page, "incidents-per-month-table", "Mar 2026", "Incidents (debriefs)") == "1"
    assert _cell(page, "incidents-per-month-table", "Mar 2026", "Near misses (debriefs)") == "1"
    assert _cell(page, "incidents-per-month-table", "Apr 2026", "Uses of force (national data)") == "0"
    assert page.html.select_one("#incidents-per-month-chart-0-title")
    assert page.html.find("select", id="force") is None  # no force choice for a reviewer
    # Asking for another force in the address changes nothing.
    other = get_page(client, f"/patterns/incidents?{RANGE}&force={data['B'].id}")
    assert _cell(other, "incidents-per-month-table", "Mar 2026", "Incidents (debriefs)") == "1"
    assert "Alphashire Police" in other.html.find(id="patterns-scope").get_text()


def test_admin_sees_only_their_force(client, data, every_count_shown):
    sign_in(client, "admin@bbb.example")
    page = get_page(client, f"/patterns/incidents?{RANGE}")
    assert _cell(page, "incidents-per-month-table", "Mar 2026", "Incidents (debriefs)") == "1"
    assert _cell(page, "incidents-per-month-table", "Apr 2026", "Uses of force (national data)") == "1"


def test_learning_team_sees_all_forces_and_may_choose_one(client, data, every_count_shown):
    sign_in(client, "learning@aaa.example")
    page = get_page(client, f"/patterns/incidents?{RANGE}")
    assert _cell(page, "incidents-per-month-table", "Mar 2026", "Incidents (debriefs)") == "2"
    assert _cell(page, "incidents-per-month-table", "Mar 2026", "Uses of force (national data)") == "20"
    options = [o.get_text(strip=True) for o in page.html.find("select", id="force").find_all("option")]
    assert options == ["All forces", "Alphashire Police", "Bravoshire Constabulary"]
    one = get_page(client, f"/patterns/incidents?{RANGE}&force={data['B'].id}")
    assert _cell(one, "incidents-per-month-table", "Mar 2026", "Incidents (debriefs)") == "1"
    assert _cell(one, "incidents-per-month-table", "Apr 2026", "Uses of force (national data)") == "1"


def test_default_range_is_the_last_twelve_months_and_shown(client, data):
    sign_in(client, "reviewer@aaa.example")
    page = get_page(client, "/patterns/")
    today = date.today()
    last = date(today.year, today.month, 1) - timedelta(days=1)  # the current month is not over: left out
    assert page.html.find("input", id="to_month")["value"] == str(last.month)
    assert page.html.find("input", id="to_year")["value"] == str(last.year)
    assert page.html.find("input", id="from_month")["value"]
    assert page.html.select_one(".app-headline") is not None
    links = [a["href"] for a in page.html.select(".app-pattern-pages a")]
    assert "/patterns/risk" in links


@pytest.mark.parametrize("query, message", [
    ("from_month=13&from_year=2026&to_month=6&to_year=2026", "The start month must be a number from 1 to 12"),
    ("from_month=1&from_year=26&to_month=6&to_year=2026", "The start year must include 4 numbers"),
    ("from_month=7&from_year=2026&to_month=6&to_year=2026",
     "The end month must be the same as or after the start month"),
    ("from_month=1&from_year=2026&to_month=3&to_year=", "The end year must include 4 numbers"),
    ("from_month=1&from_year=2026&to_month=1&to_year=2999", "The end month must be this month or in the past"),
    (f"{RANGE}&source=everything", "Select where the figures come from"),
])
def test_filter_errors_are_summarised_and_keep_what_was_typed(client, data, query, message):
    sign_in(client, "reviewer@aaa.example")
    page = get_page(client, f"/patterns/use-of-force?{query}")
    assert page.title.startswith("Error: ")
    assert message in page.error_summary()
    assert page.html.select_one(".govuk-error-summary__title").get_text(strip=True) == "There is a problem"
    assert page.html.find("table") is None  # no figures from bad filters
    typed = dict(pair.split("=") for pair in query.split("&"))
    if "from_month" in typed:
        assert page.html.find("input", id="from_month")["value"] == typed["from_month"]


def test_csv_download_has_the_header_and_the_values(client, data, every_count_shown):
    sign_in(client, "learning@aaa.example")
    response = client.get(f"/patterns/download/tactics.csv?{RANGE}&force={data['A'].id}")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    meta = dict(r for r in csv.reader(io.StringIO(text.split("\r\n\r\n")[0])))
    assert meta["Figure"] == "Use of force by tactic and effectiveness"
    assert meta["Forces"] == "Alphashire Police" and meta["Period"] == "Jan 2026 to Jun 2026"
    assert meta["Source"] == "Debriefs and national data"
    assert meta["Filters"] == "All incident types; Incidents and near misses"
    assert meta["Suppression"].startswith("Counts from 1 to 0 are withheld")  # this test shows every count
    rows = csv_body(text)
    assert rows[0][:3] == ["Tactic", "Used (debriefs)", "Effective (debriefs)"]
    assert rows[0][-1] == STATUS_COLUMN
    taser = next(r for r in rows if r[0] == "Taser (conducted energy device)")
    assert taser[rows[0].index("Used (debriefs)")] == "1"
    assert taser[rows[0].index("Used (national data)")] == "20"
    assert taser[rows[0].index("Effective (national data)")] == "10"
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "patterns.downloaded"))
    assert event.details["figure"] == "tactics"


def test_risk_csv_suppresses_small_counts(client, data):
    sign_in(client, "reviewer@aaa.example")
    response = client.get(f"/patterns/download/risk-main-duty-national.csv?{RANGE}")
    text = response.get_data(as_text=True)
    assert "Counts under 5 are withheld" in text.split("\r\n\r\n")[0]
    rows = csv_body(text)
    response_row = next(r for r in rows if r[0] == "Response or patrol")
    assert response_row[1:4] == ["20", "7", "35.0"]
    assert response_row[rows[0].index("Officers or staff injured")] == ""  # 0: under 5, so withheld
    assert "Officers or staff injured: fewer than 5" in response_row[rows[0].index(STATUS_COLUMN)]
    # A withheld cell is empty in its number column and named in the status column.
    debriefs = csv_body(client.get(f"/patterns/download/risk-single-crewed-debriefs.csv?{RANGE}").get_data(as_text=True))
    yes = next(r for r in debriefs if r[0] == "Yes")
    assert yes[1] == "" and yes[debriefs[0].index("Assault rate (%)")] == ""
    assert yes[debriefs[0].index(STATUS_COLUMN)] == (
        "Submitted debriefs: fewer than 5; Officers assaulted: fewer than 5; Assault rate (%): withheld; "
        "Officers or staff injured: fewer than 5; Officer or staff injury rate (%): withheld; "
        "Subjects injured: fewer than 5; "
        "Subject injury rate (%): withheld")
    page = get_page(client, f"/patterns/risk?{RANGE}")
    assert "fewer than 5" in page.text()
    assert "Time on duty comes from the debriefs only" in page.text()
    assert "Time on duty: assault and injury rates (debriefs)" in page.text()


def test_network_draws_the_pairs_and_lists_the_strongest(client, data, every_count_shown):
    sign_in(client, "learning@aaa.example")
    page = get_page(client, f"/patterns/network?{RANGE}")
    svg = page.html.select_one(".debrief-drawing svg")
    assert svg is not None and svg["role"] == "img"
    assert "Communication" in svg.get_text()
    assert _cell(page, "network-pairs-table", "Communication", "RCAs with both") == "2"
    response = client.get(f"/patterns/download/network-pairs.csv?{RANGE}")
    rows = csv_body(response.get_data(as_text=True))
    assert rows[0] == ["Category", "Goes wrong together with", "RCAs with both", STATUS_COLUMN]
    assert len(rows) == 4  # header + 3 pairs
    scoped = client.get(f"/patterns/download/network-pairs.csv?{RANGE}&force={data['B'].id}")
    assert len(csv_body(scoped.get_data(as_text=True))) == 2


def test_every_page_renders_for_each_role_that_may_see_it(client, data):
    for email in ("reviewer@aaa.example", "learning@bbb.example", "admin@aaa.example"):
        client.get("/sign-out")
        sign_in(client, email)
        for path in ("/patterns/", "/patterns/incidents", "/patterns/use-of-force", "/patterns/learning",
                     "/patterns/network", "/patterns/risk"):
            page = get_page(client, f"{path}?{RANGE}")
            assert "Error" not in page.title
        client.post("/sign-out", data={"csrf_token": page.csrf_token()})


def test_views_are_audited_and_unknown_pages_are_404(client, data):
    sign_in(client, "reviewer@aaa.example")
    get_page(client, f"/patterns/learning?{RANGE}")
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "patterns.viewed"))
    assert event.details["page"] == "learning"
    assert event.details["filters"]["forces"] == [data["A"].id]
    get_page(client, "/patterns/nothing-here", status=404)
    assert client.get(f"/patterns/download/nothing.csv?{RANGE}").status_code == 404
    assert client.get("/patterns/download/tactics.csv?from_month=13").status_code == 400


def test_nav_has_patterns_for_those_allowed(client, data):
    sign_in(client, "officer@aaa.example")
    assert client.get("/patterns/").status_code == 403


@pytest.mark.parametrize("path", ["/patterns/", "/patterns/network", "/patterns/risk", "/patterns/learning"])
def test_every_page_shows_filter_errors_instead_of_figures(client, data, path):
    sign_in(client, "learning@aaa.example")
    page = get_page(client, f"{path}?from_month=2&from_year=2026&to_month=1&to_year=2026&force=999999")
    assert page.title.startswith("Error: ")
    errors = page.error_summary()
    assert "The end month must be the same as or after the start month" in errors
    assert "Select a force from the list" in errors  # a force that is not on the list
    assert page.html.find("table") is None and page.html.select_one(".debrief-drawing") is None


def test_the_overview_lists_the_national_data_imports_in_scope(client, data):
    from debrief.models import UseOfForceImportRun

    b_run = db.session.scalar(select(UseOfForceImportRun).where(UseOfForceImportRun.force_id == data["B"].id))
    b_run.file_name, b_run.mode, b_run.status, b_run.last_committed_row = "bravo-2026.csv", "batched", "interrupted", 5001
    db.session.commit()
    sign_in(client, "reviewer@aaa.example")
    page = get_page(client, "/patterns/")
    rows = page.html.find("table", id="imports-table").find("tbody").find_all("tr")
    assert [r.find("th").get_text(strip=True) for r in rows] == ["hand-made.csv"]  # force A's only
    post_form(client, "/sign-out", {}, form_page="/patterns/", status=302)
    sign_in(client, "learning@aaa.example")
    page = get_page(client, "/patterns/")
    assert _cell(page, "imports-table", "bravo-2026.csv", "Status") == \
        "Interrupted: committed up to row 5,001 (carry on with --resume)"
    assert _cell(page, "imports-table", "hand-made.csv", "Rows") == "0 read 0 added 0 already held 0 rejected"
    assert _cell(page, "imports-table", "hand-made.csv", "Force") == data["A"].name


def test_an_amendment_through_the_form_shows_on_the_next_dashboard_view(client, people, every_count_shown):
    """End to end: the officer's amended answer reaches the reviewer's figures through the rollup."""
    from tests.support.factories import submitted_debrief

    when = datetime(2026, 3, 10, 10, 0)
    d = submitted_debrief(author=people[("A", Role.OFFICER)], occurred_at=when, assaulted=False)
    db.session.commit()
    reviewer = client.application.test_client()
    sign_in(reviewer, "reviewer@aaa.example")
    url = f"/patterns/use-of-force?{RANGE}&source=debriefs"
    before = get_page(reviewer, url)
    assert _cell(before, "assaults-table", "Mar 2026", "Officers and staff assaulted (debriefs)") == "0"
    sign_in(client, "officer@aaa.example")
    post_form(client, f"/debriefs/{d.id}/use-of-force", {
        "used_force": "no", "single_crewed": "no", "hours_on_duty": "4_to_8", "taser_trained": "yes",
        "taser_carried": "yes", "assaulted": "yes", "reason": "I left out that I was kicked"}, status=302)
    after = get_page(reviewer, url)
    assert _cell(after, "assaults-table", "Mar 2026", "Officers and staff assaulted (debriefs)") == "1"


def test_a_reviewer_drills_from_the_headline_counts_to_the_incidents_behind_them(client, data, every_count_shown):
    from tests.support.factories import submitted_debrief

    # A draft's incident is neither counted nor listed.
    submitted_debrief(author=data_people(client, "officer@aaa.example"), occurred_at=datetime(2026, 3, 14, 9, 0),
                      status="draft", submitted_at=None)
    sign_in(client, "reviewer@aaa.example")
    page = get_page(client, f"/patterns/?{RANGE}")
    for label, kind in (("Incidents with a submitted debrief", "Incident"),
                        ("Near misses with a submitted debrief", "Near-miss")):
        row = next(r for r in page.html.select(".app-headline .govuk-summary-list__row")
                   if r.find("dt").get_text(strip=True) == label)
        count = int(row.find("dd").contents[0].strip())
        queue = get_page(client, row.find("a")["href"])
        table = next(t for t in queue.html.find_all("table")
                     if t.caption and t.caption.get_text(strip=True).endswith(" incidents"))
        assert table.caption.get_text(strip=True) == f"{count} incidents"
        kinds = {tr.find_all(["th", "td"])[3].get_text(strip=True) for tr in table.select("tbody tr")}
        assert kinds <= {kind}
    # The learning team sees all forces: no link into one force's queue.
    post_form(client, "/sign-out", {}, form_page="/patterns/", status=302)
    sign_in(client, "learning@aaa.example")
    assert "List them" not in get_page(client, f"/patterns/?{RANGE}").text()


def data_people(client, email: str):
    from debrief.models import User

    return db.session.scalar(select(User).where(User.email == email))


def test_the_overviews_kept_import_table_shows_a_runs_change_on_the_next_view(client, data):
    """The imports table is a kept part (debrief.fragments): drawn once for what it shows, drawn again on a change."""
    from debrief.fragments import EXTENSION
    from debrief.models import UseOfForceImportRun

    sign_in(client, "learning@aaa.example")
    page = get_page(client, "/patterns/")
    assert get_page(client, "/patterns/").text() == page.text() and client.application.extensions[EXTENSION].items
    run = db.session.scalar(select(UseOfForceImportRun).where(UseOfForceImportRun.force_id == data["B"].id))
    run.file_name, run.rows_read, run.rows_inserted = "bravo-2027.csv", 1200, 1100
    db.session.commit()
    page = get_page(client, "/patterns/")
    assert _cell(page, "imports-table", "bravo-2027.csv", "Rows") == "1,200 read 1,100 added 0 already held 0 rejected"
