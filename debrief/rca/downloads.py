"""The graph and fishbone as files to download (pure): their media types, names, and an SVG that stands alone."""
from __future__ import annotations

DOWNLOAD_TYPES = {"svg": "image/svg+xml", "png": "image/png", "dot": "text/vnd.graphviz"}
SVG_NAMESPACE = 'xmlns="http://www.w3.org/2000/svg"'
# What each download is, as its audit entry names it ("graph.svg", "report.pdf": the drawing, then the format).
DOWNLOAD_LABELS = {f"{kind}.{fmt}": f"{name} ({what})" for kind, name in (("graph", "Factor graph"),
                                                                          ("fishbone", "Fishbone diagram"))
                   for fmt, what in (("svg", "SVG image"), ("png", "PNG image"), ("dot", "Graphviz source"))}
DOWNLOAD_LABELS["report.pdf"] = "Report (PDF)"


def standalone_svg(body: str) -> str:
    """The inline drawing as a file a browser or editor opens on its own: an XML declaration and the SVG namespace
    (an inline <svg> in HTML needs neither). A drawing that already declares its namespace is left as it is."""
    if 'xmlns="' in body[:400]:
        return body
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body.replace("<svg", f"<svg {SVG_NAMESPACE}", 1)


def download_name(reference: str, kind: str, fmt: str) -> str:
    return f"{reference}-{kind}.{fmt}"
