"""The just-culture check on a contributory factor as it is saved: wording that names or blames a person is shown
back with a warning and suggestions, nothing saved, until the reviewer rewords it or confirms it as written."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.extensions import db
from debrief.models import AuditEvent, RcaNode
from debrief.rca import service
from debrief.rca.justculture import check_item
from tests.support.factories import create_user, submitted_debrief
from tests.support.pages import post_form, sign_in


@pytest.fixture
def setup(people, forces):
    author = create_user(force=forces["A"], roles=[Role.OFFICER], email="kay@aaa.example", name="Kay Brennan")
    lead = people[("A", Role.REVIEWER)]
    debrief = submitted_debrief(author=author)
    rca = service.start_rca(debrief.incident, actor=lead, level="concise", terms_of_reference="Why?")
    problem = service.mark_problem(rca, rca.chronology[0], actor=lead)
    return rca, problem, lead


def _factor(label: str, **extra) -> dict:
    return {"label": label, "category": "individual", "evidence_kind": "none", "description": "", **extra}


def _factors(rca) -> list[str]:
    db.session.expire_all()
    return [n.label for n in db.session.scalars(select(RcaNode).where(RcaNode.rca_id == rca.id,
                                                                       RcaNode.kind == "factor"))]


@pytest.mark.parametrize("label, flagged", [
    ("PC Smith failed to search the detainee", ["PC Smith", "failed to"]),  # rank and surname
    ("Brennan did not check the cell hatch", ["Brennan"]),  # a surname from the incident's people list
    ("Kay Brennan was alone on the wing", ["Kay Brennan"]),  # a full name from it
])
def test_a_factor_naming_or_blaming_a_person_is_warned_and_not_saved(client, setup, label, flagged):
    rca, problem, lead = setup
    sign_in(client, lead.email)
    url = f"/rca/{rca.id}/items/{problem.id}/contributors/new"
    page = post_form(client, url, _factor(label), status=200)
    warning = page.html.select_one("#just-culture .govuk-warning-text__text").get_text(" ", strip=True)
    assert "learning, not blame" in warning
    assert [f.get_text(strip=True) for f in page.html.select("#just-culture-findings strong")] == flagged
    assert page.error_summary() == ["Check the wording: it may blame a person rather than describe the conditions"]
    assert page.html.find("input", attrs={"name": "label"})["value"] == label  # what was typed is kept
    assert page.html.find("input", attrs={"name": "keep_wording"}) is not None
    assert _factors(rca) == []


def test_reworded_it_saves_and_confirmed_as_written_it_saves_with_an_audit_note(client, setup):
    rca, problem, lead = setup
    sign_in(client, lead.email)
    url = f"/rca/{rca.id}/items/{problem.id}/contributors/new"
    post_form(client, url, _factor("PC Smith failed to search the detainee"), status=200)
    post_form(client, url, _factor("The search policy did not prompt a second check at night"), status=302)
    assert _factors(rca) == ["The search policy did not prompt a second check at night"]
    post_form(client, url, _factor("Brennan did not check the cell hatch", keep_wording="y"), status=302)
    assert "Brennan did not check the cell hatch" in _factors(rca)
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "rca.factor_added")
                               .order_by(AuditEvent.id.desc())).first()
    assert event.details["wording_kept"] == ["Brennan"]


def test_editing_an_item_into_blaming_wording_is_warned_too(client, setup):
    rca, problem, lead = setup
    factor = service.add_factor(rca, actor=lead, contributes_to=problem, label="Night cover was thin",
                                category="individual")
    sign_in(client, lead.email)
    url = f"/rca/{rca.id}/items/{factor.id}"
    page = post_form(client, url, _factor("Sgt Patel should have sent a second unit"), status=200)
    assert [f.get_text(strip=True) for f in page.html.select("#just-culture-findings strong")] == [
        "Sgt Patel", "should have"]
    assert _factors(rca) == ["Night cover was thin"]


def test_the_check_leaves_system_wording_and_ordinary_words_alone():
    names = ["Kay Brennan", "Jane Hope"]
    for text in ("The radio failed to transmit in the stairwell", "There was hope the second crew would arrive",
                 "The officer was single-crewed and the custody sergeant had twelve detainees"):
        assert check_item(text, names=names) == [], text
