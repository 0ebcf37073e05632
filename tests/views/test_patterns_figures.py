"""Reference figures: the national administrator adds and corrects any force's year and population shares;
bad input is refused whole; no one else edits them."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from debrief.extensions import db
from debrief.models import ForcePopulationShare, ForceYearFigures
from tests.support.factories import audit_count
from tests.support.pages import get_page, post_form, sign_in


def test_the_national_admin_saves_and_corrects_any_forces_figures(client, people, forces):
    sign_in(client, "national_admin@aaa.example")
    b = str(forces["B"].id)
    post_form(client, "/patterns/figures", {"force": b, "year": "2026", "officers": "2100", "arrests": "15000"},
              status=302)
    post_form(client, "/patterns/figures", {"force": b, "year": "2026", "officers": "2150", "arrests": "15500"},
              status=302)
    held = db.session.scalars(select(ForceYearFigures)).all()
    assert [(f.force_id, f.year, f.officers, f.arrests) for f in held] == [(forces["B"].id, 2026, 2150, 15500)]
    assert audit_count("patterns.figures_saved") == 2
    page = get_page(client, "/patterns/figures")
    row = page.html.find("table", id="figures-table").find("tbody").find("tr").get_text(" ", strip=True)
    assert row == f"{forces['B'].name} 2026 2,150 15,500"


def test_the_national_admin_saves_a_population_share(client, people, forces):
    sign_in(client, "national_admin@aaa.example")
    a = str(forces["A"].id)
    post_form(client, "/patterns/figures/population",
              {"area": a, "group": "ethnicity:white", "share": "81.5"}, status=302)
    post_form(client, "/patterns/figures/population",
              {"area": a, "group": "ethnicity:white", "share": "80.2"}, status=302)
    held = db.session.scalars(select(ForcePopulationShare)).all()
    assert [(s.force_id, s.dimension, s.code, s.share) for s in held] == [(forces["A"].id, "ethnicity", "white", 80.2)]
    assert audit_count("patterns.population_saved") == 2
    page = get_page(client, "/patterns/figures")
    assert "80.2" in page.html.find("table", id="population-table").get_text()


def test_bad_figures_show_an_error_summary_keep_what_was_typed_and_save_nothing(client, people, forces):
    sign_in(client, "national_admin@aaa.example")
    page = post_form(client, "/patterns/figures", {"force": "", "year": "2026", "officers": "lots", "arrests": "-1"},
                     status=200)
    assert page.title.startswith("Error: ")
    errors = page.error_summary()
    assert "Select the force" in errors
    assert "Enter the number of officers as a whole number" in errors
    assert "The number of arrests must be from 0 to 5,000,000" in errors
    assert page.html.find("input", id="officers")["value"] == "lots"
    page = post_form(client, "/patterns/figures/population",
                     {"area": str(forces["A"].id), "group": "ethnicity:white",
                      "share": "101"}, status=200)
    assert "The share must be from 0 to 100" in page.error_summary()
    assert page.html.find("input", id="share")["value"] == "101"
    assert db.session.scalars(select(ForceYearFigures)).all() == []
    assert db.session.scalars(select(ForcePopulationShare)).all() == []


@pytest.mark.parametrize("email", ["admin@aaa.example", "reviewer@aaa.example", "learning@aaa.example"])
def test_only_the_national_administrator_edits_figures(client, people, forces, email):
    sign_in(client, email)
    assert client.get("/patterns/figures").status_code == 403
    response = client.post("/patterns/figures", data={"force": str(forces["A"].id), "year": "2026",
                                                      "officers": "1", "arrests": "1"})
    assert response.status_code in (400, 403)  # CSRF or permission: either way nothing saved
    assert db.session.scalars(select(ForceYearFigures)).all() == []
