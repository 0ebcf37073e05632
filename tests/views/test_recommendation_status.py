"""A recommendation in a case study shows its status and the approved force responses that say where each force is
with it; drafts and withdrawn responses never show. A force records its stance with its response (optional)."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from debrief.extensions import db
from debrief.models import AuditEvent, Force, ForceResponse
from tests.support.pages import get_page, post_form, sign_in
from tests.support.publication_factories import create_case_study, create_force_response, create_issue


@pytest.fixture
def case(forces):
    issue = create_issue(number=7, theme="Custody")
    issue.published_at = datetime(2024, 12, 1)
    db.session.commit()
    return create_case_study(force=forces["A"], issue=issue, title="Checks in the cell",
                             recommendations="- Hand over rousing checks by name.\n- Alert when a check is overdue.",
                             questions={"officers_staff": ["How do you rouse a detained person?"],
                                        "trainers": ["Is rousing taught?"]})


def _stance(row: ForceResponse, stance: str | None) -> ForceResponse:
    row.recommendation_stance = stance
    db.session.commit()
    return row


def _status_block(client, case) -> str:
    page = get_page(client, f"/magazine/case-studies/{case.id}")
    return page.html.select_one("#recommendation-status").get_text(" ", strip=True)


def test_status_and_only_approved_responses_show(client, forces, case):
    assert _status_block(client, case) == ("Where forces are with these recommendations No force has said yet "
                                           "where it is with these recommendations.")
    third = Force(code="CCC", name="Charlieshire Police")
    fourth = Force(code="DDD", name="Deltashire Police")
    db.session.add_all([third, fourth])
    db.session.commit()
    rouse, taught = case.questions
    _stance(create_force_response(question=rouse, force=forces["B"], response="We now hand over by radio.",
                                  done_on=date(2025, 1, 5)), "implemented")
    _stance(create_force_response(question=rouse, force=third, response="Alerts are being built.",
                                  done_on=date(2025, 2, 1)), "in_progress")
    _stance(create_force_response(question=taught, force=fourth, response="A draft nobody approved.",
                                  status="draft"), "implemented")
    _stance(create_force_response(question=rouse, force=fourth, response="Withdrawn words.", status="withdrawn"),
            "not_accepted")
    create_force_response(question=taught, force=forces["A"], response="Approved, but says nothing of the recs.")
    text = _status_block(client, case)
    assert "Implemented by 1 force; in progress in 1 force." in text
    assert text.index("A force’s response Implemented") < text.index("A force’s response In progress")
    assert "We now hand over by radio." in text and "5 January 2025" in text
    # No force is named beside the case (the case's own force answering would identify where it happened): force
    # names appear only in the force response log.
    for hidden in ("A draft nobody approved.", "Withdrawn words.", "Deltashire", "says nothing of the recs",
                   "Bravoshire", "Charlieshire"):
        assert hidden not in text


def test_a_force_that_answered_twice_counts_once_by_its_latest(client, forces, case):
    rouse, taught = case.questions
    first = _stance(create_force_response(question=rouse, force=forces["B"], response="First answer."), "accepted")
    later = _stance(create_force_response(question=taught, force=forces["B"], response="Later answer."), "implemented")
    first.updated_at, later.updated_at = datetime(2025, 1, 1), datetime(2025, 3, 1)
    db.session.commit()
    text = _status_block(client, case)
    assert "Implemented by 1 force." in text and "Later answer." in text and "First answer." not in text


def _form(stance: str | None) -> dict:
    data = {"response": "We added rousing to the custody briefing.", "done_on": ["15", "1", "2025"]}
    if stance is not None:
        data["recommendation_stance"] = stance
    return data


def test_a_reviewer_records_the_stance_with_the_response(client, people, case):
    sign_in(client, "reviewer@bbb.example")
    url = f"/responses/questions/{case.questions[0].id}"
    page = get_page(client, url)
    assert [i["value"] for i in page.html.select("input[name=recommendation_stance]")] == [
        "implemented", "in_progress", "accepted", "not_accepted"]
    post_form(client, url, _form("in_progress"), status=302)
    (row,) = db.session.scalars(select(ForceResponse)).all()
    assert (row.recommendation_stance, row.status) == ("in_progress", "draft")
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "force_response.recorded"))
    assert event.details["recommendation_stance"] == "in_progress"
    assert get_page(client, url).html.select_one("input[name=recommendation_stance][checked]")["value"] == "in_progress"
    post_form(client, url, _form(None), status=302)  # optional: leaving it out clears it
    db.session.refresh(row)
    assert row.recommendation_stance is None


def test_an_unknown_stance_is_refused_and_nothing_saved(client, people, case):
    sign_in(client, "reviewer@bbb.example")
    page = post_form(client, f"/responses/questions/{case.questions[0].id}", _form("<b>done</b>"), status=200)
    assert page.title.startswith("Error: ")
    assert page.error_summary() == ["Select where your force is with the recommendations"]
    assert page.html.select_one("textarea[name=response]").get_text() == "We added rousing to the custody briefing."
    assert db.session.scalars(select(ForceResponse)).all() == []
