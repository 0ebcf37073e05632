"""The demo's bug class end to end: an action plan whose words are also names ("Add the weapon field", "Mark",
"Field") goes through the release and the learning team's edit without the gate refusing the anonymiser's own text."""
from __future__ import annotations

import pytest

from debrief.auth.roles import Role
from debrief.publications import service
from debrief.publications.gate import IdentifyingText
from tests.support.factories import create_user
from tests.support.release_factories import released_case_study

ACTIONS = (("Add the weapon field to the deployment script", "Control room systems"),
           ("Mark the field as mandatory when the caller mentions a weapon", "Resourcing team"))


@pytest.fixture
def case(who):
    # The lead's name is made of ordinary words, so "Mark" and "Field" are on the case's deny list.
    who["lead"].name = "Mark Field"
    return released_case_study(who, actions=ACTIONS)


def _edit(case, learner, **texts):
    fields = {k: getattr(case, k) for k in ("summary", "what_happened", "findings_key_learning", "action_taken",
                                             "outcome_for_individuals", "recommendations")}
    service.update_case_study(case, actor=learner, title=case.title, themes=case.themes or [],
                              operational_areas=case.operational_areas or [],
                              factor_categories=case.factor_categories or [], **{**fields, **texts})


def test_release_keeps_the_ordinary_words_and_the_learning_team_may_edit_them(case, who):
    assert "Mark" in case.deny_terms and "Field" in case.deny_terms
    assert "Add" not in case.deny_terms and "Resourcing" not in case.deny_terms
    assert case.action_taken == (
        "- Add the weapon field to the deployment script (Control room systems; open)\n"
        "- Mark the field as mandatory when the caller mentions a weapon (Resourcing team; open)")
    learner = create_user(force=who["force"], roles=[Role.LEARNING], name="Grace Okafor", email="g@nsp.example")
    edited = case.action_taken.replace("Add the weapon field", "Add the weapon field, read out,")
    _edit(case, learner, action_taken=edited)
    assert case.action_taken == edited


def test_the_learning_team_still_cannot_name_the_person(case, who):
    learner = create_user(force=who["force"], roles=[Role.LEARNING], name="Grace Okafor", email="g@nsp.example")
    for named in ("- Mark said the field was added (Resourcing team; open)",
                  "- Ask Sergeant Field to add the weapon field (Control room systems; open)"):
        with pytest.raises(IdentifyingText):
            _edit(case, learner, action_taken=named)
