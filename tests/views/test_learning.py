"""The learning team's pages and the force's answer to a returned case study, through real forms with CSRF on."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import CaseStudy, MagazineIssue
from tests.support.factories import audit_count
from tests.support.pages import Page, get_page, post_form, sign_in
from tests.support.publication_factories import create_feedback
from tests.support.release_factories import SECRETS, named_people, released_case_study


@pytest.fixture
def case(who):
    return released_case_study(who)


def _edit_data(case, **changes):
    data = {"title": case.title, "summary": case.summary, "what_happened": case.what_happened,
            "findings_key_learning": case.findings_key_learning, "action_taken": case.action_taken,
            "outcome_for_individuals": case.outcome_for_individuals, "recommendations": case.recommendations,
            "themes": case.themes, "factor_categories": case.factor_categories, "operational_areas": ["response"]}
    data.update(changes)
    return data


def test_learning_home_lists_case_studies_by_status(client, learner, case):
    sign_in(client, learner.email)
    home = client.get("/")
    assert home.headers["Location"] == "/learning/case-studies"
    page = get_page(client, "/learning/case-studies")
    assert case.title in page.text() and "Candidate (1)" in page.text()
    assert case.title not in get_page(client, "/learning/case-studies?status=approved").text()
    assert case.title in get_page(client, "/learning/case-studies?status=candidate").text()


def test_the_case_study_page_shows_only_released_text_and_is_audited(client, learner, case, who):
    sign_in(client, learner.email)
    page = get_page(client, f"/learning/case-studies/{case.id}")
    text = page.html.select_one("main").get_text(" ")  # the header names the signed-in user's own force
    for secret in (*SECRETS, who["force"].name, "Tom Reilly", "Meera Joshi"):
        assert secret not in text, secret
    assert f"/rca/{case.source_rca_id}" not in page.response.get_data(as_text=True)
    assert "Released by the force as a candidate" in text
    assert audit_count("case_study.viewed") == 1


def test_an_edit_that_brings_a_name_back_is_refused_on_its_field_keeping_what_was_typed(client, learner, case):
    sign_in(client, learner.email)
    url = f"/learning/case-studies/{case.id}/edit"
    typed = case.what_happened + "\nDawson's radio had no signal."
    page = post_form(client, url, _edit_data(case, title="Alone at night, waiting", what_happened=typed), status=200)
    assert page.title.startswith("Error: ")
    assert page.html.select_one(".govuk-error-summary__title").get_text(strip=True) == "There is a problem"
    assert page.error_summary() == ["What happened contains something that could identify a person, place or force "
                                    "(a name, place or force from the case's records). Remove it or replace it with "
                                    "a label such as ‘Officer A’ or ‘a town’"]
    assert "Dawson" not in page.html.select_one(".govuk-error-summary").get_text()
    assert page.html.select_one("#what_happened-error") is not None
    assert page.html.select_one("#what_happened").get_text() == typed  # kept as typed
    assert page.html.select_one("#title")["value"] == "Alone at night, waiting"
    db.session.expire_all()
    assert case.title == "Alone at night on a restraint" and "Dawson" not in case.what_happened and case.status == "candidate"


def test_a_clean_edit_is_saved_and_starts_the_edit(client, learner, case):
    sign_in(client, learner.email)
    post_form(client, f"/learning/case-studies/{case.id}/edit",
              _edit_data(case, title="Waiting alone for backup"), status=302)
    db.session.expire_all()
    assert case.title == "Waiting alone for backup" and case.status == "in_edit"
    assert case.operational_areas == ["response"]


def test_questions_are_grouped_by_audience_and_checked(client, learner, case):
    sign_in(client, learner.email)
    url = f"/learning/case-studies/{case.id}/questions/new"
    post_form(client, url, {"audience": "trainers", "question": "Does training cover waiting for backup?"},
              status=302)
    refused = post_form(client, url, {"audience": "officers_staff", "question": "Would Karen have called again?"},
                        status=200)
    assert refused.error_summary()[0].startswith("Question contains something that could identify")
    missing = post_form(client, url, {"question": "Why?"}, status=200)
    assert missing.error_summary() == ["Select who the question is for"]
    page = get_page(client, f"/learning/case-studies/{case.id}")
    trainers = page.html.find("h3", string="For trainers").find_next("ul")
    assert "Does training cover waiting for backup?" in trainers.get_text()


def test_workflow_return_approve_reject_with_confirmation(client, learner, case, who):
    sign_in(client, learner.email)
    base = f"/learning/case-studies/{case.id}"
    empty = post_form(client, f"{base}/return", {"question": ""}, status=200)
    assert empty.error_summary() == ["Enter the question for the force"]
    post_form(client, f"{base}/return", {"question": "Was another unit free?"}, status=302)
    db.session.expire_all()
    assert case.status == "returned"
    sent_back = client.get(f"{base}/edit")  # not editable now: its page, saying why
    assert sent_back.status_code == 302 and sent_back.headers["Location"].endswith(base)

    # The releasing force's reviewer answers; the answer is checked like any text the learning team reads.
    client.post("/sign-out", data={"csrf_token": get_page(client, "/learning/case-studies").csrf_token()})
    sign_in(client, who["lead"].email)
    assert "/released/" in get_page(client, "/review/").response.get_data(as_text=True)
    listing = get_page(client, "/released/")
    assert "Was another unit free?" in listing.text()
    named = post_form(client, f"/released/{case.id}", {"answer": "Neil Dawson was at a collision."}, status=200)
    assert named.error_summary()[0].startswith("Answer contains something that could identify")
    post_form(client, f"/released/{case.id}", {"answer": "The only other unit was at a collision."}, status=302)
    db.session.expire_all()
    assert case.status == "candidate"

    client.post("/sign-out", data={"csrf_token": get_page(client, "/released/").csrf_token()})
    sign_in(client, learner.email)
    page = get_page(client, base)
    assert "The only other unit was at a collision." in page.text()
    assert "The force answered the question and resubmitted it" in page.text()
    assert client.get(f"{base}/approve").status_code == 403  # a candidate is edited first
    post_form(client, f"{base}/edit", _edit_data(case), status=302)
    no_question = post_form(client, f"{base}/approve", {}, status=200)
    assert no_question.error_summary() == ["Add at least one reflective question before approving"]
    post_form(client, f"{base}/questions/new", {"audience": "trainers", "question": "Is waiting taught?"},
              status=302)
    post_form(client, f"{base}/approve", {}, status=302)
    db.session.expire_all()
    assert case.status == "approved"
    post_form(client, f"{base}/reject", {"reason": "Too like another case."}, status=302)
    db.session.expire_all()
    assert case.status == "rejected" and case.status_reason == "Too like another case."


def _approve(client, case):
    base = f"/learning/case-studies/{case.id}"
    post_form(client, f"{base}/edit", _edit_data(case), status=302)
    post_form(client, f"{base}/questions/new", {"audience": "policy_makers_managers",
                                                "question": "How is night cover set?"}, status=302)
    post_form(client, f"{base}/approve", {}, status=302)


def test_an_issue_is_assembled_and_published_then_read_only(client, learner, case):
    sign_in(client, learner.email)
    _approve(client, case)
    assert post_form(client, "/learning/issues/new", {"theme": ""}, status=200).error_summary() == [
        "Enter the theme of the issue"]
    post_form(client, "/learning/issues/new", {"theme": "Working alone", "introduction": "Single crewing."},
              status=302)
    issue = db.session.scalar(select(MagazineIssue))
    base = f"/learning/issues/{issue.id}"
    none = post_form(client, f"{base}/case-studies", {"add-case_study": ""}, form_page=base, status=400)
    assert none.error_summary() == ["Select an approved case study"]
    post_form(client, f"{base}/case-studies", {"add-case_study": str(case.id)}, form_page=base, status=302)
    db.session.expire_all()
    assert case.status == "scheduled" and case.issue_id == issue.id
    refused = post_form(client, base, {"theme": "Working alone", "introduction": "Remember Dean Walsh."}, status=200)
    assert refused.error_summary()[0].startswith("Introduction contains something")
    post_form(client, f"{base}/articles/new", {"title": "Why backup matters", "contributor": "College of Policing",
                                               "body": "Waiting is a tactical choice."}, status=302)
    page = get_page(client, base)
    assert "Why backup matters" in page.text() and case.title in page.text()
    post_form(client, f"{base}/publish", {}, status=302)
    db.session.expire_all()
    assert issue.status == "published" and case.status == "published"
    assert "A published issue cannot be changed" in get_page(client, base).text()
    assert post_form(client, base, {"theme": "Changed"}, form_page=f"{base}/feedback").status == 403
    assert client.get(f"{base}/publish").status_code == 403
    assert audit_count("issue.published") == 1


def test_publishing_an_empty_issue_is_refused(client, learner):
    sign_in(client, learner.email)
    post_form(client, "/learning/issues/new", {"theme": "Empty"}, status=302)
    issue = db.session.scalar(select(MagazineIssue))
    page = post_form(client, f"/learning/issues/{issue.id}/publish", {}, status=200)
    assert page.error_summary() == ["Add at least one approved case study before publishing the issue"]
    db.session.expire_all()
    assert issue.status == "draft"


def test_running_order_can_be_changed(client, learner, case, who):
    other = released_case_study(named_people(_other_force()), title="Second case")
    sign_in(client, learner.email)
    _approve(client, case)
    _approve(client, other)
    post_form(client, "/learning/issues/new", {"theme": "Nights"}, status=302)
    issue = db.session.scalar(select(MagazineIssue))
    base = f"/learning/issues/{issue.id}"
    for c in (case, other):
        post_form(client, f"{base}/case-studies", {"add-case_study": str(c.id)}, form_page=base, status=302)
    post_form(client, f"{base}/case-studies/{other.id}/up", {}, form_page=base, status=302)
    db.session.expire_all()
    assert [c.id for c in issue.case_studies] == [other.id, case.id]
    post_form(client, f"{base}/case-studies/{other.id}/remove", {}, form_page=base, status=302)
    db.session.expire_all()
    assert [c.id for c in issue.case_studies] == [case.id] and other.status == "approved"


def _other_force():
    from tests.support.factories import create_force

    return create_force(code="WMC", name="Westmere Constabulary")


def test_feedback_is_listed_for_the_learning_team_and_audited(client, learner, case):
    sign_in(client, learner.email)
    post_form(client, "/learning/issues/new", {"theme": "Any"}, status=302)
    issue = db.session.scalar(select(MagazineIssue))
    create_feedback(issue=issue, useful="partly", comment="More on <custody> please")
    page = get_page(client, f"/learning/issues/{issue.id}/feedback")
    assert "More on <custody> please" in page.text() and "Partly" in page.text()
    assert "<custody>" not in page.response.get_data(as_text=True)  # escaped
    assert audit_count("issue.feedback_viewed") == 1


def test_a_reviewer_sees_only_their_own_forces_released_findings(client, case, people):
    sign_in(client, people[("A", Role.REVIEWER)].email)
    assert case.title not in get_page(client, "/released/").text()
    assert client.get(f"/released/{case.id}").status_code == 404
    assert db.session.scalar(select(func.count()).select_from(CaseStudy)) == 1


def test_the_case_study_page_shows_the_text_as_readers_will(client, learner):
    # The learning team's page showed the stored text raw: "- " before each recommendation and "In the afternoon:"
    # on every one of nine chronology lines, where the magazine shows a list and says the time of day once.
    from tests.support.publication_factories import create_case_study

    case = create_case_study(force=learner.force, status="candidate", title="Lists as lists",
                             what_happened="In the afternoon: Officer A arrived.\nIn the afternoon: Officer B left.",
                             recommendations="- Review the guidance.\n- Brief every team.")
    sign_in(client, learner.email)
    page = get_page(client, f"/learning/case-studies/{case.id}")
    items = [li.get_text(" ", strip=True) for li in page.html.select("main ul.govuk-list--bullet li")]
    assert {"Review the guidance.", "Brief every team.", "Officer A arrived.", "Officer B left."} <= set(items)
    text = page.html.select_one("main").get_text(" ")
    assert text.count("In the afternoon") == 1 and "- Review" not in text


def test_an_edit_sent_after_the_case_study_moved_on_keeps_what_was_typed(client, learner, case):
    # Tab A opens the edit page; tab B sends the case study back to the force; tab A saves. That answered "You do not
    # have permission to see this page" and lost the correction. Now the form comes back with it and says why.
    sign_in(client, learner.email)
    base = f"/learning/case-studies/{case.id}"
    page = get_page(client, f"{base}/edit")
    post_form(client, f"{base}/return", {"question": "Was another unit free?"}, status=302)
    typed = {**_edit_data(case), "summary": "A corrected summary, typed in the first tab."}
    response = client.post(f"{base}/edit", data={**typed, "csrf_token": page.csrf_token()})
    assert response.status_code == 200
    late = Page(response)
    assert late.error_summary()[0].startswith("This case study is now returned to the force, so it cannot be changed")
    assert late.html.select_one("textarea[name=summary]").get_text() == typed["summary"]
    db.session.expire_all()
    assert case.summary != typed["summary"]
