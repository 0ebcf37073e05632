"""A page left open while someone else (or another tab) decided: signing off, returning or starting again says what
happened meanwhile, never a silent no-op or an error page."""
from __future__ import annotations

from datetime import date, datetime, time

import pytest
from sqlalchemy import func, select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import RcaEvent, RootCauseAnalysis, TimelineEntry
from debrief.rca import service
from tests.support.factories import create_user, submitted_debrief
from tests.support.pages import Page, get_page, post_form, sign_in
from tests.support.rca_factories import write_report


@pytest.fixture
def lead(people):
    return people[("A", Role.REVIEWER)]


@pytest.fixture
def incident(people):
    debrief = submitted_debrief(author=people[("A", Role.OFFICER)], occurred_at=datetime(2026, 3, 27, 22, 15))
    debrief.timeline = [TimelineEntry(at=time(22, 15), what="Call received", source="Control room", position=0),
                        TimelineEntry(at=time(22, 40), what="First officer arrived alone", source="", position=1)]
    db.session.commit()
    return debrief.incident


@pytest.fixture
def reviewers(forces):
    return (create_user(force=forces["A"], roles=[Role.REVIEWER], email="second@aaa.example", name="Sam Second"),
            create_user(force=forces["A"], roles=[Role.REVIEWER], email="third@aaa.example", name="Tess Third"))


def _ready(incident, lead):
    """An RCA ready to send: everything a review needs, still a draft."""
    rca = service.start_rca(incident, actor=lead, level="concise", terms_of_reference="Why?")
    problem = service.mark_problem(rca, rca.chronology[1], actor=lead)
    factor = service.add_factor(rca, actor=lead, contributes_to=problem, label="No second unit at night",
                                category="working_conditions", evidence_kind="document", evidence_document="Roster")
    service.set_root_cause(rca, factor, actor=lead, confirmed=True)
    write_report(rca, lead, "Night cover left one unit.")
    rec = service.save_recommendation(rca, actor=lead, recommendation=None, text="Review night cover",
                                      node_ids=[factor.id])
    service.save_action(rca, actor=lead, recommendation=rec, action=None, description="Audit the roster",
                        owner="Resourcing", due_on=date(2027, 1, 4), measure="Two units", status="open", reason="")
    return rca


@pytest.fixture
def in_review(incident, lead):
    rca = _ready(incident, lead)
    service.send_for_review(rca, actor=lead)
    return rca


def _open_review(client, rca) -> dict:
    """The review form as a tab shows it: its CSRF token and the RCA version it was opened on."""
    page = get_page(client, f"/rca/{rca.id}")
    return {"csrf_token": page.csrf_token(),
            "version": page.html.find("input", attrs={"name": "version"})["value"]}


def _decide(client, rca, tab: dict, decision: str, comment: str = "") -> Page:
    response = client.post(f"/rca/{rca.id}/review", data={**tab, "decision": decision, "comment": comment})
    assert response.status_code == 302, response.status_code
    assert response.headers["Location"].endswith(f"/rca/{rca.id}")
    return get_page(client, f"/rca/{rca.id}")


def _decide_late(client, rca, tab: dict, decision: str, comment: str = "", **sections: str) -> Page:
    """A decision that came too late: the overview again, saying why, with what was typed kept (never a redirect
    that drops it)."""
    data = {**tab, "decision": decision, "comment": comment, **{f"on_{k}": v for k, v in sections.items()}}
    page = Page(client.post(f"/rca/{rca.id}/review", data=data))
    assert page.status == 200, page.status
    return page


def _typed(page: Page) -> str:
    box = page.html.select_one("#typed-comment")
    return box.get_text(" ", strip=True) if box is not None else ""


def _banner(page: Page) -> str:
    box = page.html.select_one(".govuk-notification-banner:not(.govuk-notification-banner--success)")
    assert box is not None, page.text()
    return box.get_text(" ", strip=True)


def _events(action: str) -> int:
    return db.session.scalar(select(func.count(RcaEvent.id)).where(RcaEvent.action == action))


def test_signing_off_what_another_reviewer_signed_off_says_who_and_when(app, client, in_review, reviewers):
    second, third = reviewers
    sign_in(client, second.email)
    tab = _open_review(client, in_review)
    other = app.test_client()
    sign_in(other, third.email)
    post_form(other, f"/rca/{in_review.id}/review", {"decision": "sign_off"}, form_page=f"/rca/{in_review.id}",
              status=302)
    db.session.expire_all()
    at = in_review.signed_off_at
    page = _decide_late(client, in_review, tab, "sign_off", "Clear and well evidenced")
    assert _banner(page) == ("Important This RCA was already signed off by Tess Third at "
                             f"{at:%H:%M} on {at:%-d %B %Y}. Your decision has not been recorded: "
                             "the RCA is now read-only.")
    assert _typed(page) == "Clear and well evidenced"  # what was typed is still there to copy
    assert _events("signed_off") == 1 and in_review.signed_off_by_id == third.id
    # Returning it from the stale tab is refused the same way, and nothing changes; every comment typed is kept.
    page = _decide_late(client, in_review, tab, "return", "More on the roster", executive_summary="Name the shift")
    assert "already signed off by Tess Third" in _banner(page)
    assert _typed(page) == "More on the roster Executive summary Name the shift"
    db.session.expire_all()
    assert in_review.status == "signed_off" and _events("returned") == 0


def test_signing_off_in_one_tab_what_was_returned_in_another(client, in_review, reviewers):
    second, _third = reviewers
    sign_in(client, second.email)
    first_tab, second_tab = _open_review(client, in_review), _open_review(client, in_review)
    _decide(client, in_review, first_tab, "return", "Say more about the roster")
    page = _decide_late(client, in_review, second_tab, "sign_off", "Signed off after the panel met")
    assert "This RCA was already returned for changes by you at" in _banner(page)
    assert _typed(page) == "Signed off after the panel met"
    db.session.expire_all()
    assert in_review.status == "draft" and _events("signed_off") == 0 and _events("returned") == 1


def test_a_decision_from_before_a_resubmission_is_not_recorded(client, in_review, reviewers, lead):
    second, third = reviewers
    sign_in(client, second.email)
    stale_tab = _open_review(client, in_review)
    service.return_for_changes(in_review, actor=third, comment="Fix the summary")
    write_report(in_review, lead, "Night cover left one unit for the whole district.")
    service.send_for_review(in_review, actor=lead)
    page = _decide_late(client, in_review, stale_tab, "return", "The summary still says one unit")
    assert "This RCA was sent for review again at" in _banner(page)
    assert "read what has changed, then decide again" in _banner(page)
    # The form is offered again as the page is now, holding what was typed.
    assert page.html.find("textarea", attrs={"name": "comment"}).get_text() == "The summary still says one unit"
    assert page.html.find("input", attrs={"name": "version"})["value"] == str(in_review.version)
    db.session.expire_all()
    assert in_review.status == "in_review" and _events("signed_off") == 0 and _events("returned") == 1
    # From the page as it is now, the decision goes through.
    _decide(client, in_review, _open_review(client, in_review), "sign_off")
    db.session.expire_all()
    assert in_review.status == "signed_off"


def test_starting_an_rca_that_exists_says_so_and_links_to_it(app, client, incident, lead, forces):
    other_reviewer = create_user(force=forces["A"], roles=[Role.REVIEWER], email="other@aaa.example", name="Ola Other")
    sign_in(client, lead.email)
    token = get_page(client, f"/rca/start/{incident.id}").csrf_token()  # the start page, left open
    rca = service.start_rca(incident, actor=other_reviewer, level="concise", terms_of_reference="Theirs")
    response = client.post(f"/rca/start/{incident.id}", data={"csrf_token": token, "level": "concise",
                                                              "terms_of_reference": "Mine, typed in the old tab"})
    page = Page(response)
    assert page.status == 200
    banner = _banner(page)
    assert (f"An RCA for this incident already exists: it was started on {rca.started_on:%-d %B %Y}, "
            "led by Ola Other. Nothing new has been started.") in banner
    assert page.html.select_one(".govuk-notification-banner a")["href"] == f"/rca/{rca.id}"
    assert page.html.select_one("#typed-terms").get_text(strip=True) == "Mine, typed in the old tab"
    assert not page.html.find("textarea", attrs={"name": "terms_of_reference"})  # no second start offered
    assert db.session.scalar(select(func.count(RootCauseAnalysis.id))) == 1
    # A stale "Start" link lands on the RCA, saying why.
    response = client.get(f"/rca/start/{incident.id}")
    assert response.headers["Location"].endswith(f"/rca/{rca.id}")
    assert "An RCA for this incident already exists" in _banner(get_page(client, f"/rca/{rca.id}"))



def test_sending_for_review_from_a_second_tab_says_it_was_sent_already(client, incident, lead, reviewers):
    rca = _ready(incident, lead)
    sign_in(client, lead.email)
    token = get_page(client, f"/rca/{rca.id}").csrf_token()
    first = client.post(f"/rca/{rca.id}/send", data={"csrf_token": token})
    assert first.status_code == 302
    second = client.post(f"/rca/{rca.id}/send", data={"csrf_token": token})  # the other tab, or a double click
    assert second.status_code == 302 and second.headers["Location"].endswith(f"/rca/{rca.id}")
    db.session.expire_all()
    at = rca.sent_for_review_at
    assert _banner(get_page(client, f"/rca/{rca.id}")) == (
        f"Important This RCA was already sent for review by you at {at:%H:%M} on {at:%-d %B %Y}. "
        "Nothing has been sent again: a second reviewer can now sign it off or return it.")
    assert _events("sent_for_review") == 1
    # Signed off meanwhile: sending from the old page says so, and nothing changes.
    service.sign_off(rca, actor=reviewers[0])
    client.post(f"/rca/{rca.id}/send", data={"csrf_token": token})
    assert "This RCA was already signed off by Sam Second at" in _banner(get_page(client, f"/rca/{rca.id}"))
    db.session.expire_all()
    assert rca.status == "signed_off" and _events("sent_for_review") == 1
