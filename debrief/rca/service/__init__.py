"""RCA operations, by sub-concept: every write checks the RCA may change, records its audit event and commits once.

common (audit, draft-only rule, views), lifecycle (start, details, lists), chronology, factors (the graph),
root_causes, report, plan (recommendations and actions), signoff (review), team (lead, panel, declarations).
This module is their one interface: callers write `service.start_rca(...)`.
"""
from __future__ import annotations


# Team operations are in `service.team` (from debrief.rca.service import team).
from debrief.rca.service.common import (  # noqa: F401
    audit_rca, require_draft, can_edit, locked_reason, can_update_plan, graph_changed, rca_for_incident, record_view, record_download,
)
from debrief.rca.service.lifecycle import (  # noqa: F401
    source_label, start_rca, update_details, rcas_for_force, overdue_actions, RcaAlreadyStarted, already_started,
    RcaRow, OverdueAction, rca_rows, rca_rows_query,
)
from debrief.rca.service.chronology import (  # noqa: F401
    moment_on_incident_day, entry_moment, entry_datetime, sort_key, resequence, save_chronology_entry, delete_chronology_entry,
    problem_for, mark_problem, can_move, move_chronology_entry, linked_problem, entry_wording_differs,
)
from debrief.rca.service.factors import (  # noqa: F401
    graph_nodes, node_rows, nodes_page, link_count, graph_edges, analyse, stored_loops, node_in, check_evidence,
    add_factor, update_node, link_nodes, unlink_nodes, delete_node, add_five_whys, same_words, BlamingWording,
    check_wording,
)
from debrief.rca.service.summary import (  # noqa: F401
    GraphSummary, graph_summary,
)
from debrief.rca.service.root_causes import (  # noqa: F401
    set_root_cause,
)
from debrief.rca.service.report import (  # noqa: F401
    report_texts, save_report_sections, culture_findings,
)
from debrief.rca.service.plan import (  # noqa: F401
    check_recommendation_choices, save_recommendation, withdraw_recommendation, save_action, withdraw_action,
    strength_mix, all_weak,
)
from debrief.rca.service.signoff import (  # noqa: F401
    send_for_review, report_snapshot, changes_since_last_review, latest_return, history, HistoryEvent, review_gaps,
    sign_off_refusal, can_sign_off, awaiting_sign_off, sign_off, return_for_changes, DecisionOvertaken,
    decision_overtaken, SendOvertaken, send_overtaken,
    may_sign_off_clause, Progress, progress,
)
