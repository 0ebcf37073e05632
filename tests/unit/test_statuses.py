"""The status enums: their stored values are the strings already in the database (no migration), every status
that is shown has exactly one label, and the template helpers read those labels rather than a copy."""
from __future__ import annotations

import pytest

from debrief.debriefs.steps import SectionStatus
from debrief.models import Debrief, Subscriber, UseOfForceImportRun
from debrief.models.debrief import OPEN_DEBRIEF_STATUSES, DebriefStatus
from debrief.models.mail import SubscriberStatus
from debrief.models.publication import (
    CASE_STUDY_STATUSES, CaseStudy, IssueStatus, MagazineIssue, RecommendationStance, ResponseStatus,
)
from debrief.models.rca import ActionStatus, ChronologySource, RcaStatus, ReleaseStatus
from debrief.models.use_of_force import ImportRunStatus
from debrief.publications.workflow import CaseStudyStatus

STORED = {
    DebriefStatus: ["requested", "draft", "submitted", "not_there"],
    SectionStatus: ["not_started", "in_progress", "completed"],
    CaseStudyStatus: ["candidate", "in_edit", "approved", "scheduled", "published", "returned", "rejected", "withdrawn"],
    IssueStatus: ["draft", "published"],
    ResponseStatus: ["draft", "approved", "withdrawn"],
    SubscriberStatus: ["pending", "confirmed"],
    ImportRunStatus: ["running", "completed", "failed", "interrupted"],
    RcaStatus: ["draft", "in_review", "signed_off"],
    ActionStatus: ["open", "in_progress", "done", "not_taken_forward"],
    ReleaseStatus: ["draft", "released"],
}
LABELLED = [SectionStatus, CaseStudyStatus, IssueStatus, ResponseStatus, ImportRunStatus, RcaStatus, ActionStatus,
            RecommendationStance, ChronologySource]


@pytest.mark.parametrize("enum", list(STORED), ids=lambda e: e.__name__)
def test_stored_values_are_the_strings_already_stored(enum):
    assert [member.value for member in enum] == STORED[enum]
    assert all(member == value for member, value in zip(enum, STORED[enum]))  # compares equal to the bare string


@pytest.mark.parametrize("enum", LABELLED, ids=lambda e: e.__name__)
def test_every_member_has_a_label(enum):
    labels = [member.label for member in enum]
    assert all(isinstance(label, str) and label.strip() for label in labels)
    assert len(set(labels)) == len(labels)


def test_column_defaults_are_the_enums():
    assert CaseStudy.__table__.c.status.default.arg == CaseStudyStatus.CANDIDATE
    assert list(CASE_STUDY_STATUSES) == list(CaseStudyStatus)
    assert MagazineIssue.__table__.c.status.default.arg == IssueStatus.DRAFT
    assert Debrief.__table__.c.status.default.arg == DebriefStatus.REQUESTED
    assert Subscriber.__table__.c.status.default.arg == SubscriberStatus.PENDING
    assert UseOfForceImportRun.__table__.c.status.default.arg == ImportRunStatus.RUNNING
    assert OPEN_DEBRIEF_STATUSES == (DebriefStatus.REQUESTED, DebriefStatus.DRAFT)


def test_template_helpers_read_the_enums_labels(app):
    env = app.jinja_env
    for status in RcaStatus:
        assert env.globals["rca_status_label"](status.value) == status.label
        assert env.globals["rca_status_class"](status.value).startswith("govuk-tag--")
    for status in CaseStudyStatus:
        assert env.globals["case_status_label"](status.value) == status.label
        assert env.globals["case_status_class"](status.value).startswith("govuk-tag--")
    assert env.globals["case_status_label"]("retired") == "retired"  # an unknown code is shown as stored
