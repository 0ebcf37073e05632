"""The reviewer's release screen: undo, redaction, flags to justify, the title, refusal of a name, the audit."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import CaseStudy, RcaRelease
from debrief.release import service as release_service
from tests.support.factories import audit_count
from tests.support.pages import get_page, post_form, sign_in
from tests.support.release_factories import signed_off_rca


@pytest.fixture
def rca(who):
    return signed_off_rca(who)


def _url(rca):
    return f"/rca/{rca.id}/release"


def _entity(rca, key, words):
    section = next(s for s in release_service.prepared(rca, release_service.release_for(rca)) if s.key == key)
    return next(e for e in section.entities if words in e.text)


def test_every_view_is_audited_and_shows_source_beside_replacements(client, who, rca):
    sign_in(client, who["lead"].email)
    page = get_page(client, _url(rca))
    get_page(client, _url(rca))
    assert audit_count("release.viewed") == 2
    text = page.text()
    assert "Ellie Morgan" in text  # the reviewer may see the source
    marks = [m.get_text() for m in page.html.select("mark.debrief-replaced")]
    assert "Ellie Morgan" in marks and "A" in marks and "The force" in marks


def test_release_needs_a_title_and_keeps_nothing_half_done(client, who, rca):
    sign_in(client, who["lead"].email)
    page = post_form(client, _url(rca), {"title": "", "action": "release"}, status=200)
    assert page.error_summary() == ["Enter a title for the case study"]
    assert page.title.startswith("Error: ")
    assert db.session.scalar(select(func.count()).select_from(CaseStudy)) == 0


def test_control_characters_are_refused_on_the_form_and_nothing_is_saved(client, who, rca):
    # The page reads its per-section fields itself: NUL once reached PostgreSQL and gave a 500 (the hostile crawl).
    sign_in(client, who["lead"].email)
    page = post_form(client, _url(rca), {"title": "Bad\x00title", "action": "save"}, status=200)
    assert page.error_summary() == ["The text must not contain special control characters. Remove them and try again"]
    assert page.title.startswith("Error: ")
    assert release_service.release_for(rca).title in (None, "")


def test_undo_a_date_raises_a_flag_that_must_be_justified_then_releases(client, who, rca):
    sign_in(client, who["lead"].email)
    date = _entity(rca, "summary", "27 March")
    undo = f"summary:{date.start}-{date.end}"
    post_form(client, _url(rca), {"title": "Alone at night", "undo": undo, "action": "save"}, status=302)
    page = get_page(client, _url(rca))
    assert page.html.select_one("#flag-exact-date-in-text") is not None
    assert "on 27 March" in page.html.select(".debrief-release-text")[1].get_text()
    refused = post_form(client, _url(rca), {"title": "Alone at night", "undo": undo, "action": "release"},
                        status=200)
    assert refused.error_summary()[0].startswith("Resolve the re-identification flag")
    post_form(client, _url(rca), {"title": "Alone at night", "undo": undo, "action": "release",
                                  "justify-exact-date-in-text": "The month is public; the day adds nothing."},
              status=302)
    case = db.session.scalar(select(CaseStudy))
    assert "on 27 March" in case.summary and "Morgan" not in case.summary
    assert db.session.scalar(select(RcaRelease.status)) == "released"
    overview = get_page(client, f"/rca/{rca.id}")
    assert "Released" in overview.html.select_one(".govuk-caption-l").get_text()
    assert "Alone at night" in overview.html.select_one("#released").get_text()
    assert "now candidate" in get_page(client, _url(rca)).text()  # the release screen says where it went
    assert post_form(client, _url(rca), {"title": "Again", "action": "release"}).status == 403


def test_a_redaction_hides_every_occurrence_in_its_section(client, who, rca):
    sign_in(client, who["lead"].email)
    post_form(client, _url(rca), {"title": "Alone at night", "redact_section": "findings_key_learning",
                                  "redact_phrase": "whole district", "action": "save"}, status=302)
    release = db.session.scalar(select(RcaRelease))
    assert release.redactions == [["findings_key_learning", "whole district"]]
    post_form(client, _url(rca), {"title": "Alone at night", "action": "release"}, status=302)
    case = db.session.scalar(select(CaseStudy))
    assert "whole district" not in case.findings_key_learning and "[redacted]" in case.findings_key_learning
    assert "whole district" in case.deny_terms  # and a later edit may not bring it back


def test_a_redaction_needs_a_section(client, who, rca):
    sign_in(client, who["lead"].email)
    page = post_form(client, _url(rca), {"title": "T", "redact_phrase": "district", "action": "save"}, status=200)
    assert page.error_summary() == ["Select the section to redact from"]
    assert page.html.select_one("#redact_phrase")["value"] == "district"  # what was typed is kept


def test_an_undo_that_brings_a_name_back_is_refused_and_nothing_is_released(client, who, rca):
    sign_in(client, who["lead"].email)
    name = _entity(rca, "summary", "Morgan")
    undo = f"summary:{name.start}-{name.end}"
    page = post_form(client, _url(rca), {"title": "Alone at night", "undo": undo, "action": "release"}, status=200)
    assert any("could identify a person, place or force (in summary)" in e for e in page.error_summary())
    assert db.session.scalar(select(func.count()).select_from(CaseStudy)) == 0
    assert db.session.scalar(select(RcaRelease.status)) == "draft"
    assert audit_count("release.released") == 0


def test_another_forces_reviewer_and_the_learning_team_cannot_open_it(client, who, rca, people):
    sign_in(client, people[("A", Role.REVIEWER)].email)
    assert client.get(_url(rca)).status_code == 404
    client.post("/sign-out", data={"csrf_token": get_page(client, "/review/").csrf_token()})
    sign_in(client, people[("A", Role.LEARNING)].email)
    assert client.get(_url(rca)).status_code == 403
    assert audit_count("release.viewed") == 0


def test_rca_pages_show_the_case_study_it_was_released_as(client, who, rca):
    sign_in(client, who["lead"].email)
    overview = get_page(client, f"/rca/{rca.id}")
    assert "· Released" not in overview.text() and "Prepare the anonymised release" in overview.text()
    found = release_service.flags(rca, release_service.prepared(rca, release_service.release_for(rca)))
    release_service.save_decisions(rca, actor=who["lead"], title="Alone at night", undone=[], redactions=[],
                                   justifications={f.code: "Reviewed: not identifying." for f in found})
    case = db.session.get(CaseStudy, release_service.release(rca, actor=who["lead"]))
    for url in (f"/rca/{rca.id}", _url(rca)):
        page = get_page(client, url)
        assert "· Released" in page.text(), url
        assert page.html.select_one(f'a[href="/released/{case.id}"]').get_text() == "Alone at night", url
