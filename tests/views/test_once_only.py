"""A create form sent twice from one page (a double click without JavaScript, the back button then send again, a
retried request) makes one record, and the second lands where the first did with a short notice; a refused
submission does not use the page's token up. And a force response edited in two tabs is not overwritten."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time

import pytest
from sqlalchemy import func, select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import (
    ChronologyEntry, Debrief, ForceResponse, ForceSubject, PublicPerson, RcaAction, Recommendation, ReflectiveQuestion,
    Article, MagazineIssue, RcaNode, SubmissionToken, TimelineEntry,
)
from debrief.once import NOTICE
from debrief.rca import service as rca_service
from tests.support.factories import submitted_debrief
from tests.support.pages import Page, form_data, get_page, sign_in
from tests.support.publication_factories import create_case_study, create_issue


def _count(model) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


@dataclass(frozen=True)
class Create:
    """One create form: who signs in, the page's address (made from the data the test set up), what to type, what
    to type that is refused, and the table it adds to."""
    name: str
    role: Role
    url: Callable[[dict], str]
    typed: dict
    refused: dict
    model: type


def _officer_debrief(people) -> dict:
    """A draft debrief of force A's officer in which force was used."""
    from debrief.debriefs import service

    officer = people[("A", Role.OFFICER)]
    debrief = service.start_incident(reporter=officer, kind="hot", facilitator=None, attendees=None)
    debrief.used_force = True
    db.session.commit()
    return {"debrief": debrief.id}


def _rca(people) -> dict:
    lead = people[("A", Role.REVIEWER)]
    debrief = submitted_debrief(author=people[("A", Role.OFFICER)], occurred_at=datetime(2026, 3, 27, 22, 15))
    debrief.timeline = [TimelineEntry(at=time(22, 15), what="Call received", source="Control room", position=0),
                        TimelineEntry(at=time(22, 40), what="First officer arrived alone", source="", position=1)]
    db.session.commit()
    rca = rca_service.start_rca(debrief.incident, actor=lead, level="concise", terms_of_reference="Why?")
    problem = rca_service.mark_problem(rca, rca.chronology[1], actor=lead)
    factor = rca_service.add_factor(rca, actor=lead, contributes_to=problem, label="No second unit at night",
                                    category="working_conditions", evidence_kind="document",
                                    evidence_document="Roster")
    recommendation = rca_service.save_recommendation(rca, actor=lead, recommendation=None, text="Review night cover",
                                                     node_ids=[factor.id])
    return {"rca": rca.id, "problem": problem.id, "factor": factor.id, "recommendation": recommendation.id}


def _case_study(people) -> dict:
    case = create_case_study(force=people[("A", Role.LEARNING)].force, status="in_edit",
                             questions={"trainers": ["What do trainers teach about breathing?"]})
    return {"case": case.id}


CREATES = [
    Create("start a debrief", Role.OFFICER, lambda ids: "/debriefs/new", {"kind": "hot"}, {"kind": "nonsense"},
           Debrief),
    Create("add a person involved", Role.OFFICER, lambda ids: f"/debriefs/{ids['debrief']}/people/add",
           {"role": "subject", "age_band": "18_34", "sex": "male", "ethnicity": "not_stated",
            "ethnicity_basis": "self_defined", "disability_known": "no"}, {"role": ""}, PublicPerson),
    Create("add a use-of-force subject", Role.OFFICER, lambda ids: f"/debriefs/{ids['debrief']}/subjects/new",
           {"tactics": ["compliant_handcuffing"], "injury_severity": "none", "bwv_worn": "no"},
           {"tactics": ["compliant_handcuffing"], "injury_severity": "none", "bwv_worn": "no",
            "log_reference": "x" * 500}, ForceSubject),
    Create("add a timeline entry", Role.OFFICER, lambda ids: f"/debriefs/{ids['debrief']}/timeline",
           {"entry-at": "14:31", "entry-what": "Arrived", "entry-source": "BWV", "action": "add"},
           {"entry-what": ""}, TimelineEntry),
    Create("add a contributory factor", Role.REVIEWER,
           lambda ids: f"/rca/{ids['rca']}/items/{ids['problem']}/contributors/new",
           {"label": "Radio coverage poor on the estate", "category": "equipment_technology", "evidence_kind": "document",
            "evidence_document": "Radio log"}, {"label": ""}, RcaNode),
    Create("add a chronology entry", Role.REVIEWER, lambda ids: f"/rca/{ids['rca']}/chronology/new",
           {"on_date": ["27", "3", "2026"], "at_time": "22:50", "what": "Second unit arrived",
            "source_kind": "document", "marking": "none"}, {"what": ""}, ChronologyEntry),
    Create("add a recommendation", Role.REVIEWER, lambda ids: f"/rca/{ids['rca']}/recommendations/new",
           {"text": "Two units at night", "priority": "high", "addressed_to": "force", "strength": "strong",
            "nodes": "FACTOR"}, {"text": ""}, Recommendation),
    Create("add an action", Role.REVIEWER,
           lambda ids: f"/rca/{ids['rca']}/recommendations/{ids['recommendation']}/actions/new",
           {"description": "Audit the roster", "owner": "Resourcing", "due_on": ["4", "1", "2027"],
            "measure": "Two units every night", "status": "open"}, {"owner": ""}, RcaAction),
    Create("start a magazine issue", Role.LEARNING, lambda ids: "/learning/issues/new",
           {"theme": "Custody and rousing", "introduction": "Checks in the cell."}, {"theme": ""}, MagazineIssue),
    Create("add an article", Role.LEARNING, lambda ids: f"/learning/issues/{ids['issue']}/articles/new",
           {"title": "From the custody sergeant", "contributor": "", "body": "What we changed."}, {"title": ""},
           Article),
    Create("add a reflective question", Role.LEARNING, lambda ids: f"/learning/case-studies/{ids['case']}/questions/new",
           {"audience": "officers_staff", "question": "How do you check breathing?"}, {"question": ""},
           ReflectiveQuestion),
]
SETUP = {"start a debrief": lambda people: {}, "add a person involved": _officer_debrief,
         "add a use-of-force subject": _officer_debrief, "add a timeline entry": _officer_debrief,
         "start a magazine issue": lambda people: {},
         "add an article": lambda people: {"issue": create_issue(number=7, status="draft").id},
         "add a contributory factor": _rca, "add a chronology entry": _rca,
         "add a recommendation": _rca, "add an action": _rca, "add a reflective question": _case_study}


def _typed(create: Create, ids: dict) -> dict:
    return {k: (str(ids["factor"]) if v == "FACTOR" else v) for k, v in create.typed.items()}


def _open(client, people, create: Create) -> tuple[str, Page, dict]:
    ids = SETUP[create.name](people)
    sign_in(client, people[("A", create.role)].email)
    url = create.url(ids)
    page = get_page(client, url)
    assert page.html.select_one("main form[method=post] input[name$=once]")["value"], create.name
    return url, page, ids


@pytest.mark.parametrize("create", CREATES, ids=[c.name for c in CREATES])
def test_a_create_form_sent_twice_makes_one_record_and_lands_where_the_first_did(client, people, create):
    url, page, ids = _open(client, people, create)
    before = _count(create.model)
    data = form_data(page, **_typed(create, ids))
    first = client.post(url, data=data)
    assert first.status_code == 302, Page(first).error_summary()
    assert _count(create.model) == before + 1
    again = client.post(url, data=data)  # the same page sent again
    assert again.status_code == 302
    assert again.headers["Location"] == first.headers["Location"]
    assert _count(create.model) == before + 1, "the second POST made another record"
    landed = get_page(client, again.headers["Location"].split("#")[0])
    assert NOTICE in landed.text()
    # A page opened afresh is a new submission.
    fresh = client.post(url, data=form_data(get_page(client, url), **_typed(create, ids)))
    assert fresh.status_code == 302 and _count(create.model) == before + 2


@pytest.mark.parametrize("create", CREATES, ids=[c.name for c in CREATES])
def test_a_refused_submission_does_not_use_the_token_up(client, people, create):
    url, page, ids = _open(client, people, create)
    before = _count(create.model)
    token = page.html.select_one("input[name$=once]")["value"]
    refused = Page(client.post(url, data=form_data(page, **{**_typed(create, ids), **create.refused})))
    assert refused.status == 200 and refused.error_summary(), create.name
    assert refused.html.select_one("input[name$=once]")["value"] == token  # the same page, kept
    assert _count(SubmissionToken) == 0 and _count(create.model) == before
    sent = client.post(url, data=form_data(refused, **{**{k: "" for k in create.refused}, **_typed(create, ids)}))
    assert sent.status_code == 302, Page(sent).error_summary()
    assert _count(create.model) == before + 1
    assert db.session.scalar(select(SubmissionToken.token)) == token


def test_a_token_of_another_person_creates_nothing_and_says_nothing_of_theirs(client, people):
    sign_in(client, people[("A", Role.OFFICER)].email)
    page = get_page(client, "/debriefs/new")
    data = form_data(page, kind="hot")
    assert client.post("/debriefs/new", data=data).status_code == 302
    client.post("/sign-out", data={"csrf_token": get_page(client, "/debriefs/new").csrf_token()})
    sign_in(client, people[("B", Role.OFFICER)].email)
    before = _count(Debrief)
    token = get_page(client, "/debriefs/new").csrf_token()
    again = client.post("/debriefs/new", data={**data.to_dict(), "csrf_token": token})
    assert again.status_code == 302 and again.headers["Location"] == "/"
    assert _count(Debrief) == before


def test_a_hand_made_token_is_replaced_not_stored(client, people):
    sign_in(client, people[("A", Role.OFFICER)].email)
    page = get_page(client, "/debriefs/new")
    for junk in ("", "short", "x" * 65, "<script>alert(1)</script>aaaaaaaaaaaaaaaaaaaaa"):
        assert client.post("/debriefs/new", data=form_data(page, kind="hot", once=junk)).status_code == 302
    assert _count(SubmissionToken) == 4
    assert all(len(t) == 32 for t in db.session.scalars(select(SubmissionToken.token)))


# Force responses: the version check every other edit has.

@pytest.fixture
def question(forces):
    issue = create_issue(number=5, theme="Custody")
    issue.published_at = datetime(2024, 12, 1)
    db.session.commit()
    case_study = create_case_study(force=forces["A"], issue=issue, title="Checks in the cell",
                                   questions={"officers_staff": ["How do you rouse a detained person?"]})
    return case_study.questions[0]


def _response(text: str, day: date = date(2025, 1, 15)) -> dict:
    return {"response": text, "done_on": [str(day.day), str(day.month), str(day.year)]}


def _saved() -> list[str]:
    db.session.expire_all()
    return list(db.session.scalars(select(ForceResponse.response)))


def test_a_force_response_changed_in_two_tabs_is_not_overwritten_without_a_word(client, people, question):
    sign_in(client, "reviewer@bbb.example")
    url = f"/responses/questions/{question.id}"
    assert client.post(url, data=form_data(get_page(client, url), **_response("We briefed custody."))
                       ).status_code == 302
    first_tab, second_tab = get_page(client, url), get_page(client, url)
    assert client.post(url, data=form_data(second_tab, **_response("Second tab: we changed training."))
                       ).status_code == 302
    page = Page(client.post(url, data=form_data(first_tab, **_response("First tab: we bought cameras."))))
    assert page.status == 200
    assert page.error_summary()[0].startswith("Someone else saved changes to this while you were editing")
    assert page.html.find("textarea", attrs={"name": "response"}).get_text() == "First tab: we bought cameras."
    assert "Second tab: we changed training." in page.text()  # the conflict panel shows what is saved now
    assert _saved() == ["Second tab: we changed training."]
    # Saving again now overwrites knowingly.
    assert client.post(url, data=form_data(page)).status_code == 302
    assert _saved() == ["First tab: we bought cameras."]


def test_a_first_response_recorded_in_another_tab_meanwhile_is_not_overwritten(client, people, question):
    sign_in(client, "reviewer@bbb.example")
    url = f"/responses/questions/{question.id}"
    first_tab, second_tab = get_page(client, url), get_page(client, url)
    assert client.post(url, data=form_data(second_tab, **_response("Second tab first."))).status_code == 302
    page = Page(client.post(url, data=form_data(first_tab, **_response("First tab later."))))
    assert page.status == 200 and page.error_summary()[0].startswith("Someone else saved changes")
    assert _saved() == ["Second tab first."]


def test_a_force_response_moderated_meanwhile_is_not_overwritten_without_a_word(client, people, question):
    from debrief.publications import responses

    sign_in(client, "reviewer@bbb.example")
    url = f"/responses/questions/{question.id}"
    assert client.post(url, data=form_data(get_page(client, url), **_response("We briefed custody."))
                       ).status_code == 302
    tab = get_page(client, url)
    (row,) = db.session.scalars(select(ForceResponse))
    responses.approve_force_response(row, actor=people[("A", Role.LEARNING)])
    page = Page(client.post(url, data=form_data(tab, **_response("We briefed custody and trained."))))
    assert page.status == 200 and page.error_summary()[0].startswith("Someone else saved changes")
    db.session.expire_all()
    assert db.session.scalar(select(ForceResponse.status)) == "approved"


def test_old_submission_tokens_are_deleted_by_the_command(app):
    from datetime import timedelta

    from debrief.models.base import utcnow

    db.session.add_all([SubmissionToken(token="o" * 32, created_at=utcnow() - timedelta(days=31)),
                        SubmissionToken(token="r" * 32, created_at=utcnow() - timedelta(days=29))])
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["delete-old-submission-tokens"])
    assert result.exit_code == 0, result.output
    assert "Deleted 1 " in result.output
    db.session.expire_all()
    assert list(db.session.scalars(select(SubmissionToken.token))) == ["r" * 32]
    assert "Deleted 1 " in app.test_cli_runner().invoke(args=["delete-old-submission-tokens", "--days", "1"]).output
    assert _count(SubmissionToken) == 0
