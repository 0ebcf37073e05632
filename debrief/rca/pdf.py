"""The RCA report as PDF: WeasyPrint over self-contained HTML, with every outside fetch refused."""
from __future__ import annotations


def _no_fetching(url: str, *args, **kwargs):
    # The report carries its CSS and drawing inline; nothing may reach the network or the disk.
    raise ValueError(f"External resources are not allowed in reports: {url[:60]}")


def report_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, url_fetcher=_no_fetching).write_pdf()
