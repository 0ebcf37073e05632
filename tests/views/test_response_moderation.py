"""Force responses are moderated: the gate refuses identifying text (naming the field and the kind, keeping what was
typed, saving nothing); a draft is public only once the learning team approves it; a withdrawal (with a reason,
audited) takes it off every public page and export; a response cannot be dated before the issue's publication.
Readers' feedback is flagged when it holds an identifier and deleted after its retention period."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import AuditEvent, ForceResponse, IssueFeedback, utcnow
from tests.support.factories import audit_count
from tests.support.pages import get_page, post_form, sign_in
from tests.support.publication_factories import create_case_study, create_feedback, create_issue

NAMED = "Sergeant Mark Lowe briefed every custody officer; ring him on 07700 900123."
CLEAN = "Every custody officer was briefed on rousing checks."


@pytest.fixture
def question(forces):
    issue = create_issue(number=3, theme="Custody")
    issue.published_at = datetime(2025, 6, 1, 9, 0)
    db.session.commit()
    case = create_case_study(force=forces["A"], issue=issue, deny_terms=["Dean Walsh", "Walsh"],
                             questions={"officers_staff": ["How do you rouse a detained person?"]})
    return case.questions[0]


def _form(text: str, day: date = date(2025, 7, 1)) -> dict:
    return {"response": text, "done_on": [str(day.day), str(day.month), str(day.year)]}


def _sign_out(client):
    client.post("/sign-out", data={"csrf_token": get_page(client, "/no-role").csrf_token()})


def _public_text(client) -> str:
    return " ".join(client.get(p).get_data(as_text=True) for p in (
        "/magazine/force-response-log", "/magazine/issues/3", "/magazine/issues/3.html"))


@pytest.mark.parametrize("text, kind", [
    (NAMED, "a person's name"),
    ("Dean Walsh's family were told.", "a name, place or force from the case's records"),
    ("Email jane.h@example.police.uk for the new guidance.", "an email address"),
])
def test_identifying_text_is_refused_naming_field_and_kind_keeping_what_was_typed(client, people, question, text,
                                                                                     kind):
    sign_in(client, "reviewer@bbb.example")
    page = post_form(client, f"/responses/questions/{question.id}", _form(text), status=200)
    assert page.title.startswith("Error: ")
    (error,) = page.error_summary()
    assert error.startswith("What your force did contains something that could identify") and kind in error
    for word in ("Lowe", "07700", "Walsh", "jane.h"):
        assert word not in error
    assert page.html.select_one("textarea[name=response]").get_text() == text
    assert db.session.scalar(select(func.count(ForceResponse.id))) == 0
    assert audit_count("force_response.recorded") == 0


def test_a_response_dated_before_the_issue_was_published_is_kept(client, people, question):
    # A force may have acted before the question was published (on the case study published on its own, its own
    # RCA, or its own initiative): the log records what it did and when, so the earlier date is kept as given.
    sign_in(client, "reviewer@bbb.example")
    page = post_form(client, f"/responses/questions/{question.id}", _form(CLEAN, date(1999, 12, 31)), status=200)
    assert page.error_summary() == ["The date your force did it must be on or after 1 January 2000"]  # a slip
    assert db.session.scalar(select(func.count(ForceResponse.id))) == 0
    post_form(client, f"/responses/questions/{question.id}", _form(CLEAN, date(2025, 5, 31)), status=302)
    assert db.session.scalar(select(ForceResponse.done_on)) == date(2025, 5, 31)


def test_draft_approved_public_withdrawn_gone(client, people, question):
    sign_in(client, "reviewer@bbb.example")
    post_form(client, f"/responses/questions/{question.id}", _form(CLEAN), status=302)
    _sign_out(client)
    assert CLEAN not in _public_text(client)

    sign_in(client, "learning@aaa.example")
    listing = get_page(client, "/learning/responses/")
    assert CLEAN in listing.text() and "Waiting for approval" in listing.text()
    row = db.session.scalar(select(ForceResponse))
    post_form(client, f"/learning/responses/{row.id}/approve", {}, form_page="/learning/responses/", status=302)
    db.session.refresh(row)
    assert row.status == "approved" and row.moderated_by_id == people[("A", Role.LEARNING)].id
    assert audit_count("force_response.approved") == 1
    assert CLEAN in _public_text(client)

    refused = post_form(client, f"/learning/responses/{row.id}/withdraw", {"reason": ""}, status=200)
    assert refused.error_summary() == ["Enter why the response is being withdrawn"]
    post_form(client, f"/learning/responses/{row.id}/withdraw", {"reason": "The force asked us to."}, status=302)
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "force_response.withdrawn"))
    assert event.details["reason"] == "The force asked us to." and event.record_id == str(row.id)
    assert CLEAN not in _public_text(client)
    _sign_out(client)

    # The force sees why, and a new version goes back to the learning team first.
    sign_in(client, "reviewer@bbb.example")
    page = get_page(client, f"/responses/questions/{question.id}")
    assert "The force asked us to." in page.text() and "Withdrawn" in page.text()
    post_form(client, f"/responses/questions/{question.id}", _form(CLEAN + " Again."), status=302)
    db.session.refresh(row)
    assert row.status == "draft" and CLEAN not in _public_text(client)


def test_an_approved_response_changed_by_the_force_leaves_the_public_log_until_approved_again(client, people,
                                                                                               question):
    from debrief.publications import responses

    row = responses.record_force_response(question, people[("B", Role.REVIEWER)].force, CLEAN, date(2025, 7, 1),
                                          people[("B", Role.REVIEWER)])
    responses.approve_force_response(row, actor=people[("A", Role.LEARNING)])
    assert CLEAN in _public_text(client)
    responses.record_force_response(question, row.force, "We changed the briefing.", date(2025, 7, 2),
                                    people[("B", Role.REVIEWER)])
    text = _public_text(client)
    assert CLEAN not in text and "We changed the briefing." not in text


def test_approval_runs_the_gate_again(people, question):
    """A response that slipped in by another road (here, straight into the database) is refused at approval."""
    from debrief.publications import responses
    from debrief.publications.gate import IdentifyingText

    row = ForceResponse(question_id=question.id, force_id=people[("B", Role.REVIEWER)].force_id, response=NAMED,
                        done_on=date(2025, 7, 1))
    db.session.add(row)
    db.session.commit()
    with pytest.raises(IdentifyingText):
        responses.approve_force_response(row, actor=people[("A", Role.LEARNING)])
    db.session.rollback()
    assert db.session.get(ForceResponse, row.id).status == "draft"


def test_feedback_with_an_identifier_is_flagged_to_the_learning_team(client, people, question):
    post_form(client, "/magazine/issues/3/feedback", {"useful": "yes", "comment": NAMED}, status=302)
    post_form(client, "/magazine/issues/3/feedback", {"useful": "no", "comment": "More on custody, please."},
              status=302)
    flagged, clean = db.session.scalars(select(IssueFeedback).order_by(IssueFeedback.id)).all()
    assert "a person's name" in flagged.identifier_kinds and clean.identifier_kinds == []
    sign_in(client, "learning@aaa.example")
    page = get_page(client, f"/learning/issues/{question.case_study.issue_id}/feedback")
    assert page.text().count("Identifying details taken out") == 1


def test_a_readers_feedback_is_kept_without_what_identifies_someone(client, people, question):
    # The learning team never reads identifying text: a reader's comment naming someone was once stored and shown in
    # full under a red tag. What is kept is the anonymised comment (nothing needs the original).
    comment = ("My sergeant John Smith of 14 Acacia Avenue NT1 2AB told us about this, ring him on 07700 900123. "
               "The custody section was useful.")
    post_form(client, "/magazine/issues/3/feedback", {"useful": "yes", "comment": comment}, status=302)
    stored = db.session.scalars(select(IssueFeedback)).one().comment
    sign_in(client, "learning@aaa.example")
    text = get_page(client, f"/learning/issues/{question.case_study.issue_id}/feedback").text()
    for identifying in ("John Smith", "Smith", "Acacia", "NT1 2AB", "07700 900123"):
        assert identifying not in stored and identifying not in text, identifying
    assert "custody section was useful" in text


def test_feedback_the_anonymiser_cannot_clean_is_withheld(monkeypatch, question):
    from debrief.publications import responses

    monkeypatch.setattr(responses, "anonymise", lambda text, people: type("R", (), {"text": text})())
    assert responses.anonymised_feedback(NAMED, []) == responses.WITHHELD


def test_old_feedback_is_deleted_by_the_command(app, question):
    issue = question.case_study.issue
    create_feedback(issue=issue, comment="Old", created_at=utcnow() - timedelta(days=400))
    create_feedback(issue=issue, comment="Recent", created_at=utcnow() - timedelta(days=300))
    result = app.test_cli_runner().invoke(args=["delete-old-feedback"])
    assert result.exit_code == 0, result.output
    assert "Deleted 1 " in result.output
    assert [f.comment for f in db.session.scalars(select(IssueFeedback))] == ["Recent"]
    assert audit_count("feedback.deleted") == 1
    app.config["FEEDBACK_RETENTION_MONTHS"] = 6
    assert "Deleted 1 " in app.test_cli_runner().invoke(args=["delete-old-feedback"]).output
    assert db.session.scalar(select(func.count(IssueFeedback.id))) == 0
