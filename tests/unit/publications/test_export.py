"""Issue export: a real WeasyPrint PDF turned into text and pixels with pypdfium2, and a self-contained HTML file."""
from __future__ import annotations

import re

import pypdfium2
import pytest
from bs4 import BeautifulSoup

from debrief.extensions import db
from debrief.publications import export
from tests.support.publication_factories import create_case_study, create_issue

TITLES = ["Restraint in a hot stairwell", "A call graded too low", "Checks in the cell"]


@pytest.fixture
def issue(app, forces):
    issue = create_issue(
        number=12, theme="Safer restraint", introduction="Welcome to issue 12.\n\nThree cases about restraint.",
        articles=[{"title": "What trainers told us", "contributor": "A force trainer", "body": "Practise it often."}])
    for n, title in enumerate(TITLES):
        create_case_study(
            force=forces["A" if n % 2 else "B"], issue=issue, title=title, themes=["use_of_force"],
            factor_categories=["education_training"], operational_areas=["response"],
            findings_key_learning=f"Key learning number {n + 1}: keep talking to the person.",
            deny_terms=["Ophelia Thistlewood"],
            questions={"officers_staff": [f"Question {n + 1} for officers?"], "trainers": [f"Question {n + 1} for trainers?"]})
    db.session.refresh(issue)
    return issue


@pytest.fixture
def pdf(app, issue):
    with app.test_request_context():
        data = export.issue_pdf(issue)
    assert data.startswith(b"%PDF")
    document = pypdfium2.PdfDocument(data)
    yield document
    document.close()


def _page_texts(document) -> list[str]:
    """Each page's text with line breaks folded into spaces (a wrapped title then still reads whole)."""
    return [re.sub(r"\s+", " ", document[i].get_textpage().get_text_range()) for i in range(len(document))]


def test_pdf_has_cover_contents_introduction_then_a_page_per_case_study_and_article(pdf):
    texts = _page_texts(pdf)
    # cover, contents, introduction, three case studies, one article: each starts a page and each fits on one.
    assert len(texts) == 7
    assert "Issue 12" in texts[0] and "Safer restraint" in texts[0]
    assert "page" not in texts[0]  # no page number on the cover
    assert "Contents" in texts[1]
    assert "Welcome to issue 12." in texts[2]
    for n, title in enumerate(TITLES):
        page = texts[3 + n]
        assert title in page and f"Key learning number {n + 1}" in page
        assert f"Question {n + 1} for officers?" in page and f"Question {n + 1} for trainers?" in page
        assert "For officers and staff" in page and "For trainers" in page
    assert "What trainers told us" in texts[6] and "By A force trainer" in texts[6]
    for number, text in enumerate(texts[1:], start=2):
        assert f"page {number} of 7" in text


def test_pdf_contents_give_the_page_each_piece_starts_on(pdf):
    contents = _page_texts(pdf)[1]
    for title, page in [("Introduction", 3), *[(t, 4 + n) for n, t in enumerate(TITLES)], ("What trainers told us", 7)]:
        assert re.search(re.escape(title) + r"[ .]*" + str(page) + r"\b", contents), (title, page, contents)


def test_pdf_never_names_the_force_or_a_deny_term(pdf):
    text = " ".join(_page_texts(pdf))
    for secret in ("Alphashire", "Bravoshire", "Ophelia", "Thistlewood"):
        assert secret not in text


def test_pdf_pages_render_to_images_with_a_dark_cover_and_light_text_pages(pdf, tmp_path):
    shades = []
    for i in range(len(pdf)):
        image = pdf[i].render(scale=0.5).to_pil().convert("L")
        image.save(tmp_path / f"page-{i + 1}.png")
        pixels = image.tobytes()
        shades.append((sum(pixels) / len(pixels), min(pixels)))
        assert image.width < image.height  # portrait A4
    assert shades[0][0] < 80                      # the cover is a dark page
    assert all(mean > 200 for mean, _ in shades[1:])  # text pages are mostly white paper...
    assert all(darkest < 100 for _, darkest in shades[1:])  # ...with dark print on them


def test_pdf_is_cached_until_the_issue_changes(app, issue):
    with app.test_request_context():
        first = export.issue_pdf(issue)
        assert export.issue_pdf(issue) is first
        issue.theme = "Safer restraint, revised"
        db.session.commit()
        changed = export.issue_pdf(issue)
    assert changed is not first
    assert "Safer restraint, revised" in _page_texts(pypdfium2.PdfDocument(changed))[0]


def test_html_export_is_self_contained(app, issue):
    with app.test_request_context():
        html = export.issue_html(issue)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find_all(attrs={"src": True}) == []
    assert soup.find_all(["script", "link", "img", "iframe", "object", "embed", "base", "form"]) == []
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    hrefs = [a["href"] for a in soup.find_all(attrs={"href": True})]
    assert hrefs and all(h.startswith("#") and h[1:] in ids for h in hrefs)
    css = "".join(style.get_text() for style in soup.find_all("style"))
    assert css and "url(" not in css and "@import" not in css
    assert "src=" not in html and "http" not in html
    text = soup.get_text(" ", strip=True)
    for expected in (*TITLES, "Welcome to issue 12.", "Key learning number 2", "Question 3 for trainers?",
                     "What trainers told us", "Issue 12"):
        assert expected in text
    for secret in ("Alphashire", "Bravoshire", "Ophelia"):
        assert secret not in html


def test_html_export_escapes_the_texts(app, forces):
    issue = create_issue(number=13, theme="<script>alert(1)</script>")
    create_case_study(force=forces["A"], issue=issue, title='<img src="x" onerror="alert(1)">')
    with app.test_request_context():
        html = export.issue_html(issue)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find_all(["script", "img"]) == []
    assert "&lt;script&gt;" in html


def test_the_export_routes(client, issue):
    html = client.get("/magazine/issues/12.html")
    assert html.status_code == 200 and html.mimetype == "text/html"
    assert html.headers["Content-Disposition"] == 'attachment; filename="learning-issue-12.html"'
    pdf = client.get("/magazine/issues/12.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")


def _language(document) -> str:
    import pypdfium2.raw as raw

    import ctypes

    size = raw.FPDFCatalog_GetLanguage(document.raw, None, 0)
    buffer = (ctypes.c_ushort * (size // 2))()
    raw.FPDFCatalog_GetLanguage(document.raw, buffer, size)
    return bytes(buffer).decode("utf-16-le").rstrip("\x00")


def _structure_types(document) -> set[str]:
    """Every structure element type on every page (H1, H2, L, LI, P, ...), read through pdfium's tree."""
    import ctypes

    import pypdfium2.raw as raw

    types: set[str] = set()

    def walk(element) -> None:
        size = raw.FPDF_StructElement_GetType(element, None, 0)
        if size:
            buffer = ctypes.create_string_buffer(size)
            raw.FPDF_StructElement_GetType(element, buffer, size)
            types.add(buffer.raw.decode("utf-16-le").rstrip("\x00"))
        for n in range(raw.FPDF_StructElement_CountChildren(element)):
            child = raw.FPDF_StructElement_GetChildAtIndex(element, n)
            if child:
                walk(child)

    for i in range(len(document)):
        page = document[i]  # held while its tree is read
        tree = raw.FPDF_StructTree_GetForPage(page.raw)
        for n in range(raw.FPDF_StructTree_CountChildren(tree)):
            child = raw.FPDF_StructTree_GetChildAtIndex(tree, n)
            if child:
                walk(child)
        raw.FPDF_StructTree_Close(tree)
        page.close()
    return types


def test_issue_pdf_is_tagged_with_title_language_and_headings(pdf):
    import pypdfium2.raw as raw

    assert raw.FPDFCatalog_IsTagged(pdf.raw)  # a StructTreeRoot, and MarkInfo saying it is marked
    assert _language(pdf) == "en-GB"
    assert pdf.get_metadata_dict()["Title"] == "Learning from incidents – Issue 12: Safer restraint"
    assert {"H1", "H2", "H3", "L", "LI"} <= _structure_types(pdf)


def test_case_study_pdf_on_its_own_is_tagged_and_lists_are_lists(app, forces, issue):
    import pypdfium2.raw as raw

    case = create_case_study(force=forces["A"], issue=issue, title="Lists in a case study",
                             recommendations="The force should:\n- brief every shift\n- check the cells hourly",
                             questions={})
    with app.test_request_context():
        html = export._render(issue, medium="print", single=case)
        data = export.case_study_pdf(case)
    page = BeautifulSoup(html, "html.parser")
    assert [li.get_text(strip=True) for li in page.select("ul li")] == ["brief every shift", "check the cells hourly"]
    assert "- brief" not in page.get_text()
    assert [h.get_text(strip=True) for h in page.select("article h2")] == ["Lists in a case study"]
    document = pypdfium2.PdfDocument(data)
    try:
        assert raw.FPDFCatalog_IsTagged(document.raw)
        assert _language(document) == "en-GB"
        assert document.get_metadata_dict()["Title"] == "Lists in a case study – Learning from incidents, issue 12"
        text = " ".join(_page_texts(document))
        assert "Lists in a case study" in text and TITLES[0] not in text and "What trainers told us" not in text
        assert "- brief" not in text
        assert {"H1", "H2", "L", "LI"} <= _structure_types(document)
    finally:
        document.close()
