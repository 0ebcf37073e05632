"""The review queue says, on each incident's row, whether an RCA was started and where it stands, with a link to it."""
from __future__ import annotations

from datetime import datetime

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.rca import service
from tests.support.factories import submitted_debrief
from tests.support.pages import get_page, sign_in
from tests.views.test_stale_tabs import in_review, incident, lead, reviewers  # noqa: F401  (fixtures)


def _rca_cells(page) -> dict[str, tuple[str, str | None, str | None]]:
    """Reference -> (the RCA cell's text, its link, its tag) for each row of the incidents table."""
    table = page.html.select_one("table.debrief-queue-table:has(th:-soup-contains(\"Debriefs submitted\"))")
    heads = [th.get_text(strip=True) for th in table.select("thead th")]
    assert heads[-1] == "RCA"
    rows = {}
    for tr in table.select("tbody tr"):
        cells = tr.select("td")
        rca = cells[heads.index("RCA")]
        assert rca["data-label"] == "RCA"  # stacks with its label on a phone
        link, tag = rca.select_one("a"), rca.select_one(".govuk-tag")
        rows[cells[0].get_text(strip=True)] = (rca.get_text(" ", strip=True), link["href"] if link else None,
                                               tag.get_text(strip=True) if tag else None)
    return rows


def test_each_row_shows_its_rca_status_and_links_to_it(client, in_review, reviewers, lead, people):
    waiting = submitted_debrief(author=people[("A", Role.OFFICER)], occurred_at=datetime(2026, 4, 2, 9, 0)).incident
    draft_incident = submitted_debrief(author=people[("A", Role.OFFICER)],
                                       occurred_at=datetime(2026, 4, 3, 9, 0)).incident
    draft = service.start_rca(draft_incident, actor=lead, level="concise", terms_of_reference="Why?")
    db.session.commit()
    sign_in(client, lead.email)
    rows = _rca_cells(get_page(client, "/review/"))
    assert rows[waiting.reference] == ("Not started", None, None)
    assert rows[draft_incident.reference] == (f"RCA of {draft_incident.reference} Draft", f"/rca/{draft.id}", "Draft")
    assert rows[in_review.incident.reference][1:] == (f"/rca/{in_review.id}", "In review")
    service.return_for_changes(in_review, actor=reviewers[0], comment="More on the roster")
    rows = _rca_cells(get_page(client, "/review/"))
    assert rows[in_review.incident.reference][2] == "Returned for changes"
