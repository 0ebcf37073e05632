"""Reference figures: a force administrator adds and corrects their force's year; bad input is refused whole."""
from __future__ import annotations

from sqlalchemy import select

from debrief.extensions import db
from debrief.models import ForceYearFigures
from tests.support.factories import audit_count
from tests.support.pages import get_page, post_form, sign_in


def test_an_admin_saves_and_corrects_their_forces_figures(client, people, forces):
    sign_in(client, "admin@aaa.example")
    post_form(client, "/patterns/figures", {"year": "2026", "officers": "2100", "arrests": "15000"}, status=302)
    post_form(client, "/patterns/figures", {"year": "2026", "officers": "2150", "arrests": "15500"}, status=302)
    held = db.session.scalars(select(ForceYearFigures)).all()
    assert [(f.force_id, f.year, f.officers, f.arrests) for f in held] == [(forces["A"].id, 2026, 2150, 15500)]
    assert audit_count("patterns.figures_saved") == 2
    page = get_page(client, "/patterns/figures")
    assert "2,150" in page.html.find("table", id="figures-table").get_text()


def test_bad_figures_show_an_error_summary_keep_what_was_typed_and_save_nothing(client, people, forces):
    sign_in(client, "admin@aaa.example")
    page = post_form(client, "/patterns/figures", {"year": "2026", "officers": "lots", "arrests": "-1"}, status=200)
    assert page.title.startswith("Error: ")
    errors = page.error_summary()
    assert "Enter the number of officers as a whole number" in errors
    assert "The number of arrests must be from 0 to 5,000,000" in errors
    assert page.html.find("input", id="officers")["value"] == "lots"
    assert db.session.scalars(select(ForceYearFigures)).all() == []


def test_only_administrators_edit_figures(client, people, forces):
    sign_in(client, "reviewer@aaa.example")
    assert client.get("/patterns/figures").status_code == 403
