"""Filtering the audit log: by person (what they did and what was done to their account), by kind of event, by
incident and by day. The filters stay in the viewer's force, survive paging, are audited, and bad filters get an
error summary that keeps what was typed."""
from __future__ import annotations

from datetime import datetime
from urllib.parse import urlencode

from debrief.audit import EVENTS, record
from debrief.audit.categories import CATEGORIES, actions_in, category_of
from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import AuditEvent
from tests.support.pages import get_page, sign_in


def _rows(client, **args):
    page = get_page(client, "/admin/audit?" + urlencode(args, doseq=True))
    return [(row.select("td")[1].get_text(strip=True), row.select("td")[2].get_text(strip=True),
             row.select("td")[3].get_text(strip=True), row.select("td")[4].get_text(" ", strip=True))
            for row in page.html.select("tbody tr")]


def test_every_event_falls_in_exactly_one_kind():
    for action in EVENTS:
        assert category_of(action) is not None, action
        assert sum(action in actions_in(code) for code, _, _ in CATEGORIES) == 1, action
    assert actions_in("no such kind") == []


def test_a_person_shows_what_they_did_and_what_was_done_to_their_account(client, people, forces):
    admin, officer, reviewer = people[("A", Role.ADMIN)], people[("A", Role.OFFICER)], people[("A", Role.REVIEWER)]
    record("incident.viewed", actor=officer, force_id=forces["A"].id, reference="AAA-1")
    record("user.viewed", actor=admin, force_id=forces["A"].id, record_type="user", record_id=officer.id,
           email=officer.email)
    record("incident.viewed", actor=reviewer, force_id=forces["A"].id, reference="AAA-2")
    db.session.commit()
    sign_in(client, "admin@aaa.example")
    rows = _rows(client, person=officer.id)
    assert ("Viewed an incident and its debriefs") in [r[1] for r in rows]
    assert any(r[1] == "Viewed a user" and r[2] == f"User: {officer.name} (Officer or staff)" for r in rows)
    assert not any("AAA-2" in r[3] for r in rows)
    assert all(officer.name in r[0] or officer.name in r[2] for r in rows), rows


def test_a_kind_of_event_and_an_incident_narrow_the_log(client, people, forces):
    officer, reviewer = people[("A", Role.OFFICER)], people[("A", Role.REVIEWER)]
    record("incident.viewed", actor=officer, force_id=forces["A"].id, reference="AAA-7")
    record("rca.viewed", actor=reviewer, force_id=forces["A"].id, incident="AAA-7", page="chronology")
    record("rca.viewed", actor=reviewer, force_id=forces["A"].id, incident="AAA-8", page="chronology")
    db.session.commit()
    sign_in(client, "admin@aaa.example")
    assert [r[1] for r in _rows(client, incident=" aaa-7 ")] == ["Viewed a root-cause analysis",
                                                              "Viewed an incident and its debriefs"]
    rca = _rows(client, category="rca")
    assert {r[1] for r in rca} == {"Viewed a root-cause analysis"} and len(rca) == 2
    both = _rows(client, category="rca", incident="AAA-7")
    assert len(both) == 1 and "AAA-7" in both[0][3]


def test_days_are_whole_and_inclusive(client, people, forces, monkeypatch):
    import sys

    recording = sys.modules["debrief.audit.record"]

    officer = people[("A", Role.OFFICER)]
    for ref, when in (("AAA-10", datetime(2026, 3, 1, 23, 59)), ("AAA-11", datetime(2026, 3, 2, 0, 0)),
                      ("AAA-12", datetime(2026, 3, 3, 23, 59, 59)), ("AAA-13", datetime(2026, 3, 4, 0, 0))):
        monkeypatch.setattr(recording, "utcnow", lambda when=when: when)
        record("incident.viewed", actor=officer, force_id=forces["A"].id, reference=ref)
        db.session.commit()
    monkeypatch.undo()
    sign_in(client, "admin@aaa.example")
    shown = [r[3] for r in _rows(client, category="debriefs", since=["2", "3", "2026"], until=["3", "3", "2026"])]
    assert any("AAA-12" in s for s in shown) and any("AAA-11" in s for s in shown)
    assert not any("AAA-10" in s or "AAA-13" in s for s in shown)


def test_another_forces_events_and_people_stay_out_of_reach(client, people, forces):
    other = people[("B", Role.OFFICER)]
    record("incident.viewed", actor=other, force_id=forces["B"].id, reference="BBB-1")
    db.session.commit()
    sign_in(client, "admin@aaa.example")
    page = get_page(client, f"/admin/audit?person={other.id}", status=400)
    assert page.error_summary() == ["Select a person from the list"]
    assert "BBB-1" not in page.html.get_text()
    assert not any("BBB-1" in r[3] for r in _rows(client, incident="BBB-1"))
    assert other.name not in get_page(client, "/admin/audit").html.select_one("#person").get_text()


def test_bad_filters_get_an_error_summary_and_keep_what_was_typed(client, people):
    sign_in(client, "admin@aaa.example")
    page = get_page(client, "/admin/audit?" + urlencode(
        {"incident": "AAA-99", "category": "nonsense", "since": ["31", "2", "2026"], "until": ["1", "1", "2026"]},
        doseq=True), status=400)
    summary = page.error_summary()
    assert "Select a kind of event from the list" in summary
    assert any(message.startswith("The 'from' date must be a real date") for message in summary), summary
    assert page.html.select_one("#incident")["value"] == "AAA-99"
    assert page.html.select_one("tbody") is None
    page = get_page(client, "/admin/audit?" + urlencode({"since": ["5", "3", "2026"], "until": ["4", "3", "2026"]},
                                                        doseq=True), status=400)
    assert page.error_summary() == ["The 'to' date must be the same as or after the 'from' date"]
    page = get_page(client, "/admin/audit?" + urlencode({"since": ["5", "3", "2999"]}, doseq=True), status=400)
    assert page.error_summary() == ["The 'from' date must be today or in the past"]
    page = get_page(client, "/admin/audit?" + urlencode({"incident": "x" * 41}), status=400)
    assert page.error_summary() == ["The incident reference must be 40 characters or fewer"]


def test_pages_keep_the_filters_and_the_view_is_audited_with_them(app, client, people, forces):
    app.config["AUDIT_PAGE_SIZE"] = 2
    officer = people[("A", Role.OFFICER)]
    for n in range(5):
        record("incident.viewed", actor=officer, force_id=forces["A"].id, reference=f"AAA-{n}")
    db.session.commit()
    sign_in(client, "admin@aaa.example")
    page = get_page(client, f"/admin/audit?category=debriefs&person={officer.id}")
    assert "5 events match these filters" in page.html.select_one("caption").get_text()
    following = page.html.select_one(".govuk-pagination__next a")["href"]
    assert "category=debriefs" in following and f"person={officer.id}" in following and "page=2" in following
    assert len(_rows(client, category="debriefs", person=officer.id, page=3)) == 1
    newest = db.session.scalar(db.select(AuditEvent).where(AuditEvent.action == "audit.viewed")
                               .order_by(AuditEvent.id.desc()).limit(1))
    assert newest.details == {"page": 3, "person": officer.id, "category": "debriefs"}
    shown = _rows(client, category="audit")[0][3]
    assert f"Person: {officer.name} (Officer or staff)" in shown and "Kind of event: Incidents and debriefs" in shown
    assert get_page(client, "/admin/audit?category=signins&incident=NONE-1").html.select_one("#no-events") \
        .get_text(strip=True) == "No events match these filters."


def test_a_users_page_links_to_their_events(client, people):
    officer = people[("A", Role.OFFICER)]
    sign_in(client, "admin@aaa.example")
    link = next(a for a in get_page(client, f"/admin/users/{officer.id}").html.select("a")
                if "See their events in the audit log" in a.get_text())
    assert link["href"] == f"/admin/audit?person={officer.id}"
    assert get_page(client, link["href"]).html.select_one("#person option[selected]")["value"] == str(officer.id)


def test_a_date_partly_typed_is_refused_not_ignored(client, people):
    """A walk typed only the year: every event was shown as if filtered."""
    sign_in(client, "admin@aaa.example")
    page = get_page(client, "/admin/audit?" + urlencode({"since": ["", "", "2026"]}, doseq=True), status=400)
    assert page.error_summary() == ["The 'from' date must include a day and month, for example 27 3 2026"]
    page = get_page(client, "/admin/audit?" + urlencode({"until": ["3", "", "2026"]}, doseq=True), status=400)
    assert page.error_summary() == ["The 'to' date must include a month, for example 27 3 2026"]


def test_a_persons_events_include_failed_sign_ins_to_their_account(client, people, forces):
    officer = people[("A", Role.OFFICER)]
    record("auth.sign_in_failed", actor=None, force_id=forces["A"].id, email=officer.email.upper(),
           reason="bad credentials", address="203.0.113.9")
    record("auth.sign_in_failed", actor=None, force_id=forces["A"].id, email="someone.else@aaa.example",
           reason="bad credentials", address="203.0.113.9")
    db.session.commit()
    sign_in(client, "admin@aaa.example")
    failed = [r for r in _rows(client, person=officer.id) if r[1] == "Failed sign-in"]
    assert len(failed) == 1 and officer.email.upper() in failed[0][3]


def test_searching_the_log_for_an_incident_is_not_itself_found_by_that_search(client, people, forces):
    officer = people[("A", Role.OFFICER)]
    record("incident.viewed", actor=officer, force_id=forces["A"].id, reference="AAA-77")
    db.session.commit()
    sign_in(client, "admin@aaa.example")
    assert len(_rows(client, incident="AAA-77")) == 1
    assert len(_rows(client, incident="AAA-77")) == 1  # the first search's own "Viewed the audit log" is not about it
    assert "Incident: AAA-77" in _rows(client, category="audit")[0][3]
