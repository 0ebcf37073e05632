"""Hostile and odd input gets a clear error, never a 5xx: every form endpoint, as someone allowed to use it.

Each role's pages are crawled from the start page to find every POST form the service shows (with real ids in its
URL); Hypothesis then posts generated hostile values to each, with a valid CSRF token, and fails on any 5xx.
Fixed example count and derandomized, so a run costs the same each time and a failure is reproducible."""
from __future__ import annotations

import importlib
import pkgutil
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from flask_wtf import FlaskForm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from debrief.auth.roles import Role
from debrief.debriefs import service as debriefs
from debrief.form_base import BaseForm
from datetime import datetime

from debrief.audit import record
from debrief.extensions import db
from debrief.models import ForceSubject, PublicPerson
from debrief.rca.service import team
from debrief.rca import service as rca_service
from debrief.debriefs import people_service
from tests.support.markup import title_problems
from tests.support.rca_factories import write_report
from tests.support.factories import PASSWORD, create_force, create_user, submitted_debrief
from tests.support.pages import Page, get_page, post_form, sign_in
from tests.support.publication_factories import create_case_study, create_force_response, create_issue
from tests.support.release_factories import released_case_study, signed_off_rca

EXAMPLES_PER_FORM = 3
PAGES_PER_USER = 120
URLS_PER_ENDPOINT = 6
# Downloads, and the read-only dashboards (their filters are GET forms), are not where POST forms are.
SKIP_LINKS = re.compile(r"\.(pdf|png|svg|dot|csv|html)$|/sign-out|/assets/|^/patterns|^/audit|^/health|from=check")
# The public magazine is crawled once, signed out.
SKIP_SIGNED_IN = re.compile(r"^/magazine")
# Endpoints with a POST that no crawled page leads to, each with why.
NOT_CRAWLED = {
    "auth.sign_out": "posting it ends the crawling user's session; it takes no fields",
}

NASTY = [
    "", " ", "\x00", "a\x00b", "\x01\x02\x1f", "\x7f", "\x85", "line\r\nbreak", "\t", "٣", "١٢", "27", "3",
    "2026", "0", "-1", "1" * 30, "99999999999", "1e400", "NaN", "2026-02-30", "<script>alert(1)</script>",
    "' OR 1=1 --", "%s%s%n", "../../etc/passwd", "/\\evil.example", "\r\nSet-Cookie: x=1", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ‮",
    "x" * 20001, "yes", "no", "on", "sign_off", "return", "hot", "1", "999999",
]
hostile_value = st.one_of(
    st.sampled_from(NASTY),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=40),
)


@dataclass(frozen=True)
class FoundForm:
    endpoint: str
    url: str
    fields: tuple[str, ...]
    user: str | None


def _endpoint(app, url: str, method: str, *, with_words: bool = False) -> str | None:
    """The endpoint a URL goes to; `with_words` adds its non-numeric arguments (a debrief's step, say)."""
    adapter = app.url_map.bind("localhost")
    try:
        endpoint, args = adapter.match(urlsplit(url).path, method=method)
    except Exception:  # noqa: BLE001  (not an app route: a redirect elsewhere, a 405)
        return None
    words = sorted(str(v) for v in args.values() if not isinstance(v, int))
    return "/".join([endpoint, *words]) if with_words else endpoint


def _crawl(app, client, user: str | None, found: dict, start: tuple[str, ...] = ()) -> str:
    """Collect the POST forms `user` is shown into `found`; return a CSRF token of the client's session."""
    token = None
    seen_urls: set[str] = set()
    per_endpoint: dict[str, int] = defaultdict(int)
    queue = (["/"] if user else ["/magazine/", "/sign-in"]) + list(start)
    while queue and len(seen_urls) < PAGES_PER_USER:
        # Pages of a kind not yet seen first: the budget goes on reaching every kind of page.
        url = next((u for u in queue if per_endpoint[_endpoint(app, u, "GET", with_words=True)] == 0), queue[0])
        queue.remove(url)
        if url in seen_urls:
            continue
        endpoint = _endpoint(app, url, "GET", with_words=True)
        if endpoint is None or per_endpoint[endpoint] >= URLS_PER_ENDPOINT:
            continue
        seen_urls.add(url)
        per_endpoint[endpoint] += 1
        response = client.get(url)
        assert response.status_code < 500, f"GET {url} as {user}: {response.status_code}"
        if response.status_code in (301, 302, 303) and response.location.startswith("/"):
            queue.append(response.location)
        if response.status_code != 200 or "html" not in response.content_type:
            continue
        html = BeautifulSoup(response.get_data(as_text=True), "html.parser")
        token = token or Page(response).csrf_token()
        for link in html.select("a[href]"):
            href = link["href"].split("#")[0]
            if (href.startswith("/") and not href.startswith("//") and not SKIP_LINKS.search(href)
                    and not (user and SKIP_SIGNED_IN.search(href))):
                queue.append(href)
        for form in html.select("form"):
            if (form.get("method") or "get").lower() != "post":
                continue
            action = form.get("action") or url
            post_endpoint = _endpoint(app, action, "POST")
            if post_endpoint is None or post_endpoint in NOT_CRAWLED:
                continue
            names = tuple(sorted({tag["name"] for tag in form.select("input[name], textarea[name], select[name]")
                                  if tag["name"] != "csrf_token"}))
            found.setdefault((post_endpoint, names), FoundForm(post_endpoint, action, names, user))
    assert token, f"no CSRF token on any page {user} was shown"
    return token


def _rca_ready_for_review(who, *, author):
    """A draft RCA with nothing missing: what the lead sends for review and the second reviewer signs off."""
    lead = who["lead"]
    debrief = submitted_debrief(author=author)
    rca = rca_service.start_rca(debrief.incident, actor=lead, level="concise", terms_of_reference="Why alone?")
    problem = rca_service.mark_problem(rca, rca.chronology[0], actor=lead)
    factor = rca_service.add_factor(rca, actor=lead, contributes_to=problem, label="Short crewed",
                                    category="working_conditions", evidence_kind="document",
                                    evidence_document="Duty roster")
    rca_service.set_root_cause(rca, factor, actor=lead, confirmed=True)
    write_report(rca, lead, "The crew was short.")
    recommendation = rca_service.save_recommendation(rca, actor=lead, recommendation=None, text="Crew up",
                                                     node_ids=[factor.id])
    rca_service.save_action(rca, actor=lead, recommendation=recommendation, action=None, description="Roster",
                            owner="Resourcing", due_on=date(2027, 1, 4), measure="Two crews", status="open",
                            reason="")
    return rca


@pytest.fixture
def world(who, learner):
    """A small force with one of everything a form can act on."""
    force = who["force"]
    admin = create_user(force=force, roles=[Role.ADMIN], name="Ada Admin", email="ada@nsp.example")
    officer, colleague, lead, second = who["officer"], who["colleague"], who["lead"], who["second"]
    # Officers: a draft with a member of the public, a request to a colleague, and one ready to submit.
    draft = debriefs.start_incident(reporter=officer, kind="hot", facilitator=None, attendees=None)
    people_service.add_colleague(draft, colleague.id, actor=officer, due_days=3)
    draft.incident.public.append(PublicPerson(role="subject", age_band="25_34", sex="male", ethnicity="white",
                                              ethnicity_basis="officer", disability_known="not_known", number=1))
    submitted_debrief(author=officer, status="draft", submitted_at=None, declaration=False)
    # Reviewers: an incident to start an RCA on, a draft RCA with an unmarked chronology entry, one ready to send,
    # one in review for the second reviewer, one signed off to release, one released and returned with a question.
    submitted_debrief(author=colleague)
    draft_rca = _rca_ready_for_review(who, author=officer)
    rca_service.save_chronology_entry(draft_rca, actor=lead, entry=None, at=None, what="Backup requested",
                                      is_problem=False)
    in_review = _rca_ready_for_review(who, author=colleague)
    rca_service.send_for_review(in_review, actor=lead)
    signed_off_rca(who)
    returned = released_case_study(who)
    returned.status, returned.status_reason = "returned", "Was the roster changed?"
    # The learning team: an approved case study to place, a draft issue with an article, a published issue.
    create_case_study(force=force, status="approved", title="Approved and waiting")
    issue = create_issue(status="published")
    create_case_study(issue=issue, force=force)
    draft_issue = create_issue(status="draft", number=issue.number + 1,
                               articles=[{"title": "From the college", "body": "Text"}])
    create_case_study(issue=draft_issue, force=force, status="scheduled", title="Scheduled")
    create_case_study(issue=draft_issue, force=force, status="scheduled", title="Scheduled too")
    # Use of force on one subject in the officer's draft: the subject pages and their forms.
    draft.used_force = True
    db.session.add(ForceSubject(debrief_id=draft.id, number=1))
    # The RCA team: a panel member the lead can remove; two chronology entries at the same moment, which can be
    # moved (moving is only for ties).
    panel = create_user(force=force, roles=[Role.REVIEWER], name="Pat Panel", email="pat@nsp.example")
    with_team = rca_service.start_rca(submitted_debrief(author=officer).incident, actor=lead, level="concise",
                                      terms_of_reference="Who was on shift?")
    team.add_panel_member(with_team, actor=lead, user=panel)
    tie = datetime(2026, 1, 5, 14, 0)
    for what in ("Call graded", "Unit assigned"):
        rca_service.save_chronology_entry(with_team, actor=lead, entry=None, at=tie, what=what, is_problem=False)
    # An officer of the force not yet named on the draft, for the people step's search to offer.
    create_user(force=force, roles=[Role.OFFICER], name="Sam Spare", email="sam@nsp.example")
    # Wellbeing: a submitted debrief asking for support, for the force's wellbeing contact to acknowledge.
    wellbeing = create_user(force=force, roles=[Role.WELLBEING], name="Wyn Wellbeing", email="wyn@nsp.example")
    asking = submitted_debrief(author=colleague)
    asking.support_wanted = True
    # Moderation: one draft response to approve and one approved response to withdraw.
    question = issue.case_studies[0].questions[0]
    create_force_response(question=question, force=force, status="draft")
    other_force = create_force(code="OTH", name="Othershire Police")
    create_force_response(question=question, force=other_force, status="approved")
    # The national administrator adds learning-team accounts.
    national = create_user(force=force, roles=[Role.NATIONAL_ADMIN], name="Nia National", email="nia@nsp.example")
    # Deactivated accounts to reactivate (a force's, a learning-team one), and a learning-team account whose role a
    # force administrator took away, for the national administrator to restore.
    for name, email, role in (("Dee Deactivated", "dee@nsp.example", Role.OFFICER),
                              ("Lee Left", "lee@nsp.example", Role.LEARNING)):
        create_user(force=force, roles=[role], name=name, email=email).active = False
    former = create_user(force=force, roles=[Role.OFFICER], name="Fran Former", email="fran@nsp.example")
    record("user.roles_changed", actor=admin, force_id=force.id, record_type="user", record_id=former.id,
           email=former.email, before=["learning"], roles=["officer"])
    db.session.commit()
    users = {"officer": officer, "colleague": colleague, "lead": lead, "second": second, "learning": learner,
             "admin": admin, "wellbeing": wellbeing, "national": national}
    # Pages a crawl from the home page cannot reach by links alone (the results of a GET search form), per user.
    # (Patterns pages are skipped as read-only dashboards; its reference figures page, the national administrator's,
    # is the one there that writes: two forms, a year's figures and a population share.)
    start = {"officer": (f"/debriefs/{draft.id}/people?q=Sam",), "national": ("/patterns/figures",)}
    # A reader's links from their email: confirm a subscription, and unsubscribe (the crawl reaches subscribe itself).
    from tests.support.smtp import subscriber_links

    confirm, _ = subscriber_links("waiting@example.com")
    _, unsubscribe = subscriber_links("subscribed@example.com", status="confirmed")
    start["anonymous"] = tuple(urlsplit(link).path for link in (confirm, unsubscribe))
    return users, start


def test_every_form_class_refuses_control_characters():
    """Every form of the service derives from the one base form that refuses control characters."""
    import debrief

    for module in pkgutil.walk_packages(debrief.__path__, "debrief."):
        if module.name.endswith(("forms", "views")):
            importlib.import_module(module.name)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    ours = [cls for cls in subclasses(FlaskForm) if cls.__module__.startswith("debrief.")]
    assert len(ours) > 20, "the service's forms were not found"
    assert [cls.__qualname__ for cls in ours if not issubclass(cls, BaseForm)] == []


def test_hostile_values_posted_to_every_form_never_give_a_5xx(app, world):
    found: dict = {}
    clients = {}
    users, starts = world
    for name, user in [*users.items(), ("anonymous", None)]:
        client = app.test_client()
        if user is not None:
            sign_in(client, user.email)
        clients[name if user else None] = client, _crawl(app, client, name if user else None, found,
                                                         starts.get(name, ()))
    covered = {form.endpoint for form in found.values()}
    post_endpoints = {rule.endpoint for rule in app.url_map.iter_rules() if "POST" in rule.methods}
    missing = sorted(post_endpoints - covered - set(NOT_CRAWLED))
    assert missing == [], f"form endpoints the crawl did not reach: {missing}"

    # Forms that delete or end something go last, so the rest still have their records.
    ordered = sorted(found.values(), key=lambda f: any(
        w in f.url for w in ("delete", "remove", "publish", "send", "review", "approve", "reject", "return")))
    posts = 0
    for form in ordered:
        client, token = clients[form.user]

        @settings(max_examples=EXAMPLES_PER_FORM, derandomize=True, database=None, deadline=None,
                  suppress_health_check=list(HealthCheck))
        @given(values=st.fixed_dictionaries({name: st.lists(hostile_value, max_size=3) for name in form.fields}))
        def post_hostile(values):
            nonlocal posts
            data = MultiDict([(name, value) for name, vs in values.items() for value in vs])
            data["csrf_token"] = token
            response = client.post(form.url, data=data)
            posts += 1
            assert response.status_code < 500, (
                f"POST {form.url} as {form.user}: {response.status_code} with {dict(data.lists())!r}")
            assert title_problems(response.get_data(as_text=True)) == [], f"POST {form.url} as {form.user}"

        post_hostile()
    assert posts >= len(found)  # a form with no fields has one distinct example only


def test_the_odd_inputs_named_in_the_issue_get_clear_errors(client, people):
    officer = people[("A", Role.OFFICER)]
    sign_in(client, officer.email)
    start = post_form(client, "/debriefs/new", {"kind": "hot"})
    url = start.response.headers["Location"] + "/about"
    token = get_page(client, url).csrf_token()

    def about(**fields):
        data = MultiDict({"csrf_token": token, "occurred_time": "14:30", "near_miss": "no", "location_type": "street",
                          "place": "High Street", "summary": "A struggle.", "themes": "use_of_force", "continue": "1"})
        for name, value in fields.items():
            data.setlist(name, value if isinstance(value, list) else [value])
        response = client.post(url, data=data)
        assert response.status_code == 200, response.status_code
        return Page(response).error_summary()

    assert about(occurred_date=["1" * 30, "3", "2026"]) == ["Date of the incident must be a real date, for example 27 3 2026"]
    assert about(occurred_date=["٢٧", "٣", "٢٠٢٦"]) == [
        "Date of the incident must be a real date, written with the numbers 0 to 9, for example 27 3 2026"]
    assert about(occurred_date=[]) == ["Enter the date of the incident"]
    assert about(occurred_date="27") == ["Enter the date of the incident"]  # one box instead of three
    assert about(occurred_date=["27", "3", "2026"], place="High\x00 Street") == [
        "Where it happened must not contain special control characters. Remove them (they can come from copying and "
        "pasting) and try again"]
    # CR/LF in `next` is ignored, not a 500 or a split header.
    client.post("/sign-out", data={"csrf_token": token})
    page = post_form(client, "/sign-in?next=/debriefs/%0d%0aSet-Cookie:%20x=1",
                     {"email": officer.email, "password": PASSWORD}, form_page="/sign-in")
    assert page.status == 302 and "Set-Cookie" not in page.response.headers["Location"]
    assert "x=1" not in page.response.headers.get("Set-Cookie", "")
