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


def test_unlikely_figures_are_confirmed_before_they_are_saved_and_the_change_is_shown(client, people, forces):
    sign_in(client, "national_admin@aaa.example")
    b = str(forces["B"].id)
    page = post_form(client, "/patterns/figures", {"force": b, "year": "2026", "officers": "2100", "arrests": "15000"},
                     follow=True)
    assert f"{forces['B'].name}, 2026: officers 2,100, arrests 15,000 (new)" in page.text()
    # Officers ten times as many as last time: asked to confirm, the typed values kept, nothing saved.
    typed = {"force": b, "year": "2026", "officers": "21000", "arrests": "15500"}
    page = post_form(client, "/patterns/figures", typed, status=200)
    assert page.title.startswith("Error: ")
    assert page.error_summary() == ["The number of officers changes from 2,100 (2026) to 21,000, by more than 25%. "
                                    "Check the figures, and if they are right, tick the box to confirm them"]
    assert page.html.find("input", id="officers")["value"] == "21000"
    assert db.session.scalar(select(ForceYearFigures.officers)) == 2100
    page = post_form(client, "/patterns/figures", {**typed, "confirm": "y"}, follow=True)
    assert f"{forces['B'].name}, 2026: officers 21,000 (was 2,100); arrests 15,500 (was 15,000)" in page.text()
    assert db.session.scalar(select(ForceYearFigures.officers)) == 21000
    # A new year is compared with the year before it; 100 arrests an officer is unlikely too.
    page = post_form(client, "/patterns/figures", {"force": b, "year": "2027", "officers": "21000",
                                                   "arrests": "2100000"}, status=200)
    assert page.error_summary()[0].startswith("The number of arrests changes from 15,500 (2026) to 2,100,000")
    assert "100 arrests for each officer" in page.html.select_one("#figures-to-check").get_text(" ", strip=True)
    assert audit_count("patterns.figures_saved") == 2


def test_population_shares_over_100_per_cent_are_refused(client, people, forces):
    sign_in(client, "national_admin@aaa.example")
    a = str(forces["A"].id)
    page = post_form(client, "/patterns/figures/population", {"area": a, "group": "ethnicity:white", "share": "81.5"},
                     follow=True)
    assert f"{forces['A'].name}, Ethnicity: White: 81.5% (new)" in page.text()
    page = post_form(client, "/patterns/figures/population", {"area": a, "group": "ethnicity:asian", "share": "20"},
                     status=200)
    assert page.error_summary() == [
        f"The ethnicity shares of {forces['A'].name} would add up to 101.5%, and they cannot add up to more than "
        "100%: the other groups hold 81.5%, so this share can be at most 18.5"]
    assert page.html.find("input", id="share")["value"] == "20"
    page = post_form(client, "/patterns/figures/population", {"area": a, "group": "ethnicity:asian", "share": "150"},
                     status=200)
    assert "The share must be from 0 to 100" in page.error_summary()
    # Another dimension, or another force, has its own 100%; correcting the one group held replaces it.
    post_form(client, "/patterns/figures/population", {"area": a, "group": "ethnicity:asian", "share": "18.5"},
              status=302)
    post_form(client, "/patterns/figures/population", {"area": a, "group": "sex:male", "share": "49"}, status=302)
    page = post_form(client, "/patterns/figures/population", {"area": a, "group": "ethnicity:white", "share": "80"},
                     follow=True)
    assert f"{forces['A'].name}, Ethnicity: White: 80.0% (was 81.5%)" in page.text()
    held = {(s.dimension, s.code): s.share for s in db.session.scalars(select(ForcePopulationShare))}
    assert held == {("ethnicity", "white"): 80.0, ("ethnicity", "asian"): 18.5, ("sex", "male"): 49.0}
