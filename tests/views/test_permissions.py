"""Deny by default: every endpoint declares its access, and a route x role matrix says who gets what."""
from __future__ import annotations

import re

import pytest
from werkzeug.routing import RequestRedirect

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
    assert public == ["auth.sign_in", "magazine.case_factor_table", "magazine.case_study", "magazine.case_study_pdf",
                      "magazine.feedback",
                      "magazine.feedback_sent", "magazine.force_response_log", "magazine.issue", "magazine.issue_html",
                      "magazine.issue_pdf", "magazine.issues", "magazine.recommendations", "magazine.search_magazine",
                      "magazine.themes_page",
                      "main.accessibility",
                      "main.health", "main.index", "main.privacy", "main.status",
                      "subscriptions.check_email", "subscriptions.confirm", "subscriptions.confirmed",
                      "subscriptions.subscribe", "subscriptions.unsubscribe", "subscriptions.unsubscribed"]


def test_a_view_without_a_declaration_is_refused(app, client, people):
    # A view added without @requires must fail closed, even for a signed-in admin.
    app.add_url_rule("/undeclared", "undeclared", lambda: "secret")
    sign_in(client, "admin@aaa.example")
    response = client.get("/undeclared")
    assert response.status_code == 403
    assert b"secret" not in response.data


# (path, {who: expected status}); "redirect" means sent to sign in.
MATRIX = [
    ("/", {ANON: 200, Role.OFFICER: 302, Role.REVIEWER: 302, Role.LEARNING: 302, Role.ADMIN: 302}),
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
    # Only the incident's creator names colleagues; "I was not there" is for a request not yet started; subjects
    # only for a debrief that used force (this one did not).
    ("/debriefs/{own_debrief}/people/other", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403,
                                              Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/debriefs/{own_debrief}/not-there", {ANON: "redirect", Role.OFFICER: 302, Role.REVIEWER: 403,
                                           Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/debriefs/{own_debrief}/subjects/new", {ANON: "redirect", Role.OFFICER: 404, Role.REVIEWER: 403,
                                              Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/debriefs/{other_force_debrief}/subjects/new", {ANON: "redirect", Role.OFFICER: 404, Role.REVIEWER: 403,
                                                      Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/debriefs/{other_force_debrief}/subjects/{missing}", {ANON: "redirect", Role.OFFICER: 404,
                                                           Role.REVIEWER: 403, Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/debriefs/{other_force_debrief}/check", {ANON: "redirect", Role.OFFICER: 404, Role.REVIEWER: 403,
                                               Role.LEARNING: 403, Role.ADMIN: 403}),
    # A colleague's debrief in the same force answers exactly as a missing id does (404, was 403), so debrief ids
    # cannot be enumerated; a role without the permission is refused (403) before any id is looked up.
    ("/debriefs/{colleague_debrief}/check", {ANON: "redirect", Role.OFFICER: 404, Role.REVIEWER: 403,
                                             Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/debriefs/{colleague_debrief}", {ANON: "redirect", Role.OFFICER: 404, Role.REVIEWER: 403,
                                       Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/debriefs/{missing}/check", {ANON: "redirect", Role.OFFICER: 404, Role.REVIEWER: 403,
                                   Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/rca/", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 200, Role.LEARNING: 403, Role.ADMIN: 403}),
    ("/rca/start/{other_force_incident}", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 404,
                                           Role.LEARNING: 403, Role.ADMIN: 403}),
    *[(f"/rca/{{own_rca}}{page}", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 200, Role.LEARNING: 403,
                                   Role.ADMIN: 403})
      for page in ("", "/chronology", "/graph", "/fishbone", "/recommendations", "/report", "/graph.svg",
                   "/fishbone.dot", "/report.pdf")],
    # Editing pages: only the lead edits, so a second reviewer of the force is refused.
    *[(f"/rca/{{own_rca}}{page}", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403, Role.LEARNING: 403,
                                   Role.ADMIN: 403})
      for page in ("/details", "/chronology/new", "/chronology/{own_entry}", "/items/{own_node}",
                   "/items/{own_node}/contributors/new", "/items/{own_node}/whys", "/recommendations/new",
                   "/recommendations/{own_recommendation}", "/recommendations/{own_recommendation}/actions/new",
                   "/recommendations/{own_recommendation}/actions/{own_action}")],
    # The team page: every reviewer of the force reads who is on the team and their declarations.
    ("/rca/{own_rca}/team", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 200, Role.LEARNING: 403,
                             Role.ADMIN: 403}),
    # Asking why an unevidenced factor is a root cause: only the lead (the outcome is not a factor: 404 for them).
    ("/rca/{own_rca}/items/{own_rca_outcome}/root-cause", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403,
                                                         Role.LEARNING: 403, Role.ADMIN: 403}),
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
    ("/admin/users/{own_user}/roles", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403,
                                       Role.LEARNING: 403, Role.ADMIN: 200}),
    ("/admin/users/{other_force_user}/roles", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403,
                                               Role.LEARNING: 403, Role.ADMIN: 404}),
    ("/admin/users/{own_user}/collar-number", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403,
                                               Role.LEARNING: 403, Role.ADMIN: 200}),
    ("/admin/users/{other_force_user}/collar-number", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403,
                                                       Role.LEARNING: 403, Role.ADMIN: 404}),
    # "Are you sure" pages: offered only when the action is allowed now (an active user is not reactivated: sent
    # back to their page, which says why).
    ("/admin/users/{own_user}/deactivate", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403,
                                            Role.LEARNING: 403, Role.ADMIN: 200}),
    ("/admin/users/{own_user}/reactivate", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403,
                                            Role.LEARNING: 403, Role.ADMIN: 302}),
    ("/admin/users/{other_force_user}/deactivate", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403,
                                                    Role.LEARNING: 403, Role.ADMIN: 404}),
    # Resetting a password: an account of their own force.
    ("/admin/users/{own_user}/reset-password", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403,
                                                Role.LEARNING: 403, Role.ADMIN: 200}),
    ("/admin/users/{other_force_user}/reset-password", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403,
                                                        Role.LEARNING: 403, Role.ADMIN: 404}),
    # The public magazine: published material only, the same for everyone; a draft issue does not exist.
    *[(path, {ANON: 200, Role.OFFICER: 200, Role.REVIEWER: 200, Role.LEARNING: 200, Role.ADMIN: 200})
      for path in ("/magazine/", "/magazine/issues/{published_issue}", "/magazine/case-studies/{published_case_study}",
                   "/magazine/case-factor-table", "/magazine/force-response-log", "/magazine/recommendations",
                   "/magazine/search",
                   "/magazine/issues/{published_issue}/feedback", "/magazine/issues/{published_issue}/feedback/sent",
                   "/magazine/issues/{published_issue}.html", "/magazine/themes")],
    *[(path, {ANON: 404, Role.OFFICER: 404, Role.REVIEWER: 404, Role.LEARNING: 404, Role.ADMIN: 404})
      for path in ("/magazine/issues/{draft_issue}", "/magazine/issues/{draft_issue}.pdf",
                   "/magazine/issues/{draft_issue}.html", "/magazine/issues/{draft_issue}/feedback",
                   "/magazine/case-studies/{unpublished_case_study}", "/magazine/case-studies/{unpublished_case_study}.pdf")],
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
                   "/learning/issues/{draft_issue_id}/publish", "/learning/issues/{published_issue_id}/feedback",
                   "/learning/issues/{draft_issue_id}/articles/{draft_article}")],
    # Not from this status: a candidate is edited before approval; a returned one is with the force; a published
    # issue is read-only.
    *[(path, {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403, Role.LEARNING: 403, Role.ADMIN: 403})
      for path in ("/learning/case-studies/{candidate_case}/approve",
                   "/learning/issues/{published_issue_id}/articles/new", "/learning/issues/{published_issue_id}/publish")],
    # A returned case study's edit page sends the learning team to its page, saying why it cannot be changed now.
    ("/learning/case-studies/{returned_case}/edit", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403,
                                                     Role.LEARNING: 302, Role.ADMIN: 403}),
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
                   "/patterns/download/{patterns_figure}.csv", "/patterns/training",
                   "/patterns/training/download/training-ranking.csv", "/patterns/training/briefing.html",
                   "/patterns/training/briefing.pdf")],
    # Reference figures (officers, arrests, population per force): the national administrator edits every force's.
    *[(path, {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403, Role.LEARNING: 403, Role.ADMIN: 403,
              Role.NATIONAL_ADMIN: 200, Role.WELLBEING: 403})
      for path in ("/patterns/figures", "/patterns/figures/population")],
    # Drill-down: reviewers (their force) and the learning team (released findings) follow a count; with no
    # records behind it, there is nothing to follow. Administrators see counts only.
    ("/patterns/records?figure=factor-categories&row=Communication&column=RCAs+where+it+appears",
     {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 404, Role.LEARNING: 404, Role.ADMIN: 403}),
    ("/patterns/no-such-page", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 404, Role.LEARNING: 404,
                                Role.ADMIN: 404}),
    ("/health", {ANON: 200, Role.OFFICER: 200, Role.REVIEWER: 200, Role.LEARNING: 200, Role.ADMIN: 200}),
    *[(path, {ANON: 200, Role.OFFICER: 200, Role.REVIEWER: 200, Role.LEARNING: 200, Role.ADMIN: 200})
      for path in ("/accessibility", "/privacy", "/status")],
    ("/sign-in", {ANON: 200, Role.OFFICER: 302, Role.REVIEWER: 302, Role.LEARNING: 302, Role.ADMIN: 302}),
    # Everyone signed in changes their own password.
    ("/account/password", {ANON: "redirect", Role.OFFICER: 200, Role.REVIEWER: 200, Role.LEARNING: 200, Role.ADMIN: 200,
                           Role.NATIONAL_ADMIN: 200, Role.WELLBEING: 200}),
    # The national administrator: learning-team accounts only. The force wellbeing contact: support requests.
    *[(path, {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403, Role.LEARNING: 403, Role.ADMIN: 403,
              Role.NATIONAL_ADMIN: 200, Role.WELLBEING: 403})
      for path in ("/national/learning-team", "/national/learning-team/new", "/national/learning-team/{learner}",
                   "/national/learning-team/{learner}/deactivate", "/national/learning-team/{learner}/reset-password")],
    # Not offered now (an active account is not reactivated; nothing to restore): back to the account's page.
    *[(path, {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403, Role.LEARNING: 403, Role.ADMIN: 403,
              Role.NATIONAL_ADMIN: 302, Role.WELLBEING: 403})
      for path in ("/national/learning-team/{learner}/reactivate", "/national/learning-team/{learner}/restore")],
    # A force's own account is not the national administrator's: as if it did not exist.
    ("/national/learning-team/{own_user}", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403,
                                            Role.LEARNING: 403, Role.ADMIN: 403, Role.NATIONAL_ADMIN: 404,
                                            Role.WELLBEING: 403}),
    ("/wellbeing/", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403, Role.LEARNING: 403, Role.ADMIN: 403,
                     Role.NATIONAL_ADMIN: 403, Role.WELLBEING: 200}),
    # The learning team withdraws a published case study (any force's: it works across forces) and republishes it
    # once corrected; not from any other status.
    *[(path, {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403, Role.LEARNING: 200, Role.ADMIN: 403,
              Role.NATIONAL_ADMIN: 403, Role.WELLBEING: 403})
      for path in ("/learning/case-studies/{published_case_study}/withdraw",
                   "/learning/case-studies/{withdrawn_case}/republish")],
    *[(path, {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403, Role.LEARNING: 403, Role.ADMIN: 403,
              Role.NATIONAL_ADMIN: 403, Role.WELLBEING: 403})
      for path in ("/learning/case-studies/{candidate_case}/withdraw",
                   "/learning/case-studies/{published_case_study}/republish",
                   "/learning/case-studies/{withdrawn_case}/withdraw")],
    ("/learning/case-studies/{missing}/withdraw", {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403,
                                                   Role.LEARNING: 404, Role.ADMIN: 403}),
    # The learning team moderates forces' responses.
    *[(path, {ANON: "redirect", Role.OFFICER: 403, Role.REVIEWER: 403, Role.LEARNING: 200, Role.ADMIN: 403,
              Role.NATIONAL_ADMIN: 403, Role.WELLBEING: 403})
      for path in ("/learning/responses/", "/learning/responses/{force_response}/withdraw")],
    # Subscriptions to the magazine: public; a link from an email works for anyone who holds it, a bad one is a 404.
    *[(path, {ANON: 200, Role.OFFICER: 200, Role.REVIEWER: 200, Role.LEARNING: 200, Role.ADMIN: 200})
      for path in ("/magazine/subscribe", "/magazine/subscribe/check-your-email",
                   "/magazine/subscribe/confirm/{confirm_token}", "/magazine/subscribe/confirmed",
                   "/magazine/unsubscribe/{unsubscribe_token}", "/magazine/unsubscribed")],
    *[(path, {ANON: 404, Role.OFFICER: 404, Role.REVIEWER: 404, Role.LEARNING: 404, Role.ADMIN: 404})
      for path in ("/magazine/subscribe/confirm/{bad_token}", "/magazine/unsubscribe/{bad_token}")],
]
# The roles added later (national administrator, force wellbeing contact) on the rows above that do not name them:
# what anyone gets on a public page, 403 on every other, except these.
LATER_ROLES = {
    "/": {Role.NATIONAL_ADMIN: 302, Role.WELLBEING: 302},
    "/no-role": {Role.NATIONAL_ADMIN: 200, Role.WELLBEING: 200},
    "/sign-in": {Role.NATIONAL_ADMIN: 302, Role.WELLBEING: 302},
}


def expected_status(path_template: str, expected: dict, who) -> object:
    if who in expected:
        return expected[who]
    if who in LATER_ROLES.get(path_template, {}):
        return LATER_ROLES[path_template][who]
    return expected[ANON] if expected[ANON] != "redirect" else 403


def _matrix_rules(app) -> set[str]:
    """The url_map rule each matrix path resolves to, as the router itself matches it."""
    adapter = app.url_map.bind("localhost")
    hit = set()
    for path_template, _ in MATRIX:
        path = re.sub(r"\{[a-z_]+\}", "1", path_template).split("?")[0]  # the router matches the path alone
        try:
            rule, _args = adapter.match(path, method="GET", return_rule=True)
        except RequestRedirect as redirect:  # /rca -> /rca/: the slash-less form names the same rule
            rule, _args = adapter.match(redirect.new_url.split("localhost", 1)[1], method="GET", return_rule=True)
        hit.add(rule.rule)
    return hit


def test_matrix_covers_every_get_route(app):
    # Exact: every GET rule must be the one some matrix path resolves to, not merely share its prefix.
    hit = _matrix_rules(app)
    missing = sorted(rule.rule for rule in app.url_map.iter_rules()
                     if rule.endpoint != "static" and "GET" in rule.methods and rule.rule not in hit)
    assert missing == [], f"GET routes missing from the route x role matrix: {missing}"


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
    withdrawn = create_case_study(force=other, status="withdrawn")
    issue_id = {n: i for n, i in db.session.execute(select(MagazineIssue.number, MagazineIssue.id))}
    return {"candidate_case": candidate.id, "candidate_question": candidate.questions[0].id,
            "returned_case": returned.id, "other_force_case": elsewhere.id, "missing": 999999,
            "withdrawn_case": withdrawn.id,
            "published_issue_id": issue_id[1], "draft_issue_id": issue_id[2]}


def _rca_item_ids(rca) -> dict[str, int]:
    """One of each editable RCA item and a draft issue's article, for the editing pages' rows."""
    from datetime import date

    from debrief.extensions import db
    from debrief.models import Article, ChronologyEntry, MagazineIssue, RcaAction, Recommendation
    from sqlalchemy import select

    node = rca.nodes[0]
    draft = db.session.scalar(select(MagazineIssue).where(MagazineIssue.number == 2))
    entry = ChronologyEntry(rca_id=rca.id, what="A call is received.", source="test", position=99)
    recommendation = Recommendation(rca_id=rca.id, text="Brief the team.", nodes=[node])
    action = RcaAction(recommendation=recommendation, description="Hold the briefing.", owner="Inspector",
                       due_on=date(2030, 1, 1))
    article = Article(issue_id=draft.id, title="A word from the editor", body="Welcome.")
    db.session.add_all([entry, recommendation, action, article])
    db.session.commit()
    return {"own_entry": entry.id, "own_node": node.id, "own_recommendation": recommendation.id,
            "own_action": action.id, "draft_article": article.id}


def _privacy_ids(people, ids) -> dict[str, int]:
    from debrief.extensions import db
    from debrief.models import ReflectiveQuestion
    from tests.support.publication_factories import create_force_response

    question = db.session.get(ReflectiveQuestion, ids["published_question"])
    return {"force_response": create_force_response(question=question, force=people[("A", Role.REVIEWER)].force,
                                                    status="draft").id}


def _subscription_ids() -> dict[str, str]:
    from tests.support.smtp import subscriber_links

    confirm, unsubscribe = subscriber_links("matrix@example.com")
    return {"confirm_token": confirm.rsplit("/", 1)[1], "unsubscribe_token": unsubscribe.rsplit("/", 1)[1],
            "bad_token": "not-a-token"}


def matrix_ids(people) -> dict[str, int]:
    """The records the matrix's paths name, created in `people`'s two forces; their ids by placeholder."""
    own = submitted_debrief(author=people[("A", Role.OFFICER)], reporter=people[("A", Role.REVIEWER)])
    other = submitted_debrief(author=people[("B", Role.OFFICER)])
    # RCAs led by someone other than the signed-in reviewer, so the reviewer reads but cannot edit.
    own_lead = create_user(force=own.incident.force, roles=[Role.REVIEWER], email="lead@aaa.example")
    other_lead = create_user(force=other.incident.force, roles=[Role.REVIEWER], email="lead@bbb.example")
    own_rca = start_rca(own.incident, actor=own_lead, level="concise", terms_of_reference="Why?")
    other_rca = start_rca(other.incident, actor=other_lead, level="concise", terms_of_reference="Why?")
    ids = {"own_user": people[("A", Role.OFFICER)].id, "other_force_user": people[("B", Role.OFFICER)].id,
           "learner": people[("B", Role.LEARNING)].id,
           "own_rca": own_rca.id, "other_force_rca": other_rca.id, "own_rca_outcome": own_rca.nodes[0].id,
           "own_incident": own.incident_id, "other_force_incident": other.incident_id,
           "own_debrief": own.id, "other_force_debrief": other.id, **_magazine_ids(people)}
    ids.update(_learning_ids(people))
    ids.update(_rca_item_ids(own_rca))
    ids.update(patterns_page="risk", patterns_figure="risk-main-duty-national")
    ids.update(_privacy_ids(people, ids))
    ids.update(_subscription_ids())
    colleague = create_user(force=own.incident.force, roles=[Role.OFFICER], email="colleague@aaa.example")
    ids.update(colleague_debrief=submitted_debrief(author=colleague).id)
    return ids


@pytest.mark.parametrize("who", [ANON, *Role])
def test_route_role_matrix(client, people, who):
    ids = matrix_ids(people)
    if who != ANON:
        sign_in(client, f"{who.value}@aaa.example")
    for path_template, expected in MATRIX:
        path = path_template.format(**ids)
        response = client.get(path)
        want = expected_status(path_template, expected, who)
        if want == "redirect":
            assert response.status_code == 302, path
            assert response.headers["Location"].startswith("/sign-in"), path
        else:
            assert response.status_code == want, f"{who} GET {path}: {response.status_code}, expected {want}"


@pytest.mark.parametrize("path", ["/sign-out", "/admin/users/new", "/admin/users/1/deactivate",
                                  "/national/learning-team/1/deactivate"])
def test_posts_need_sign_in(client, people, path):
    response = client.post(path, data={})
    # CSRF refuses first (400) or the sign-in redirect: never a successful write.
    assert response.status_code in (302, 400)
    if response.status_code == 302:
        assert response.headers["Location"].startswith("/sign-in")
