"""The RCA's team: who leads it, who sits on the panel, their declarations of interest, and who may not take part."""
from __future__ import annotations

from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.errors import ServiceError
from debrief.extensions import db
from debrief.models import Incident, RcaTeamMember, RootCauseAnalysis, User, UserRole, utcnow
from debrief.models.rca import TeamRole
from debrief.models.rca import RcaStatus
from debrief.rca.service.common import audit_rca, require_draft


def independence_problem(incident: Incident, user: User) -> str | None:
    """Why `user` is too close to the incident to lead, sit on the panel or sign off; None when independent."""
    if any(o.user_id == user.id for o in incident.officers):
        return f"{user.name} is named as an officer involved in the incident"
    if any(d.author_id == user.id for d in incident.debriefs):
        return f"{user.name} was asked for a debrief of the incident"
    if incident.reporter_id == user.id:
        return f"{user.name} reported the incident"
    return None


def _force_reviewers(force_id: int) -> list[User]:
    """Every reviewer of the force, active or not, by name, in one query."""
    return list(db.session.scalars(select(User).join(UserRole).where(
        User.force_id == force_id, UserRole.role == Role.REVIEWER.value).order_by(User.name, User.id)))


def eligible_reviewers(rca_or_incident: RootCauseAnalysis | Incident) -> list[User]:
    """Reviewers of the incident's force, independent of it, by name."""
    incident = rca_or_incident.incident if isinstance(rca_or_incident, RootCauseAnalysis) else rca_or_incident
    return [u for u in _force_reviewers(incident.force_id) if u.active and independence_problem(incident, u) is None]


def reviewers_for_team(rca: RootCauseAnalysis) -> tuple[list[User], list[tuple[User, str]]]:
    """The team page's two lists from one query: `eligible_reviewers` and `excluded_reviewers`."""
    reviewers = _force_reviewers(rca.force_id)
    found = [(u, independence_problem(rca.incident, u)) for u in reviewers]
    return [u for u, why in found if u.active and why is None], [(u, why) for u, why in found if why]


def check_independent(incident: Incident, user: User, *, as_what: str, field: str | None = None) -> None:
    problem = independence_problem(incident, user)
    if problem:
        raise ServiceError(f"{problem}, so they cannot {as_what}.", field)


def member(rca: RootCauseAnalysis, user: User) -> RcaTeamMember | None:
    return next((m for m in rca.team if m.user_id == user.id), None)


def reviewer(user_id: str | int | None) -> User | None:
    """The user a form's reviewer picker names, or None (the service then asks for one)."""
    return db.session.get(User, int(user_id)) if str(user_id or "").isdigit() else None


def excluded_reviewers(rca: RootCauseAnalysis) -> list[tuple[User, str]]:
    """Reviewers of the force who may not take part, with the reason, so nobody wonders where they went."""
    return reviewers_for_team(rca)[1]


def assign_lead(rca: RootCauseAnalysis, *, actor: User, lead: User | None) -> None:
    """The lead, or whoever started the RCA, hands the lead to an independent reviewer of the force."""
    if lead is None:
        raise ServiceError("Select the lead reviewer", "lead")
    require_draft(rca)
    if lead.force_id != rca.force_id or not lead.has_role(Role.REVIEWER):
        raise ServiceError("Select a PSD reviewer of the force", "lead")
    check_independent(rca.incident, lead, as_what="lead the RCA", field="lead")
    old = member(rca, rca.lead)
    if old is not None and old.role == TeamRole.LEAD:
        rca.team.remove(old)
    existing = member(rca, lead)
    if existing is not None:
        existing.role = TeamRole.LEAD
    else:
        rca.team.append(RcaTeamMember(user=lead, role=TeamRole.LEAD, conflict_detail=""))
    rca.lead = lead
    audit_rca("rca.lead_assigned", rca, actor, lead=lead.id)
    db.session.commit()


def add_panel_member(rca: RootCauseAnalysis, *, actor: User, user: User | None) -> RcaTeamMember:
    if user is None:
        raise ServiceError("Select a reviewer to add", "member")
    require_draft(rca)
    if user.force_id != rca.force_id or not user.has_role(Role.REVIEWER):
        raise ServiceError("Select a PSD reviewer of the force", "member")
    if member(rca, user) is not None:
        raise ServiceError(f"{user.name} is already on the team", "member")
    check_independent(rca.incident, user, as_what="sit on the panel", field="member")
    added = RcaTeamMember(user=user, role=TeamRole.MEMBER, conflict_detail="")
    rca.team.append(added)
    db.session.flush()
    audit_rca("rca.panel_member_added", rca, actor, member=user.id)
    db.session.commit()
    return added


def remove_panel_member(rca: RootCauseAnalysis, *, actor: User, team_member: RcaTeamMember) -> None:
    require_draft(rca)
    if team_member.role == TeamRole.LEAD:
        raise ServiceError("The lead cannot be removed: assign another lead instead.")
    rca.team.remove(team_member)
    audit_rca("rca.panel_member_removed", rca, actor, member=team_member.user_id)
    db.session.commit()


def declare_interests(rca: RootCauseAnalysis, *, actor: User, has_conflict: bool | None, detail: str) -> None:
    """A member declares, for themselves, whether they have a conflict of interest and what it is."""
    mine = member(rca, actor)
    if mine is None:
        raise ServiceError("Only members of the team declare their interests.")
    if rca.status == RcaStatus.SIGNED_OFF:
        raise ServiceError("This RCA has been signed off and can no longer be changed.")
    if has_conflict is None:
        raise ServiceError("Select whether you have a conflict of interest", "has_conflict")
    if has_conflict and not detail.strip():
        raise ServiceError("Enter the interest you are declaring", "conflict_detail")
    mine.has_conflict = has_conflict
    mine.conflict_detail = detail.strip() if has_conflict else ""
    mine.declared_at = utcnow()
    audit_rca("rca.interests_declared", rca, actor, conflict=has_conflict)
    db.session.commit()


def undeclared(rca: RootCauseAnalysis) -> list[RcaTeamMember]:
    return [m for m in rca.team if m.declared_at is None]
