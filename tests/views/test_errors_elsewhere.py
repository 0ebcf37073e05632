"""A refusal about something put right on another page says where, and the error summary (or the banner, when the
page redirects) links to that page (errors.Place, form_errors.ErrorElsewhere): the walk saw "Add at least one person
you used force on" on the tactics page, whose people are added on another page."""
from __future__ import annotations

from datetime import datetime

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import Debrief
from debrief.rca import graph as rca_graph
from debrief.rca import service
from tests.support.factories import submitted_debrief
from tests.support.pages import get_page, post_form, sign_in


def _summary_links(page) -> list[tuple[str, str]]:
    return [(a.get_text(strip=True), a["href"]) for a in page.html.select(".govuk-error-summary__list a")]


def _draft(client) -> Debrief:
    page = post_form(client, "/debriefs/new", {"kind": "hot"}, status=302)
    return db.session.get(Debrief, int(page.response.headers["Location"].split("/")[2]))


def test_the_debrief_steps_link_to_the_page_where_the_error_is_put_right(client, people):
    sign_in(client, "officer@aaa.example")
    d = _draft(client)
    used_force = {"used_force": "yes", "single_crewed": "no", "hours_on_duty": "10_to_12", "taser_trained": "no",
                  "taser_carried": "no", "assaulted": "no", "continue": "1"}
    post_form(client, f"/debriefs/{d.id}/use-of-force", used_force, status=302)
    # Tactics without a subject: subjects are added on their own page.
    page = post_form(client, f"/debriefs/{d.id}/tactics", {"reasons": ["protect_self"], "continue": "1"}, status=200)
    assert _summary_links(page) == [("Add at least one person you used force on with ‘Add a subject’",
                                     f"/debriefs/{d.id}/subjects/new")]
    # Submitting with sections left: to the first step not finished.
    page = post_form(client, f"/debriefs/{d.id}/check", {"declaration": "y"}, status=200)
    assert _summary_links(page) == [("Complete every section before you submit: ‘About the incident’ is not finished",
                                     f"/debriefs/{d.id}/about")]


def test_an_rca_names_and_links_the_page_of_each_thing_left_before_review(client, people):
    lead = people[("A", Role.REVIEWER)]
    debrief = submitted_debrief(author=people[("A", Role.OFFICER)], occurred_at=datetime(2026, 3, 27, 22, 15))
    rca = service.start_rca(debrief.incident, actor=lead, level="concise", terms_of_reference="Review the response.")
    sign_in(client, lead.email)
    overview = get_page(client, f"/rca/{rca.id}")
    gaps = [(a.get_text(strip=True), a["href"]) for a in overview.html.select(".govuk-inset-text a")]
    assert ("confirm at least one root cause", f"/rca/{rca.id}/graph") in gaps
    assert ("add at least one recommendation", f"/rca/{rca.id}/recommendations") in gaps
    assert all(href.startswith(f"/rca/{rca.id}/") for _, href in gaps) and len(gaps) >= 4
    # Sending anyway (a stale tab): the banner says what is left and links to the first page of it.
    page = post_form(client, f"/rca/{rca.id}/send", {}, form_page=f"/rca/{rca.id}/details", follow=True)
    banner = page.html.select_one(".govuk-notification-banner")
    assert "Before sending it for review: mark at least one service delivery problem" in banner.get_text()
    assert banner.select_one("a.govuk-notification-banner__link")["href"] == f"/rca/{rca.id}/chronology"

    # A recommendation before any factor: the factors are added in the graph.
    page = post_form(client, f"/rca/{rca.id}/recommendations/new", {"text": "Train", "priority": "high",
                                                                    "addressed_to": "force", "strength": "weak"},
                     status=200)
    assert _summary_links(page) == [("Add a contributory factor in the graph first: a recommendation addresses a "
                                     "root cause or factor", f"/rca/{rca.id}/graph")]

    # Removing a chronology entry the graph relies on: the banner links to the problem's page in the graph.
    entry = rca.chronology[0]
    node = service.mark_problem(rca, entry, actor=lead)
    page = post_form(client, f"/rca/{rca.id}/chronology/{entry.id}/delete", {}, form_page=f"/rca/{rca.id}/chronology",
                     follow=True)
    banner = page.html.select_one(".govuk-notification-banner")
    assert "Remove the problem on its page in the graph first" in banner.get_text()
    assert banner.select_one("a.govuk-notification-banner__link")["href"] == f"/rca/{rca.id}/items/{node.id}"


def test_check_your_answers_lists_each_unfinished_section_with_a_link(client, people):
    sign_in(client, "officer@aaa.example")
    d = _draft(client)
    page = get_page(client, f"/debriefs/{d.id}/check")
    listed = [(a.get_text(strip=True), a["href"]) for a in page.html.select("#unfinished-sections a")]
    assert ("About the incident", f"/debriefs/{d.id}/about") in listed
    assert len(listed) >= 3 and all(href.startswith(f"/debriefs/{d.id}/") for _, href in listed)
    assert "Submit debrief" not in page.text()
