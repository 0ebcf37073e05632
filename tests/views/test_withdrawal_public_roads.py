"""Every public road stops showing a withdrawn case study at once.

The URLs are enumerated from the application itself: every route of the magazine blueprint and every other route
that needs no sign-in (a new public route fails this test until it is given here how to be filled in). Each is
read before the withdrawal (so every page the magazine keeps per content version, and every PDF, is already drawn
and kept) and again after it, as a reader who is not signed in. Before, the case study's title and a distinctive
phrase of its text show on the pages that list or hold it (so the check is live); after, on none: PDFs by their
extracted text, the kept typeset PDFs are gone from the shared cache, and the new-issue emails never held it.
"""
from __future__ import annotations

import re
from datetime import date

import pypdfium2 as pdfium
import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import CachedArtefact, OutboxMessage
from debrief.publications import service
from debrief.security import declared_access
from tests.support.factories import create_user
from tests.support.pages import post_form, sign_in
from tests.support.publication_factories import create_case_study, create_force_response, create_issue
from tests.support.smtp import subscriber_links

TITLE = "Restraint on the Quillfeather stairwell"
PHRASE = "snagged on a quillfeather lanyard"  # in its summary, recommendations and a question
MARK = re.compile(r"quillfeather", re.IGNORECASE)  # the word of both, in any case, split or not by a PDF's text
NUMBER = 7
THEME = "custody"


@pytest.fixture
def magazine(people, forces):
    learner = create_user(force=forces["A"], roles=[Role.LEARNING], email="learn@aaa.example")
    issue = create_issue(number=NUMBER, theme="Custody and restraint", status="draft")
    kept = create_case_study(force=forces["B"], issue=issue, status="scheduled", title="Rousing checks in custody",
                             themes=[THEME], summary="A detained man was not roused at the planned times.",
                             questions={"officers_staff": ["How do you record a rousing check?"]})
    gone = create_case_study(force=forces["A"], issue=issue, status="scheduled", title=TITLE, themes=[THEME],
                             summary=f"A man's collar {PHRASE} during the restraint.",
                             recommendations=f"Check for anything that could be {PHRASE}.",
                             questions={"officers_staff": [f"What would you do if a detained person {PHRASE}?"]})
    subscriber_links("reader@example.com", status="confirmed")
    service.publish_issue(issue, actor=learner)  # the real road: gate, history, new-issue emails queued
    responder = people[("B", Role.REVIEWER)]
    create_force_response(question=gone.questions[0], force=responder.force,
                          response="Our officers now check every quillfeather lanyard.", done_on=date(2026, 1, 5))
    create_force_response(question=kept.questions[0], force=responder.force,
                          response="Rousing checks are recorded on the custody record.", done_on=date(2026, 1, 5))
    return dict(issue=issue, kept=kept, gone=gone, learner=learner)


def _public_urls(app, magazine) -> list[str]:
    """Every GET route of the magazine and every route with no sign-in, filled in; search with the phrase."""
    _confirm, unsubscribe = subscriber_links("other@example.com", status="pending")
    values = {"number": str(NUMBER), "case_study_id": str(magazine["gone"].id),
              "token": unsubscribe.rsplit("/", 1)[1]}
    extra = {"magazine.search_magazine": ["?q=quillfeather", "?q=stairwell", f"?q=quillfeather&issue={NUMBER}",
                                          f"?q=quillfeather&theme={THEME}", "?q=quillfeather&in=question",
                                          "?q=quillfeather&in=recommendation"],
             "magazine.recommendations": ["?q=quillfeather", "?q=lanyard"],
             "magazine.case_factor_table": [f"?issue={NUMBER}", f"?theme={THEME}"],
             "magazine.force_response_log": [f"?issue={NUMBER}", f"?theme={THEME}", "?audience=officers_staff"],
             "magazine.issues": [f"?theme={THEME}"]}
    urls = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or "GET" not in rule.methods:
            continue
        if not (rule.endpoint.startswith("magazine.") or declared_access(app.view_functions[rule.endpoint]) == "public"):
            continue
        missing = set(rule.arguments) - set(values)
        assert not missing, f"{rule.rule}: say here how to fill in {sorted(missing)}"
        path = rule.rule
        for name in rule.arguments:
            path = re.sub(rf"<(?:[^:>]+:)?{name}>", values[name], path)
        urls += [path, *(path + query for query in extra.get(rule.endpoint, []))]
    assert f"/magazine/case-studies/{magazine['gone'].id}.pdf" in urls and f"/magazine/issues/{NUMBER}.pdf" in urls
    return urls


def _text(url: str, response) -> str:
    """What the page shows of stored content. A search page echoes the words searched for (in its title, box and
    count), so only its list of hits is read: the check before the withdrawal shows that list holds it then."""
    if response.mimetype == "application/pdf":
        pdf = pdfium.PdfDocument(response.data)
        try:
            return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        finally:
            pdf.close()
    html = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    if "q=" in url:
        hits = html.select_one(".debrief-results")
        return hits.get_text(" ") if hits is not None else ""
    return html.get_text(" ")


def _shows_it(text: str) -> bool:
    squeezed = re.sub(r"\s+", "", text)  # a PDF's text may split a word where its letters are spaced
    return MARK.search(text) is not None or MARK.search(squeezed) is not None or TITLE in text


def _read_all(reader, urls) -> dict[str, tuple[int, str]]:
    return {url: (response.status_code, _text(url, response)) for url in urls for response in [reader.get(url)]}


def test_a_withdrawn_case_study_is_on_no_public_page_pdf_export_or_email(app, client, magazine):
    reader = app.test_client()
    urls = _public_urls(app, magazine)
    gone = magazine["gone"]
    before = _read_all(reader, urls)
    # The check is live: the pages that list or hold it show it, PDFs included, and each was drawn and kept.
    must_show = [f"/magazine/case-studies/{gone.id}", f"/magazine/case-studies/{gone.id}.pdf",
                 f"/magazine/issues/{NUMBER}", f"/magazine/issues/{NUMBER}.pdf", f"/magazine/issues/{NUMBER}.html",
                 f"/magazine/?theme={THEME}", "/magazine/case-factor-table",
                 "/magazine/force-response-log", "/magazine/search?q=quillfeather",
                 "/magazine/recommendations?q=quillfeather", f"/magazine/search?q=quillfeather&theme={THEME}",
                 "/magazine/search?q=quillfeather&in=question"]
    assert [url for url in must_show if not _shows_it(before[url][1])] == []
    assert "2 case studies in 1 issue" in before["/magazine/themes"][1]  # the themes page counts, by title nowhere
    db.session.expire_all()
    assert db.session.scalar(select(CachedArtefact.key).where(CachedArtefact.kind == "magazine-pdf")) is not None

    sign_in(client, "learn@aaa.example")
    first = post_form(client, f"/learning/case-studies/{gone.id}/withdraw", {"reason": "It names the stairwell."},
                      status=200)
    response = client.post(f"/learning/case-studies/{gone.id}/withdraw", data={
        "reason": "It names the stairwell.", "confirmed": "yes", "csrf_token": first.csrf_token()})
    assert response.status_code == 302

    db.session.expire_all()
    assert db.session.scalar(select(CachedArtefact.key).where(CachedArtefact.kind == "magazine-pdf")) is None
    after = _read_all(reader, urls)
    assert sorted(url for url, (_status, text) in after.items() if _shows_it(text)) == []
    assert all(status < 500 for status, _ in after.values())
    assert after[f"/magazine/case-studies/{gone.id}"][0] == after[f"/magazine/case-studies/{gone.id}.pdf"][0] == 410
    # The rest of the issue is still there, on the same roads.
    for url in (f"/magazine/issues/{NUMBER}", f"/magazine/issues/{NUMBER}.pdf", f"/magazine/issues/{NUMBER}.html",
                "/magazine/force-response-log"):
        assert after[url][0] == 200 and "Rousing checks" in after[url][1], url
    assert "A case study was withdrawn from this issue on" in after[f"/magazine/issues/{NUMBER}"][1]
    assert "1 case study in 1 issue" in after["/magazine/themes"][1]
    emails = db.session.scalars(select(OutboxMessage)).all()
    assert emails and not any(_shows_it(f"{m.subject} {m.body} {m.html}") for m in emails)


def test_every_public_road_comes_from_the_one_rule(app, magazine):
    """Not a page-by-page list to keep up: the URL list is the application's own routes."""
    urls = _public_urls(app, magazine)
    assert len({u.split("?")[0] for u in urls}) >= 20
