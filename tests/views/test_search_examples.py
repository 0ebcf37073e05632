"""The search page's own examples work on the demo: what the hint suggests, and the word form it says is also found,
each finds something in the demo's published issue, on the magazine search and the recommendations search alike."""
from __future__ import annotations

import pytest

from debrief.publications import search
from tests.support.pages import get_page


@pytest.mark.parametrize("path", ["/magazine/search", "/magazine/recommendations"])
def test_each_example_the_page_gives_finds_something_in_the_demo(client, demo_data, path):
    page = get_page(client, path)
    hint = page.html.select_one("#q-hint").get_text(strip=True)
    assert hint == f"For example, {search.EXAMPLE}"
    typed, also = search.STEM_EXAMPLE
    assert f"“{typed}” also finds “{also}”" in page.text()
    for query in (search.EXAMPLE, typed, also):
        results = get_page(client, f"{path}?q={query}")
        heading = results.html.select_one("[role=status] h2").get_text(" ", strip=True)
        assert heading.endswith("found") or heading.startswith("Showing"), (path, query, heading)
    kinds = ("recommendation",) if path.endswith("recommendations") else search.KINDS
    found_typed = search.search(typed, theme=None, issue=None, kinds=kinds)
    found_also = search.search(also, theme=None, issue=None, kinds=kinds)
    # The typed form finds what the other form finds: the same results, at least one.
    assert found_typed.total == found_also.total > 0
