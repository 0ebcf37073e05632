"""The case-study transition table, checked cell by cell: every status x action x actor."""
from __future__ import annotations

import itertools

import pytest

from debrief.models.publication import CASE_STUDY_STATUSES
from debrief.publications import workflow as wf

ACTORS = (wf.LEARNING_TEAM, wf.FORCE_REVIEWER, wf.PUBLISHING)

# (from, action) -> (to, actor): the whole table as the issue describes it, written out by hand.
EXPECTED = {
    ("candidate", "edit"): ("in_edit", wf.LEARNING_TEAM),
    ("approved", "edit"): ("in_edit", wf.LEARNING_TEAM),
    ("in_edit", "approve"): ("approved", wf.LEARNING_TEAM),
    ("approved", "schedule"): ("scheduled", wf.LEARNING_TEAM),
    ("scheduled", "unschedule"): ("approved", wf.LEARNING_TEAM),
    ("scheduled", "publish"): ("published", wf.PUBLISHING),
    **{(s, "return"): ("returned", wf.LEARNING_TEAM) for s in ("candidate", "in_edit", "approved")},
    **{(s, "reject"): ("rejected", wf.LEARNING_TEAM) for s in ("candidate", "in_edit", "approved")},
    ("returned", "resubmit"): ("candidate", wf.FORCE_REVIEWER),
    ("published", "withdraw"): ("withdrawn", wf.LEARNING_TEAM),
    ("withdrawn", "republish"): ("published", wf.LEARNING_TEAM),
}


def test_statuses_match_the_model():
    assert set(wf.STATUSES) == set(CASE_STUDY_STATUSES)
    assert set(wf.STATUS_LABELS) == set(CASE_STUDY_STATUSES) == set(wf.STATUS_TAGS)


@pytest.mark.parametrize("status,action,actor", list(itertools.product(
    wf.STATUSES, [t.action for t in wf.TRANSITIONS], ACTORS)))
def test_every_cell_of_the_table(status, action, actor):
    expected = EXPECTED.get((status, action))
    if expected is not None and expected[1] == actor:
        assert wf.transition(status, action, actor, comment="Because") == expected[0]
    else:
        with pytest.raises(wf.TransitionRefused):
            wf.transition(status, action, actor, comment="Because")


def test_rejected_is_final_and_published_can_only_be_withdrawn():
    assert all(wf.allowed("rejected", actor) == [] for actor in ACTORS)
    assert [t.action for t in wf.allowed("published", wf.LEARNING_TEAM)] == ["withdraw"]
    assert wf.allowed("published", wf.FORCE_REVIEWER) == wf.allowed("published", wf.PUBLISHING) == []
    assert [t.action for t in wf.allowed("withdrawn", wf.LEARNING_TEAM)] == ["republish"]


@pytest.mark.parametrize("action,status,actor,message", [
    ("return", "in_edit", wf.LEARNING_TEAM, "Enter the question for the force"),
    ("reject", "candidate", wf.LEARNING_TEAM, "Enter the reason"),
    ("resubmit", "returned", wf.FORCE_REVIEWER, "Enter your answer"),
    ("withdraw", "published", wf.LEARNING_TEAM, "Enter why the case study is being withdrawn"),
])
def test_return_reject_resubmit_and_withdraw_need_words(action, status, actor, message):
    with pytest.raises(wf.TransitionRefused, match=message):
        wf.transition(status, action, actor, comment="   ")


def test_allowed_lists_the_learning_teams_choices_in_order():
    assert [t.action for t in wf.allowed("in_edit", wf.LEARNING_TEAM)] == ["approve", "return", "reject"]
    assert [t.action for t in wf.allowed("returned", wf.FORCE_REVIEWER)] == ["resubmit"]
    assert wf.allowed("returned", wf.LEARNING_TEAM) == []


def test_unknown_action_is_refused():
    with pytest.raises(wf.TransitionRefused):
        wf.transition("candidate", "teleport", wf.LEARNING_TEAM)


def test_editable_states():
    # A withdrawn case study is corrected where it stands (then republished); a published one never changes.
    assert [s for s in wf.STATUSES if wf.is_editable(s)] == ["candidate", "in_edit", "approved", "withdrawn"]
