"""The RCA overview's kept parts (debrief.fragments): every change to what the overview shows appears on the next
view, whoever made it and however (a person renamed by an administrator too), and each viewer sees only their own
controls, in any order of views."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.fragments import EXTENSION
from debrief.rca import service
from debrief.rca.service import team
from tests.support.factories import create_user, submitted_debrief
from tests.support.pages import get_page, sign_in


@pytest.fixture
def lead(people):
    return people[("A", Role.REVIEWER)]


@pytest.fixture
def rca(people, lead):
    debrief = submitted_debrief(author=people[("A", Role.OFFICER)], occurred_at=datetime(2026, 3, 27, 22, 15))
    return service.start_rca(debrief.incident, actor=lead, level="concise", terms_of_reference="Review it.")


def _row(page, key: str) -> str:
    for row in page.html.select(".govuk-summary-list__row"):
        if row.select_one("dt").get_text(strip=True) == key:
            return " ".join(row.select_one("dd").get_text(" ").split())
    raise AssertionError(f"no row {key}")


def test_each_change_to_the_overview_shows_on_the_next_view(app, client, rca, lead, forces):
    sign_in(client, lead.email)
    url = f"/rca/{rca.id}"
    page = get_page(client, url)
    assert _row(page, "Terms of reference") == "Review it." and _row(page, "Panel") == "No panel members"
    assert app.extensions[EXTENSION].items  # the parts were kept
    assert get_page(client, url).text() == page.text()  # and served again, unchanged

    service.update_details(rca, actor=lead, level="comprehensive", terms_of_reference="Why the radio failed.",
                           due_on=date(2027, 1, 8), due_reason="More witnesses")
    page = get_page(client, url)
    assert _row(page, "Terms of reference") == "Why the radio failed."
    assert _row(page, "Level of investigation") == "Comprehensive" and _row(page, "Due") == "8 January 2027"

    panel = create_user(force=forces["A"], roles=[Role.REVIEWER], email="panel@aaa.example", name="Pat Panel")
    team.add_panel_member(rca, actor=lead, user=panel)
    page = get_page(client, url)
    waiting = page.html.find(string=lambda s: "Waiting for declarations of interest from" in s)
    assert _row(page, "Panel") == "Pat Panel" and waiting is not None and "Pat Panel" in waiting, waiting

    # Renamed outside any RCA operation (nothing of the RCA changes): the next view names them as they are now.
    panel.name = "Pat Renamed"
    db.session.commit()
    page = get_page(client, url)
    assert _row(page, "Panel") == "Pat Renamed" and "Pat Panel" not in page.text()

    problem = service.mark_problem(rca, rca.chronology[0], actor=lead)
    service.add_factor(rca, actor=lead, contributes_to=problem, label="Crew shortage", category="working_conditions")
    text = get_page(client, url).text()
    assert "1 marked as a service delivery problem" in text and "1 contributory factor," in text


def test_only_the_lead_gets_the_leads_controls_in_any_order_of_views(app, rca, lead, forces):
    reader = create_user(force=forces["A"], roles=[Role.REVIEWER], email="reader@aaa.example", name="Second Reviewer")
    leads, readers = app.test_client(), app.test_client()
    sign_in(leads, lead.email)
    sign_in(readers, reader.email)
    url = f"/rca/{rca.id}"
    for _ in range(2):
        mine = get_page(leads, url)
        theirs = get_page(readers, url)
        assert "Change the level, terms of reference or due date" in mine.text()
        assert "Before it can be sent for review" in mine.text()
        assert "Write the report" in mine.html.select_one("nav.debrief-subnav").get_text()
        assert "Change the level" not in theirs.text() and "Before it can be sent for review" not in theirs.text()
        assert "Write the report" not in theirs.html.select_one("nav.debrief-subnav").get_text()
        assert theirs.html.select_one("nav.debrief-subnav a[aria-current=page]").get_text() == "Overview"
