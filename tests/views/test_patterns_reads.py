"""Patterns pages only read, and cost a few queries whatever the data: every statement of a GET is recorded.

Each page is fetched as each role that may see it, on seeded data and again on more of it. A GET may write
nothing but its audit event (the audit trail is append-only and records every view); it runs at most
QUERY_BUDGET statements (transaction control aside), and the same number on more data.
"""
from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from sqlalchemy import event, select

from debrief.analytics import pages
from debrief.analytics.force_figures import FiguresRow, save_figures
from debrief.analytics.service import refresh_summaries
from debrief.extensions import db
from debrief.models import ForcePopulationShare, User
from tests.support.factories import one_user_per_role, submitted_debrief, two_forces
from tests.support.pages import sign_in
from tests.support.patterns import debrief_with, national_rows, signed_off_rca

QUERY_BUDGET = 8
RANGE = "from_month=1&from_year=2026&to_month=6&to_year=2026"
AUDIT_TABLES = ("audit_event", "audit_chain_head")
TRANSACTION = re.compile(r"^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b", re.IGNORECASE)
# Every table a statement writes, wherever the write sits in it (PostgreSQL's read audit is one statement whose
# WITH clause upserts the chain head before the event's insert; an upsert's own DO UPDATE is no second table).
WRITE = re.compile(r"(?<!DO )\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)", re.IGNORECASE)


def written(statement: str) -> set[str]:
    return {table.lower() for table in WRITE.findall(statement)}
# Who sees the Patterns pages: reviewers and admins their force; the learning team all forces or one; the national
# administrator only the reference figures behind the rates.
VIEWERS = [("reviewer@aaa.example", ""), ("admin@aaa.example", ""), ("learning@aaa.example", ""),
           ("learning@aaa.example", "force"), ("national_admin@aaa.example", "")]


def page_paths(email: str = "") -> list[str]:
    if email.startswith("national_admin"):
        return ["/patterns/figures"]
    return ["/patterns/", "/patterns/training", *(f"/patterns/{page.key}" for page in pages.PAGES)]


class Statements:
    """Every statement the engine runs while recording (transaction control left out)."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, conn, cursor, statement, parameters, context, executemany) -> None:
        if not TRANSACTION.match(statement):
            self.seen.append(" ".join(statement.split()))

    def writes(self) -> list[str]:
        return [s for s in self.seen if written(s) - set(AUDIT_TABLES)]


def fetch(client, url: str) -> Statements:
    db.session.remove()  # each request starts with an empty session, as a real one does
    recorder = Statements()
    event.listen(db.engine, "before_cursor_execute", recorder)
    try:
        response = client.get(url)
    finally:
        event.remove(db.engine, "before_cursor_execute", recorder)
    assert response.status_code == 200, f"GET {url}: {response.status_code}"
    return recorder


def _user(email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


def add_data(n: int, day: int) -> None:
    """n debriefs in each force, each with an RCA holding a recommendation and actions, and national rows."""
    for code in ("aaa", "bbb"):
        officer, reviewer = _user(f"officer@{code}.example"), _user(f"reviewer@{code}.example")
        for i in range(n):
            debrief = debrief_with(author=officer, occurred_at=datetime(2026, 1 + i % 6, day, 10 + i % 12, 0),
                                   assaulted=i % 2 == 0, near_miss=i % 3 == 0, tactics=[("taser", True)],
                                   injuries=[("officer", "minor")], themes=["use_of_force", "custody"],
                                   impact_factors=["alcohol"], role_on_day="response")
            signed_off_rca(debrief, lead=reviewer, categories=["communication", "education_training"],
                           root_causes=["education_training"], started_on=date(2026, 1 + i % 6, day),
                           signed_off_on=date(2026, 3, 1) if i % 2 else None,
                           actions=[("open", date(2026, 2, 1)), ("done", date(2026, 5, 1))])
        national_rows(officer.force, [dict(day=date(2026, 1 + i % 6, day), assaulted=i % 3 == 0, main_duty="response",
                                         subject_ethnicity="white" if i % 2 else "black", subject_age_band="18_34",
                                         subject_sex="male", tactic_list=[("taser", i % 2 == 0)])
                                    for i in range(4 * n)], refresh=False)
    refresh_summaries()


def _fill() -> dict[str, int]:
    """What every test here starts from, made once (the `template` marker) and copied per test: the forces' ids."""
    forces = two_forces()
    one_user_per_role(forces)
    save_figures(db.session, [FiguresRow("AAA", 2026, 2000, 40_000), FiguresRow("BBB", 2026, 3000, 50_000)])
    for force in forces.values():
        db.session.add_all([ForcePopulationShare(force_id=force.id, dimension="ethnicity", code="white", share=80.0),
                            ForcePopulationShare(force_id=force.id, dimension="ethnicity", code="black", share=5.0)])
    db.session.commit()
    add_data(3, 5)
    return {key: force.id for key, force in forces.items()}


pytestmark = pytest.mark.template("views_patterns_reads", _fill, fixture="seeded")


@pytest.fixture
def seeded(people, databases):
    return databases.filled["views_patterns_reads"]


def _url(path: str, scope: str, forces) -> str:
    return f"{path}?{RANGE}" + (f"&force={forces['B']}" if scope else "")


def test_a_get_of_every_patterns_page_writes_nothing_but_its_audit_event(app, seeded):
    # Records written around the services leave both rollups behind: a page still does not bring them up to date.
    submitted_debrief(author=_user("officer@aaa.example"), occurred_at=datetime(2026, 2, 2, 9, 0))
    national_rows(_user("officer@aaa.example").force, [dict(day=date(2026, 2, 2))], refresh=False)
    for email, scope in VIEWERS:
        client = app.test_client()
        sign_in(client, email)
        for path in page_paths(email):
            url = _url(path, scope, seeded)
            statements = fetch(client, url)
            assert statements.writes() == [], f"GET {url} wrote: {statements.writes()}"
            assert path == "/patterns/figures" or any("audit_event" in written(s) for s in statements.seen), \
                f"GET {url}: its view was not audited"


@pytest.mark.parametrize("email,scope", VIEWERS, ids=[f"{e.split('@')[0]}{'-' + s if s else ''}" for e, s in VIEWERS])
def test_every_patterns_page_runs_at_most_8_statements_whatever_the_data(client, seeded, email, scope):
    sign_in(client, email)
    paths = page_paths(email)
    counts = {}
    for path in paths:
        url = _url(path, scope, seeded)
        fetch(client, url)  # the first view may draw a graph and store it for every worker; counted: the next
        statements = fetch(client, url).seen
        counts[path] = len(statements)
        assert counts[path] <= QUERY_BUDGET, \
            f"GET {url} ran {counts[path]} statements:\n" + "\n".join(statements)
    # More debriefs, RCAs, actions and national rows: not one statement more on any page.
    add_data(4, 20)
    for path in paths:
        fetch(client, _url(path, scope, seeded))
        assert len(fetch(client, _url(path, scope, seeded)).seen) == counts[path], path
