"""The public front door: the landing page with the latest issue, the footer's pages, and the service status."""
from __future__ import annotations

from tests.support.pages import get_page, sign_in
from tests.support.publication_factories import create_case_study, create_issue


def test_landing_page_says_what_debrief_is_and_shows_the_latest_issue(client, forces):
    page = get_page(client, "/")
    assert page.h1 == "Debrief: learning from police incidents"
    assert "No issues have been published yet." in page.text()
    assert page.html.select_one("a.govuk-button--start").get_text(strip=True) == "Sign in"
    assert page.html.select_one("a.govuk-button--start")["href"] == "/sign-in"
    for number, theme in ((1, "Restraint"), (2, "Mental health")):
        issue = create_issue(number=number, theme=theme, introduction=f"About {theme.lower()}.")
        create_case_study(force=forces["A"], issue=issue, title=f"A case about {theme.lower()}")
    # An unpublished issue is never the latest.
    create_issue(number=3, theme="Not yet out", status="draft")
    page = get_page(client, "/")
    assert page.html.find("a", string="Issue 2: Mental health")["href"] == "/magazine/issues/2"
    assert "Not yet out" not in page.text() and "Issue 1" not in page.text()


def test_signed_in_users_still_go_to_their_home(client, people):
    sign_in(client, "officer@aaa.example")
    response = client.get("/")
    assert response.status_code == 302 and response.headers["Location"] == "/officer"


def test_footer_links_lead_to_pages_that_exist(client, forces):
    page = get_page(client, "/")
    footer = {a.get_text(strip=True): a["href"] for a in page.html.select("footer a")}
    assert footer == {"Home": "/", "Magazine": "/magazine/", "Accessibility statement": "/accessibility",
                      "Privacy notice": "/privacy", "Service status": "/status"}
    for href in footer.values():
        get_page(client, href)


def test_privacy_notice_names_the_law_for_each_kind_of_data(client):
    text = get_page(client, "/privacy").text()
    assert "Part 3 of the Data Protection Act 2018" in text
    assert "Part 2 of the Data Protection Act 2018" in text
    assert "until you unsubscribe" in text and "section 45" in text


def test_status_page_is_for_people_and_health_stays_json(client):
    page = get_page(client, "/status")
    assert page.h1 == "Service status"
    assert "Debrief is working normally" in page.text()
    assert client.get("/health").get_json() == {"status": "ok"}
