"""Patterns drill-down in a browser: the force's PSD reviewer (its learning lead) follows counts on every Patterns
page to the records behind them, and a withheld count by address to the page that says why; the learning team
reaches released findings only. Every page is photographed at 1,280 and 390 px wide."""
from __future__ import annotations

from urllib.parse import urlencode

import pytest

from debrief.analytics import drill
from debrief.demo import DEMO_PASSWORD
from tests.browser.conftest import check_accessibility, follow, screenshot, sign_in

pytestmark = pytest.mark.browser
PAGES = ("incidents", "use-of-force", "learning", "risk", "trends")


def _both_widths(page, name: str) -> None:
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        screenshot(page, f"{name}-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})


def _drill_links(page) -> list[str]:
    return page.eval_on_selector_all("table.app-figure-table a[href*='/patterns/records']",
                                     "links => links.map(a => a.getAttribute('href'))")


def test_the_reviewer_follows_counts_to_records_and_a_withheld_one_to_why(page, app, demo_data):
    sign_in(page, "reviewer@nsp.example.police.uk", DEMO_PASSWORD)
    linked = {}
    for key in PAGES:
        page.goto(f"/patterns/{key}?source=debriefs")
        check_accessibility(page)
        linked[key] = _drill_links(page)
        _both_widths(page, f"drill-{key}-reviewer")
    assert any(linked.values()), linked
    # Follow the first link of each page that has one: the list says what it counts and lists records.
    for key, links in linked.items():
        if not links:
            continue
        page.goto(links[0])
        check_accessibility(page)
        assert page.locator("h1").inner_text().endswith("behind a count")
        assert page.locator("#records-table tbody tr").count() >= 1
        _both_widths(page, f"drill-records-{key}-reviewer")
    # A withheld count asked for by address: refused, with why and how to see it.
    drillable = {key: list(spec.columns) for key, spec in drill.DRILLS.items()}
    withheld = page.evaluate("""async (drillable) => {
        for (const key of ["risk", "use-of-force", "incidents", "learning"]) {
          const html = await (await fetch(`/patterns/${key}?source=debriefs`)).text();
          const doc = new DOMParser().parseFromString(html, "text/html");
          for (const table of doc.querySelectorAll("table.app-figure-table")) {
            const heads = [...table.querySelectorAll("thead th")].map(th => th.textContent.trim());
            for (const tr of table.querySelectorAll("tbody tr")) {
              const cells = [...tr.querySelectorAll("th, td")];
              const figure = table.id.replace(/-table$/, "");
              const i = cells.findIndex((c, n) => c.textContent.trim() === "fewer than 5"
                                        && (drillable[figure] || []).includes(heads[n]));
              if (i > 0) return [figure, cells[0].textContent.trim(), heads[i]];
            }
          }
        }
        return null;
      }""", drillable)
    assert withheld is not None
    figure, row, column = withheld
    assert page.console_errors == []
    response = page.goto("/patterns/records?source=debriefs&" + urlencode({"figure": figure, "row": row,
                                                                           "column": column}))
    assert response.status == 404
    assert page.locator("h1").inner_text() == "This figure is withheld"
    assert "same for everyone" in page.locator("main").inner_text()
    check_accessibility(page)
    _both_widths(page, "drill-withheld-reviewer")
    assert [e for e in page.console_errors if "404" not in e] == []  # the refusal's own status only


def test_the_learning_team_drills_to_released_findings_only(page, app, demo_data):
    sign_in(page, "learning@wmc.example.police.uk", DEMO_PASSWORD)
    for key in PAGES:
        page.goto(f"/patterns/{key}")
        check_accessibility(page)
        _both_widths(page, f"drill-{key}-learning")
        for href in _drill_links(page)[:1]:
            follow(page.locator(f"a[href='{href}']").first)
            assert page.locator("h1").inner_text() == "Released findings and case studies behind a count"
            assert page.locator("main a[href^='/rca/'], main a[href^='/review/']").count() == 0
            _both_widths(page, f"drill-records-{key}-learning")
    assert page.console_errors == []
