"""Roles and the permissions each grants: data, not ifs. The one place to change who may do what."""
from __future__ import annotations

from enum import StrEnum
from typing import Iterable


class Role(StrEnum):
    OFFICER = "officer"
    REVIEWER = "reviewer"
    LEARNING = "learning"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.OFFICER: "Officer or staff",
    Role.REVIEWER: "PSD reviewer",
    Role.LEARNING: "Learning team",
    Role.ADMIN: "Force administrator",
}

ROLE_HINTS = {
    Role.OFFICER: "Files debriefs of incidents and near-misses.",
    Role.REVIEWER: "Runs root-cause analysis for their own force.",
    Role.LEARNING: "Works only on anonymised material, across forces.",
    Role.ADMIN: "Manages the users of their force and reads its audit log.",
}


class Permission(StrEnum):
    SIGNED_IN = "signed_in"          # any signed-in user: home, sign-out
    FILE_DEBRIEF = "file_debrief"
    REVIEW_INCIDENTS = "review_incidents"
    WORK_ON_CASE_STUDIES = "work_on_case_studies"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    VIEW_PATTERNS = "view_patterns"          # analytics: reviewers and admins their force, learning all forces
    RESPOND_FOR_FORCE = "respond_for_force"  # record the force's response to a magazine's reflective question


PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OFFICER: frozenset({Permission.SIGNED_IN, Permission.FILE_DEBRIEF}),
    Role.REVIEWER: frozenset({Permission.SIGNED_IN, Permission.REVIEW_INCIDENTS, Permission.VIEW_PATTERNS,
                              Permission.RESPOND_FOR_FORCE}),
    Role.LEARNING: frozenset({Permission.SIGNED_IN, Permission.WORK_ON_CASE_STUDIES, Permission.VIEW_PATTERNS}),
    Role.ADMIN: frozenset({Permission.SIGNED_IN, Permission.MANAGE_USERS, Permission.VIEW_AUDIT,
                           Permission.VIEW_PATTERNS, Permission.RESPOND_FOR_FORCE}),
}

# Where each role lands after signing in, in order of precedence for people with several roles.
HOME_ENDPOINTS: dict[Role, str] = {
    Role.OFFICER: "main.officer_home",
    Role.REVIEWER: "review.queue",
    Role.LEARNING: "learning.case_studies",
    Role.ADMIN: "admin.users",
}


def permissions_for(roles: Iterable[Role]) -> frozenset[Permission]:
    granted: set[Permission] = set()
    for role in roles:
        granted |= PERMISSIONS[Role(role)]
    return frozenset(granted)


def home_endpoint_for(roles: Iterable[Role]) -> str:
    held = set(roles)
    for role, endpoint in HOME_ENDPOINTS.items():
        if role in held:
            return endpoint
    return "main.no_role"
