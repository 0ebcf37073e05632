"""The one safe renderer for people's long texts: escape first, then paragraphs and simple lists.

Blank lines separate paragraphs; lines starting "- ", "* " or "• " make a bulleted list and "1. " or "1)"
a numbered one; other single line breaks stay as line breaks. Nothing a person typed is ever markup.
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

_BULLET = re.compile(r"^\s*[-*•]\s+(.*)$")
_NUMBER = re.compile(r"^\s*\d{1,3}[.)]\s+(.*)$")


def _block(lines: list[str], p_class: str) -> str:
    parts: list[str] = []
    prose: list[str] = []
    items: list[str] = []
    kind = None

    def flush_prose() -> None:
        if prose:
            parts.append(f'<p class="{p_class}">' + "<br>\n".join(str(escape(line)) for line in prose) + "</p>")
            prose.clear()

    def flush_list() -> None:
        nonlocal kind
        if items:
            tag, cls = ("ul", "govuk-list govuk-list--bullet") if kind == "ul" else ("ol", "govuk-list govuk-list--number")
            parts.append(f'<{tag} class="{cls}">' + "".join(f"<li>{escape(i)}</li>" for i in items) + f"</{tag}>")
            items.clear()
        kind = None

    for line in lines:
        bullet, number = _BULLET.match(line), _NUMBER.match(line)
        match, this_kind = (bullet, "ul") if bullet else (number, "ol") if number else (None, None)
        if match:
            flush_prose()
            if kind not in (None, this_kind):
                flush_list()
            kind = this_kind
            items.append(match.group(1).strip())
        else:
            flush_list()
            prose.append(line.strip())
    flush_prose()
    flush_list()
    return "".join(parts)


def paragraphs(text: str | None, *, empty: str = "", p_class: str = "govuk-body") -> Markup:
    """Escaped HTML for `text`: <p> per paragraph, <ul>/<ol> for simple lists. Safe to put in any page."""
    source = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not source:
        return Markup(f'<p class="{p_class}">{escape(empty)}</p>') if empty else Markup("")
    blocks = [b for b in re.split(r"\n\s*\n", source) if b.strip()]
    return Markup("\n".join(_block([line for line in b.split("\n") if line.strip()], p_class) for b in blocks))
