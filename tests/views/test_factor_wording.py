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


def _whys(*answers: str, **extra) -> dict:
    data = {f"why_{n}": text for n, text in enumerate(answers, start=1)}
    return {**data, **{f"category_{n}": "working_conditions" for n in range(1, len(answers) + 1)}, **extra}


def test_five_whys_answers_have_the_same_check_warned_then_reworded_or_confirmed(client, setup):
    # Each answer becomes a factor: the same warning, nothing saved, the answers kept, then reword or confirm.
    rca, problem, lead = setup
    sign_in(client, lead.email)
    url = f"/rca/{rca.id}/items/{problem.id}/whys"
    blaming = _whys("The cell was checked late", "Brennan failed to look through the hatch")
    page = post_form(client, url, blaming, status=200)
    warning = page.html.select_one("#just-culture .govuk-warning-text__text").get_text(" ", strip=True)
    assert "learning, not blame" in warning
    assert [f.get_text(strip=True) for f in page.html.select("#just-culture-findings strong")] == [
        "Brennan", "failed to"]
    assert "Why 2: Brennan failed to look through the hatch" in page.html.select_one("#just-culture-findings").text
    assert page.error_summary() == ["Check the wording: it may blame a person rather than describe the conditions"]
    assert page.html.select_one(".govuk-error-summary a")["href"] == "#why_2"
    assert page.html.find("input", attrs={"name": "why_2"})["value"] == "Brennan failed to look through the hatch"
    assert page.html.find("input", attrs={"name": "keep_wording"}) is not None
    assert _factors(rca) == []
    # Reworded, it saves with no note.
    post_form(client, url, _whys("The cell was checked late", "The hatch check was not on the night checklist"),
              status=302)
    assert _factors(rca) == ["The cell was checked late", "The hatch check was not on the night checklist"]
    # Confirmed as written, it saves and the audit event says what was flagged.
    post_form(client, url, _whys("Kay Brennan was alone on the wing", keep_wording="y"), status=302)
    assert "Kay Brennan was alone on the wing" in _factors(rca)
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "rca.five_whys_added")
                               .order_by(AuditEvent.id.desc())).first()
    assert event.details["wording_kept"] == ["Kay Brennan"]
