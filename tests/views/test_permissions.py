"""Deny by default: every endpoint declares its access, and a route x role matrix says who gets what."""
from __future__ import annotations

import pytest

from debrief.auth.roles import Role
from debrief.security import declared_access
from debrief.rca.service import start_rca
from tests.support.factories import create_user, submitted_debrief
from tests.support.pages import sign_in

ANON = "anonymous"


def test_every_endpoint_declares_a_permission_or_is_public(app):
    missing = [
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static" and declared_access(app.view_functions[rule.endpoint]) is None
    ]
    assert missing == []


def test_public_endpoints_are_the_short_explicit_list(app):
    public = sorted(
        rule.endpoint for rule in app.url_map.iter_rules()
        if rule.endpoint != "static" and declared_access(app.view_functions[rule.endpoint]) == "public"
    )
    assert public == ["auth.sign_in", "main.health"]


def test_a_view_without_a_declaration_is_refused(app, client, people):
    # A view added without @requires must fail closed, even for a signed-in admin.
    app.add_url_rule("/undeclared", "undeclared", lambda: "secret")
    sign_in(client, "admin@aaa.example")
    response = client.get("/undeclared")
    assert response.status_code == 403
    assert b"secret" not in response.data


# (path, {who: expected status}); "redirect" means sent to sign in.
MATRIX = [
    ("/", {ANON: "redirect", Role.OFFICER: 302, Role.REVIEWER: 302, Role.LEARNING: 302, Role.ADMIN: 302}),
    ("/officer", {ANON: "redirect", Role.OFFICER: 200, Role.REVIEWER: 403, Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/review/", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 200, Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/review/incidents/{own_incident}", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 200,
                                          Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/review/incidents/{other_force_incident}", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 404,
                                                  Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/debriefs/new", {ANON: "redirect", Role.OFFICER: 200, Role.REVIEWER: 403, Role.LEARNING: 403, Role.ADMIN: 403}),
    # The officer's own submitted debrief; reviewers of the force read it; other roles are refused.
    ("/debriefs/{own_debrief}", {ANON: "redirect", Role.OFFICER: 302, Role.REVIEWER: 403, Role.LEARNING: 403,
                                 Role.ADMIN: 403}),
    ("/debriefs/{own_debrief}/check", {ANON: "redirect", Role.OFFICER: 200, Role.REVIEWER: 403,
                                       Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/debriefs/{own_debrief}/reflection", {ANON: "redirect", Role.OFFICER: 200, Role.REVIEWER: 403,
                                            Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/debriefs/{own_debrief}/start", {ANON: "redirect", Role.OFFICER: 302, Role.REVIEWER: 403,
                                       Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/debriefs/{own_debrief}/submitted", {ANON: "redirect", Role.OFFICER: 200, Role.REVIEWER: 403,
                                           Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/debriefs/{own_debrief}/people/add", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403,
                                            Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/debriefs/{other_force_debrief}/check", {ANON: "redirect", Role.OFFICER: 404, Role.REVIEWER: 403,
                                               Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/rca/", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 200, Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/rca/start/{other_force_incident}", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 404,
                                           Role.LEARNING: 403, Role.ADMIN: 403}),
    *[(f"/rca/{{own_rca}}{page}", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 200, Role.LEARNING: 403,
                                   Role.ADMIN: 403})
      for page in ("", "/chronology", "/graph", "/fishbone", "/recommendations", "/report", "/graph.svg",
                   "/fishbone.dot", "/report.pdf")],
    # The release screen opens once the RCA is signed off (this one is a draft).
    ("/rca/{own_rca}/release", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 404, Role.LEARNING: 403,
                                Role.ADMIN: 403}),
    # Only the lead edits; a second reviewer of the force reads.
    ("/rca/{own_rca}/findings", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403, Role.LEARNING: 403,
                                 Role.ADMIN: 403}),
    ("/rca/{other_force_rca}", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 404, Role.LEARNING: 403,
                                Role.ADMIN: 403}),
    ("/rca/{other_force_rca}/graph.png", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 404,
                                          Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/learning", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403, Role.LEARNING: 200, Role.ADMIN: 403}),
    ("/no-role", {ANON: "redirect", Role.OFFICER: 200, Role.REVIEWER: 200, Role.LEARNING: 200, Role.ADMIN: 200}),
    ("/admin/users", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403, Role.LEARNING: 403, Role.ADMIN: 200}),
    ("/admin/users/new", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403, Role.LEARNING: 403,
                          Role.ADMIN: 200}),
    ("/admin/users/{own_user}", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403, Role.LEARNING: 403,
                                 Role.ADMIN: 200}),
    # A user of another force: 404 to the admin, as if it did not exist.
    ("/admin/users/{other_force_user}", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403,
                                         Role.LEARNING: 403, Role.ADMIN: 404}),
    ("/admin/audit", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403, Role.LEARNING: 403, Role.ADMIN: 200}),
    # Patterns: reviewers and admins see their own force's counts, the learning team all forces'.
    *[(path, {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 200, Role.LEARNING: 200, Role.ADMIN: 200})
      for path in ("/patterns/", "/patterns/network", "/patterns/{patterns_page}",
                   "/patterns/download/{patterns_figure}.csv")],
    ("/patterns/no-such-page", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 404, Role.LEARNING: 404,
                                Role.ADMIN: 404}),
    ("/health", {ANON: 200, Role.OFFICER: 200, Role.REVIEWER: 200, Role.LEARNING: 200, Role.ADMIN: 200}),
    ("/sign-in", {ANON: 200, Role.OFFICER: 302, Role.REVIEWER: 302, Role.LEARNING: 302, Role.ADMIN: 302}),
]


def test_matrix_covers_every_get_route(app):
    covered = {path.split("/{")[0] for path, _ in MATRIX}
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or "GET" not in rule.methods:
            continue
        assert rule.rule.split("/<")[0] in covered, f"{rule.rule} is missing from the route x role matrix"


@pytest.mark.parametrize("who", [ANON, *Role])
def test_route_role_matrix(client, people, who):
    own = submitted_debrief(author=people[("A", Role.OFFICER)], reporter=people[("A", Role.REVIEWER)])
    other = submitted_debrief(author=people[("B", Role.OFFICER)])
    # RCAs led by someone other than the signed-in reviewer, so the reviewer reads but cannot edit.
    own_lead = create_user(force=own.incident.force, roles=[Role.REVIEWER], email="lead@aaa.example")
    other_lead = create_user(force=other.incident.force, roles=[Role.REVIEWER], email="lead@bbb.example")
    own_rca = start_rca(own.incident, actor=own_lead, level="concise", terms_of_reference="Why?")
    other_rca = start_rca(other.incident, actor=other_lead, level="concise", terms_of_reference="Why?")
    ids = {"own_user": people[("A", Role.OFFICER)].id, "other_force_user": people[("B", Role.OFFICER)].id,
           "own_rca": own_rca.id, "other_force_rca": other_rca.id,
           "own_incident": own.incident_id, "other_force_incident": other.incident_id,
           "own_debrief": own.id, "other_force_debrief": other.id,
           "patterns_page": "risk", "patterns_figure": "risk-main-duty-national"}
    if who != ANON:
        sign_in(client, f"{who.value}@aaa.example")
    for path_template, expected in MATRIX:
        path = path_template.format(**ids)
        response = client.get(path)
        want = expected[who]
        if want == "redirect":
            assert response.status_code == 302, path
            assert response.headers["Location"].startswith("/sign-in"), path
        else:
            assert response.status_code == want, f"{who} GET {path}: {response.status_code}, expected {want}"


@pytest.mark.parametrize("path", ["/sign-out", "/admin/users/new", "/admin/users/1"])
def test_posts_need_sign_in(client, people, path):
    response = client.post(path, data={})
    # CSRF refuses first (400) or the sign-in redirect: never a successful write.
    assert response.status_code in (302, 400)
    if response.status_code == 302:
        assert response.headers["Location"].startswith("/sign-in")
