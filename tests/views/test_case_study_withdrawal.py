"""Withdrawing a published case study through the learning team's pages (reason with a GOV.UK error summary, then
"Are you sure?", CSRF on), who may (the learning team only), what the public then sees (410 at its address, a line on
its issue page), and republishing it corrected ("Corrected on ..." on its page and in the exports)."""
from __future__ import annotations

from datetime import datetime

import pytest

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import CaseStudy
from tests.support.factories import audit_count, create_user
from tests.support.pages import get_page, post_form, sign_in
from tests.support.publication_factories import create_case_study, create_issue

REASON = "The stairwell it describes is the only one of its kind in the county."


@pytest.fixture
def case(people, forces):
    issue = create_issue(number=5, theme="Custody")
    create_case_study(force=forces["B"], issue=issue, title="Rousing checks in custody")
    return create_case_study(force=forces["A"], issue=issue, title="Restraint on a stairwell",
                             summary="Two officers restrained a man on a narrow stairwell.")


def _url(case, step="withdraw") -> str:
    return f"/learning/case-studies/{case.id}/{step}"


def _withdraw(client, case, reason=REASON):
    first = post_form(client, _url(case), {"reason": reason}, status=200)
    assert first.h1 == f"Are you sure you want to withdraw ‘{case.title}’?"
    return client.post(_url(case), data={"reason": reason, "confirmed": "yes", "csrf_token": first.csrf_token()})


def test_the_learning_team_withdraws_with_a_reason_after_are_you_sure(client, case):
    sign_in(client, "learning@aaa.example")
    page = get_page(client, f"/learning/case-studies/{case.id}")
    link = page.html.find("a", string="Withdraw from the magazine")
    assert link is not None and link["href"] == _url(case)

    form = get_page(client, _url(case))
    assert form.html.select_one("textarea[name=reason]") is not None
    first = post_form(client, _url(case), {"reason": REASON}, status=200)
    assert "It will disappear at once" in first.text() and REASON in first.text()
    assert audit_count("case_study.withdrawn") == 0 and db.session.get(CaseStudy, case.id).status == "published"

    response = client.post(_url(case), data={"reason": REASON, "confirmed": "yes", "csrf_token": first.csrf_token()})
    assert response.status_code == 302 and response.location.endswith(f"/learning/case-studies/{case.id}")
    db.session.expire_all()
    assert db.session.get(CaseStudy, case.id).status == "withdrawn"
    assert audit_count("case_study.withdrawn") == 1
    after = get_page(client, f"/learning/case-studies/{case.id}")
    assert "Withdrawn from the magazine on" in after.text() and REASON in after.text()
    assert "withdrew it from the magazine" in after.text()
    assert after.html.find("a", string="Republish the corrected case study") is not None
    assert after.html.find("a", string="Edit the case study") is not None


def test_a_missing_reason_is_shown_in_the_error_summary_and_nothing_changes(client, case):
    sign_in(client, "learning@aaa.example")
    page = post_form(client, _url(case), {"reason": "  "}, status=200)
    assert page.title.startswith("Error: ")
    assert page.error_summary() == ["Enter why the case study is being withdrawn"]
    assert page.html.select_one(".govuk-error-summary a")["href"] == "#reason"
    # Straight to the confirming post without a reason: the same refusal, nothing withdrawn.
    page = post_form(client, _url(case), {"reason": "", "confirmed": "yes"}, status=200)
    assert page.error_summary() == ["Enter why the case study is being withdrawn"]
    db.session.expire_all()
    assert db.session.get(CaseStudy, case.id).status == "published" and audit_count("case_study.withdrawn") == 0


def test_the_confirming_post_without_a_csrf_token_is_refused(client, case):
    sign_in(client, "learning@aaa.example")
    response = client.post(_url(case), data={"reason": REASON, "confirmed": "yes"})
    assert response.status_code == 400
    db.session.expire_all()
    assert db.session.get(CaseStudy, case.id).status == "published"


@pytest.mark.parametrize("role", [r for r in Role if r != Role.LEARNING])
@pytest.mark.parametrize("step", ["withdraw", "republish"])
def test_every_other_role_is_refused(client, case, role, step):
    if step == "republish":
        case.status, case.withdrawn_at = "withdrawn", datetime(2026, 1, 2)
        db.session.commit()
    sign_in(client, f"{role.value}@aaa.example")
    assert client.get(_url(case, step)).status_code == 403
    token = get_page(client, "/no-role").csrf_token()
    response = client.post(_url(case, step), data={"reason": REASON, "confirmed": "yes", "csrf_token": token})
    assert response.status_code == 403
    db.session.expire_all()
    assert db.session.get(CaseStudy, case.id).status == ("withdrawn" if step == "republish" else "published")


@pytest.mark.parametrize("step", ["withdraw", "republish"])
def test_a_reader_who_is_not_signed_in_is_sent_to_sign_in(client, case, step):
    response = client.get(_url(case, step))
    assert response.status_code == 302 and "/sign-in" in response.location


@pytest.mark.parametrize("status", ["candidate", "in_edit", "approved", "scheduled", "returned", "rejected"])
def test_only_a_published_case_study_offers_withdrawal(client, people, forces, status):
    other = create_case_study(force=forces["A"], status=status)
    sign_in(client, "learning@aaa.example")
    assert client.get(_url(other)).status_code == 403
    assert client.get(_url(other, "republish")).status_code == 403
    assert get_page(client, f"/learning/case-studies/{other.id}").html.find(
        "a", string="Withdraw from the magazine") is None


def test_a_missing_case_study_is_not_found(client, people):
    sign_in(client, "learning@aaa.example")
    assert client.get("/learning/case-studies/999999/withdraw").status_code == 404


def test_the_public_address_answers_410_with_the_date_and_nothing_of_the_content(client, case, app):
    reader = app.test_client()
    assert "narrow stairwell" in reader.get(f"/magazine/case-studies/{case.id}").get_data(as_text=True)
    sign_in(client, "learning@aaa.example")
    assert _withdraw(client, case).status_code == 302
    db.session.expire_all()
    withdrawn_at = db.session.get(CaseStudy, case.id).withdrawn_at
    day = f"{withdrawn_at.day} {withdrawn_at:%B %Y}"
    for url in (f"/magazine/case-studies/{case.id}", f"/magazine/case-studies/{case.id}.pdf"):
        response = reader.get(url)
        assert response.status_code == 410, url
        assert response.mimetype == "text/html"
        page = get_page(reader, url, status=410)
        assert page.h1 == "This case study has been withdrawn"
        assert f"withdrawn from the magazine on {day}" in page.text()
        for word in ("stairwell", "Restraint", REASON[:20]):
            assert word not in page.text()
    issue = get_page(reader, "/magazine/issues/5").text()
    assert f"A case study was withdrawn from this issue on {day}" in issue
    assert "Rousing checks in custody" in issue and "stairwell" not in issue
    # Another case study that never existed, or was never published, is still simply not found.
    assert reader.get("/magazine/case-studies/999999").status_code == 404


def test_a_corrected_case_study_is_republished_with_a_corrected_notice(client, case, app):
    reader = app.test_client()
    sign_in(client, "learning@aaa.example")
    _withdraw(client, case)
    edit = get_page(client, f"/learning/case-studies/{case.id}/edit")
    data = {field["name"]: field.get("value", "") for field in edit.html.select("form input[type=text], "
                                                                                 "form input[type=hidden]")}
    data.update({t["name"]: t.get_text() for t in edit.html.select("form textarea")})
    data.update({"summary": "Two officers restrained a man on a stairwell.", "themes": case.themes,
                 "operational_areas": case.operational_areas, "factor_categories": case.factor_categories})
    assert post_form(client, f"/learning/case-studies/{case.id}/edit", data).status == 302
    page = get_page(client, _url(case, "republish"))
    assert "checked again" in page.text()
    response = client.post(_url(case, "republish"), data={"csrf_token": page.csrf_token()})
    assert response.status_code == 302
    db.session.expire_all()
    corrected = db.session.get(CaseStudy, case.id)
    assert corrected.status == "published" and corrected.corrected_at is not None
    day = f"{corrected.corrected_at.day} {corrected.corrected_at:%B %Y}"
    public = get_page(reader, f"/magazine/case-studies/{case.id}")
    assert public.html.select_one("#corrected").get_text(strip=True) == f"Corrected on {day}."
    assert "narrow" not in public.text()
    issue = get_page(reader, "/magazine/issues/5").text()
    assert "Restraint on a stairwell" in issue and "was withdrawn from this issue" not in issue
    assert f"Corrected on {day}." in reader.get("/magazine/issues/5.html").get_data(as_text=True)
    assert audit_count("case_study.republished") == 1


def test_republishing_text_that_fails_the_gate_is_refused_in_the_error_summary(client, forces, people):
    issue = create_issue(number=6)
    case = create_case_study(force=forces["A"], issue=issue, deny_terms=["Dean Walsh", "Walsh"])
    case.status, case.withdrawn_at = "withdrawn", datetime(2026, 1, 2)
    case.summary += " Walsh was there."  # straight into the database: a save would refuse it
    db.session.commit()
    sign_in(client, "learning@aaa.example")
    page = post_form(client, _url(case, "republish"), {}, status=200)
    assert page.title.startswith("Error: ")
    assert page.error_summary()[0].startswith("Summary contains something that could identify")
    assert "Walsh" not in " ".join(page.error_summary())
    db.session.expire_all()
    assert db.session.get(CaseStudy, case.id).status == "withdrawn"


def test_a_second_confirmation_is_told_it_was_withdrawn_once(client, case):
    sign_in(client, "learning@aaa.example")
    first = post_form(client, _url(case), {"reason": REASON}, status=200)
    data = {"reason": REASON, "confirmed": "yes", "csrf_token": first.csrf_token()}
    assert client.post(_url(case), data=data).status_code == 302
    again = client.post(_url(case), data=data, follow_redirects=True)
    assert again.status_code == 200 and "already been withdrawn" in again.get_data(as_text=True)
    assert audit_count("case_study.withdrawn") == 1


def test_the_learning_teams_issue_page_marks_the_withdrawn_case_study(client, case):
    sign_in(client, "learning@aaa.example")
    _withdraw(client, case)
    rows = get_page(client, f"/learning/issues/{case.issue_id}").html.select("#case-studies + ol li")
    assert [" ".join(li.get_text(" ", strip=True).split()) for li in rows] == [
        "Rousing checks in custody", "Restraint on a stairwell Withdrawn"]


def test_a_reason_that_repeats_the_identifying_detail_is_refused_before_are_you_sure(client, case):
    # The reason is kept in the case study's history, which the learning team reads: "12 Acacia Avenue, PC John
    # Smith 07700 900123" wrote down again the very detail being withdrawn.
    sign_in(client, "learning@aaa.example")
    named = "It named 12 Acacia Avenue and gave the number 07700 900123."
    page = post_form(client, _url(case), {"reason": named}, status=200)
    assert page.title.startswith("Error: ") and page.h1 != f"Are you sure you want to withdraw ‘{case.title}’?"
    [message] = page.error_summary()
    assert message.startswith("The reason contains something that could identify")
    assert page.html.select_one("textarea[name=reason]").get_text() == named
    # Straight to the confirming post: the service refuses it too.
    page = post_form(client, _url(case), {"reason": named, "confirmed": "yes"}, status=200)
    assert page.error_summary()[0].startswith("The reason contains")
    db.session.expire_all()
    assert db.session.get(CaseStudy, case.id).status == "published" and audit_count("case_study.withdrawn") == 0
