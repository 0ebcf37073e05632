"""Every audit event the service can record, with the detail keys it must carry."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AuditSpec:
    description: str
    required: frozenset[str] = frozenset()


def _spec(description: str, *required: str) -> AuditSpec:
    return AuditSpec(description, frozenset(required))


EVENTS: dict[str, AuditSpec] = {
    "auth.signed_in": _spec("Signed in"),
    "auth.signed_out": _spec("Signed out"),
    "auth.sign_in_failed": _spec("Failed sign-in", "email", "reason"),
    "user.created": _spec("Added a user", "email", "roles"),
    "user.deactivated": _spec("Deactivated a user", "email"),
    "user.roles_changed": _spec("Changed a user's roles", "email", "before", "roles"),
    "user.list_viewed": _spec("Viewed the list of users", "count"),
    "user.viewed": _spec("Viewed a user", "email"),
    "audit.viewed": _spec("Viewed the audit log", "page"),
    "access.denied": _spec("Was refused a record", "path"),
    "incident.created": _spec("Started an incident", "reference"),
    "incident.viewed": _spec("Viewed an incident and its debriefs", "reference"),
    "debrief.created": _spec("Started a debrief", "incident", "kind"),
    "debrief.requested": _spec("Asked a colleague for their debrief", "incident", "requested_of"),
    "debrief.updated": _spec("Saved part of a debrief", "incident", "step", "fields"),
    "debrief.amended": _spec("Amended a submitted debrief", "incident", "step", "fields"),
    "debrief.submitted": _spec("Submitted a debrief", "incident"),
    "debrief.viewed": _spec("Viewed a debrief", "incident", "page"),
    "debrief.colleagues_searched": _spec("Searched for colleagues to name in an incident", "incident", "count"),
    "debrief.not_there": _spec("Said they were not at an incident they were named in", "incident"),
    "rca.started": _spec("Started a root-cause analysis", "incident", "level", "chronology_entries"),
    "rca.viewed": _spec("Viewed a root-cause analysis", "incident", "page"),
    "rca.updated": _spec("Changed an RCA's details or findings", "incident", "fields"),
    "rca.chronology_added": _spec("Added a chronology entry", "incident", "entry", "problem"),
    "rca.chronology_updated": _spec("Changed a chronology entry", "incident", "entry", "problem"),
    "rca.factor_added": _spec("Added a contributory factor", "incident", "node", "category"),
    "rca.item_updated": _spec("Changed an item of the factor graph", "incident", "node", "kind"),
    "rca.item_removed": _spec("Removed an item of the factor graph", "incident", "node", "kind"),
    "rca.linked": _spec("Linked two items of the factor graph", "incident", "cause", "effect"),
    "rca.unlinked": _spec("Removed a link of the factor graph", "incident", "cause", "effect"),
    "rca.root_cause_set": _spec("Confirmed or withdrew a root cause", "incident", "node", "confirmed"),
    "rca.five_whys_added": _spec("Added a 5-whys chain", "incident", "node", "factors"),
    "rca.recommendation_added": _spec("Added a recommendation", "incident", "recommendation"),
    "rca.recommendation_updated": _spec("Changed a recommendation", "incident", "recommendation"),
    "rca.action_added": _spec("Added an action", "incident", "action_id", "status"),
    "rca.action_updated": _spec("Changed an action", "incident", "action_id", "status"),
    "rca.sent_for_review": _spec("Sent an RCA for review", "incident"),
    "rca.returned": _spec("Returned an RCA for changes", "incident"),
    "rca.signed_off": _spec("Signed off an RCA", "incident"),
    "rca.downloaded": _spec("Downloaded an RCA drawing or report", "incident", "format"),
    "rca.chronology_removed": _spec("Removed a chronology entry", "incident", "entry"),
    "rca.lead_assigned": _spec("Assigned the lead of an RCA", "incident", "lead"),
    "rca.panel_member_added": _spec("Added a member to an RCA's panel", "incident", "member"),
    "rca.panel_member_removed": _spec("Removed a member from an RCA's panel", "incident", "member"),
    "rca.interests_declared": _spec("Declared interests for an RCA", "incident", "conflict"),
    "rca.recommendation_withdrawn": _spec("Withdrew a recommendation", "incident", "recommendation"),
    "rca.recommendation_not_taken_forward": _spec("Marked a recommendation not taken forward", "incident",
                                                  "recommendation"),
    "rca.action_withdrawn": _spec("Withdrew an action", "incident", "action_id"),
    "patterns.viewed": _spec("Viewed a Patterns dashboard (counts only)", "page", "filters"),
    "patterns.downloaded": _spec("Downloaded a Patterns figure as CSV (counts only)", "figure", "filters"),
    "patterns.figures_saved": _spec("Saved a year's reference figures (officers, arrests)", "year", "officers",
                                    "arrests"),
    "patterns.population_saved": _spec("Saved a force area's population share (reference figures)", "force",
                                       "dimension", "code", "share"),
    "release.viewed": _spec("Viewed the anonymised release of an RCA", "incident"),
    "release.updated": _spec("Changed the anonymised release of an RCA", "incident", "undone", "redactions"),
    "release.released": _spec("Released an RCA's anonymised findings as a candidate case study", "incident",
                              "case_study"),
    # Case studies and magazine issues (learning team; the force side answers questions sent back to it).
    "case_study.created": _spec("A candidate case study was created from a release", "source_rca"),
    "case_study.viewed": _spec("Viewed a case study being prepared", "status"),
    "case_study.updated": _spec("Changed a case study's text", "fields"),
    "case_study.moved": _spec("Moved a case study through the workflow", "step", "from_status", "to_status"),
    "case_study.question_added": _spec("Added a reflective question", "question", "audience"),
    "case_study.question_updated": _spec("Changed a reflective question", "question", "audience"),
    "case_study.question_removed": _spec("Removed a reflective question", "question"),
    "case_study.returned_viewed": _spec("A force reviewer read a case study returned with a question", "status"),
    "issue.created": _spec("Started a magazine issue", "number"),
    "issue.updated": _spec("Changed a magazine issue", "number", "change"),
    "issue.published": _spec("Published a magazine issue", "number", "case_studies"),
    "issue.feedback_viewed": _spec("Read readers' feedback on an issue", "number", "count"),
    "force_response.recorded": _spec("Recorded the force's response to a reflective question", "question",
                                     "case_study", "created"),
    "wellbeing.requests_viewed": _spec("Read the force's wellbeing support requests", "count"),
    "wellbeing.acknowledged": _spec("Acknowledged a wellbeing support request"),
    "force_response.approved": _spec("Approved a force's response for the public log", "question"),
    "force_response.withdrawn": _spec("Withdrew a force's response from the public log", "question", "reason"),
    "feedback.deleted": _spec("Deleted readers' feedback past its retention period", "count", "before"),
    "use_of_force.imported": _spec("Imported a use-of-force file (or tried to)", "file", "status", "rows_inserted"),
    "review.queue_viewed": _spec("Viewed the review queue of incidents", "count", "filters"),
}
