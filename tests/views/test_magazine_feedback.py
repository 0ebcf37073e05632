"""Reader feedback on an issue: no sign-in, CSRF on, GOV.UK errors that keep what was typed, rate-limited per client."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from debrief.extensions import db
from debrief.models import IssueFeedback, utcnow
from debrief.publications.responses import FEEDBACK_PER_HOUR, client_key
from tests.support.pages import Page, get_page, post_form
from tests.support.publication_factories import create_feedback, create_issue

URL = "/magazine/issues/3/feedback"


@pytest.fixture
def issue(app):
    return create_issue(number=3, theme="Custody")


def _all_feedback() -> list[IssueFeedback]:
    return list(db.session.scalars(select(IssueFeedback).order_by(IssueFeedback.id)))


def test_feedback_is_stored_with_a_keyed_hash_and_confirmed(client, issue):
    page = post_form(client, URL, {"useful": "partly", "comment": "More on custody checks, please."}, status=302)
    assert page.response.headers["Location"] == "/magazine/issues/3/feedback/sent"
    done = get_page(client, page.response.headers["Location"])
    assert "Feedback sent" in done.text()
    (row,) = _all_feedback()
    assert (row.useful, row.comment, row.issue_id) == ("partly", "More on custody checks, please.", issue.id)
    assert len(row.client_key) == 64 and "127.0.0.1" not in row.client_key
    assert row.client_key == client_key("127.0.0.1", client.application.config["SECRET_KEY"])


def test_the_form_is_a_gov_uk_form_with_csrf(client, issue):
    page = get_page(client, URL)
    assert page.csrf_token()
    assert page.html.select("input[type=radio][name=useful]")
    assert page.html.select_one("textarea[name=comment]") is not None
    assert page.html.select_one("label[for=comment]") is not None


def test_a_post_without_the_csrf_token_is_refused(client, issue):
    response = client.post(URL, data={"useful": "yes", "comment": "Hello"})
    assert response.status_code == 400
    assert _all_feedback() == []


def test_choosing_nothing_is_an_error_that_keeps_the_comment(client, issue):
    page = post_form(client, URL, {"comment": "I typed this first."}, status=200)
    assert page.title.startswith("Error: ")
    assert "There is a problem" in page.text()
    assert page.error_summary() == ["Select whether this issue was useful"]
    assert page.html.select_one("textarea[name=comment]").get_text() == "I typed this first."
    assert _all_feedback() == []


def test_a_comment_over_1000_characters_is_refused(client, issue):
    page = post_form(client, URL, {"useful": "yes", "comment": "x" * 1001}, status=200)
    assert page.error_summary() == ["Your comments must be 1,000 characters or fewer"]
    assert page.html.select_one("input[name=useful][value=yes]").has_attr("checked")
    assert _all_feedback() == []
    post_form(client, URL, {"useful": "yes", "comment": "x" * 1000}, status=302)


def test_an_answer_not_offered_is_refused(client, issue):
    page = post_form(client, URL, {"useful": "maybe"}, status=200)
    assert page.error_summary()
    assert _all_feedback() == []


def test_rate_limit_per_client_per_hour(client, issue):
    for n in range(FEEDBACK_PER_HOUR):
        post_form(client, URL, {"useful": "yes", "comment": f"Number {n}"}, status=302)
    page = post_form(client, URL, {"useful": "no", "comment": "One too many"}, status=429)
    assert page.error_summary() == ["You have sent a lot of feedback in the last hour. Try again later."]
    assert page.html.select_one("textarea[name=comment]").get_text() == "One too many"
    assert len(_all_feedback()) == FEEDBACK_PER_HOUR
    # Another address is not limited by this one.
    other = client.application.test_client()
    token = Page(other.get(URL, environ_base={"REMOTE_ADDR": "192.0.2.44"})).csrf_token()
    response = other.post(URL, data={"useful": "yes", "csrf_token": token}, environ_base={"REMOTE_ADDR": "192.0.2.44"})
    assert response.status_code == 302
    assert len(_all_feedback()) == FEEDBACK_PER_HOUR + 1


def test_the_limit_counts_only_the_last_hour(client, issue):
    key = client_key("127.0.0.1", client.application.config["SECRET_KEY"])
    for _ in range(FEEDBACK_PER_HOUR):
        create_feedback(issue=issue, client_key=key, created_at=utcnow() - timedelta(minutes=61))
    post_form(client, URL, {"useful": "yes"}, status=302)
    for _ in range(FEEDBACK_PER_HOUR - 1):
        create_feedback(issue=issue, client_key=key, useful="no")
    post_form(client, URL, {"useful": "partly"}, status=429)  # new words: a repeat would land as already sent


def test_feedback_on_a_draft_issue_does_not_exist(client, issue):
    create_issue(number=4, status="draft")
    get_page(client, "/magazine/issues/4/feedback", status=404)
    # A valid token (from the published issue's form), so the 404 is the draft's, not a CSRF refusal.
    post_form(client, "/magazine/issues/4/feedback", {"useful": "yes"}, form_page=URL, status=404)
    assert _all_feedback() == []


def test_the_same_page_sent_again_after_back_is_saved_once(client, issue):
    """A reader sends, presses Back and sends the same page again: one feedback, and they land on 'sent' again."""
    form = get_page(client, URL)
    data = {"useful": "yes", "comment": "Clear and short.", "csrf_token": form.csrf_token(),
            "once": form.html.select_one("input[name=once]")["value"]}
    assert client.post(URL, data=data).status_code == 302
    again = client.post(URL, data=data)
    assert (again.status_code, again.headers["Location"]) == (302, "/magazine/issues/3/feedback/sent")
    assert "not been saved a second time" in get_page(client, again.headers["Location"]).text()
    assert len(_all_feedback()) == 1
    # A fresh page is a fresh feedback.
    post_form(client, URL, {"useful": "no"}, status=302)
    assert len(_all_feedback()) == 2


def test_a_refused_send_does_not_use_the_page_up(client, issue):
    form = get_page(client, URL)
    data = {"comment": "Forgot to choose.", "csrf_token": form.csrf_token(),
            "once": form.html.select_one("input[name=once]")["value"]}
    assert client.post(URL, data=data).status_code == 200
    assert client.post(URL, data={**data, "useful": "partly"}).status_code == 302
    assert [row.comment for row in _all_feedback()] == ["Forgot to choose."]


def test_the_same_words_sent_again_from_a_fresh_page_are_saved_once(client, issue):
    """Back then Send in a browser: the page is drawn afresh (a new one-time token) with what was typed restored. The
    same reader's same answer and words on the same issue are the feedback already saved; other words are new."""
    post_form(client, URL, {"useful": "yes", "comment": "Clear and short."}, status=302)
    again = post_form(client, URL, {"useful": "yes", "comment": "Clear and short."}, follow=True)
    assert "not been saved a second time" in again.text()
    assert len(_all_feedback()) == 1
    post_form(client, URL, {"useful": "yes", "comment": "Clear and short, and one more thing."}, status=302)
    post_form(client, URL, {"useful": "partly", "comment": "Clear and short."}, status=302)
    assert len(_all_feedback()) == 3


def test_the_same_words_much_later_are_new_feedback(client, issue):
    post_form(client, URL, {"useful": "yes", "comment": "Clear and short."}, status=302)
    row = _all_feedback()[0]
    row.created_at = utcnow() - timedelta(hours=1)
    db.session.commit()
    post_form(client, URL, {"useful": "yes", "comment": "Clear and short."}, status=302)
    assert len(_all_feedback()) == 2


def test_lower_case_names_and_streets_in_feedback_never_reach_the_learning_team(client, issue):
    """A newcomer's walk: "my mate dave smith lives on mill lane in grimsby" was kept as "dave smith ... mill lane"."""
    post_form(client, URL, {"useful": "yes", "comment": "Good issue. my mate dave smith lives on mill lane in grimsby "
                                                        "and my neighbour jim o'neill agreed."}, status=302)
    stored = _all_feedback()[0].comment
    for word in ("dave", "smith", "mill lane", "grimsby", "jim", "neill"):
        assert word not in stored.lower(), stored
    assert stored.startswith("Good issue. my mate ")
