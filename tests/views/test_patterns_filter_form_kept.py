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


def test_each_page_and_query_gets_its_own_menu(client, people):
    """The menu and the overview's list of pages (view_context.page_menus, kept for each page and query string) mark
    the page shown and keep that request's filters in every link, typed markup escaped."""
    sign_in(client, "learning@aaa.example")

    def menu(path):
        page = get_page(client, path).html
        return ([(a["href"], a.get("aria-current")) for a in page.select("nav.debrief-subnav a")],
                [a["href"] for a in page.select(".app-pattern-pages h2 a")])

    plain, listed = menu("/patterns/")
    assert plain[0] == ("/patterns/", "page") and all(current is None for _, current in plain[1:])
    assert [href for href, _ in plain[1:]] == listed and "/patterns/network" in listed and len(listed) > 5

    chosen, listed = menu("/patterns/?near_miss=yes&x=%22%3E%3Cb+id%3Dtyped%3E")
    assert all(href.endswith("?near_miss=yes&x=%22%3E%3Cb+id%3Dtyped%3E") for href, _ in chosen)
    assert all(href.endswith("?near_miss=yes&x=%22%3E%3Cb+id%3Dtyped%3E") for href in listed)
    raw, _ = menu('/patterns/?x="><b id=typed>')  # a query string the browser did not encode stays text
    assert get_page(client, '/patterns/?x="><b id=typed>').html.select("#typed") == []
    assert raw[0][0] == '/patterns/?x="><b id=typed>'

    network, _ = menu("/patterns/network?near_miss=yes")
    assert [href for href, current in network if current == "page"] == ["/patterns/network?near_miss=yes"]
    assert network[0] == ("/patterns/?near_miss=yes", None)
    assert menu("/patterns/")[0] == plain  # the overview's own menu again, not the network's kept one
