"""What a hostile newcomer's walk through the forms found that the hostile-input crawl misses: each a class fixed and
checked here with the inputs that showed it."""
from __future__ import annotations

from werkzeug.datastructures import MultiDict

from debrief.auth.roles import Role
from tests.support.pages import Page, form_data, get_page, post_form, sign_in


def _about(client, url: str, **fields) -> Page:
    data = MultiDict({"csrf_token": get_page(client, url).csrf_token(), "occurred_time": "23:30", "near_miss": "no",
                      "location_type": "street", "place": "High Street", "summary": "A struggle.",
                      "themes": "use_of_force", "continue": "1"})
    for name, value in fields.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    response = client.post(url, data=data)
    assert response.status_code == 200, response.status_code
    return Page(response)


def test_a_refused_incident_date_gets_one_clear_error_and_the_times_are_not_checked_against_it(client, people):
    # 31 12 9999 with "ended after midnight" was a 500 (the end time was put on the day after the calendar's last).
    sign_in(client, people[("A", Role.OFFICER)].email)
    url = post_form(client, "/debriefs/new", {"kind": "hot"}).response.headers["Location"] + "/about"
    page = _about(client, url, occurred_date=["31", "12", "9999"], ended_time="00:10", ended_next_day="y")
    assert page.error_summary() == ["The date of the incident must be today or in the past"]
    assert [i["value"] for i in page.html.select("#occurred_date input")] == ["31", "12", "9999"]  # kept as typed
    assert page.html.find("input", attrs={"name": "ended_time"})["value"] == "00:10"
    page = _about(client, url, occurred_date=["1", "1", "0001"], ended_time="00:10", ended_next_day="y")
    assert page.error_summary() == ["The date of the incident must be on or after 1 January 2000"]
    page = _about(client, url, occurred_date=["1", "1", "2099"])
    assert page.error_summary() == ["The date of the incident must be today or in the past"]  # not the time as well


def test_a_subject_changed_in_two_tabs_is_not_overwritten_without_a_word(client, people):
    from debrief.extensions import db
    from debrief.models import Debrief

    sign_in(client, people[("A", Role.OFFICER)].email)
    base = post_form(client, "/debriefs/new", {"kind": "hot"}).response.headers["Location"]
    post_form(client, base + "/use-of-force", {"used_force": "yes", "single_crewed": "no", "hours_on_duty": "10_to_12",
                                               "taser_trained": "no", "taser_carried": "no", "assaulted": "no",
                                               "continue": "1"}, status=302)
    added = post_form(client, base + "/subjects/new", {"tactics": ["compliant_handcuffing"], "injury_severity": "none",
                                                       "bwv_worn": "no"})
    assert added.status == 302, added.error_summary()
    debrief = db.session.get(Debrief, int(base.split("/")[2]))
    url = f"{base}/subjects/{debrief.subjects[0].id}"
    first_tab, second_tab = get_page(client, url), get_page(client, url)
    assert client.post(url, data=form_data(second_tab, log_reference="CAD 2")).status_code == 302
    response = client.post(url, data=form_data(first_tab, log_reference="CAD 1"))
    assert response.status_code == 200
    page = Page(response)
    assert page.error_summary()[0].startswith("Someone else saved changes to this while you were editing")
    assert page.html.find("input", attrs={"name": "log_reference"})["value"] == "CAD 1"  # what they typed, kept
    db.session.expire_all()
    assert db.session.get(Debrief, debrief.id).subjects[0].log_reference == "CAD 2"  # the other tab's save stands
    # Saving again now overwrites knowingly.
    assert client.post(url, data=form_data(page)).status_code == 302
    db.session.expire_all()
    assert db.session.get(Debrief, debrief.id).subjects[0].log_reference == "CAD 1"


def test_a_reflective_question_changed_in_two_tabs_is_not_overwritten_without_a_word(client, learner):
    from debrief.extensions import db
    from debrief.models import ReflectiveQuestion
    from tests.support.publication_factories import create_case_study

    case = create_case_study(status="in_edit", questions={"trainers": ["What do trainers teach about breathing?"]})
    question = case.questions[0]
    sign_in(client, learner.email)
    url = f"/learning/case-studies/{case.id}/questions/{question.id}"
    first_tab, second_tab = get_page(client, url), get_page(client, url)
    assert client.post(url, data=form_data(second_tab, question="Second tab's wording?")).status_code == 302
    page = Page(client.post(url, data=form_data(first_tab, question="First tab's wording?")))
    assert page.status == 200
    assert page.error_summary()[0].startswith("Someone else saved changes to this while you were editing")
    assert page.html.find("textarea", attrs={"name": "question"}).get_text() == "First tab's wording?"
    db.session.expire_all()
    assert db.session.get(ReflectiveQuestion, question.id).text == "Second tab's wording?"


def test_a_factor_s_document_past_its_300_characters_is_refused_not_cut_off(client, people):
    from datetime import datetime

    from sqlalchemy import func, select

    from debrief.extensions import db
    from debrief.models import RcaNode
    from debrief.rca import service
    from tests.support.factories import submitted_debrief

    lead = people[("A", Role.REVIEWER)]
    debrief = submitted_debrief(author=people[("A", Role.OFFICER)], occurred_at=datetime(2026, 3, 27, 22, 15))
    rca = service.start_rca(debrief.incident, actor=lead, level="concise", terms_of_reference="Review the response.")
    outcome = next(n for n in rca.nodes if n.kind == "outcome")
    sign_in(client, lead.email)
    url = f"/rca/{rca.id}/items/{outcome.id}/contributors/new"
    long_name = "Custody policy " + "section 4, " * 40  # 455 characters
    page = post_form(client, url, {"label": "No escalation route when the place of safety is full",
                                   "category": "task_procedures", "evidence_kind": "document",
                                   "evidence_document": long_name}, status=200)
    assert page.error_summary() == ["Document must be 300 characters or fewer"]
    assert page.html.find("input", attrs={"name": "evidence_document"})["value"] == long_name  # kept as typed
    db.session.expire_all()
    assert db.session.scalar(select(func.count(RcaNode.id)).where(RcaNode.rca_id == rca.id,
                                                                 RcaNode.kind == "factor")) == 0  # nothing saved
