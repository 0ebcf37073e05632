"""An issue as one self-contained HTML file and as a print-ready PDF (WeasyPrint, with every outside fetch refused).

Both are rendered from the same template with the CSS inlined; nothing in them points outside the document. PDFs are
kept under a hash of their HTML in a small in-process cache and, behind it, in the cache every worker and host shares
(debrief.artefacts), so a public URL cannot be used to make the servers typeset the same issue over and over.
"""
from __future__ import annotations

import hashlib
from collections import OrderedDict
from threading import Lock

from flask import render_template

from debrief import artefacts
from debrief.models import CaseStudy, MagazineIssue
from debrief.publications import reading
from debrief.rca.pdf import _no_fetching

PDF_KIND = "magazine-pdf"  # the kind of the shared artefact cache's entries
_PDF_CACHE: OrderedDict[str, bytes] = OrderedDict()
_PDF_CACHE_SIZE = 16
_lock = Lock()


def _render(issue: MagazineIssue | None, *, medium: str, single: CaseStudy | None = None) -> str:
    case_studies = [single] if single is not None else reading.issue_case_studies(issue)
    return render_template(
        "magazine/export.html", issue=issue, medium=medium, case_studies=case_studies, labels=reading.labels(),
        question_groups={cs.id: reading.questions_by_audience(cs) for cs in case_studies}, single=single)


def issue_html(issue: MagazineIssue) -> str:
    """One HTML file a reader can save and open anywhere: inline CSS, no scripts, no images, no outside links."""
    return _render(issue, medium="screen")


def issue_pdf(issue: MagazineIssue) -> bytes:
    """The issue typeset for A4: cover, contents with page numbers, introduction, case studies, articles."""
    return _cached_pdf(_render(issue, medium="print"))


def case_study_pdf(case_study: CaseStudy) -> bytes:
    """One published case study typeset on its own, with its issue named on the cover."""
    return _cached_pdf(_render(case_study.issue, medium="print", single=case_study))


def _cached_pdf(html: str) -> bytes:
    key = hashlib.sha256(html.encode()).hexdigest()
    with _lock:
        if key in _PDF_CACHE:
            _PDF_CACHE.move_to_end(key)
            return _PDF_CACHE[key]
    pdf = artefacts.get_or_make(PDF_KIND, (_weasyprint_version(), html), lambda: tagged_pdf(html))
    with _lock:
        _PDF_CACHE[key] = pdf
        while len(_PDF_CACHE) > _PDF_CACHE_SIZE:
            _PDF_CACHE.popitem(last=False)
    return pdf


def forget_pdfs() -> None:
    """Empty this worker's in-process PDF cache (a withdrawal: no PDF that held the case study is kept)."""
    with _lock:
        _PDF_CACHE.clear()


def _weasyprint_version() -> str:
    """Part of the shared key: another WeasyPrint may typeset the same HTML differently."""
    from importlib.metadata import version

    return version("weasyprint")


def tagged_pdf(html: str) -> bytes:
    """An accessible PDF: PDF/UA-1, so tagged (structure tree with headings, lists and tables), with the document's
    title shown and its language (the HTML's lang) set."""
    from weasyprint import HTML

    return HTML(string=html, url_fetcher=_no_fetching).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
