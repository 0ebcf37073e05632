"""Walk every public page of the published demo issue and find none of the identifying strings behind it.

The demo data is loaded with `seed_demo()` (the same as `flask seed-demo`): four signed-off RCAs released through
the reviewer's release, edited by the learning team and published as issue 1. From the issues list the walk follows
every link under /magazine/ (issue, case studies, case factor table with its filters, force response log,
recommendations, feedback, the HTML export) and reads the PDF export's text. It then looks for every person's full,
first and last name, collar numbers, places, the case's force, incident references and incident dates.

The force response log names the forces that responded, by design: on that page the cells of the "Force" column
(each response row's header cell) and the options of its force filter (those same forces) are taken out before
checking. Everywhere else a force name is a failure.
"""
from __future__ import annotations

import re
from collections import deque
from urllib.parse import urldefrag, urlencode

import pypdfium2 as pdfium
import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

from debrief.demo import seed_demo
from debrief.extensions import db
from debrief.models import CaseStudy, RootCauseAnalysis, User

MAX_PAGES = 400
# Words of a place that say what it is, not where: never identifying on their own.
GENERIC = set("""road street lane avenue close drive way walk crescent terrace court place square park car multi-storey
level lower upper ground floor first royal general hospital infirmary station centre estate house flat flats block bridge
footbridge railway over the at of and on by in a an near between behind outside inside off beneath under cell custody
suite corridor majors a&e the""".split())


def _place_terms(place: str) -> set[str]:
    terms = {place}
    for phrase in re.findall(r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*", place):
        proper = [w for w in phrase.split() if w.lower() not in GENERIC]
        if proper:
            terms.add(phrase)
            terms.update(w for w in proper if len(w) > 2)
    return terms


def _identifying_strings() -> tuple[set[str], set[str]]:
    """(strings that must appear nowhere, force names that may appear only in the response log's force column)."""
    rca_ids = [c.source_rca_id for c in db.session.scalars(select(CaseStudy).where(CaseStudy.status == "published"))]
    assert len(rca_ids) >= 4
    secrets: set[str] = set()
    forces: set[str] = set()
    for rca in db.session.scalars(select(RootCauseAnalysis).where(RootCauseAnalysis.id.in_(rca_ids))):
        incident = rca.incident
        people: set[User] = {incident.reporter, rca.lead, rca.signed_off_by, *(o.user for o in incident.officers),
                             *(d.author for d in incident.debriefs)}
        for person in people:
            secrets.add(person.name)
            secrets.update(p for p in person.name.split() if len(p) > 2)
            if person.collar_number:
                secrets.add(person.collar_number)
                secrets.add(re.sub(r"\D", "", person.collar_number))
        secrets |= _place_terms(incident.place)
        secrets.add(incident.reference)
        when = incident.occurred_at
        secrets |= {when.strftime("%-d %B %Y"), when.strftime("%d/%m/%Y"), when.strftime("%Y-%m-%d"),
                    when.strftime("%-d %b %Y"), when.strftime("%-d/%-m/%Y")}
        force = incident.force
        area = re.sub(r"\s+(Police|Constabulary)$", "", force.name)
        forces |= {force.name, area, force.code}
    return secrets, forces


def _walk(client) -> dict[str, str]:
    """Every page reachable from /magazine/ by links under /magazine/: url -> visible text."""
    seen: dict[str, str] = {}
    queue = deque(["/magazine/"])
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"
        if url.endswith(".pdf"):
            seen[url] = _pdf_text(response.data)
            continue
        html = BeautifulSoup(response.get_data(as_text=True), "html.parser")
        for link in html.select("a[href]"):
            href = urldefrag(link["href"])[0]
            if href.startswith("/magazine/") and href not in seen:
                queue.append(href)
        # Filter forms (case factor table, response log): every option of every select, one at a time.
        for form in html.select("form[method=get]"):
            action = form.get("action") or url.split("?")[0]
            if not action.startswith("/magazine/"):
                continue
            for select_ in form.select("select[name]"):
                for option in select_.select("option[value]"):
                    if option["value"]:
                        queue.append(f"{action}?{urlencode({select_['name']: option['value']})}")
        if "/force-response-log" in url:
            for cell in html.select("tbody th[scope=row]"):  # the force column: forces named by design
                cell.decompose()
            for option in html.select("#filter-force option"):  # the same forces, to filter the log by
                option.decompose()
        for hidden in html.select("script, style"):
            hidden.decompose()
        seen[url] = html.get_text(" ")
    return seen


def _pdf_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


@pytest.fixture
def demo(app):
    seed_demo()
    return app


def _found(term: str, text: str, *, pdf: bool = False) -> bool:
    if re.search(r"(?<![\w])" + re.escape(term) + r"(?![\w])", text) is not None:
        return True
    # PDF text extraction can split words where letters are spaced: compare without any spaces too.
    squeezed = re.sub(r"\s+", "", term)
    return pdf and len(squeezed) >= 5 and squeezed in re.sub(r"\s+", "", text)


def test_no_public_page_of_the_demo_issue_holds_an_identifying_string(client, demo):
    secrets, forces = _identifying_strings()
    pages = _walk(client)
    visited = set(pages)
    for must in ("/magazine/", "/magazine/issues/1", "/magazine/case-factor-table", "/magazine/force-response-log",
                 "/magazine/recommendations", "/magazine/issues/1/feedback", "/magazine/issues/1.html",
                 "/magazine/issues/1.pdf"):
        assert must in visited, f"{must} was not reachable from the issues list"
    case_pages = [u for u in visited if re.fullmatch(r"/magazine/case-studies/\d+", u)]
    assert len(case_pages) >= 4
    assert len(pages) < MAX_PAGES, "the walk was cut short"
    leaks = sorted({(url, term) for url, text in pages.items() for term in secrets | forces
                    if _found(term, text, pdf=url.endswith(".pdf"))})
    assert leaks == []


def test_the_walk_would_catch_a_leak(client, demo):
    """The check is live: a name put into a published case study's text is found on its page."""
    secrets, _ = _identifying_strings()
    name = next(s for s in sorted(secrets) if " " in s and not any(c.isdigit() for c in s))
    case = db.session.scalars(select(CaseStudy).where(CaseStudy.status == "published")).first()
    case.summary += f" {name} was there."  # straight into the database: the service would refuse it
    db.session.commit()
    text = _walk(client)[f"/magazine/case-studies/{case.id}"]
    assert _found(name, text)
