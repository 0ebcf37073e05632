"""The audit log page over every audit event kind: each row reads as a person would say it (codes by their labels,
people by name and role, forces by name), never "rca awaiting sign off" or "user 20"."""
from __future__ import annotations

import re

from debrief.audit import EVENTS, record
from debrief.audit.describe import RECORD, detail_for
from debrief.auth.roles import Role
from debrief.extensions import db
from tests.support.pages import get_page, sign_in
from tests.unit.test_audit_describe import RECORDED, _example


def test_every_event_kind_on_the_page_names_people_and_codes_in_words(app, client, people, forces):
    app.config["AUDIT_PAGE_SIZE"] = len(EVENTS) + 10
    admin, reviewer = people[("A", Role.ADMIN)], people[("A", Role.REVIEWER)]
    other = people[("B", Role.REVIEWER)]
    for action in sorted(EVENTS):
        details = {}
        for key in sorted(set(EVENTS[action].required) | RECORDED.get(action, set())):
            spec = detail_for(action, key)
            noun = (spec.noun or ("",))[0]
            if spec.kind == RECORD and noun == "user":
                details[key] = reviewer.id
            elif spec.kind == "filters":
                details[key] = {**_example(action, key), "forces": [forces["A"].id, forces["B"].id]}
            else:
                details[key] = _example(action, key)
        if action == "mail.staff_notice_queued":
            details["kind"] = "rca_awaiting_sign_off"
        record(action, actor=admin, force_id=forces["A"].id, **details)
    record("rca.panel_member_added", actor=other, force_id=forces["A"].id, incident="NSP-1", member=other.id)
    db.session.commit()

    sign_in(client, "admin@aaa.example")
    rows = get_page(client, "/admin/audit").html.select("tbody tr")
    assert len(rows) >= len(EVENTS) + 1
    theirs = [row for row in rows if row.select("td")[1].get_text(strip=True) == f"{other.name} ({forces['B'].name})"]
    assert len(theirs) == 1  # a person of another force: by name and force, their roles not the viewer's to see
    whats: dict = {}  # the newest row of each kind by the admin (the fixtures' own come after)
    for row in rows:
        if row is not theirs[0]:
            whats.setdefault(row.select("td")[2].get_text(strip=True), row)
    for action, spec in EVENTS.items():
        row = whats[spec.description]
        text = row.select("td")[-1].get_text(" ", strip=True)
        assert not re.search(r"\b(user|force) \d", text), (action, text)
        assert "_" not in text.replace("Some text as typed", ""), (action, text)
        assert row.select("td")[1].get_text(strip=True) == f"{admin.name} (Force administrator)"
    notice = whats[EVENTS["mail.staff_notice_queued"].description].select("td")[-1].get_text(" ", strip=True)
    assert "Email: Root-cause analysis awaiting sign-off" in notice
    assert f"Recipient: {reviewer.name} (PSD reviewer)" in notice
    filters = whats[EVENTS["patterns.viewed"].description].select("td")[-1].get_text(" ", strip=True)
    assert f"forces {forces['A'].name}, {forces['B'].name}" in filters
    assert theirs[0].select("td")[-1].get_text(" ", strip=True).endswith(f"Member: {other.name} ({forces['B'].name})")


def test_the_record_column_names_a_person_an_event_is_about(client, people, forces):
    admin, reviewer, other = people[("A", Role.ADMIN)], people[("A", Role.REVIEWER)], people[("B", Role.REVIEWER)]
    record("user.viewed", actor=admin, force_id=forces["A"].id, record_type="user", record_id=reviewer.id,
           email=reviewer.email)
    record("user.viewed", actor=admin, force_id=forces["A"].id, record_type="user", record_id=other.id,
           email=other.email)
    db.session.commit()
    sign_in(client, "admin@aaa.example")
    shown = [row.select("td")[3].get_text(strip=True) for row in get_page(client, "/admin/audit").html.select("tbody tr")]
    assert f"User: {reviewer.name} (PSD reviewer)" in shown
    assert f"User: {other.name} ({forces['B'].name})" in shown
    assert not any(re.fullmatch(r"User \d+", text) for text in shown), shown


def test_who_is_shown_with_the_roles_they_held_when_they_did_it(client, people, forces):
    """An officer who later became a reviewer too: their earlier reads say officer, their later ones both; a row
    never takes a role from today (an audit log says what was true then)."""
    from debrief.auth.service import change_roles

    officer, admin = people[("A", Role.OFFICER)], people[("A", Role.ADMIN)]
    record("user.list_viewed", actor=officer, force_id=forces["A"].id, count=1)
    db.session.commit()
    change_roles(officer, [Role.OFFICER, Role.REVIEWER], actor=admin)
    record("user.list_viewed", actor=officer, force_id=forces["A"].id, count=2)
    db.session.commit()
    change_roles(officer, [Role.REVIEWER], actor=admin)
    sign_in(client, "admin@aaa.example")
    rows = get_page(client, "/admin/audit").html.select("tbody tr")
    views = [row.select("td")[1].get_text(strip=True) for row in rows
             if "Viewed the list of users" in row.get_text()]
    assert views == [f"{officer.name} (Officer or staff, PSD reviewer)", f"{officer.name} (Officer or staff)"]
    # Where the log names them as what an event is about, they are as that event left them: a walk found "User:
    # Kieran Walsh (Officer or staff) | Roles now: Officer or staff, PSD reviewer" in one row, today's roles beside
    # the change's.
    changes = [row.select("td")[3].get_text(strip=True) for row in rows if "Changed a user" in row.get_text()]
    assert changes == [f"User: {officer.name} (PSD reviewer)", f"User: {officer.name} (Officer or staff, PSD reviewer)"]


def test_the_person_an_event_is_about_is_shown_as_they_stood_then(client, people, forces):
    """"Added a user: New LT (Learning team, deactivated)": an account cannot be added deactivated. Each row says
    whether the person was active just after it."""
    from debrief.auth.service import deactivate_user, reactivate_user

    officer, admin = people[("A", Role.OFFICER)], people[("A", Role.ADMIN)]
    record("user.list_viewed", actor=admin, force_id=forces["A"].id, count=1)
    db.session.commit()
    deactivate_user(officer, actor=admin)
    reactivate_user(officer, actor=admin)
    deactivate_user(officer, actor=admin)
    sign_in(client, "admin@aaa.example")
    rows = get_page(client, "/admin/audit").html.select("tbody tr")
    about = [(row.select("td")[2].get_text(strip=True), row.select("td")[3].get_text(strip=True)) for row in rows
             if row.select("td")[3].get_text(strip=True).startswith(f"User: {officer.name}")]
    assert [r for _, r in about][:3] == [f"User: {officer.name} (Officer or staff, deactivated)",
                                          f"User: {officer.name} (Officer or staff)",
                                          f"User: {officer.name} (Officer or staff, deactivated)"]
