"""Admin pages: users of their own force, adding with validation, deactivating, the audit log."""
from __future__ import annotations

from sqlalchemy import func, select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import AuditEvent, User
from debrief.admin.views import RETYPE_PASSWORD
from tests.support.pages import get_page, post_form, sign_in

NEW_USER = {"name": "Sam Carter", "email": "Sam.Carter@aaa.example", "collar_number": "AB 123",
            "roles": ["officer", "reviewer"], "password": "a-long-enough-password"}


def test_admin_lists_only_their_force_and_the_view_is_audited(client, people):
    sign_in(client, "admin@aaa.example")
    page = get_page(client, "/admin/users")
    text = page.text()
    assert "officer@aaa.example" in text and "officer@bbb.example" not in text
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user.list_viewed"))
    # One user per role in the force (the people fixture).
    assert event.actor_id == people[("A", Role.ADMIN)].id and event.details == {"count": len(Role)}


def test_add_user_with_roles(client, people):
    sign_in(client, "admin@aaa.example")
    page = post_form(client, "/admin/users/new", NEW_USER, status=302)
    assert page.response.headers["Location"] == "/admin/users"
    user = db.session.scalar(select(User).where(User.email == "sam.carter@aaa.example"))
    assert user.force.code == "AAA" and user.roles == {Role.OFFICER, Role.REVIEWER}
    assert user.password_hash.startswith("$argon2id$")
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user.created",
                                                      AuditEvent.record_id == str(user.id)))
    assert event.actor_id == people[("A", Role.ADMIN)].id and event.details["roles"] == ["officer", "reviewer"]
    assert sign_in(client.application.test_client(), "sam.carter@aaa.example", "a-long-enough-password")


def test_add_user_errors_keep_what_was_typed(client, people):
    sign_in(client, "admin@aaa.example")
    page = post_form(client, "/admin/users/new",
                     {**NEW_USER, "email": "not-an-email", "roles": [], "password": "short"}, status=200)
    assert page.title.startswith("Error: ")
    assert page.error_summary() == [
        "Enter an email address in the correct format, like name@example.police.uk",
        "Select at least one role",
        "Password must be 12 characters or more, not counting spaces",
    ]
    assert page.html.find("input", attrs={"name": "name"})["value"] == "Sam Carter"
    assert page.html.find("input", attrs={"name": "email"})["value"] == "not-an-email"
    assert db.session.scalar(select(func.count(User.id))) == 2 * len(Role)


def test_add_user_refuses_a_duplicate_email(client, people):
    sign_in(client, "admin@aaa.example")
    page = post_form(client, "/admin/users/new", {**NEW_USER, "email": "officer@bbb.example"}, status=200)
    assert page.error_summary() == ["A user with this email address already exists", RETYPE_PASSWORD]


def test_add_user_refuses_a_collar_number_an_active_colleague_holds(client, people):
    officer = people[("A", Role.OFFICER)]
    officer.collar_number = "AB 1234"
    db.session.commit()
    sign_in(client, "admin@aaa.example")
    page = post_form(client, "/admin/users/new", {**NEW_USER, "collar_number": "ab1234"}, status=200)
    assert page.error_summary() == [f"Collar number AB1234 is already {officer.name}'s in {officer.force.name}: "
                                    "check the number, or deactivate the old account first", RETYPE_PASSWORD]
    assert page.html.find("input", attrs={"name": "collar_number"})["value"] == "ab1234"
    assert db.session.scalar(select(func.count(User.id))) == 2 * len(Role)
    # Once the old account is deactivated the number can be given again; another force's same number never clashed.
    officer.active = False
    db.session.commit()
    post_form(client, "/admin/users/new", {**NEW_USER, "collar_number": "AB 1234"}, status=302)
    people[("B", Role.OFFICER)].collar_number = "CD 77"
    db.session.commit()
    post_form(client, "/admin/users/new", {**NEW_USER, "email": "x@aaa.example", "collar_number": "CD 77"}, status=302)


def test_add_user_refuses_an_unknown_role(client, people):
    sign_in(client, "admin@aaa.example")
    page = post_form(client, "/admin/users/new", {**NEW_USER, "roles": ["superuser"]}, status=200)
    assert page.error_summary() and db.session.scalar(select(func.count(User.id))) == 2 * len(Role)


def test_deactivate_user_keeps_the_record(client, people):
    officer = people[("A", Role.OFFICER)]
    sign_in(client, "admin@aaa.example")
    post_form(client, f"/admin/users/{officer.id}/deactivate", {}, status=302)
    db.session.refresh(officer)
    assert officer.active is False and officer.deactivated_at is not None
    assert "Deactivated" in get_page(client, "/admin/users").text()
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "user.deactivated"))
    assert event.record_id == str(officer.id)


def test_deactivating_signs_the_user_out_everywhere(client, people):
    officer_client = client.application.test_client()
    sign_in(officer_client, "officer@aaa.example")
    sign_in(client, "admin@aaa.example")
    post_form(client, f"/admin/users/{people[('A', Role.OFFICER)].id}/deactivate", {}, status=302)
    assert officer_client.get("/officer").status_code == 302


def test_admin_cannot_deactivate_another_forces_user(client, people):
    other = people[("B", Role.OFFICER)]
    sign_in(client, "admin@aaa.example")
    token = get_page(client, "/admin/users/new").csrf_token()
    assert client.post(f"/admin/users/{other.id}/deactivate", data={"csrf_token": token}).status_code == 404
    db.session.refresh(other)
    assert other.active


def test_audit_log_pages_through_own_force_only(app, client, people):
    app.config["AUDIT_PAGE_SIZE"] = 5
    sign_in(client, "admin@aaa.example")
    for _ in range(6):
        get_page(client, "/admin/users")
    sign_in(client.application.test_client(), "admin@bbb.example")
    first = get_page(client, "/admin/audit")
    assert "page 1 of" in first.text()
    assert len(first.html.select("tbody tr")) == 5
    assert first.html.select_one(".govuk-pagination__next a")["href"] == "/admin/audit?page=2"
    last_page = int(first.html.select_one("caption").get_text().split(" of ")[1])
    get_page(client, f"/admin/audit?page={last_page}")
    past = client.get(f"/admin/audit?page={last_page + 5}")  # past the end: to the last page (debrief/paging.py)
    assert past.status_code == 302 and past.headers["Location"] == f"/admin/audit?page={last_page}"
    all_text = " ".join(get_page(client, f"/admin/audit?page={n}").text() for n in range(1, last_page + 1))
    assert "Administrator B" not in all_text


def test_audit_log_details_are_readable_lines_not_json(client, people, forces):
    from debrief.audit import record
    admin = db.session.scalar(select(User).where(User.email == "admin@aaa.example"))
    sign_in(client, "admin@aaa.example")
    record("rca.updated", actor=admin, force_id=forces["A"].id, record_type="rca", record_id=7,
           incident="NSP-2026-1", fields=["level", "terms_of_reference"], sections=[],
           lead=people[("A", Role.REVIEWER)].id, note='<script>alert("x")</script>')
    db.session.commit()
    page = get_page(client, "/admin/audit")
    cell = page.html.select("tbody tr")[0].select("td")[-1]
    lines = [span.get_text() for span in cell.select(".debrief-audit-detail")]
    # In words (debrief/audit/describe.py): codes without underscores, a user by name and role (audit/people.py).
    lead = people[("A", Role.REVIEWER)].name
    assert lines == ["Incident: NSP-2026-1", "Fields: level, terms of reference", "Sections: none",
                     f"Lead: {lead} (PSD reviewer)",
                     'Note: <script>alert("x")</script>']
    assert not cell.select("script")  # escaped, shown as text
    assert "{" not in cell.get_text() and '"incident"' not in cell.get_text()
    assert page.html.select("tbody tr")[0].select("td")[3].get_text(strip=True) == "RCA 7"


def test_audit_log_shows_months_and_counts_in_words(client, people, forces):
    # What the newcomer walk saw: "From: 202512" and "Rcas: 5".
    from debrief.audit import record
    admin = db.session.scalar(select(User).where(User.email == "admin@aaa.example"))
    sign_in(client, "admin@aaa.example")
    record("review.queue_viewed", actor=admin, force_id=forces["A"].id, count=12, filters={}, rcas=5,
           overdue_actions=0)
    record("patterns.viewed", actor=admin, force_id=forces["A"].id, page="overview",
           filters={"from": 202512, "to": 202611, "forces": "all", "theme": None, "near_miss": None, "source": "both"})
    db.session.commit()
    rows = get_page(client, "/admin/audit").html.select("tbody tr")
    lines = [[span.get_text() for span in row.select("td")[-1].select(".debrief-audit-detail")] for row in rows[:2]]
    assert lines == [["Page: Patterns overview",
                      "Filters: from December 2025; to November 2026; forces all; source debriefs and national data"],
                     ["Listed: 12 incidents", "Filters: none", "Your RCAs: 5 RCAs", "Overdue actions: 0 overdue actions"]]
