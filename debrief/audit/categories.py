"""The kinds of audit event an auditor filters the log by ("Sign-ins", "Root-cause analyses"...), each a set of event
prefixes. Every event the service records falls in exactly one kind (tests/unit/test_audit_categories.py)."""
from __future__ import annotations

from debrief.audit.events import EVENTS

# (code, label, prefixes of the actions it holds), in the order the filter offers them.
CATEGORIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("signins", "Sign-ins and sign-outs", ("auth.",)),
    ("accounts", "User accounts", ("user.",)),
    ("refused", "Refused access", ("access.",)),
    ("debriefs", "Incidents and debriefs", ("incident.", "debrief.", "review.")),
    ("rca", "Root-cause analyses", ("rca.",)),
    ("learning", "Case studies and the magazine", ("case_study.", "issue.", "force_response.", "feedback.", "release.")),
    ("mail", "Emails and subscriptions", ("mail.", "subscription.")),
    ("patterns", "Patterns and figures", ("patterns.", "use_of_force.")),
    ("wellbeing", "Wellbeing support", ("wellbeing.",)),
    ("audit", "Views of the audit log", ("audit.",)),
)
CATEGORY_LABELS: dict[str, str] = {code: label for code, label, _ in CATEGORIES}


def category_of(action: str) -> str | None:
    return next((code for code, _, prefixes in CATEGORIES if action.startswith(prefixes)), None)


def actions_in(code: str) -> list[str]:
    """Every recorded action of the kind `code` (none for a code that is no kind)."""
    return sorted(action for action in EVENTS if category_of(action) == code)
