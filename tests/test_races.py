"""Concurrency that really races: threads posting to a live server at the same moment (a barrier releases them
together), and another database connection holding the write lock, on SQLite and PostgreSQL alike."""
from __future__ import annotations

import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from datetime import date
from http.cookiejar import CookieJar

import pytest
from sqlalchemy import create_engine, func, select, text
from werkzeug.serving import make_server

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import AuditEvent, Debrief, Incident, RcaEvent, RcaLink, RcaNode
from debrief.rca import service as rca_service
from tests.support.rca_factories import write_report
from tests.support.apps import make_app
from tests.support.factories import PASSWORD, audit_count, create_force, create_user, submitted_debrief
from tests.support.publication_factories import create_case_study, create_issue

ROUNDS = 3


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One person's session against the live server: cookies kept, redirects not followed."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()), _NoRedirect())

    def request(self, path: str, data: dict | list | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, data=body, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def token(self, path: str) -> str:
        status, html = self.request(path)
        assert status == 200, (path, status)
        return re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html).group(1)

    def version(self, path: str) -> str:
        _status, html = self.request(path)
        return re.search(r'name="version"[^>]*value="(\d+)"', html).group(1)

    def sign_in(self, email: str) -> Browser:
        status, _ = self.request("/sign-in", {"email": email, "password": PASSWORD,
                                              "csrf_token": self.token("/sign-in")})
        assert status == 302, f"sign-in as {email}: {status}"
        return self


def together(*calls: Callable[[], tuple[int, str]]) -> list[tuple[int, str]]:
    """Run the calls in threads released at the same moment; return their results in order."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(i, call):
        barrier.wait()
        results[i] = call()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def _serve(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


@pytest.fixture
def live(app):
    db.session.commit()
    server, thread = _serve(app)
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def lead(people):
    return people[("A", Role.REVIEWER)]


@pytest.fixture
def rca(people, lead):
    debrief = submitted_debrief(author=people[("A", Role.OFFICER)])
    rca = rca_service.start_rca(debrief.incident, actor=lead, level="concise", terms_of_reference="Why?")
    rca_service.mark_problem(rca, rca.chronology[0], actor=lead)
    return rca


def _no_5xx(results):
    assert all(status < 500 for status, _ in results), [status for status, _ in results]


def test_opposite_links_at_the_same_moment_never_store_a_loop(live, rca, lead):
    problem = next(n for n in rca.nodes if n.kind == "problem")
    one, two = Browser(live).sign_in(lead.email), Browser(live).sign_in(lead.email)
    tokens = one.token(f"/rca/{rca.id}/graph"), two.token(f"/rca/{rca.id}/graph")
    for round_ in range(ROUNDS):
        a = rca_service.add_factor(rca, actor=lead, contributes_to=problem, label=f"A{round_}", category="individual")
        b = rca_service.add_factor(rca, actor=lead, contributes_to=problem, label=f"B{round_}", category="individual")
        url, a_id, b_id = f"/rca/{rca.id}/links", a.id, b.id  # plain values: the threads have no app context
        results = together(
            lambda: one.request(url, {"cause": a_id, "effect": b_id, "csrf_token": tokens[0]}),
            lambda: two.request(url, {"cause": b_id, "effect": a_id, "csrf_token": tokens[1]}))
        _no_5xx(results)
        assert sorted(status for status, _ in results) == [200, 302]
        refused = next(html for status, html in results if status == 200)
        assert "Adding this link would make a loop" in refused
        db.session.commit()
        between = db.session.scalar(select(func.count(RcaLink.id)).where(
            RcaLink.cause_id.in_([a.id, b.id]), RcaLink.effect_id.in_([a.id, b.id])))
        assert between == 1
        assert rca_service.stored_loops(rca) == []


def test_incidents_started_at_the_same_moment_get_distinct_references(live, forces):
    officers = [create_user(force=forces["A"], roles=[Role.OFFICER], email=f"o{n}@aaa.example") for n in range(8)]
    browsers = [Browser(live).sign_in(o.email) for o in officers]
    tokens = [b.token("/debriefs/new") for b in browsers]
    results = together(*[
        (lambda b=b, t=t: b.request("/debriefs/new", {"kind": "hot", "csrf_token": t}))
        for b, t in zip(browsers, tokens)])
    _no_5xx(results)
    assert [status for status, _ in results] == [302] * 8
    db.session.commit()
    references = sorted(db.session.scalars(select(Incident.reference)))
    year = date.today().year
    assert references == [f"AAA-{year}-{n:04d}" for n in range(1, 9)]


def test_two_tabs_saving_one_item_at_the_same_moment(live, rca, lead):
    problem = next(n for n in rca.nodes if n.kind == "problem")
    factor = rca_service.add_factor(rca, actor=lead, contributes_to=problem, label="Crew", category="individual")
    url = f"/rca/{rca.id}/items/{factor.id}"
    one, two = Browser(live).sign_in(lead.email), Browser(live).sign_in(lead.email)
    version = one.version(url)
    assert two.version(url) == version
    fields = {"category": "individual", "evidence_kind": "none", "version": version}
    one_token = one.token(url)
    two_token = two.token(url)
    results = together(
        lambda: one.request(url, {**fields, "label": "Tab one", "csrf_token": one_token}),
        lambda: two.request(url, {**fields, "label": "Tab two", "csrf_token": two_token}))
    _no_5xx(results)
    assert sorted(status for status, _ in results) == [200, 302]
    saved = "Tab one" if results[0][0] == 302 else "Tab two"
    refused = next(html for status, html in results if status == 200)
    assert "Someone else saved changes" in refused and saved in refused
    db.session.commit()
    assert db.session.get(RcaNode, factor.id).label == saved


def test_double_submits_record_one_event(live, people, forces):
    officer = people[("A", Role.OFFICER)]
    ready = submitted_debrief(author=officer, status="draft", submitted_at=None, declaration=False)
    one, two = Browser(live).sign_in(officer.email), Browser(live).sign_in(officer.email)
    check = f"/debriefs/{ready.id}/check"
    data = {"declaration": "y"}
    one_token = one.token(check)
    two_token = two.token(check)
    results = together(lambda: one.request(check, {**data, "csrf_token": one_token}),
                       lambda: two.request(check, {**data, "csrf_token": two_token}))
    _no_5xx(results)
    db.session.commit()
    assert audit_count("debrief.submitted") == 1
    db.session.commit()
    assert db.session.get(Debrief, ready.id).status == "submitted"


def _in_review(people, lead):
    debrief = submitted_debrief(author=people[("A", Role.OFFICER)])
    rca = rca_service.start_rca(debrief.incident, actor=lead, level="concise", terms_of_reference="Why?")
    problem = rca_service.mark_problem(rca, rca.chronology[0], actor=lead)
    factor = rca_service.add_factor(rca, actor=lead, contributes_to=problem, label="Crew", category="individual",
                                    evidence_kind="document", evidence_document="Roster")
    rca_service.set_root_cause(rca, factor, actor=lead, confirmed=True)
    write_report(rca, lead, "Short.")
    rec = rca_service.save_recommendation(rca, actor=lead, recommendation=None, text="Crew up", node_ids=[factor.id])
    rca_service.save_action(rca, actor=lead, recommendation=rec, action=None, description="Roster", owner="Team",
                            due_on=date(2027, 1, 4), measure="Two", status="open", reason="")
    rca_service.send_for_review(rca, actor=lead)
    return rca


def test_signing_off_and_publishing_twice_record_one_event(live, people, lead, forces):
    second = create_user(force=forces["A"], roles=[Role.REVIEWER], email="second@aaa.example")
    rca = _in_review(people, lead)
    one, two = Browser(live).sign_in(second.email), Browser(live).sign_in(second.email)
    page = f"/rca/{rca.id}"
    review = {"decision": "sign_off", "comment": ""}
    one_token = one.token(page)
    two_token = two.token(page)
    results = together(lambda: one.request(f"{page}/review", {**review, "csrf_token": one_token}),
                       lambda: two.request(f"{page}/review", {**review, "csrf_token": two_token}))
    _no_5xx(results)
    # The second click is shown the signed-off RCA, told it was signed off already (and what it typed, kept).
    assert sorted(status for status, _ in results) == [200, 302]
    assert "This RCA was already signed off by" in next(html for status, html in results if status == 200)
    db.session.commit()
    assert audit_count("rca.signed_off") == 1
    assert db.session.scalar(select(func.count(RcaEvent.id)).where(RcaEvent.action == "signed_off")) == 1

    learning = create_user(force=forces["A"], roles=[Role.LEARNING], email="learn@aaa.example")
    issue = create_issue(status="draft")
    create_case_study(issue=issue, force=forces["A"], status="scheduled")
    from tests.support.smtp import subscriber_links

    subscriber_links("reader@example.com", status="confirmed")  # gets the new-issue email once, not twice
    one, two = Browser(live).sign_in(learning.email), Browser(live).sign_in(learning.email)
    publish = f"/learning/issues/{issue.id}/publish"
    one_token = one.token(publish)
    two_token = two.token(publish)
    results = together(lambda: one.request(publish, {"csrf_token": one_token}),
                       lambda: two.request(publish, {"csrf_token": two_token}))
    _no_5xx(results)
    assert [status for status, _ in results] == [302, 302]
    db.session.commit()
    assert audit_count("issue.published") == 1
    from debrief.models import OutboxMessage

    assert db.session.scalar(select(func.count(OutboxMessage.id)).where(
        OutboxMessage.kind == "issue_published", OutboxMessage.recipient == "reader@example.com")) == 1


class WriteLock:
    """Another connection holding the write lock: SQLite's database lock, or PostgreSQL's row lock on a debrief."""

    def __init__(self, url: str, debrief_id: int) -> None:
        self.engine = create_engine(url)
        self.url, self.debrief_id = url, debrief_id

    def hold(self, seconds: float, until: threading.Event | None = None) -> threading.Thread:
        """Hold the lock for `seconds`, or (given `until`) until that event is set, however slow the machine."""
        taken = threading.Event()

        def run():
            with self.engine.connect() as connection:
                if self.url.startswith("sqlite"):
                    connection.exec_driver_sql("BEGIN IMMEDIATE")
                else:
                    connection.execute(text("SELECT id FROM debrief WHERE id = :id FOR UPDATE"), {"id": self.debrief_id})
                taken.set()
                if until is None:
                    time.sleep(seconds)
                else:
                    until.wait(seconds)
                connection.rollback()

        thread = threading.Thread(target=run)
        thread.start()
        taken.wait(10)
        return thread


@pytest.fixture
def quick_lock_app(databases):
    """An app that gives up on a held lock after 0.3 s (then retries, then shows the busy page)."""
    app = make_app(databases.new_url(), DATABASE_LOCK_TIMEOUT_MS=300)
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


def test_a_save_while_another_connection_holds_the_write_lock(quick_lock_app):
    force = create_force(code="LCK")
    officer = create_user(force=force, roles=[Role.OFFICER], email="lock@lck.example")
    draft = submitted_debrief(author=officer, status="draft", submitted_at=None, declaration=False)
    db.session.commit()
    server, thread = _serve(quick_lock_app)
    try:
        browser = Browser(f"http://127.0.0.1:{server.server_port}").sign_in(officer.email)
        url = f"/debriefs/{draft.id}/what-happened"
        lock = WriteLock(str(db.engine.url.render_as_string(hide_password=False)), draft.id)

        # Held briefly (under the retries' total): the save waits its turn and goes through; a page read too.
        holder = lock.hold(0.6)
        save = browser.request(url, {"narrative": "Saved after the wait", "continue": "1",
                                     "csrf_token": browser.token(url)})
        holder.join()
        assert save[0] == 302
        holder = lock.hold(0.6)
        assert browser.request(f"/debriefs/{draft.id}")[0] == 200  # a read that records an audit event
        holder.join()

        # Held for longer than every retry: the same form again, with the message in its error summary and what
        # was typed in its field, and nothing half-saved.
        token = browser.token(url)
        answered = threading.Event()
        holder = lock.hold(120, until=answered)  # held until the answer comes, through every try
        try:
            status, html = browser.request(url, {"narrative": "Typed while it was locked", "continue": "1",
                                                 "csrf_token": token})
        finally:
            answered.set()
        holder.join()
        assert status == 200
        summary = html[html.index("govuk-error-summary"):]
        assert "The service is busy: your changes have not been saved yet." in summary[:2000]
        assert re.search(r'<textarea[^>]*name="narrative"[^>]*>\s*Typed while it was locked\s*</textarea>', html)
        db.session.commit()
        assert db.session.get(Debrief, draft.id).narrative == "Saved after the wait"
        assert db.session.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action == "debrief.updated")) == 1
        # Sent again once the lock is gone: saved.
        assert browser.request(url, {"narrative": "Typed while it was locked", "continue": "1",
                                     "csrf_token": browser.token(url)})[0] == 302
        db.session.commit()
        assert db.session.get(Debrief, draft.id).narrative == "Typed while it was locked"
    finally:
        server.shutdown()
        thread.join(timeout=5)
        lock.engine.dispose()


def test_releasing_twice_at_the_same_moment_makes_one_case_study(live, who):
    from debrief.models import CaseStudy
    from debrief.release import service as release_service
    from tests.support.release_factories import signed_off_rca

    rca = signed_off_rca(who)
    found = release_service.flags(rca, release_service.prepared(rca, release_service.release_for(rca)))
    justifications = {f"justify-{f.code}": "Reviewed: not identifying." for f in found}
    release_service.save_decisions(rca, actor=who["lead"], title="Alone at night", undone=[], redactions=[],
                                   justifications={f.code: "Reviewed: not identifying." for f in found})
    db.session.commit()
    url = f"/rca/{rca.id}/release"
    one, two = Browser(live).sign_in(who["lead"].email), Browser(live).sign_in(who["lead"].email)
    form = {"title": "Alone at night", "action": "release", **justifications}
    one_token = one.token(url)
    two_token = two.token(url)
    results = together(lambda: one.request(url, {**form, "csrf_token": one_token}),
                       lambda: two.request(url, {**form, "csrf_token": two_token}))
    _no_5xx(results)
    assert 302 in [status for status, _ in results]
    db.session.commit()
    assert audit_count("release.released") == 1
    assert db.session.scalar(select(func.count(CaseStudy.id))) == 1


def test_two_reviewers_deciding_at_the_same_moment_one_is_told_the_other_decided(live, people, lead, forces):
    second = create_user(force=forces["A"], roles=[Role.REVIEWER], email="second@aaa.example", name="Sam Second")
    third = create_user(force=forces["A"], roles=[Role.REVIEWER], email="third@aaa.example", name="Tess Third")
    rca = _in_review(people, lead)
    page = f"/rca/{rca.id}"
    one, two = Browser(live).sign_in(second.email), Browser(live).sign_in(third.email)
    one_token, two_token = one.token(page), two.token(page)
    version = one.version(page)
    results = together(
        lambda: one.request(f"{page}/review", {"decision": "sign_off", "comment": "", "version": version,
                                               "csrf_token": one_token}),
        lambda: two.request(f"{page}/review", {"decision": "return", "comment": "Say more", "version": version,
                                               "csrf_token": two_token}))
    _no_5xx(results)
    assert sorted(status for status, _ in results) == [200, 302]
    db.session.commit()
    signed = db.session.scalar(select(func.count(RcaEvent.id)).where(RcaEvent.action == "signed_off"))
    returned = db.session.scalar(select(func.count(RcaEvent.id)).where(RcaEvent.action == "returned"))
    assert signed + returned == 1  # exactly one decision recorded
    # The one who lost the race is told, on the page they are shown, who decided first; what they typed is kept.
    loser, winner_name, what = (1, "Sam Second", "signed off") if signed else (0, "Tess Third",
                                                                               "returned for changes")
    status, html = results[loser]
    assert status == 200 and f"This RCA was already {what} by {winner_name} at" in html
    if loser == 1:
        assert 'id="typed-comment"' in html and "Say more" in html


def test_sending_for_review_twice_at_the_same_moment_sends_once(live, people, lead, forces):
    # Two tabs (or a double click) sending one RCA: one is sent, one notice queued; the other is told it was sent.
    rca = _in_review(people, lead)
    rca_service.return_for_changes(rca, actor=create_user(force=forces["A"], roles=[Role.REVIEWER],
                                                          email="second@aaa.example"), comment="Again")
    db.session.commit()
    page = f"/rca/{rca.id}"
    one, two = Browser(live).sign_in(lead.email), Browser(live).sign_in(lead.email)
    one_token, two_token = one.token(page), two.token(page)
    sent_before = db.session.scalar(select(func.count(RcaEvent.id)).where(RcaEvent.action == "sent_for_review"))
    results = together(lambda: one.request(f"{page}/send", {"csrf_token": one_token}),
                       lambda: two.request(f"{page}/send", {"csrf_token": two_token}))
    _no_5xx(results)
    assert [status for status, _ in results] == [302, 302]
    db.session.commit()
    assert db.session.scalar(select(func.count(RcaEvent.id)).where(
        RcaEvent.action == "sent_for_review")) == sent_before + 1
    assert audit_count("rca.sent_for_review") == sent_before + 1
    told = [html for _status, html in (one.request(page), two.request(page))]
    assert sum("This RCA was already sent for review by you at" in html for html in told) == 1


def test_starting_one_incidents_rca_twice_at_the_same_moment(live, people, lead, forces):
    other = create_user(force=forces["A"], roles=[Role.REVIEWER], email="other@aaa.example", name="Ola Other")
    debrief = submitted_debrief(author=people[("A", Role.OFFICER)])
    db.session.commit()
    url = f"/rca/start/{debrief.incident_id}"
    one, two = Browser(live).sign_in(lead.email), Browser(live).sign_in(other.email)
    one_token, two_token = one.token(url), two.token(url)
    form = {"level": "concise", "terms_of_reference": "Why?"}
    results = together(lambda: one.request(url, {**form, "lead": str(lead.id), "csrf_token": one_token}),
                       lambda: two.request(url, {**form, "lead": str(other.id), "csrf_token": two_token}))
    _no_5xx(results)
    assert sorted(status for status, _ in results) == [200, 302]
    db.session.commit()
    from debrief.models import RootCauseAnalysis
    assert db.session.scalar(select(func.count(RootCauseAnalysis.id))) == 1
    told = next(html for status, html in results if status == 200)
    assert "An RCA for this incident already exists" in told and "Nothing new has been started" in told


def test_one_page_sent_twice_at_the_same_moment_makes_one_record(live, people, rca, lead):
    """Once-only submission under a real race: the same page (CSRF and one-time token) posted twice at once, by one
    person, makes one draft debrief, one chronology entry and (no one signed in) one reader's feedback on both
    databases, and both requests land on it."""
    from datetime import datetime

    from debrief.models import ChronologyEntry, IssueFeedback

    officer = people[("A", Role.OFFICER)]
    issue = create_issue(number=4, theme="Custody")
    issue.published_at = datetime(2024, 12, 1)
    db.session.commit()
    cases = [(officer, "/debriefs/new", {"kind": "hot"}, Debrief),
             (lead, f"/rca/{rca.id}/chronology/new", {"what": "Second unit arrived", "source_kind": "document",
                                                      "marking": "none"}, ChronologyEntry),
             (None, "/magazine/issues/4/feedback", {"useful": "yes", "comment": "Useful."}, IssueFeedback)]
    for person, url, fields, model in cases:
        browser = Browser(live).sign_in(person.email) if person else Browser(live)
        for _round in range(ROUNDS):
            db.session.commit()
            before = db.session.scalar(select(func.count()).select_from(model))
            _status, html = browser.request(url)
            csrf = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html).group(1)
            once = re.search(r'name="once"[^>]*value="([^"]+)"', html).group(1)
            # Each round's feedback says something new: the same words again from the same reader are a repeat.
            data = {**{k: f"{v} Round {_round}." if k == "comment" else v for k, v in fields.items()},
                    "csrf_token": csrf, "once": once}
            results = together(lambda: browser.request(url, data), lambda: browser.request(url, data))
            _no_5xx(results)
            assert [status for status, _ in results] == [302, 302], (url, results)
            db.session.commit()
            assert db.session.scalar(select(func.count()).select_from(model)) == before + 1, url


def test_two_tabs_recording_a_forces_first_response_at_the_same_moment(live, people, forces):
    """Neither tab saw a response when it opened: one is recorded, the other shown the conflict panel with what it
    typed (never a 500, never a silent overwrite)."""
    from datetime import datetime

    from debrief.models import ForceResponse

    issue = create_issue(number=5, theme="Custody")
    issue.published_at = datetime(2024, 12, 1)
    db.session.commit()
    case_study = create_case_study(force=forces["A"], issue=issue, title="Checks in the cell",
                                   questions={"officers_staff": ["How do you rouse a detained person?"]})
    url = f"/responses/questions/{case_study.questions[0].id}"
    reviewer = people[("B", Role.REVIEWER)]
    one, two = Browser(live).sign_in(reviewer.email), Browser(live).sign_in(reviewer.email)
    one_token, two_token = one.token(url), two.token(url)
    version = one.version(url)
    assert version == "0"
    day = ["15", "1", "2025"]
    results = together(
        lambda: one.request(url, {"response": "Tab one", "done_on": day, "version": version, "csrf_token": one_token}),
        lambda: two.request(url, {"response": "Tab two", "done_on": day, "version": version, "csrf_token": two_token}))
    _no_5xx(results)
    assert sorted(status for status, _ in results) == [200, 302]
    saved = "Tab one" if results[0][0] == 302 else "Tab two"
    refused = next(html for status, html in results if status == 200)
    assert "Someone else saved changes" in refused
    db.session.commit()
    assert list(db.session.scalars(select(ForceResponse.response))) == [saved]


def test_two_learning_users_withdrawing_then_republishing_at_the_same_moment(live, people, forces):
    """One withdrawal and one republication each, both people told so; never a 500."""
    from debrief.models import CaseStudy

    one_user = create_user(force=forces["A"], roles=[Role.LEARNING], email="learn1@aaa.example")
    two_user = create_user(force=forces["B"], roles=[Role.LEARNING], email="learn2@bbb.example")
    issue = create_issue(number=9)
    case = create_case_study(issue=issue, force=forces["A"])
    one, two = Browser(live).sign_in(one_user.email), Browser(live).sign_in(two_user.email)
    withdraw = f"/learning/case-studies/{case.id}/withdraw"
    forms = [{"reason": f"Withdrawn from tab {n}: the stairwell could identify the man.", "confirmed": "yes", "csrf_token": browser.token(withdraw)}
             for n, browser in ((1, one), (2, two))]
    results = together(lambda: one.request(withdraw, forms[0]), lambda: two.request(withdraw, forms[1]))
    _no_5xx(results)
    assert [status for status, _ in results] == [302, 302]
    db.session.commit()
    assert audit_count("case_study.withdrawn") == 1
    db.session.expire_all()
    assert db.session.get(CaseStudy, case.id).status == "withdrawn"

    republish = f"/learning/case-studies/{case.id}/republish"
    tokens = [one.token(republish), two.token(republish)]
    results = together(lambda: one.request(republish, {"csrf_token": tokens[0]}),
                       lambda: two.request(republish, {"csrf_token": tokens[1]}))
    _no_5xx(results)
    assert [status for status, _ in results] == [302, 302]
    db.session.commit()
    assert audit_count("case_study.republished") == 1
    db.session.expire_all()
    assert db.session.get(CaseStudy, case.id).status == "published"


def test_one_persons_two_sessions_changing_the_password_at_the_same_moment(live, people):
    """Both pages said the password had been changed, and the later change silently ended the earlier one's
    session (walk9 12): now one change wins, and the other is told the password was changed, nothing saved."""
    from debrief.auth.passwords import verify_password
    from debrief.models import User

    officer = people[("A", Role.OFFICER)]
    url = "/account/password"
    one, two = Browser(live).sign_in(officer.email), Browser(live).sign_in(officer.email)
    forms = []
    for browser in (one, two):
        _status, html = browser.request(url)
        forms.append({"csrf_token": re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html).group(1),
                      "drawn_at": re.search(r'name="drawn_at" (?:type="hidden" )?value="(\d+)"', html).group(1),
                      "current_password": PASSWORD})
    chosen = ["first tab pass phrase", "second tab pass phrase"]
    results = together(*[
        (lambda b=b, f=f, p=p: b.request(url, {**f, "new_password": p, "confirm_password": p}))
        for b, f, p in zip((one, two), forms, chosen)])
    _no_5xx(results)
    assert sorted(status for status, _ in results) == [200, 302], [status for status, _ in results]
    won = 0 if results[0][0] == 302 else 1
    refused = results[1 - won][1]
    # Refused on the form (this session's change came second) or on the sign-in page (it had ended first).
    assert "password was changed" in refused and "Your password has been changed" not in refused
    db.session.commit()
    db.session.expire_all()
    user = db.session.get(User, officer.id)
    assert verify_password(user.password_hash, chosen[won])
    assert audit_count("user.password_changed") == 1
    browsers = (one, two)
    assert browsers[won].request("/officer")[0] == 200  # the winner goes on
    assert browsers[1 - won].request("/officer")[0] == 302  # the other session has ended
