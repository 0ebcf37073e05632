"""The magazine's home and case study pages are drawn once per content version: served again with one statement, and
drawn again after every kind of change to what they show (publishing, a force response approved or withdrawn, an
edit, a deletion, a force renamed), escaped like any page, on both databases."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import CaseStudy
from debrief.publications import issues as issue_service
from debrief.publications import page_cache, responses
from tests.support.factories import create_user
from tests.support.pages import get_page, sign_in
from tests.support.publication_factories import create_case_study, create_force_response, create_issue
from tests.support.statements import counting


@pytest.fixture
def magazine(forces):
    issue = create_issue(number=3, theme="Custody")
    case = create_case_study(force=forces["A"], issue=issue, title="A missed welfare check", themes=["custody"],
                             recommendations="Rouse detained people every thirty minutes.",
                             questions={"call_handlers_custody": ["How are rousing checks recorded?"]})
    learner = create_user(force=forces["A"], roles=[Role.LEARNING], email="learner@a.example")
    return dict(issue=issue, case=case, learner=learner, forces=forces)


def _case_url(magazine) -> str:
    return f"/magazine/case-studies/{magazine['case'].id}"


def _served(client, url: str) -> tuple[str, list[str]]:
    with counting() as statements:
        page = get_page(client, url)
    return page.text(), statements


@pytest.mark.parametrize("url", ["/magazine/", "/magazine/?theme=custody", "case"])
def test_a_page_drawn_once_is_served_again_with_only_the_version_read(client, magazine, url):
    url = _case_url(magazine) if url == "case" else url
    first, drawing = _served(client, url)
    again, serving = _served(client, url)
    assert again == first
    assert len(drawing) > 1
    assert len(serving) == 1 and "content_version" in serving[0]


def test_publishing_an_issue_shows_it_on_the_home_page_and_its_case_study(client, magazine, forces):
    get_page(client, "/magazine/")
    draft = create_issue(number=4, theme="Pursuits", status="draft")
    pursuit = create_case_study(force=forces["A"], issue=draft, status="scheduled", title="A pursuit near a school")
    assert "Issue 4: Pursuits" not in get_page(client, "/magazine/").text()
    get_page(client, f"/magazine/case-studies/{pursuit.id}", status=404)
    issue_service.publish_issue(draft, actor=magazine["learner"])
    assert "Issue 4: Pursuits" in get_page(client, "/magazine/").text()
    assert get_page(client, f"/magazine/case-studies/{pursuit.id}").h1 == "A pursuit near a school"


def test_a_force_response_approved_then_withdrawn_comes_and_goes_on_the_case_study(client, magazine, forces):
    question = magazine["case"].questions[0]
    row = create_force_response(question=question, force=forces["B"], response="We now record every check.",
                                status="draft", done_on=date(2025, 1, 2))
    row.recommendation_stance = "implemented"
    db.session.commit()
    assert "We now record every check." not in get_page(client, _case_url(magazine)).text()
    responses.approve_force_response(row, actor=magazine["learner"])
    text = get_page(client, _case_url(magazine)).text()
    assert "We now record every check." in text and "Implemented by 1 force." in text
    responses.withdraw_force_response(row, actor=magazine["learner"], reason="Said too much.")
    text = get_page(client, _case_url(magazine)).text()
    assert "We now record every check." not in text and "Implemented by 1 force." not in text


def test_an_edit_of_a_published_case_study_or_question_is_shown_at_once(client, magazine):
    case = magazine["case"]
    get_page(client, _case_url(magazine))
    get_page(client, "/magazine/?theme=custody")
    case.title = "A corrected title"
    db.session.commit()
    page = get_page(client, _case_url(magazine))
    assert page.h1 == "A corrected title" and page.title.startswith("A corrected title")
    assert "A corrected title" in get_page(client, "/magazine/?theme=custody").text()
    case.questions[0].text = "Who checks the rousing log?"
    db.session.commit()
    assert "Who checks the rousing log?" in get_page(client, _case_url(magazine)).text()


def test_a_deleted_case_study_is_gone(client, magazine):
    get_page(client, _case_url(magazine))
    db.session.delete(db.session.get(CaseStudy, magazine["case"].id))  # its questions go with it
    db.session.commit()
    get_page(client, _case_url(magazine), status=404)


def test_renaming_a_force_is_a_new_version(client, magazine, forces):
    before = page_cache.current_token()
    forces["B"].name = "Renamed Constabulary"
    db.session.commit()
    assert page_cache.current_token() not in (None, before)


def test_an_unchanged_flush_and_other_records_keep_the_version(client, magazine, forces):
    before = page_cache.current_token()
    create_user(force=forces["A"], roles=[Role.OFFICER], email="officer2@a.example")
    magazine["case"].title = magazine["case"].title  # set to what it was: no change
    db.session.commit()
    assert page_cache.current_token() == before


def test_sql_outside_the_orm_is_shown_after_changed(client, magazine):
    get_page(client, _case_url(magazine))
    db.session.execute(update(CaseStudy).where(CaseStudy.id == magazine["case"].id).values(title="Set by SQL"))
    db.session.commit()
    assert get_page(client, _case_url(magazine)).h1 == "A missed welfare check"  # kept: the version did not move
    page_cache.changed(db.session)
    db.session.commit()
    assert get_page(client, _case_url(magazine)).h1 == "Set by SQL"


def test_markup_in_content_is_escaped_when_served_again(client, magazine):
    magazine["case"].title = "<b>Bold</b> & <script>alert(1)</script>"
    db.session.commit()
    for _ in range(2):
        page = get_page(client, _case_url(magazine))
        assert page.h1 == "<b>Bold</b> & <script>alert(1)</script>"
        assert "<script>alert(1)" not in page.response.get_data(as_text=True)
        assert page.title == "<b>Bold</b> & <script>alert(1)</script> – Debrief"


def test_a_theme_no_one_chose_is_drawn_but_never_kept(client, app, magazine):
    for theme in ("<i>x</i>", "custody"):
        get_page(client, f"/magazine/?theme={theme}")
    kept = app.extensions[page_cache.EXTENSION]
    assert {key[1:] for key in kept} == {("issues", "custody")}


def test_the_kept_pages_are_bounded(client, app, magazine, monkeypatch):
    monkeypatch.setattr(page_cache, "MAX_PAGES", 2)
    for url in ("/magazine/", "/magazine/?theme=custody", _case_url(magazine)):
        get_page(client, url)
    assert len(app.extensions[page_cache.EXTENSION]) <= 2


def test_a_signed_in_reader_sees_their_own_header_around_the_kept_page(client, magazine, forces):
    get_page(client, _case_url(magazine))  # kept while signed out
    officer = create_user(force=forces["A"], roles=[Role.OFFICER], name="Alex Officer", email="alex@a.example")
    sign_in(client, officer.email)
    page = get_page(client, _case_url(magazine))
    assert "Alex Officer" in page.text() and page.h1 == "A missed welfare check"
