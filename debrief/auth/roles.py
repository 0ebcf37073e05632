"""Roles and the permissions each grants: data, not ifs. The one place to change who may do what."""
from __future__ import annotations

from enum import StrEnum
from typing import Iterable


class Role(StrEnum):
    OFFICER = "officer"
    REVIEWER = "reviewer"
    LEARNING = "learning"
    ADMIN = "admin"
    NATIONAL_ADMIN = "national_admin"
    WELLBEING = "wellbeing"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.OFFICER: "Officer or staff",
    Role.REVIEWER: "PSD reviewer",
    Role.LEARNING: "Learning team",
    Role.ADMIN: "Force administrator",
    Role.NATIONAL_ADMIN: "National administrator",
    Role.WELLBEING: "Force wellbeing contact",
}

ROLE_HINTS = {
    Role.OFFICER: "Files debriefs of incidents and near-misses.",
    Role.REVIEWER: "Runs root-cause analysis for their own force.",
    Role.LEARNING: "Works only on anonymised material, across forces.",
    Role.ADMIN: "Manages the users of their force and reads its audit log.",
    Role.NATIONAL_ADMIN: "Manages learning-team accounts; sees no force's records.",
    Role.WELLBEING: "Sees and acknowledges their force's wellbeing support requests.",
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
    MANAGE_LEARNING_TEAM = "manage_learning_team"  # national: learning-team accounts, no force records
    SUPPORT_WELLBEING = "support_wellbeing"        # a force's wellbeing contact: support requests, not PSD
    MANAGE_REFERENCE_FIGURES = "manage_reference_figures"  # national: officers, arrests, population per force


PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OFFICER: frozenset({Permission.SIGNED_IN, Permission.FILE_DEBRIEF}),
    Role.REVIEWER: frozenset({Permission.SIGNED_IN, Permission.REVIEW_INCIDENTS, Permission.VIEW_PATTERNS,
                              Permission.RESPOND_FOR_FORCE}),
    Role.LEARNING: frozenset({Permission.SIGNED_IN, Permission.WORK_ON_CASE_STUDIES, Permission.VIEW_PATTERNS}),
    Role.ADMIN: frozenset({Permission.SIGNED_IN, Permission.MANAGE_USERS, Permission.VIEW_AUDIT,
                           Permission.VIEW_PATTERNS, Permission.RESPOND_FOR_FORCE}),
    Role.NATIONAL_ADMIN: frozenset({Permission.SIGNED_IN, Permission.MANAGE_LEARNING_TEAM,
                                    Permission.MANAGE_REFERENCE_FIGURES}),
    Role.WELLBEING: frozenset({Permission.SIGNED_IN, Permission.SUPPORT_WELLBEING}),
}

# Where each role lands after signing in, in order of precedence for people with several roles.
HOME_ENDPOINTS: dict[Role, str] = {
    Role.OFFICER: "main.officer_home",
    Role.REVIEWER: "review.queue",
    Role.LEARNING: "learning.case_studies",
    Role.ADMIN: "admin.users",
    Role.NATIONAL_ADMIN: "national.learning_team",
    Role.WELLBEING: "wellbeing.requests",
}


def permissions_for(roles: Iterable[Role]) -> frozenset[Permission]:
    """What these roles may do; being signed in (home, sign-out, the page for someone with no role yet) needs none."""
    granted: set[Permission] = {Permission.SIGNED_IN}
    for role in roles:
        granted |= PERMISSIONS[Role(role)]
    return frozenset(granted)


def home_endpoint_for(roles: Iterable[Role]) -> str:
    held = set(roles)
    for role, endpoint in HOME_ENDPOINTS.items():
        if role in held:
            return endpoint
    return "main.no_role"


# Roles one account may never hold together, and why: identifiable records and anonymised work stay in separate hands.
EXCLUSIVE_ROLES: tuple[tuple[Role, Role, str], ...] = (
    (Role.LEARNING, Role.REVIEWER,
     "The learning team works on anonymised text across forces, and PSD reviewers see their force's identifiable "
     "records: one account cannot hold both"),
    (Role.NATIONAL_ADMIN, Role.ADMIN,
     "A national administrator has no access to any force's records, so cannot also be a force administrator"),
    (Role.NATIONAL_ADMIN, Role.REVIEWER,
     "A national administrator has no access to any force's records, so cannot also be a PSD reviewer"),
    (Role.NATIONAL_ADMIN, Role.OFFICER,
     "A national administrator has no access to any force's records, so cannot also file debriefs"),
    (Role.NATIONAL_ADMIN, Role.WELLBEING,
     "A national administrator has no access to any force's records, so cannot also be a wellbeing contact"),
    (Role.WELLBEING, Role.REVIEWER,
     "Wellbeing answers are kept from professional standards: a wellbeing contact cannot also be a PSD reviewer"),
    (Role.WELLBEING, Role.LEARNING,
     "Wellbeing answers never reach the learning team: a wellbeing contact cannot also be in the learning team"),
)
# Who may grant what: a force administrator only roles that stay inside the force; a national administrator only
# learning-team accounts. (The `create-user` command, run on the server, may grant any role.)
GRANTABLE_BY: dict[Role, frozenset[Role]] = {
    Role.ADMIN: frozenset({Role.OFFICER, Role.REVIEWER, Role.ADMIN, Role.WELLBEING}),
    Role.NATIONAL_ADMIN: frozenset({Role.LEARNING}),
}


def combination_problem(roles: Iterable[Role]) -> str | None:
    """Why these roles cannot be held by one account, or None."""
    held = {Role(r) for r in roles}
    for one, other, reason in EXCLUSIVE_ROLES:
        if one in held and other in held:
            return reason
    return None


def grantable_by(granter_roles: Iterable[Role]) -> frozenset[Role]:
    """The roles someone holding `granter_roles` may give."""
    out: set[Role] = set()
    for role in granter_roles:
        out |= GRANTABLE_BY.get(Role(role), frozenset())
    return frozenset(out)


def grant_problem(roles: Iterable[Role], granter_roles: Iterable[Role]) -> str | None:
    """Why someone holding `granter_roles` may not give `roles`, or None."""
    beyond = sorted({Role(r) for r in roles} - grantable_by(granter_roles), key=lambda r: list(Role).index(r))
    if not beyond:
        return None
    if Role.LEARNING in beyond:
        return ("Learning-team accounts work across forces, so only a national administrator can give that role")
    return f"You cannot give the role ‘{beyond[0].label}’: it reaches beyond what you manage"


# Roles that reach beyond one force: their accounts are the national administrator's (or the server's) to manage,
# wherever the account's record is kept, never a force administrator's.
NATIONAL_ROLES = frozenset({Role.LEARNING, Role.NATIONAL_ADMIN})
BEYOND_FORCE = ("Managed by the national administrator: this account holds a national role ({roles}), so only a "
                "national administrator can change it")


def manage_problem(target_roles: Iterable[Role], manager_roles: Iterable[Role]) -> str | None:
    """Why someone holding `manager_roles` may not change the roles of, deactivate or reactivate an account holding
    `target_roles`, or None. A national role puts the account in the national administrator's hands (a national
    administrator's own account only in the server's); any other account is its force administrator's."""
    held, managers = {Role(r) for r in target_roles}, {Role(r) for r in manager_roles}
    national = sorted(held & NATIONAL_ROLES, key=lambda r: list(Role).index(r))
    if Role.NATIONAL_ADMIN in held:
        return ("Managed on the server: national administrator accounts are added, deactivated and reactivated only "
                "there, with the create-user, deactivate-user and reactivate-user commands")
    if national:
        if Role.NATIONAL_ADMIN in managers:
            return None
        return BEYOND_FORCE.format(roles=", ".join(r.label for r in national))
    if Role.ADMIN in managers:
        return None
    return "This account holds no national role, so its force administrator manages it"


def affiliation(roles: Iterable[Role], force_name: str) -> str:
    """What an account belongs to, as pages name it beside the person: their force, unless every role it holds is
    national (its record is kept with a force, but it belongs to none)."""
    held = {Role(r) for r in roles}
    if held and held <= NATIONAL_ROLES:
        return "National administration" if Role.NATIONAL_ADMIN in held else "National learning team"
    return force_name


def who_can_help(roles: Iterable[Role]) -> str:
    """Who to ask for a page one may not see, by the roles one holds: a force administrator cannot give themselves a
    role, and a national account is no force administrator's."""
    held = {Role(r) for r in roles}
    if Role.NATIONAL_ADMIN in held:
        return ("A national administrator sees no force's records. If you think you should see this page, ask whoever "
                "runs Debrief on the server: national administrator accounts are changed only there.")
    if Role.ADMIN in held:
        return ("If you think you should, ask another administrator of your force: nobody can change their own roles. "
                "The learning-team role is given only by the national administrator.")
    if held and held <= NATIONAL_ROLES:
        return "If you think you should, ask the national administrator, who manages learning-team accounts."
    return "If you think you should, ask your force administrator."
