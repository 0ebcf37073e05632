"""The suppression walk: every Patterns page and CSV, for every role and filter the demo data offers.

It fails on any count under 5 that is shown, and on any rate shown on a base under 10. The bases are
worked out here from the column headings, independently of the policy module, so a new rate column
without a known base fails until this test learns it.
"""
from __future__ import annotations

import re
from itertools import product

import pytest
from sqlalchemy import select

from debrief.analytics import pages
from debrief.analytics.tables import STATUS_COLUMN, csv_body
from debrief.demo import DEMO_PASSWORD
from debrief.extensions import db
from debrief.models import Force, IncidentTheme
from tests.support.apps import make_app
from tests.support.pages import get_page, sign_in

MIN_COUNT, MIN_BASE = 5, 10
# Training needs is walked on its own with fewer filters (walk_training): its figures read the same rollups.
PAGES = ["/patterns/", "/patterns/network",
         *(f"/patterns/{p.key}" for p in pages.PAGES if p.key not in ("network", "training"))]
USERS = ["reviewer@nsp.example.police.uk", "admin@wmc.example.police.uk", "learning@wmc.example.police.uk"]
RISK_RATE = re.compile(r"rate \(%\)$")
# Reference data, not counts of people in the records: a force area's population share, officers, arrests.
REFERENCE_COLUMNS = {"Share of the area's population (per cent)", "Officers", "Arrests in the months chosen"}
TACTIC_RATE = re.compile(r"^Effective, % of those recorded \((.+)\)$")
GROUP_RATE = re.compile(r"^Effective, % of those recorded, (.+)$")  # training needs: by Taser training
# Not counts: the training ranking's score, made only from the counts the page shows.
DERIVED_COLUMNS = {"Score (of 500)"}


def _number(text: str) -> float | None:
    text = text.replace(",", "").strip()
    try:
        return float(text)
    except ValueError:
        return None


def _base(columns: list[str], row: list[str], i: int) -> float | None:
    """The base of the rate in column i, from the table itself."""
    if columns[i] == "Change (%)":  # trends: the change as a share of the year before
        return _number(row[columns.index("Same months a year earlier")])
    if columns[i] in ("Share of uses (%)", "Rate ratio against White"):  # who is subject to force: the group's
        return _number(row[columns.index("Uses of force")])  # own count (the policy is stricter than the total)
    if columns[i] == "Yes, % of those recorded":
        parts = [_number(row[columns.index(c)]) for c in ("Yes", "No")]
        return None if None in parts else sum(parts)
    if "per 1,000 officers" in columns[i]:  # compare forces
        return _number(row[columns.index("Officers")])
    if "per 1,000 arrests" in columns[i]:
        return _number(row[columns.index("Arrests in the months chosen")])
    if RISK_RATE.search(columns[i]):
        return _number(row[1])  # the group's records
    match = GROUP_RATE.match(columns[i])
    if match:
        group = match.group(1)
        parts = [_number(row[columns.index(f"{name}, {group}")]) for name in ("Effective", "Not effective")]
        return None if None in parts else sum(parts)
    match = TACTIC_RATE.match(columns[i])
    if match:
        source = match.group(1)
        parts = [_number(row[columns.index(f"{name} ({source})")]) for name in ("Effective", "Not effective")]
        return None if None in parts else sum(parts)
    raise AssertionError(f"A rate column this test does not know the base of: {columns[i]!r}")


def breaches(where: str, columns: list[str], rows: list[list[str]]) -> list[str]:
    found = []
    for row in rows:
        for i, cell in enumerate(row[1:], start=1):
            value = _number(cell)
            if value is None or columns[i] == STATUS_COLUMN or columns[i] in REFERENCE_COLUMNS | DERIVED_COLUMNS:
                continue
            if columns[i] == "Change":  # trends: shown only when both years' counts are
                parts = [_number(row[columns.index(c)]) for c in ("Months chosen", "Same months a year earlier")]
                if None in parts:
                    found.append(f"{where}: {row[0]} / Change = {cell} beside a withheld count")
            elif "%" in columns[i] or "rate" in columns[i].lower() or "per 1,000" in columns[i] \
                    or "ratio" in columns[i].lower():
                base = _base(columns, row, i)
                if base is None or base < MIN_BASE:
                    found.append(f"{where}: {row[0]} / {columns[i]} = {cell} on base {base}")
            elif value < MIN_COUNT:
                found.append(f"{where}: {row[0]} / {columns[i]} = {cell}")
    return found


def _html_tables(page) -> list[tuple[str, list[str], list[list[str]]]]:
    out = []
    for table in page.html.find_all("table"):
        if table.get("id") == "imports-table" or "meta" in (table.get("class") or []):
            continue  # the import log (rows read and added) and a briefing's own details: not figures about people
        columns = [th.get_text(" ", strip=True) for th in table.find("thead").find_all("th")]
        rows = [[c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])]
                for tr in table.find("tbody").find_all("tr")]
        out.append((table.get("id", "?"), columns, rows))
    return out


def _combinations(learning: bool, admin: bool, force_ids: list[int], themes: list[str]):
    """(query, whether to fetch its CSVs too). Every source for each force the user may choose, with the CSVs
    (they hold the pages' tables); near misses or not, and each incident type the data has, on the pages.
    An administrator's scope follows the reviewer's rule (their own force), so they walk the sources only."""
    forces = [""] + [str(f) for f in force_ids] if learning else [""]
    for force, source in product(forces, ("both", "debriefs", "national")):
        yield f"source={source}" + (f"&force={force}" if force else ""), True
    if admin:
        return
    for near_miss in ("no", "yes"):
        yield f"near_miss={near_miss}", False
    for theme in themes:
        yield f"theme={theme}", False


def walk(client, queries) -> tuple[list[str], int, int]:
    """Every page for each query (and its CSVs when asked): the breaches found, cells and CSVs checked."""
    found, checked_cells, csvs = [], 0, 0
    for query, with_csvs in queries:
        for path in PAGES:
            page = get_page(client, f"{path}?{query}")
            for table_id, columns, rows in _html_tables(page):
                found += breaches(f"{path}?{query} #{table_id}", columns, rows)
                checked_cells += sum(len(r) - 1 for r in rows)
            for dd in page.html.select(".app-headline dd"):
                value = _number(dd.get_text(strip=True))
                if value is not None and value < MIN_COUNT:
                    found.append(f"{path}?{query} headline {dd.get('id')} = {value}")
            for svg in page.html.select(".debrief-drawing svg"):  # the network: an edge's number of RCAs
                for text in svg.select("g.edge text"):
                    value = _number(text.get_text(strip=True))
                    if value is not None and value < MIN_COUNT:
                        found.append(f"{path}?{query} network edge = {value}")
            for link in page.html.select("a[download]") if with_csvs else ():
                rows = csv_body(client.get(link["href"]).get_data(as_text=True))
                found += breaches(link["href"], rows[0], rows[1:])
                csvs += 1
    return found, checked_cells, csvs


def walk_training(client, learning: bool, force_ids: list[int]) -> tuple[list[str], int, int]:
    """Training needs: its page, every CSV and the HTML briefing, for a few filters only (the page reads the
    same rollups as the others, and its PDF is typeset from the same HTML as the briefing)."""
    found, cells, csvs = [], 0, 0
    queries = ["source=both", "source=debriefs"] + ([f"force={force_ids[0]}"] if learning else [])
    for query in queries:
        page = get_page(client, f"/patterns/training?{query}")
        for table_id, columns, rows in _html_tables(page):
            found += breaches(f"training?{query} #{table_id}", columns, rows)
            cells += sum(len(r) - 1 for r in rows)
        for link in page.html.select("a[download]"):
            if ".csv" in link["href"]:
                rows = csv_body(client.get(link["href"]).get_data(as_text=True))
                found += breaches(link["href"], rows[0], rows[1:])
                csvs += 1
        briefing = get_page(client, f"/patterns/training/briefing.html?{query}")
        for table_id, columns, rows in _html_tables(briefing):
            found += breaches(f"briefing?{query}", columns, rows)
    return found, cells, csvs


@pytest.fixture(scope="module")
def demo_app(databases):
    """The demo seeded once for the whole walk: every test here only reads (the walk GETs pages and CSVs)."""
    app = make_app(databases.new_url(template="demo"))
    with app.app_context():
        app.demo = {"forces": list(db.session.scalars(select(Force.id).order_by(Force.id))),
                    "themes": sorted(set(db.session.scalars(select(IncidentTheme.theme))))}
        db.session.remove()
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def demo_client(demo_app):
    with demo_app.app_context():
        yield demo_app.test_client()


@pytest.mark.parametrize("email", USERS)
def test_no_page_or_csv_shows_a_small_count_or_a_rate_on_a_small_base(demo_app, demo_client, email):
    demo = demo_app.demo
    sign_in(demo_client, email, DEMO_PASSWORD)
    found, checked_cells, csvs = walk(demo_client, _combinations(email.startswith("learning"), email.startswith("admin"),
                                                                 demo["forces"], demo["themes"]))
    assert found == [], "\n".join(found[:30])
    assert checked_cells > 500 and csvs > 50  # the walk really covered the figures
    found, checked_cells, csvs = walk_training(demo_client, email.startswith("learning"), demo["forces"])
    assert found == [], "\n".join(found[:30])
    assert checked_cells > 100 and csvs >= 10


def test_the_walk_finds_small_counts_when_the_rule_is_switched_off(demo_app, demo_client, monkeypatch):
    for name, value in {"PATTERNS_MIN_COUNT": 1, "PATTERNS_MIN_BASE": 1, "PATTERNS_SHOW_ZERO": True}.items():
        monkeypatch.setitem(demo_app.config, name, value)  # put back after this test, for the module's app
    sign_in(demo_client, USERS[0], DEMO_PASSWORD)
    found, _, _ = walk(demo_client, [("source=both", True)])
    assert any("Incidents (debriefs)" in f for f in found)
    assert any("rate (%)" in f for f in found) and any(".csv" in f for f in found)
    found, _, _ = walk_training(demo_client, False, [])
    assert any("training-debrief-topics" in f for f in found) and any("training-ranking" in f for f in found)
    assert any(f.startswith("briefing") for f in found)
