"""The Patterns filter form is drawn once for each state and kept (analytics/view_context.filter_form): every change
to what it shows (typed values, errors, the chosen options, the forces to choose from, the page it is on) gives the
form for that state, never one kept for another; typed markup stays text."""
from __future__ import annotations

from debrief.extensions import db
from tests.support.pages import get_page, sign_in


def _form(client, path):
    return get_page(client, path).html.select_one("form.app-patterns-filters")


def test_each_state_of_the_filter_form_is_its_own(app, client, people, forces):
    sign_in(client, "learning@aaa.example")
    plain = _form(client, "/patterns/")
    assert plain["action"] == "/patterns/" and plain.select(".govuk-error-message") == []
    assert plain.select_one("#theme option[selected]")["value"] == ""

    wrong = _form(client, "/patterns/?from_month=13&from_year=2026")
    assert wrong.select_one("#from-error").get_text(" ", strip=True) == \
        "Error: The start month must be a number from 1 to 12"
    assert wrong.select_one("#from_month")["value"] == "13"
    assert _form(client, "/patterns/").select(".govuk-error-message") == []  # the kept error form is not reused

    chosen = _form(client, f"/patterns/?theme=custody&near_miss=yes&source=national&force={forces['B'].id}")
    assert chosen.select_one("#theme option[selected]")["value"] == "custody"
    assert chosen.select_one("input[name=near_miss][checked]")["value"] == "yes"
    assert chosen.select_one("input[name=source][checked]")["value"] == "national"
    assert chosen.select_one("#force option[selected]")["value"] == str(forces["B"].id)
    assert _form(client, "/patterns/use-of-force")["action"] == "/patterns/use-of-force"  # each page its own action

    typed = _form(client, "/patterns/?from_month=%3Cb+id%3Dtyped%3E&from_year=2026")
    assert typed.select("#typed") == [] and typed.select_one("#from_month")["value"] == "<b id=typed>"

    forces["B"].name = "Renamed <i>Constabulary</i>"
    db.session.commit()
    names = [o.get_text() for o in _form(client, "/patterns/").select("#force option")]
    assert "Renamed <i>Constabulary</i>" in names  # the forces to choose from are part of what is kept

    reviewer = app.test_client()
    sign_in(reviewer, "reviewer@aaa.example")  # one force, no force to choose: not the learning team's form
    assert _form(reviewer, "/patterns/").select("#force") == []
