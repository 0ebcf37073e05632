"""Demo root-cause analyses (`rcas.json`): signed-off RCAs with realistic graphs and action plans, and RCAs in each
working state (draft with a panel, in review awaiting the second reviewer, returned with comments). Idempotent.

Built through rca/service.py, the same operations a reviewer's clicks call, so the demo exercises the real
path (chronology from debriefs, problems, factors, links, root causes, sign-off by a second reviewer).
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from debrief.auth.roles import Role
from debrief.demo import data
from debrief.demo.accounts import demo_user, force_by_code, second_reviewer
from debrief.extensions import db
from debrief.models import Force, Incident, OutboxMessage, RootCauseAnalysis, User
from debrief.models.debrief import DebriefStatus
from debrief.models.rca import ActionStatus, RcaStatus, Strength
from debrief.rca import service
from debrief.rca.service import team


def _incident(force: Force, summary_starts: str) -> Incident | None:
    for incident in db.session.scalars(select(Incident).where(
            Incident.force_id == force.id, Incident.summary.like(summary_starts + "%")).order_by(Incident.id)):
        if (any(d.status == DebriefStatus.SUBMITTED for d in incident.debriefs)
                and service.rca_for_incident(incident) is None):
            return incident
    return None


def _build(spec: dict[str, Any], incident: Incident, lead: User, second: User) -> RootCauseAnalysis:
    """The RCA of `spec`, carried as far as its "state" (default signed off): draft with a panel, in review,
    returned with comments, or signed off."""
    state = spec.get("state", "signed_off")
    # Three days after the incident, but never later than today: a recent incident's RCA started today.
    start = min((incident.occurred_at.date() if incident.occurred_at else date.today()) + timedelta(days=3),
                date.today())
    rca = service.start_rca(incident, actor=lead, level=spec["level"], terms_of_reference=spec["terms"], today=start)
    if state == "draft":
        # The second reviewer sits on this one's panel (and so could not sign it off).
        team.add_panel_member(rca, actor=lead, user=second)
        team.declare_interests(rca, actor=second, has_conflict=True,
                               detail="Worked on the same response team as one of the officers until last year.")
    outcome = next(n for n in rca.nodes if n.kind == "outcome")
    service.update_node(rca, outcome, actor=lead, label=spec["outcome"], description="", category=None,
                        evidence_kind="none")
    entries = list(rca.chronology)
    def entry_with(words: str):
        return next((e for e in entries if words.lower() in e.what.lower()), entries[0])

    problems = [service.mark_problem(rca, entry_with(words), actor=lead) for words in spec["problems"]]
    nodes: dict[str, Any] = {}

    def node_for(target: str):
        return problems[int(target.split(":")[1])] if target.startswith("problem:") else nodes[target]

    roots = []
    for key, label, category, target, evidence, root in spec["factors"]:
        into = node_for(target)
        kwargs: dict[str, Any] = {"evidence_kind": "none"}
        if evidence and evidence.startswith("entry:"):
            kwargs = {"evidence_kind": "timeline", "evidence_entry_id": entry_with(evidence[6:]).id}
        elif evidence == "debrief":
            kwargs = {"evidence_kind": "debrief",
                      "evidence_debrief_id": next(d.id for d in incident.debriefs
                                                  if d.status == DebriefStatus.SUBMITTED)}
        elif evidence:
            kwargs = {"evidence_kind": "document", "evidence_document": evidence[4:]}
        nodes[key] = service.add_factor(rca, actor=lead, contributes_to=into, label=label, category=category, **kwargs)
        if root:
            roots.append(nodes[key])
    for cause, effect in spec.get("links", ()):
        service.link_nodes(rca, actor=lead, cause=node_for(cause), effect=node_for(effect))
    for node in roots:
        service.set_root_cause(rca, node, actor=lead, confirmed=True)
    service.save_report_sections(rca, actor=lead, texts=report_texts(spec))
    for text, keys, actions in spec["recommendations"]:
        rec = service.save_recommendation(rca, actor=lead, recommendation=None, text=text,
                                          node_ids=[nodes[k].id for k in keys],
                                          strength=spec.get("strengths", {}).get(text[:20], Strength.INTERMEDIATE))
        for description, owner, days, measure, status in actions:
            service.save_action(rca, actor=lead, recommendation=rec, action=None, description=description,
                                owner=owner, due_on=start + timedelta(days=days), measure=measure, status=status,
                                reason="The hospital could not release a room; waits are now escalated instead."
                                if status == ActionStatus.NOT_TAKEN_FORWARD else "",
                                completion_evidence=measure if status == ActionStatus.DONE else "", today=start)
    team.declare_interests(rca, actor=lead, has_conflict=False, detail="")
    if state == "draft":
        return rca
    service.send_for_review(rca, actor=lead)
    if state == "returned":
        service.return_for_changes(rca, actor=second, comment=spec["return_comment"],
                                   section_comments=spec.get("section_comments"))
    elif state == "signed_off":
        service.sign_off(rca, actor=second, comment="Clear, system-focused findings. Signed off.")
    return rca


def report_texts(spec: dict[str, Any]) -> dict[str, str]:
    """The structured report of a demo RCA: the spec's findings as the summary, the rest written around them."""
    return {
        "executive_summary": spec["findings"],
        "incident_and_consequences": spec.get("consequences", spec["outcome"] + "."),
        "involvement_and_support": spec.get(
            "involvement", "The person and their family were told the review had started and were asked what they "
            "wanted it to answer. The officers involved were debriefed and offered welfare support."),
        "lessons": spec.get("lessons", "The conditions, not the people, made the problems likely:\n\n"
                            + "\n".join(f"- {text}" for text, _, _ in spec["recommendations"])),
        "sharing_learning": spec.get(
            "sharing", "The report goes to the teams involved and the force learning board; the anonymised "
                       "findings are released to the learning team for the magazine."),
    }


def seed_rcas(password: str = data.PASSWORD, specs: Iterable[dict[str, Any]] | None = None) -> int:
    """RCAs on demo incidents (those of `rcas.json` unless `specs` are given); returns how many were made (0 when
    they already exist)."""
    made = 0
    built: list[RootCauseAnalysis] = []
    if specs is None:
        specs = [*data.rcas()["signed_off"], *data.rcas()["working_states"]]
    for spec in specs:
        force = force_by_code(spec["force"])
        lead = demo_user(spec["force"], Role.REVIEWER)
        if force is None or lead is None:
            continue
        already = db.session.scalar(select(RootCauseAnalysis.id).join(Incident).where(
            Incident.force_id == force.id, Incident.summary.like(spec["summary_starts"] + "%")).limit(1))
        if already is not None:
            continue
        incident = _incident(force, spec["summary_starts"])
        if incident is None:
            continue
        built.append(_build(spec, incident, lead, second_reviewer(force, password)))
        made += 1
    _settle_sign_off_mail(built)
    return made


def _settle_sign_off_mail(rcas: list[RootCauseAnalysis]) -> None:
    """The demo plays each RCA's history in one go, but a real service sent each sign-off notice when its RCA went
    for review. So of the notices the demo queued, only the newest to each reviewer of an RCA still awaiting sign-off
    is left for the mail worker; the others are marked sent when they were queued, as they would have been."""
    for rca in rcas:
        waiting = rca.status == RcaStatus.IN_REVIEW
        told: set[str] = set()
        for message in db.session.scalars(select(OutboxMessage).where(
                OutboxMessage.dedupe_key.like(f"rca-sign-off:{rca.id}:%"), OutboxMessage.sent_at.is_(None))
                .order_by(OutboxMessage.id.desc())):
            if waiting and message.recipient not in told:
                told.add(message.recipient)
                continue
            message.sent_at, message.next_attempt_at = message.created_at, None
    db.session.commit()

