"""The public magazine: no sign-in, published material only, filters and search, nothing that identifies a force."""
from __future__ import annotations

from datetime import date

import pytest

from tests.support.pages import get_page
from tests.support.publication_factories import create_case_study, create_force_response, create_issue


@pytest.fixture
def magazine(forces):
    issue = create_issue(number=7, theme="Mental health", introduction="Right Care, Right Person.\n\nA second paragraph.",
                         articles=[{"title": "A word from a trainer", "contributor": "College of Policing",
                                    "body": "Training matters."}])
    first = create_case_study(
        force=forces["A"], issue=issue, title="A man in crisis on a bridge", themes=["mental_health"],
        factor_categories=["partner_agencies"], operational_areas=["response"],
        summary="Officers spent six hours waiting for an ambulance.",
        recommendations="Agree a handover protocol with the ambulance service.",
        deny_terms=["Zebediah Quartermaine", "Alphashire"],
        questions={"officers_staff": ["When would you use section 136?"],
                   "policy_makers_managers": ["What does your protocol with health partners say?"]})
    second = create_case_study(
        force=forces["B"], issue=issue, title="A missed welfare check", themes=["custody"],
        factor_categories=["custody_environment"], operational_areas=["custody"],
        recommendations="Rouse detained people who have been drinking every thirty minutes.",
        questions={"call_handlers_custody": ["How are rousing checks recorded?"]})
    draft = create_issue(number=8, status="draft", theme="Not yet out")
    hidden = create_case_study(force=forces["A"], issue=draft, status="scheduled", title="Waiting to be published",
                               recommendations="Agree a handover protocol in the draft too.")
    create_force_response(question=first.questions[0], force=forces["B"], response="We briefed every shift.",
                          done_on=date(2025, 2, 3))
    return dict(issue=issue, first=first, second=second, draft=draft, hidden=hidden)


def test_issue_list_shows_only_published_issues(client, magazine):
    page = get_page(client, "/magazine/")
    assert "Issue 7: Mental health" in page.text()
    assert "Not yet out" not in page.text()
    assert page.html.find("a", string="Issue 7: Mental health")["href"] == "/magazine/issues/7"


def test_issue_page_lists_case_studies_in_order_with_articles_and_exports(client, magazine):
    page = get_page(client, "/magazine/issues/7")
    assert page.h1 == "Mental health"
    titles = [a.get_text(strip=True) for a in page.html.select(".debrief-case-list h3 a")]
    assert titles == ["A man in crisis on a bridge", "A missed welfare check"]
    assert "Officers spent six hours waiting for an ambulance." in page.text()
    assert "A second paragraph." in page.text() and "A word from a trainer" in page.text()
    hrefs = {a["href"] for a in page.html.select("a[href]")}
    assert {"/magazine/issues/7.pdf", "/magazine/issues/7.html", "/magazine/issues/7/feedback"} <= hrefs


def test_case_study_page_has_every_text_and_questions_by_audience(client, magazine):
    page = get_page(client, f"/magazine/case-studies/{magazine['first'].id}")
    text = page.text()
    for heading in ("Summary", "What happened", "Findings and key learning", "Action taken by the force",
                    "Outcome for the individuals", "Recommendations", "Reflective questions"):
        assert heading in [h.get_text(strip=True) for h in page.html.select("h2")], heading
    groups = [h.get_text(strip=True) for h in page.html.select("h3")]
    # Under the recommendations, where forces are with them; then the questions by audience.
    assert groups == ["Where forces are with these recommendations", "For policy makers and managers",
                      "For officers and staff"]
    assert "When would you use section 136?" in text
    assert "Mental health" in text and "Partner agencies" in text and "Response policing" in text


@pytest.mark.parametrize("which", ["first", "second"])
def test_public_pages_never_show_the_force_or_the_deny_list(client, magazine, forces, which):
    case_study = magazine[which]
    for url in ["/magazine/", "/magazine/issues/7", f"/magazine/case-studies/{case_study.id}",
                "/magazine/case-factor-table", "/magazine/recommendations?q=protocol", "/magazine/issues/7.html"]:
        body = client.get(url).get_data(as_text=True)
        for secret in ("Alphashire", "Bravoshire", "AAA", "BBB", "Zebediah", "Quartermaine"):
            assert secret not in body, (url, secret)


def test_only_the_force_response_log_names_forces_and_only_for_their_responses(client, magazine):
    page = get_page(client, "/magazine/force-response-log")
    assert "Bravoshire Constabulary" in page.text() and "We briefed every shift." in page.text()
    assert "3 February 2025" in page.text()
    assert "Alphashire" not in page.text()  # force A released the case study; it has not responded


@pytest.mark.parametrize("url", ["/magazine/issues/8", "/magazine/issues/8.pdf", "/magazine/issues/8.html",
                                 "/magazine/issues/8/feedback", "/magazine/issues/99"])
def test_draft_and_missing_issues_do_not_exist(client, magazine, url):
    get_page(client, url, status=404)


def test_unpublished_case_study_does_not_exist(client, magazine):
    get_page(client, f"/magazine/case-studies/{magazine['hidden'].id}", status=404)


def test_case_factor_table_is_an_accessible_table_of_ticks_linking_to_case_studies(client, magazine):
    page = get_page(client, "/magazine/case-factor-table")
    table = page.html.select_one("table.debrief-factor-table")
    assert table.caption is not None
    groups = [th.get_text(strip=True) for th in table.select("th[scope=colgroup]")]
    assert groups == ["Themes", "Contributory factors", "Operational areas"]
    columns = [th.get_text(strip=True) for th in table.select("th[scope=col]")]
    assert columns[:2] == ["Case study", "Issue"]
    assert columns[2:] == ["Custody", "Mental health", "Custody environment", "Partner agencies",
                           "Response policing", "Custody"]
    rows = table.select("tbody tr")
    assert [r.select_one("th[scope=row]").get_text(strip=True) for r in rows] == [
        "A man in crisis on a bridge", "A missed welfare check"]
    first_cells = rows[0].select("td")[1:]
    ticked = [columns[2 + i] for i, td in enumerate(first_cells) if td.find("a")]
    assert ticked == ["Mental health", "Partner agencies", "Response policing"]
    assert {a["href"] for a in rows[0].select("a")} == {f"/magazine/case-studies/{magazine['first'].id}"}
    assert "Waiting to be published" not in page.text()


@pytest.mark.parametrize("query, titles", [
    ("theme=custody", ["A missed welfare check"]),
    ("category=partner_agencies", ["A man in crisis on a bridge"]),
    ("area=custody", ["A missed welfare check"]),
    ("issue=7&theme=mental_health", ["A man in crisis on a bridge"]),
    ("issue=8", []),
    ("theme=<script>", ["A man in crisis on a bridge", "A missed welfare check"]),
])
def test_case_factor_table_filters_by_get_form(client, magazine, query, titles):
    page = get_page(client, f"/magazine/case-factor-table?{query}")
    assert [th.get_text(strip=True) for th in page.html.select("tbody th[scope=row]")] == titles
    if not titles:
        assert "No published case studies match these filters." in page.text()


def test_filter_form_keeps_the_chosen_values(client, magazine):
    page = get_page(client, "/magazine/case-factor-table?theme=custody&issue=7")
    assert page.html.select_one("#filter-theme option[selected]")["value"] == "custody"
    assert page.html.select_one("#filter-issue option[selected]")["value"] == "7"
    assert page.html.find("a", string="Clear filters") is not None


def test_case_factor_table_pages_keep_the_filters(client, forces):
    for n in range(105):
        create_case_study(force=forces["A"], title=f"Case {n:03d}", themes=["custody"])
    first = get_page(client, "/magazine/case-factor-table?theme=custody")
    assert len(first.html.select("tbody tr")) == 100
    assert "Showing case studies 1 to 100 of 105." in first.text()
    next_link = first.html.select_one(".govuk-pagination__next a")["href"]
    assert "theme=custody" in next_link and "page=2" in next_link
    second = get_page(client, next_link)
    assert [th.get_text(strip=True) for th in second.html.select("tbody th[scope=row]")] == [
        f"Case {n:03d}" for n in range(100, 105)]


@pytest.mark.parametrize("query, texts", [
    ("", ["What does your protocol with health partners say?", "When would you use section 136?",
          "How are rousing checks recorded?"]),  # issue order, then within each case study by audience
    ("audience=call_handlers_custody", ["How are rousing checks recorded?"]),
    ("theme=mental_health", ["What does your protocol with health partners say?", "When would you use section 136?"]),
    ("issue=8", []),
    ("force=BBB", ["When would you use section 136?"]),                     # the questions that force answered
    ("answered=no", ["What does your protocol with health partners say?", "How are rousing checks recorded?"]),
    ("force=BBB&answered=no", ["What does your protocol with health partners say?",
                               "How are rousing checks recorded?"]),     # not yet answered by that force
    ("force=AAA", ["What does your protocol with health partners say?", "When would you use section 136?",
                   "How are rousing checks recorded?"]),                 # a force that never answered filters nothing
])
def test_force_response_log_filters(client, magazine, query, texts):
    page = get_page(client, f"/magazine/force-response-log?{query}")
    assert [h.get_text(strip=True) for h in page.html.select(".debrief-logged-question h4")] == texts


def test_force_response_log_groups_questions_by_audience_within_each_case(client, magazine):
    page = get_page(client, "/magazine/force-response-log")
    headings = [(h.name, h.get_text(" ", strip=True)) for h in page.html.select("main h2, main h3, main h4")
                if h.name != "h2" or "debrief-log-case" in h.get("class", [])]
    assert headings == [
        ("h2", "Issue 7 A man in crisis on a bridge"), ("h3", "For policy makers and managers"),
        ("h4", "What does your protocol with health partners say?"), ("h3", "For officers and staff"),
        ("h4", "When would you use section 136?"), ("h2", "Issue 7 A missed welfare check"),
        ("h3", "For call handlers and custody staff"), ("h4", "How are rousing checks recorded?")]
    # The force filter offers only forces that have responded, never the one that released a case study.
    assert [o.get_text(strip=True) for o in page.html.select("#filter-force option")] == [
        "Any force", "Bravoshire Constabulary"]


def test_recommendations_search_finds_published_case_studies_and_marks_words(client, magazine):
    page = get_page(client, "/magazine/recommendations?q=Handover+PROTOCOL")
    results = page.html.select(".debrief-results h3 a")
    assert [a.get_text(strip=True) for a in results] == ["A man in crisis on a bridge"]  # not the draft's
    assert results[0]["href"] == f"/magazine/case-studies/{magazine['first'].id}#recommendations"
    assert [m.get_text() for m in page.html.select("mark.debrief-match")] == ["handover", "protocol"]
    assert page.html.select_one("#q")["value"] == "Handover PROTOCOL"


def test_recommendations_search_escapes_what_is_typed(client, magazine):
    page = get_page(client, "/magazine/recommendations?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert page.html.find("script", string="alert(1)") is None
    assert "No recommendations contain all of" in page.text()
    body = client.get("/magazine/recommendations?q=%3Cb%3Eprotocol").get_data(as_text=True)
    assert "<b>protocol" not in body


def test_recommendations_without_a_query_shows_just_the_form(client, magazine):
    page = get_page(client, "/magazine/recommendations")
    assert page.html.select_one("form[role=search]") is not None
    assert not page.html.select(".debrief-results")


def test_magazine_link_in_every_footer(client, people):
    page = get_page(client, "/sign-in")
    assert page.html.select_one(".govuk-footer a[href='/magazine/']").get_text(strip=True) == "Magazine"


def test_case_study_texts_keep_paragraphs_lines_and_bulleted_lists_escaped(client, forces):
    """The magazine's paragraphs (a Python filter since it was a macro): blank lines split paragraphs, a paragraph's
    lines stay in one <p>, bulleted lines become a list between the paragraph's other lines; all escaped."""
    case = create_case_study(force=forces["A"], issue=create_issue(number=9, theme="Lists"), title="Lists",
                             summary="First line\nsecond <b>line</b>\n\n- one & two\n* three\nAfter the list\n\n\n")
    html = get_page(client, f"/magazine/case-studies/{case.id}").response.get_data(as_text=True)
    assert '<p class="govuk-body debrief-text">First line\nsecond &lt;b&gt;line&lt;/b&gt;</p>' in html
    assert ('<ul class="govuk-list govuk-list--bullet">\n        <li>one &amp; two</li>\n        <li>three</li></ul>\n'
            '        <p class="govuk-body debrief-text">After the list</p>') in html
    assert "<b>" not in html
