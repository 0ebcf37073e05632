"""Forces respond to reflective questions: reviewers and admins, for their own force only, audited, then public once
the learning team approves."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from debrief.errors import ServiceError
from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import AuditEvent, ForceResponse, utcnow
from debrief.publications import responses
from tests.support.pages import get_page, post_form, sign_in
from tests.support.publication_factories import create_case_study, create_force_response, create_issue


@pytest.fixture
def questions(forces):
    issue = create_issue(number=5, theme="Custody")
    issue.published_at = datetime(2024, 12, 1)  # responses may be dated from the issue's publication on
    db.session.commit()
    case_study = create_case_study(force=forces["A"], issue=issue, title="Checks in the cell",
                                   questions={"officers_staff": ["How do you rouse a detained person?"],
                                              "trainers": ["Is rousing taught?"]})
    draft = create_issue(number=6, status="draft")
    hidden = create_case_study(force=forces["A"], issue=draft, status="scheduled", title="Not yet",
                               questions={"trainers": ["A question nobody may answer yet"]})
    return {"rouse": case_study.questions[0], "taught": case_study.questions[1], "hidden": hidden.questions[0]}


def _responses() -> list[ForceResponse]:
    return list(db.session.scalars(select(ForceResponse).order_by(ForceResponse.id)))


def _form(day: date, text: str = "We added rousing to the custody briefing.") -> dict:
    return {"response": text, "done_on": [str(day.day), str(day.month), str(day.year)]}


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.ADMIN])
def test_a_reviewer_or_admin_records_their_forces_response_and_it_is_public(client, people, questions, role):
    sign_in(client, f"{role.value}@bbb.example")
    listing = get_page(client, "/responses/")
    assert "How do you rouse a detained person?" in listing.text() and "Not yet" in listing.text()
    assert "A question nobody may answer yet" not in listing.text()
    url = f"/responses/questions/{questions['rouse'].id}"
    page = post_form(client, url, _form(date(2025, 1, 15)), status=302)
    assert page.response.headers["Location"] == "/responses/"
    (row,) = _responses()
    assert (row.force.name, row.response, row.done_on) == ("Bravoshire Constabulary",
                                                          "We added rousing to the custody briefing.",
                                                          date(2025, 1, 15))
    assert row.status == "draft" and "Waiting for approval" in get_page(client, "/responses/").text()
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "force_response.recorded"))
    assert event.actor_id == people[("B", role)].id and event.force_id == row.force_id
    assert event.details["created"] is True and event.details["question"] == questions["rouse"].id
    client.post("/sign-out", data={"csrf_token": get_page(client, "/responses/").csrf_token()})
    # Not public until the learning team approves it.
    assert "Bravoshire Constabulary" not in get_page(client, "/magazine/force-response-log").text()
    responses.approve_force_response(row, actor=people[("A", Role.LEARNING)])
    log = get_page(client, "/magazine/force-response-log")
    assert "Bravoshire Constabulary" in log.text() and "15 January 2025" in log.text()


def test_recording_again_updates_the_one_response(client, people, questions):
    sign_in(client, "reviewer@bbb.example")
    url = f"/responses/questions/{questions['rouse'].id}"
    post_form(client, url, _form(date(2025, 1, 15)), status=302)
    page = get_page(client, url)
    assert page.h1 == "Update your force's response"
    assert page.html.select_one("textarea[name=response]").get_text() == "We added rousing to the custody briefing."
    post_form(client, url, _form(date(2025, 2, 1), "We also changed the training."), status=302)
    (row,) = _responses()
    assert (row.response, row.done_on) == ("We also changed the training.", date(2025, 2, 1))
    created = db.session.scalars(select(AuditEvent.details).where(AuditEvent.action == "force_response.recorded")
                                 .order_by(AuditEvent.id)).all()
    assert [d["created"] for d in created] == [True, False]


def test_a_reviewer_of_force_a_cannot_write_for_force_b(client, people, forces, questions):
    create_force_response(question=questions["rouse"], force=forces["B"], response="B's own words.")
    sign_in(client, "reviewer@aaa.example")
    url = f"/responses/questions/{questions['rouse'].id}"
    page = get_page(client, url)
    assert page.h1 == "Record your force's response"  # B's response is not A's to edit
    # A crafted force field is ignored: the force is always the signed-in user's.
    post_form(client, url, {**_form(date(2025, 3, 1), "A's words."), "force_id": str(forces["B"].id)}, status=302)
    by_force = {r.force_id: r.response for r in _responses()}
    assert by_force == {forces["B"].id: "B's own words.", forces["A"].id: "A's words."}
    # And the service refuses outright.
    with pytest.raises(ServiceError):
        responses.record_force_response(questions["taught"], forces["B"], "Sneaky", date(2025, 1, 1),
                                        people[("A", Role.REVIEWER)])
    assert len(_responses()) == 2


@pytest.mark.parametrize("data, error", [
    ({"response": "", "done_on": ["1", "1", "2025"]}, "Enter what your force did in response"),
    ({"response": "   ", "done_on": ["1", "1", "2025"]}, "Enter what your force did in response"),
    ({"response": "Done", "done_on": ["", "", ""]}, "Enter the date your force did it"),
    ({"response": "Done", "done_on": ["31", "2", "2025"]}, "The date your force did it must be a real date, for example 27 3 2026"),
    ({"response": "Done", "done_on": ["3", "2", "26"]}, "The date your force did it must include a year with 4 numbers, for example 27 3 2026"),
])
def test_validation_errors_keep_what_was_typed(client, people, questions, data, error):
    sign_in(client, "reviewer@bbb.example")
    page = post_form(client, f"/responses/questions/{questions['rouse'].id}", data, status=200)
    assert page.title.startswith("Error: ")
    assert page.error_summary() == [error]
    assert page.html.select_one("textarea[name=response]").get_text() == data["response"]
    assert _responses() == []


def test_a_date_in_the_future_is_refused(client, people, questions):
    sign_in(client, "reviewer@bbb.example")
    tomorrow = utcnow().date() + timedelta(days=1)
    page = post_form(client, f"/responses/questions/{questions['rouse'].id}", _form(tomorrow), status=200)
    assert page.error_summary() == ["The date your force did it must be today or in the past"]
    assert [page.html.select_one(f"#done_on-{part}")["value"] for part in ("day", "month", "year")] == [
        str(tomorrow.day), str(tomorrow.month), str(tomorrow.year)]
    assert _responses() == []


def test_unpublished_questions_cannot_be_answered(client, people, questions):
    sign_in(client, "reviewer@bbb.example")
    get_page(client, f"/responses/questions/{questions['hidden'].id}", status=404)
    with pytest.raises(ServiceError):
        responses.record_force_response(questions["hidden"], people[("B", Role.REVIEWER)].force, "Done",
                                        date(2025, 1, 1), people[("B", Role.REVIEWER)])
    assert _responses() == []


def test_a_post_without_csrf_is_refused(client, people, questions):
    sign_in(client, "reviewer@bbb.example")
    response = client.post(f"/responses/questions/{questions['rouse'].id}", data=_form(date(2025, 1, 1)))
    assert response.status_code == 400
    assert _responses() == []


def test_force_responses_list_filters_by_issue_and_audience(client, people, questions):
    sign_in(client, "admin@aaa.example")
    page = get_page(client, "/responses/?audience=trainers")
    assert "Is rousing taught?" in page.text() and "How do you rouse a detained person?" not in page.text()
    assert "No published questions match" in get_page(client, "/responses/?issue=6").text()


def test_force_responses_nav_entry_for_reviewers_and_admins_only(client, people, questions):
    sign_in(client, "reviewer@aaa.example")
    assert get_page(client, "/responses/").html.select_one(".govuk-service-navigation a[href='/responses/']")
    client.post("/sign-out", data={"csrf_token": get_page(client, "/responses/").csrf_token()})
    sign_in(client, "officer@aaa.example")
    assert not get_page(client, "/officer").html.select_one("a[href='/responses/']")
