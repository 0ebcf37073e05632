"""Walk every public page of the published demo issue and find none of the identifying strings behind it.

The demo data is loaded with `seed_demo()` (the same as `flask seed-demo`): four signed-off RCAs released through
the reviewer's release, edited by the learning team and published as issue 1. From the issues list the walk follows
every link under /magazine/ (issue, case studies, case factor table with its filters, force response log,
recommendations, feedback, the HTML export) and reads the PDF export's text. It then looks for every person's full,
first and last name, collar numbers, places, the case's force, incident references and incident dates.

The force response log names the forces that responded, by design: on that page the cells of the "Force" column
(each response row's header cell) and the options of its force filter (those same forces) are taken out before
checking. Everywhere else a force name is a failure.

The last test plants a distinct identifier (a named sergeant and a phone number) in every gated field type through
the real forms with CSRF on, as the learning team, a responding force's reviewer and a reader would; each is refused
(or, for feedback, kept privately), the issue is published the clean way, and the same walk finds none of them.
"""
from __future__ import annotations

import re
from collections import deque
from urllib.parse import urldefrag, urlencode

import pypdfium2 as pdfium
import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

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
def demo(app, demo_data):
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


# --- Planted identifiers: every gated field, through the real forms, as each role would -------------------------

def _plant(i: int) -> tuple[str, tuple[str, str]]:
    """A distinct identifying text (a named sergeant and a phone number) and the two strings a leak would show."""
    names = ["Aldous Brackenridge", "Corin Ashcombe", "Delphine Marwood", "Evander Pollock", "Fenella Harcourt",
             "Gideon Lockhart", "Honora Blakemore", "Ignatius Fairbrother", "Juniper Castleton", "Leopold Whitcombe",
             "Marisol Penhaligon", "Octavia Thistlewood", "Peregrine Ravensworth", "Rosalind Underhill",
             "Tobias Wetherell"]
    name, phone = names[i], f"07700 9{i:05d}"
    return f"Ring Sergeant {name} on {phone} about it.", (name, phone)


def test_identifiers_planted_through_every_form_reach_no_public_page(client, who, learner):
    from debrief.auth.roles import Role
    from debrief.models import MagazineIssue, utcnow
    from tests.support.factories import create_force, create_user
    from tests.support.pages import get_page, post_form, sign_in
    from tests.support.release_factories import released_case_study

    case = released_case_study(who)
    responder = create_user(force=create_force(code="WMC", name="Westmere Constabulary"), roles=[Role.REVIEWER],
                            email="reviewer@wmc.example")
    planted: list[tuple[str, str]] = []
    counter = iter(range(100))

    def refused(url: str, data: dict, field_label: str, key: str) -> None:
        text, leak = _plant(next(counter))
        planted.append(leak)
        page = post_form(client, url, {**data, key: text}, status=200)
        assert page.error_summary()[0].startswith(f"{field_label} contains something that could identify"), url
        assert leak[0] not in " ".join(page.error_summary()) and leak[1] not in " ".join(page.error_summary())
        typed = page.html.find(attrs={"name": key})
        assert (typed.get("value") if typed.name == "input" else typed.get_text()) == text  # what was typed is kept

    sign_in(client, learner.email)
    base = f"/learning/case-studies/{case.id}"
    edit = {"title": case.title, "summary": case.summary, "what_happened": case.what_happened,
            "findings_key_learning": case.findings_key_learning, "action_taken": case.action_taken,
            "outcome_for_individuals": case.outcome_for_individuals, "recommendations": case.recommendations,
            "themes": case.themes, "factor_categories": case.factor_categories, "operational_areas": ["response"]}
    for key, label in (("title", "Title"), ("summary", "Summary"), ("what_happened", "What happened"),
                       ("findings_key_learning", "Findings and key learning"),
                       ("action_taken", "Action taken by the force"),
                       ("outcome_for_individuals", "Outcome for the individuals"),
                       ("recommendations", "Recommendations")):
        refused(f"{base}/edit", edit, label, key)
    post_form(client, f"{base}/edit", edit, status=302)
    refused(f"{base}/questions/new", {"audience": "trainers"}, "Question", "question")
    post_form(client, f"{base}/questions/new", {"audience": "trainers", "question": "Who covers nights?"}, status=302)
    post_form(client, f"{base}/approve", {}, status=302)
    refused("/learning/issues/new", {"introduction": ""}, "Theme", "theme")
    refused("/learning/issues/new", {"theme": "Working alone"}, "Introduction", "introduction")
    post_form(client, "/learning/issues/new", {"theme": "Working alone", "introduction": "Single crewing."},
              status=302)
    issue = db.session.scalar(select(MagazineIssue))
    ibase = f"/learning/issues/{issue.id}"
    post_form(client, f"{ibase}/case-studies", {"add-case_study": str(case.id)}, form_page=ibase, status=302)
    article = {"title": "Why backup matters", "contributor": "A trainer", "body": "Waiting is a tactical choice."}
    refused(f"{ibase}/articles/new", article, "Article title", "title")
    refused(f"{ibase}/articles/new", article, "Contributor", "contributor")
    refused(f"{ibase}/articles/new", article, "Article text", "body")
    post_form(client, f"{ibase}/articles/new", article, status=302)
    post_form(client, f"{ibase}/publish", {}, status=302)
    client.post("/sign-out", data={"csrf_token": get_page(client, "/no-role").csrf_token()})

    # A force's response, as that force's reviewer; then the learning team approves the clean one.
    sign_in(client, responder.email)
    question = case.questions[0]
    today = utcnow().date()
    day = {"done_on": [str(today.day), str(today.month), str(today.year)]}
    refused(f"/responses/questions/{question.id}", day, "What your force did", "response")
    post_form(client, f"/responses/questions/{question.id}", {**day, "response": "We changed the night roster."},
              status=302)
    client.post("/sign-out", data={"csrf_token": get_page(client, "/no-role").csrf_token()})
    sign_in(client, learner.email)
    from debrief.models import ForceResponse

    response = db.session.scalar(select(ForceResponse))
    post_form(client, f"/learning/responses/{response.id}/approve", {}, form_page="/learning/responses/", status=302)
    client.post("/sign-out", data={"csrf_token": get_page(client, "/no-role").csrf_token()})

    # A reader's feedback is kept (it is not public) but flagged; it must not reach a public page either.
    text, leak = _plant(next(counter))
    planted.append(leak)
    post_form(client, f"/magazine/issues/{issue.number}/feedback", {"useful": "yes", "comment": text}, status=302)

    assert len(planted) == 15
    pages = _walk(client)
    assert f"/magazine/issues/{issue.number}.pdf" in pages and f"/magazine/case-studies/{case.id}" in pages
    assert "We changed the night roster." in pages["/magazine/force-response-log"]
    leaks = sorted({(url, term) for url, text in pages.items() for pair in planted for term in pair
                    if _found(term, text, pdf=url.endswith(".pdf"))})
    assert leaks == []
