"""Every paginated page takes ?page= the same way (debrief/paging.py): no ?page= is page 1; a page that is not a
whole number is a 404; a page before the first or past the last sends the reader there with the address corrected.
The walk saw ?page=0 and ?page=abc silently show page 1 under the wrong address."""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import AuditEvent
from debrief.rca import service
from tests.support.factories import submitted_debrief
from tests.support.pages import get_page, sign_in

ROOT = Path(__file__).resolve().parents[2]

# Each paginated page: who opens it, and a filter argument kept when the page is corrected.
PAGES = {
    "admin.audit": ("admin@aaa.example", "/admin/audit", ""),
    "review.queue": ("reviewer@aaa.example", "/review/", "near_miss=yes"),
    "responses.index": ("reviewer@aaa.example", "/responses/", "audience=trainers"),
    "magazine.case_factor_table": (None, "/magazine/case-factor-table", "theme=custody"),
    "magazine.force_response_log": (None, "/magazine/force-response-log", "audience=trainers"),
    "rca.graph": ("reviewer@aaa.example", "/rca/{rca}/graph", ""),
}


def test_every_paginated_template_is_in_the_list_and_no_view_reads_page_itself():
    paginated = sorted(str(p.relative_to(ROOT / "templates")) for p in (ROOT / "templates").rglob("*.html")
                       if re.search(r"govukPagination\(|govuk-pagination\"", p.read_text()))
    assert paginated == ["admin/audit.html", "magazine/case_factor_table.html", "magazine/force_response_log.html",
                         "rca/_graph_body.html", "responses/index.html", "review/_queue_table.html"], \
        "a new paginated page: put it in PAGES and read ?page= through debrief/paging.py"
    readers = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "debrief").rglob("*.py")
                     if re.search(r"""args\.get\(\s*["']page["']""", p.read_text()))
    assert readers == ["debrief/paging.py"]


@pytest.fixture
def rca(people):
    debrief = submitted_debrief(author=people[("A", Role.OFFICER)], occurred_at=datetime(2026, 3, 27, 22, 15))
    return service.start_rca(debrief.incident, actor=people[("A", Role.REVIEWER)], level="concise",
                             terms_of_reference="Review the response.")


@pytest.mark.parametrize("endpoint", sorted(PAGES))
def test_page_numbers_outside_the_pages_are_corrected_and_garbage_is_not_found(endpoint, client, people, rca):
    email, path, kept = PAGES[endpoint]
    path = path.format(rca=rca.id)
    if email:
        sign_in(client, email)
    query = f"?{kept}&" if kept else "?"
    get_page(client, f"{path}{query}page=1")
    for garbage in ("abc", "1.5", "", "2e3", "0x1", "１"):
        assert client.get(f"{path}?page={garbage}").status_code == 404, garbage
    corrected = f"{path}?{kept}" if kept else path
    for before_first in ("0", "-3"):
        response = client.get(f"{path}{query}page={before_first}")
        assert response.status_code == 302 and response.headers["Location"] == corrected, before_first
    response = client.get(f"{path}{query}page=999999")  # past the last (these lists have one page here)
    assert response.status_code == 302 and response.headers["Location"] == corrected
    get_page(client, response.headers["Location"])


def test_past_the_last_of_several_pages_goes_to_the_last(app, client, people):
    app.config["AUDIT_PAGE_SIZE"] = 2
    sign_in(client, "admin@aaa.example")
    for _ in range(3):
        get_page(client, "/admin/users")
    get_page(client, "/admin/audit")
    total = db.session.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.force_id == people[
        ("A", Role.ADMIN)].force_id))
    last = -(-total // 2)  # the redirect itself records nothing
    assert last >= 3
    response = client.get("/admin/audit?page=50")
    assert response.status_code == 302 and response.headers["Location"] == f"/admin/audit?page={last}"
