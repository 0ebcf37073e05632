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
    assert public == ["auth.sign_in", "magazine.case_factor_table", "magazine.case_study", "magazine.feedback",
                      "magazine.feedback_sent", "magazine.force_response_log", "magazine.issue", "magazine.issue_html",
                      "magazine.issue_pdf", "magazine.issues", "magazine.recommendations", "main.health"]


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
    ("/learning", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403, Role.LEARNING: 302, Role.ADMIN: 403}),
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
    # The public magazine: published material only, the same for everyone; a draft issue does not exist.
    *[(path, {ANON: 200, Role.OFFICER: 200, Role.REVIEWER: 200, Role.LEARNING: 200, Role.ADMIN: 200})
      for path in ("/magazine/", "/magazine/issues/{published_issue}", "/magazine/case-studies/{published_case_study}",
                   "/magazine/case-factor-table", "/magazine/force-response-log", "/magazine/recommendations",
                   "/magazine/issues/{published_issue}/feedback", "/magazine/issues/{published_issue}/feedback/sent",
                   "/magazine/issues/{published_issue}.html")],
    *[(path, {ANON: 404, Role.OFFICER: 404, Role.REVIEWER: 404, Role.LEARNING: 404, Role.ADMIN: 404})
      for path in ("/magazine/issues/{draft_issue}", "/magazine/issues/{draft_issue}.pdf",
                   "/magazine/issues/{draft_issue}.html", "/magazine/issues/{draft_issue}/feedback",
                   "/magazine/case-studies/{unpublished_case_study}")],
    # Forces respond: reviewers and admins, for their own force only (the force is never in the URL).
    ("/responses/", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 200, Role.LEARNING: 403, Role.ADMIN: 200}),
    ("/responses/questions/{published_question}", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 200,
                                                   Role.LEARNING: 403, Role.ADMIN: 200}),
    ("/responses/questions/{unpublished_question}", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 404,
                                                     Role.LEARNING: 403, Role.ADMIN: 404}),
    # The learning team's pages: anonymised material only, for the learning team only.
    *[(path, {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403, Role.LEARNING: 200, Role.ADMIN: 403})
      for path in ("/learning/case-studies", "/learning/case-studies/{candidate_case}",
                   "/learning/case-studies/{candidate_case}/edit", "/learning/case-studies/{candidate_case}/questions/new",
                   "/learning/case-studies/{candidate_case}/questions/{candidate_question}",
                   "/learning/case-studies/{candidate_case}/return", "/learning/case-studies/{candidate_case}/reject",
                   "/learning/issues", "/learning/issues/new", "/learning/issues/{draft_issue_id}",
                   "/learning/issues/{published_issue_id}", "/learning/issues/{draft_issue_id}/articles/new",
                   "/learning/issues/{draft_issue_id}/publish", "/learning/issues/{published_issue_id}/feedback")],
    # Not from this status: a candidate is edited before approval; a returned one is with the force; a published
    # issue is read-only.
    *[(path, {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403, Role.LEARNING: 403, Role.ADMIN: 403})
      for path in ("/learning/case-studies/{candidate_case}/approve", "/learning/case-studies/{returned_case}/edit",
                   "/learning/issues/{published_issue_id}/articles/new", "/learning/issues/{published_issue_id}/publish")],
    ("/learning/case-studies/{missing}", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403,
                                          Role.LEARNING: 404, Role.ADMIN: 403}),
    # The releasing force's reviewers follow their released findings and answer questions sent back.
    ("/released/", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 200, Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/released/{returned_case}", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 200, Role.LEARNING: 403,
                                   Role.ADMIN: 403}),
    ("/released/{other_force_case}", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 404, Role.LEARNING: 403,
                                      Role.ADMIN: 403}),
    # Patterns: reviewers and admins see their own force's counts, the learning team all forces'.
    *[(path, {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 200, Role.LEARNING: 200, Role.ADMIN: 200})
      for path in ("/patterns/", "/patterns/network", "/patterns/{patterns_page}",
                   "/patterns/download/{patterns_figure}.csv")],
    # Reference figures: a force administrator edits their force's (until a national administrator role exists).
    ("/patterns/figures", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403, Role.LEARNING: 403,
                           Role.ADMIN: 200}),
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


def _magazine_ids(people) -> dict[str, int]:
    from tests.support.publication_factories import create_case_study, create_issue

    force = people[("B", Role.REVIEWER)].force
    published = create_issue(number=1)
    case_study = create_case_study(force=force, issue=published)
    draft = create_issue(number=2, status="draft")
    unpublished = create_case_study(force=force, issue=draft, status="scheduled")
    return {"published_issue": published.number, "draft_issue": draft.number, "published_case_study": case_study.id,
            "unpublished_case_study": unpublished.id, "published_question": case_study.questions[0].id,
            "unpublished_question": unpublished.questions[0].id}


def _learning_ids(people) -> dict[str, int]:
    from sqlalchemy import select

    from debrief.extensions import db
    from debrief.models import MagazineIssue
    from tests.support.publication_factories import create_case_study

    own, other = people[("A", Role.REVIEWER)].force, people[("B", Role.REVIEWER)].force
    candidate = create_case_study(force=own, status="candidate")
    returned = create_case_study(force=own, status="returned")
    elsewhere = create_case_study(force=other, status="returned")
    issue_id = {n: i for n, i in db.session.execute(select(MagazineIssue.number, MagazineIssue.id))}
    return {"candidate_case": candidate.id, "candidate_question": candidate.questions[0].id,
            "returned_case": returned.id, "other_force_case": elsewhere.id, "missing": 999999,
            "published_issue_id": issue_id[1], "draft_issue_id": issue_id[2]}


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
           "own_debrief": own.id, "other_force_debrief": other.id, **_magazine_ids(people)}
    ids.update(_learning_ids(people))
    ids.update(patterns_page="risk", patterns_figure="risk-main-duty-national")
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
