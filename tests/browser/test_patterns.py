"""Patterns in a browser: a demo reviewer and a learning-team user filter, read a chart and its table, download."""
from __future__ import annotations

import csv
import io

import pytest

from debrief.analytics import pages as pattern_pages
from debrief.analytics.tables import csv_body
from debrief.demo import DEMO_PASSWORD
from tests.browser.conftest import check_accessibility, follow, screenshot, sign_in

pytestmark = pytest.mark.browser


def _open(page, link_name: str) -> None:
    follow(page.locator(".debrief-subnav").get_by_role("link", name=link_name, exact=True))
    check_accessibility(page)


def _apply(page) -> None:
    follow(page.get_by_role("button", name="Apply filters"))


def test_reviewer_filters_reads_a_chart_and_its_table_and_downloads_a_csv(page, app, demo_data):
    sign_in(page, "reviewer@nsp.example.police.uk", DEMO_PASSWORD)
    follow(page.get_by_role("link", name="Patterns", exact=True))
    assert page.locator("h1").inner_text() == "Patterns"
    check_accessibility(page)
    screenshot(page, "patterns-overview-reviewer")
    # Only their own force: no force choice.
    assert page.locator("select#force").count() == 0

    _open(page, "Use of force and injuries")
    tactics = page.locator("#tactics-table")
    assert tactics.locator("th", has_text="Used (national data)").count() == 1
    chart = page.locator("section[aria-labelledby='tactics-heading'] svg[role='img']").first
    # Debrief and national counts differ in scale, so each has its own panel.
    assert chart.locator("#tactics-chart-0-title").text_content() == "Uses of each tactic: Used (national data)"
    assert chart.is_visible()
    assert page.locator("#tactics-table tbody tr").count() >= 3
    screenshot(page, "patterns-use-of-force-reviewer")

    # Filters: national data only.
    page.get_by_label("National data", exact=True).check()
    _apply(page)
    check_accessibility(page)
    assert "source=national" in page.url
    assert page.locator("#tactics-table th", has_text="(debriefs)").count() == 0
    assert page.locator("#tactics-table th", has_text="Used (national data)").count() == 1

    # A CSV of the same figure, with the same filters.
    with page.expect_download() as download_info:
        page.locator("section[aria-labelledby='tactics-heading']").get_by_role(
            "link", name="Download the figures as CSV").click()
    download = download_info.value
    assert download.suggested_filename.startswith("tactics-")
    text = open(download.path(), encoding="utf-8").read()
    assert next(csv.reader(io.StringIO(text))) == ["Figure", "Use of force by tactic and effectiveness"]
    rows = csv_body(text)
    assert rows[0][:2] == ["Tactic", "Used (national data)"]
    shown = page.locator("#tactics-table tbody tr").first.locator("th, td").all_inner_texts()
    assert rows[1][0] == shown[0] and rows[1][1] == shown[1].replace(",", "")

    # A mistake in the filters: an error summary, and what was typed is kept.
    page.get_by_label("Month").first.fill("13")
    _apply(page)
    summary = page.locator(".govuk-error-summary")
    summary.wait_for()
    assert "The start month must be a number from 1 to 12" in summary.inner_text()
    assert page.title().startswith("Error: ")
    assert page.get_by_label("Month").first.input_value() == "13"
    check_accessibility(page)
    screenshot(page, "patterns-filter-error")
    assert page.console_errors == []  # no CSP violation from the inline SVG charts


def test_learning_team_sees_all_forces_chooses_one_and_reads_the_risk_and_network(page, app, demo_data):
    sign_in(page, "learning@wmc.example.police.uk", DEMO_PASSWORD)
    page.goto("/patterns/")
    check_accessibility(page)
    assert "All forces" in page.locator(".govuk-caption-l").inner_text()

    _open(page, "Incidents and timeliness")
    table = page.locator("#incidents-per-month-table")
    assert table.locator("tbody tr").count() == 12  # the default: the last 12 months
    assert page.locator("#incidents-per-month-chart-0-title").count() == 1
    screenshot(page, "patterns-incidents-learning")

    page.get_by_label("Force", exact=True).select_option(label="Northshire Police")
    _apply(page)
    check_accessibility(page)
    assert "Northshire Police" in page.locator("#patterns-scope").inner_text()

    _open(page, "Who is at risk")
    assert page.locator("#risk-main-duty-national-table").count() == 1
    assert "Time on duty comes from the debriefs only" in page.locator("main").inner_text()
    assert page.locator("#risk-shift-hours-debriefs-table").count() == 1
    screenshot(page, "patterns-risk-learning")

    _open(page, "What tends to go wrong together")
    # The demo's four RCAs put no pair in 5 or more of them: none is drawn, and the table withholds the counts.
    assert page.locator(".debrief-drawing svg[role='img']").count() == 0
    assert "so none is drawn" in page.locator("#network-withheld").inner_text()
    assert page.locator("#network-pairs-table tbody tr").count() >= 1
    assert set(page.locator("#network-pairs-table tbody td:last-child").all_inner_texts()) == {"fewer than 5"}
    screenshot(page, "patterns-network-learning")

    _open(page, "RCA learning and actions")
    assert page.locator("#factor-categories-table tbody tr").count() >= 1
    screenshot(page, "patterns-learning-learning")
    assert page.console_errors == []  # no CSP violation from the charts or the Graphviz drawing


# The smallest chart text, in CSS pixels as drawn: the SVG's font size times the scale it is drawn at.
SMALLEST_CHART_TEXT = """() => {
  let smallest = Infinity, count = 0;
  for (const svg of document.querySelectorAll("svg.app-chart")) {
    const scale = svg.getScreenCTM().a;
    for (const t of svg.querySelectorAll("text")) {
      smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
      count += 1;
    }
  }
  return [smallest, count];
}"""
PATTERN_PATHS = ["/patterns/", "/patterns/network",
                 *(f"/patterns/{p.key}" for p in pattern_pages.PAGES if p.key != "network")]


def test_chart_text_is_at_least_12px_at_1000px_wide_and_every_page_is_photographed(page, app, demo_data):
    sign_in(page, "learning@nsp.example.police.uk", DEMO_PASSWORD)
    measured = {}
    for path in PATTERN_PATHS:
        page.set_viewport_size({"width": 1000, "height": 900})
        page.goto(path)
        smallest, count = page.evaluate(SMALLEST_CHART_TEXT)
        if count:
            measured[path] = smallest
            assert smallest >= 12, f"{path}: chart text drawn at {smallest:.1f} px"
        name = path.strip("/").replace("/", "-") or "patterns"
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            screenshot(page, f"{name}-{width}")
    assert len(measured) >= 3  # the incidents, use-of-force, learning and risk pages have charts
    assert page.console_errors == []
