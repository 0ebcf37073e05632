"""Pages cost a few queries: every page the route x role matrix serves with a 200 runs at most QUERY_BUDGET SQL
statements, and no more when the data behind it grows (no lazy loads in loops).

One seeded world per module: the matrix's records, visited once per role; then more of everything in the signed-in
force (debriefs, users, RCAs, case studies, audit events), and every page visited again.
"""
from __future__ import annotations


import pytest
from sqlalchemy import text

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.publications import page_cache
from debrief.rca.service import start_rca
from tests.support.apps import make_app
from tests.support.factories import create_force, create_user, submitted_debrief
from tests.support.statements import counting
from tests.support.pages import sign_in
from tests.views.test_permissions import ANON, MATRIX, expected_status, matrix_ids

QUERY_BUDGET = 8

@pytest.fixture(scope="module")
def world(databases):
    """The matrix's records in a database of this module's own."""
    app = make_app(databases.new_url())
    with app.app_context():
        forces = {"A": create_force(code="AAA", name="Alphashire Police"),
                  "B": create_force(code="BBB", name="Bravoshire Constabulary")}
        people = {(key, role): create_user(force=force, roles=[role], email=f"{role.value}@{force.code.lower()}.example",
                                           name=f"{role.label} {key}")
                  for key, force in forces.items() for role in Role}
        ids = matrix_ids(people)
        _grow(people, n=1)  # one of each kind from the start, so what grows later is only how many
        yield app, people, ids
        db.session.remove()
        db.engine.dispose()


def _grow(people, n: int = 4) -> None:
    """`n` more of what the signed-in force's pages list: debriefs, incidents, users, RCAs, case studies."""
    from tests.support.publication_factories import create_case_study, create_issue

    force = people[("A", Role.OFFICER)].force
    officer, reviewer = people[("A", Role.OFFICER)], people[("A", Role.REVIEWER)]
    issue = create_issue(number=50 + n)
    for i in range(n):
        colleague = create_user(force=force, roles=[Role.OFFICER, Role.REVIEWER][: 1 + i % 2])
        debrief = submitted_debrief(author=officer, reporter=colleague, support_wanted=i % 2 == 0)
        submitted_debrief(author=colleague, reporter=officer)
        start_rca(debrief.incident, actor=reviewer, level="concise", terms_of_reference=f"Why {i}?")
        create_case_study(force=force, issue=issue)
        create_case_study(force=force, status="candidate")


def _visit_all(app, people, ids, *, warm: bool = True) -> dict[tuple[str, str], int]:
    """(who, path template) -> statements run by a second visit of every page the matrix serves with a 200."""
    counts: dict[tuple[str, str], int] = {}
    for who in [ANON, *Role]:
        client = app.test_client()
        if who != ANON:
            sign_in(client, f"{who.value}@aaa.example")
        for path_template, expected in MATRIX:
            if expected_status(path_template, expected, who) != 200:
                continue
            path = path_template.format(**ids)
            if warm:  # once, to warm what a process keeps (templates, reference data)
                client.get(path)
            # Magazine pages drawn once per content version are counted as drawn, not as served again: the worst case.
            app.extensions.pop(page_cache.EXTENSION, None)
            with counting() as statements:
                response = client.get(path)
            assert response.status_code == 200, f"{who} GET {path}: {response.status_code}"
            counts[(str(who), path_template)] = len(statements)
    return counts


@pytest.fixture(scope="module")
def counts(world):
    app, people, ids = world
    small = _visit_all(app, people, ids)
    _grow(people)  # in the module's app context, still open
    return small, _visit_all(app, people, ids, warm=False)


def test_every_page_runs_at_most_the_budget(counts):
    small, grown = counts
    over = sorted(f"{who} {path}: {max(small[who, path], grown[who, path])} statements"
                  for who, path in grown
                  if max(small[who, path], grown[who, path]) > QUERY_BUDGET)
    assert over == [], f"pages over the budget of {QUERY_BUDGET} SQL statements:\n" + "\n".join(over)


def test_no_page_runs_more_queries_as_its_data_grows(counts):
    small, grown = counts
    growing = sorted(f"{who} {path}: {small[who, path]} -> {grown[who, path]}" for who, path in grown
                     if grown[who, path] > small[who, path])
    assert growing == [], "pages whose queries grow with their data (a lazy load in a loop?):\n" + "\n".join(growing)


def test_counting_sees_every_statement_but_transaction_control(world):
    with counting() as statements:
        db.session.execute(text("SELECT 1"))
        db.session.execute(text("SAVEPOINT counted"))
        db.session.execute(text("RELEASE SAVEPOINT counted"))
        db.session.execute(text("SELECT 2"))
    db.session.rollback()
    assert statements == ["SELECT 1", "SELECT 2"]
