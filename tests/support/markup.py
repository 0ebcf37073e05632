"""Rendered pages must never show escaped markup, a hint reading "None" or a doubled word: a checker and a watcher."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup

ESCAPED_MARKUP = ("&lt;a ", "&lt;br", "&lt;p", "&lt;strong", "&lt;ul")
DOUBLED_PHRASES = ("debrief debrief", "signed off, signed off", "the the ")
_DOUBLED_WORD = re.compile(r"\b([A-Za-z]{3,})\s+\1\b", re.IGNORECASE)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.DOTALL | re.IGNORECASE)
_DOUBLED_ERROR = re.compile(r"Error:\s*Error:")


def title_problems(html: str) -> list[str]:
    """A page title that says "Error:" twice (the layout and the page's own title both adding it)."""
    found = _TITLE.search(html)
    return ["the title says 'Error:' twice"] if found and _DOUBLED_ERROR.search(found.group(1)) else []


def markup_problems(html: str) -> list[str]:
    """What is wrong with a rendered HTML page, in words; empty when nothing is."""
    problems = [f"escaped markup {token!r}" for token in ESCAPED_MARKUP if token in html] + title_problems(html)
    soup = BeautifulSoup(html, "html.parser")
    for hint in soup.select(".govuk-hint"):
        if hint.get_text(strip=True) in ("None", "none"):
            problems.append(f"a hint reading None (#{hint.get('id', '')})")
    for tag in soup(["script", "style", "svg", "textarea"]):
        tag.decompose()
    # Words are doubled within one run of text, or across inline tags of one paragraph; a table cell or a
    # heading next to another is not a sentence.
    blocks = soup.find_all(["p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "label", "legend", "span", "a"])
    texts = [" ".join(block.get_text(" ").split()) for block in blocks if not block.find(blocks_inside)]
    seen: set[str] = set()
    for text in texts:
        lowered = text.lower()
        for phrase in DOUBLED_PHRASES:
            if phrase in lowered and phrase not in seen:
                seen.add(phrase)
                problems.append(f"doubled words {phrase!r}")
        for match in _DOUBLED_WORD.finditer(text):
            if match.group(0) not in seen:
                seen.add(match.group(0))
                problems.append(f"doubled word {match.group(0)!r}")
    return problems


def blocks_inside(tag) -> bool:
    return tag.name in ("p", "li", "td", "th", "dd", "dt", "ul", "ol", "table", "div")


def watch(app) -> list[tuple[str, str]]:
    """Check every HTML page the app serves from now on; returns the list it fills with (path, problem)."""
    found: list[tuple[str, str]] = []

    def check(response):
        from flask import request

        if response.mimetype == "text/html" and not response.direct_passthrough:
            for problem in markup_problems(response.get_data(as_text=True)):
                found.append((request.path, problem))
        return response

    app.after_request(check)
    return found
