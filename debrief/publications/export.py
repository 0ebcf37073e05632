"""An issue as one self-contained HTML file and as a print-ready PDF (WeasyPrint, with every outside fetch refused).

Both are rendered from the same template with the CSS inlined; nothing in them points outside the document. PDFs are
kept in a small in-process cache keyed by a hash of their HTML, so a public URL cannot be used to make the server
typeset the same issue over and over.
"""
from __future__ import annotations

import hashlib
from collections import OrderedDict
from threading import Lock

from flask import render_template

from debrief.models import MagazineIssue
from debrief.publications import queries
from debrief.rca.pdf import report_pdf

_PDF_CACHE: OrderedDict[str, bytes] = OrderedDict()
_PDF_CACHE_SIZE = 16
_lock = Lock()


def _render(issue: MagazineIssue, *, medium: str) -> str:
    case_studies = queries.issue_case_studies(issue)
    return render_template(
        "magazine/export.html", issue=issue, medium=medium, case_studies=case_studies, labels=queries.labels(),
        question_groups={cs.id: queries.questions_by_audience(cs) for cs in case_studies})


def issue_html(issue: MagazineIssue) -> str:
    """One HTML file a reader can save and open anywhere: inline CSS, no scripts, no images, no outside links."""
    return _render(issue, medium="screen")


def issue_pdf(issue: MagazineIssue) -> bytes:
    """The issue typeset for A4: cover, contents with page numbers, introduction, case studies, articles."""
    html = _render(issue, medium="print")
    key = hashlib.sha256(html.encode()).hexdigest()
    with _lock:
        if key in _PDF_CACHE:
            _PDF_CACHE.move_to_end(key)
            return _PDF_CACHE[key]
    pdf = report_pdf(html)
    with _lock:
        _PDF_CACHE[key] = pdf
        while len(_PDF_CACHE) > _PDF_CACHE_SIZE:
            _PDF_CACHE.popitem(last=False)
    return pdf
