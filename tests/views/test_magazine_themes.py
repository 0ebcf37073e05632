"""Browsing the magazine by theme (publications/themes.py and its pages): known answers, only published material,
unknown and empty themes, on both databases."""
from __future__ import annotations

from debrief.publications import themes
from tests.support.publication_factories import create_case_study, create_issue


def _magazine(forces):
    one = create_issue(number=1, theme="Custody and care")
    two = create_issue(number=2, theme="Crisis and restraint")
    draft = create_issue(number=3, theme="Not out yet", status="draft")
    a = create_case_study(force=forces["A"], issue=one, title="A late rousing check", themes=["custody"])
    b = create_case_study(force=forces["A"], issue=two, title="Restraint on a bridge",
                          themes=["mental_health", "use_of_force", "mental_health"])
    c = create_case_study(force=forces["B"], issue=two, title="A cell in crisis", themes=["custody", "mental_health"])
    create_case_study(force=forces["A"], issue=draft, title="Drafted and secret", themes=["road_traffic"])
    create_case_study(force=forces["A"], issue=two, title="Still in edit", themes=["vawg"], status="in_edit")
    return a, b, c


def test_themes_know_their_issues_and_case_studies(app, forces):
    a, b, c = _magazine(forces)
    found = {t.choice.code: [(i.number, i.case_studies) for i in t.issues] for t in themes.themes()}
    assert found == {
        "use_of_force": [(2, [(b.id, "Restraint on a bridge")])],
        "custody": [(2, [(c.id, "A cell in crisis")]), (1, [(a.id, "A late rousing check")])],
        "mental_health": [(2, [(b.id, "Restraint on a bridge"), (c.id, "A cell in crisis")])],
    }
    assert themes.theme("custody").case_study_count == 2
    assert themes.theme("road_traffic") is None  # only in a draft issue
    assert themes.theme("vawg") is None  # only on a case study not published
    assert themes.theme("no_such_theme") is None
    assert themes.theme('%"') is None


def test_themes_page_and_issues_filtered_by_theme(app, client, forces):
    _magazine(forces)
    page = client.get("/magazine/themes").get_data(as_text=True)
    assert page.index("Use of force") < page.index("Custody") < page.index("Mental health")
    assert "Drafted and secret" not in page and "Not out yet" not in page and "Still in edit" not in page
    assert 'href="/magazine/?theme=custody"' in page
    assert 'href="/magazine/case-factor-table?theme=custody"' in page
    home = client.get("/magazine/").get_data(as_text=True)
    assert 'href="/magazine/themes"' in home
    custody = client.get("/magazine/?theme=custody").get_data(as_text=True)
    assert "2 issues with case studies on Custody." in custody
    assert custody.index("Issue 2: Crisis and restraint") < custody.index("A cell in crisis") \
        < custody.index("Issue 1: Custody and care") < custody.index("A late rousing check")
    assert "Restraint on a bridge" not in custody
    for odd in ("road_traffic", "no_such_theme", "<script>", "%25"):
        response = client.get("/magazine/", query_string={"theme": odd})
        assert response.status_code == 200
        text = response.get_data(as_text=True)
        assert "No published case study has this theme yet." in text and "<script>" not in text.split("<main")[1]
