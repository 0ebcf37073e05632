"""A returned RCA says "Returned for changes", by whom, when and why, wherever its status shows; not "Draft"."""
from __future__ import annotations

from tests.support.pages import get_page, sign_in
from tests.views.test_stale_tabs import in_review, incident, lead, reviewers  # noqa: F401  (fixtures)
from debrief.extensions import db
from debrief.rca import service


def test_a_returned_rca_shows_who_returned_it_when_and_why_everywhere(client, in_review, reviewers, lead):
    second, _third = reviewers
    service.return_for_changes(in_review, actor=second, comment="Say more about the night roster and who set it.")
    db.session.expire_all()
    at = in_review.returned_at
    note = f"Sam Second returned it on {at:%-d %B %Y at %H:%M}: “Say more about the night roster and who set it.”"
    sign_in(client, lead.email)
    overview = get_page(client, f"/rca/{in_review.id}")
    status_row = next(row for row in overview.html.select(".govuk-summary-list__row")
                      if row.select_one("dt").get_text(strip=True) == "Status")
    assert status_row.select_one(".govuk-tag").get_text(strip=True) == "Returned for changes"
    assert status_row.select_one(".debrief-returned-note").get_text(strip=True) == note
    assert "RCA Returned for changes" in overview.html.select_one(".govuk-caption-l").get_text()
    for url in ("/rca/", "/review/"):
        page = get_page(client, url)
        cell = next(td for td in page.html.select("td") if td.select_one(".govuk-tag")
                    and "Returned" in td.get_text())
        assert cell.select_one(".govuk-tag").get_text(strip=True) == "Returned for changes"
        assert cell.select_one(".debrief-returned-note").get_text(strip=True) == note
        assert "Draft" not in [tag.get_text(strip=True) for tag in page.html.select("td .govuk-tag")]
    incident_page = get_page(client, f"/review/incidents/{in_review.incident_id}")
    assert "(returned for changes, led by" in incident_page.text() and note in incident_page.text()
    report = get_page(client, f"/rca/{in_review.id}/report")
    assert f"Returned for changes: {note}" in report.text()
    # Sent again, it is "In review"; nothing says returned any more.
    service.send_for_review(in_review, actor=lead)
    overview = get_page(client, f"/rca/{in_review.id}")
    assert "In review" in overview.html.select_one(".govuk-summary-list .govuk-tag").get_text()
    assert not overview.html.select(".debrief-returned-note")
