"""The magazine's search page: every kind of text, filters by theme, issue and kind, marks escaped."""
from __future__ import annotations

from tests.support.pages import get_page
from tests.support.publication_factories import create_case_study, create_issue


def _results(page) -> list[tuple[str, str]]:
    return [(li.select_one(".govuk-caption-m").get_text(strip=True), li.select_one("h3 a").get_text(strip=True))
            for li in page.html.select(".debrief-results > li")]


def test_search_page_finds_case_studies_recommendations_and_questions(client, forces):
    one = create_issue(number=1, theme="Exits")
    two = create_issue(number=2, theme="Other")
    first = create_case_study(force=forces["A"], issue=one, title="Blocked fire exit", themes=["custody"],
                              summary="The exit was locked.", recommendations="Keep exits clear.",
                              questions={"officers_staff": ["Where is your nearest exit?"]})
    create_case_study(force=forces["A"], issue=two, title="A second exit", themes=["use_of_force"],
                      summary="Nothing about it.", recommendations="Check the exit.", questions={})
    page = get_page(client, "/magazine/search?q=exiting")
    assert sorted(_results(page)) == sorted([("Case study", "Blocked fire exit"), ("Recommendations", "Blocked fire exit"),
                                             ("Reflective question", "Blocked fire exit"),
                                             ("Recommendations", "A second exit"), ("Case study", "A second exit")])
    question = page.html.find("a", href=f"/magazine/case-studies/{first.id}#question-{first.questions[0].id}")
    assert question is not None
    assert get_page(client, question["href"].split("#")[0]).html.find(id=f"question-{first.questions[0].id}")
    assert len(_results(get_page(client, "/magazine/search?q=exit&issue=2"))) == 2
    assert _results(get_page(client, "/magazine/search?q=exit&theme=custody&in=question")) == [
        ("Reflective question", "Blocked fire exit")]
    # A crafted value filters nothing rather than failing.
    assert len(_results(get_page(client, "/magazine/search?q=exit&in=secrets&theme=nope"))) == 5
    marks = get_page(client, "/magazine/search?q=exit&in=recommendation").html.select("mark.debrief-match")
    assert sorted(m.get_text() for m in marks) == ["exit", "exits"]


def test_search_page_escapes_what_is_typed(client, forces):
    create_case_study(force=forces["A"], title="Markup", recommendations="Use <b>bold</b> escalation.", questions={})
    body = client.get("/magazine/search?q=%3Cbold%3E").get_data(as_text=True)
    assert "<bold>" not in body and "&lt;bold&gt;" in body and "&lt;b&gt;" in body
    assert '<mark class="debrief-match">bold</mark>' in body
