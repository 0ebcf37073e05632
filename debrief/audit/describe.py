"""An audit event's details in words, the one formatter the audit log uses: every detail key is declared with what
its value is (a month, a count of something, yes or no, a code, a record's number...), so a raw "202512" or a bare
"5" never reaches the page. Pure: the event's action and details are the arguments."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

TEXT, CODE, COUNT, MONTH, WHEN, YES_NO, RECORD, LIST, CODES, FILTERS, PERCENT, YEAR = (
    "text", "code", "count", "month", "when", "yes_no", "record", "list", "codes", "filters", "percent", "year")


@dataclass(frozen=True)
class Detail:
    label: str
    kind: str
    noun: tuple[str, str] | None = None  # a count's noun, one and many; a record's noun


def _d(label: str, kind: str, one: str | None = None, many: str | None = None) -> Detail:
    return Detail(label, kind, (one, many or one + "s") if one else None)


# Every detail key any event records, with what its value is. tests/unit/test_audit_describe.py fails on a key
# recorded anywhere in debrief/ that is not here.
DETAILS: dict[str, Detail] = {
    "email": _d("Email", TEXT), "reason": _d("Reason", CODE), "address": _d("Address", TEXT),
    "roles": _d("Roles", CODES), "before": _d("Before", WHEN), "count": _d("Found", COUNT, "record"),
    "page": _d("Page", CODE), "path": _d("Address", TEXT), "status": _d("Status", CODE),
    "reference": _d("Incident", TEXT), "incident": _d("Incident", TEXT), "kind": _d("Kind", CODE),
    "requested_of": _d("Asked of", RECORD, "user"), "step": _d("Step", CODE), "fields": _d("Fields", CODES),
    "level": _d("Level", CODE), "chronology_entries": _d("Chronology", COUNT, "entry", "entries"),
    "entry": _d("Chronology entry", RECORD, "entry"), "problem": _d("Service delivery problem", YES_NO),
    "notable": _d("Notable practice", YES_NO), "node": _d("Item", RECORD, "item"), "category": _d("Category", CODE),
    "cause": _d("Cause", RECORD, "item"), "effect": _d("Effect", RECORD, "item"),
    "confirmed": _d("Confirmed", YES_NO), "factors": _d("Factors", COUNT, "new factor"),
    "reused": _d("Reused", COUNT, "existing factor"), "recommendation": _d("Recommendation", RECORD, "recommendation"),
    "action_id": _d("Action", RECORD, "action"), "strength": _d("Strength", CODE), "format": _d("Format", CODE),
    "lead": _d("Lead", RECORD, "user"), "member": _d("Member", RECORD, "user"),
    "conflict": _d("Declared a conflict", YES_NO), "sections": _d("Sections", CODES),
    "filters": _d("Filters", FILTERS), "figure": _d("Figure", CODE), "row": _d("Row", TEXT),
    "column": _d("Column", TEXT), "year": _d("Year", YEAR), "officers": _d("Officers", COUNT, "officer"),
    "arrests": _d("Arrests", COUNT, "arrest"), "force": _d("Force", TEXT), "dimension": _d("Dimension", CODE),
    "code": _d("Group", CODE), "share": _d("Share", PERCENT), "undone": _d("Undone", COUNT, "replacement undone",
                                                                             "replacements undone"),
    "redactions": _d("Redactions", COUNT, "redaction"), "case_study": _d("Case study", RECORD, "case study"),
    "source_rca": _d("From RCA", RECORD, "RCA"), "from_status": _d("From", CODE), "to_status": _d("To", CODE),
    "question": _d("Question", RECORD, "question"), "audience": _d("Audience", CODE),
    "number": _d("Issue", RECORD, "issue"), "change": _d("Change", CODE),
    "case_studies": _d("Case studies", COUNT, "case study", "case studies"),
    "created": _d("New response", YES_NO), "recommendation_stance": _d("Recommendations", CODE),
    "file": _d("File", TEXT), "mode": _d("Mode", CODE), "rows_read": _d("Read", COUNT, "row"),
    "rows_inserted": _d("Added", COUNT, "row"), "rows_duplicate": _d("Already held", COUNT, "row"),
    "rows_rejected": _d("Rejected", COUNT, "row"), "last_committed_row": _d("Last row committed", RECORD, "row"),
    "resumed_from": _d("Resumed from", RECORD, "import"), "debriefs": _d("Debriefs", COUNT, "debrief"),
    "rcas": _d("Your RCAs", COUNT, "RCA"), "overdue_actions": _d("Overdue actions", COUNT, "overdue action"),
    "sent_mail_deleted": _d("Sent email deleted", COUNT, "email"), "recipient": _d("Recipient", RECORD, "user"),
    "from": _d("From", MONTH), "to": _d("To", MONTH), "forces": _d("Forces", CODES), "theme": _d("Theme", CODE),
    "near_miss": _d("Near miss", YES_NO), "source": _d("Source", CODE), "use_of_force": _d("Use of force", YES_NO),
    "injury": _d("Injury", YES_NO), "wording_kept": _d("Saved as written despite", LIST),
}

# Where a key means something else in one event: what a count counts, or a "before" that is a list of roles.
BY_EVENT: dict[tuple[str, str], Detail] = {
    ("user.list_viewed", "count"): _d("Listed", COUNT, "user"),
    ("debrief.colleagues_searched", "count"): _d("Found", COUNT, "colleague"),
    ("patterns.records_viewed", "count"): _d("Listed", COUNT, "record"),
    ("issue.feedback_viewed", "count"): _d("Read", COUNT, "piece of feedback", "pieces of feedback"),
    ("feedback.deleted", "count"): _d("Deleted", COUNT, "piece of feedback", "pieces of feedback"),
    ("feedback.deleted", "before"): _d("Older than", WHEN),
    ("wellbeing.requests_viewed", "count"): _d("Listed", COUNT, "support request"),
    ("review.queue_viewed", "count"): _d("Listed", COUNT, "incident"),
    ("mail.issue_notices_queued", "count"): _d("Queued", COUNT, "email"),
    ("subscription.unconfirmed_deleted", "count"): _d("Deleted", COUNT, "unconfirmed subscription"),
    ("subscription.unconfirmed_deleted", "before"): _d("Older than", WHEN),
    ("user.roles_changed", "before"): _d("Roles before", CODES),
    ("user.roles_changed", "roles"): _d("Roles now", CODES),
    ("rca.started", "lead"): _d("Lead", RECORD, "user"),
    ("patterns.records_viewed", "kind"): _d("Records", CODE),
    ("issue.published", "case_studies"): _d("Case studies", COUNT, "case study", "case studies"),
}

_MONTH = re.compile(r"^(\d{4})(0[1-9]|1[0-2])$")


def detail_for(action: str, key: str) -> Detail:
    """How `key` of `action` is shown; a key nobody declared is shown as text under a readable label."""
    return BY_EVENT.get((action, key)) or DETAILS.get(key) or Detail(_label(key), TEXT)


def describe(action: str, details: Any) -> list[tuple[str, str]]:
    """(label, value) pairs in the order recorded, every value in words."""
    if not details:
        return []
    if not isinstance(details, dict):
        return [("Details", _plain(details))]
    return [(spec.label, value(spec, details[key])) for key in details
            for spec in (detail_for(action, str(key)),)]


RECORD_TYPES = {"rca": "RCA", "debrief": "Debrief", "case_study": "Case study", "magazine_issue": "Magazine issue",
                "force_response": "Force response", "user": "User", "incident": "Incident",
                "use_of_force_import_run": "Use-of-force import", "subscriber": "Subscriber"}


def record(record_type: str | None, record_id: Any) -> str:
    """The record an event is about, as "RCA 12"; nothing when it is about none."""
    if not record_type:
        return ""
    name = RECORD_TYPES.get(record_type, _label(record_type))
    return f"{name} {record_id}" if record_id not in (None, "") else name


def value(spec: Detail, raw: Any) -> str:
    """One value as its kind is written; anything unexpected falls back to plain words, never a crash."""
    if raw is None or raw == "" or raw == []:
        return "none"
    kind = spec.kind
    if kind == COUNT and _is_int(raw):
        return count(int(raw), *(spec.noun or ("", "")))
    if kind == COUNT and isinstance(raw, (list, tuple)):
        return count(len(raw), *(spec.noun or ("", "")))
    if kind == MONTH:
        return month(raw)
    if kind == WHEN:
        return when(raw)
    if kind == YES_NO:
        return yes_no(raw)
    if kind == YEAR and _is_int(raw):
        return str(int(raw))
    if kind == PERCENT and isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return f"{raw:g}%"
    if kind == RECORD and _is_int(raw):
        return f"{(spec.noun or ('record',))[0]} {int(raw):,}"
    if kind in (CODE, CODES) and isinstance(raw, str):
        return _words(raw)
    if kind == FILTERS and isinstance(raw, dict):
        shown = [f"{d.label.lower()} {value(d, v)}" for k, v in raw.items() if v not in (None, "", [])
                 for d in (DETAILS.get(str(k)) or Detail(_label(k), TEXT),)]
        return "; ".join(shown) or "none"
    if isinstance(raw, (list, tuple)):
        item = Detail(spec.label, CODE if kind in (CODES, CODE) else TEXT)
        return ", ".join(value(item, v) for v in raw)
    return _plain(raw)


def count(n: int, one: str, many: str) -> str:
    return f"{n:,} {one if n == 1 else many}".strip()


def month(raw: Any) -> str:
    """YYYYMM (as a number or text) as "December 2025"."""
    found = _MONTH.match(str(raw).strip())
    if not found:
        return when(raw)
    return date(int(found.group(1)), int(found.group(2)), 1).strftime("%B %Y")


def when(raw: Any) -> str:
    """An ISO date or date-time as "3 December 2025" or "3 December 2025 at 10:00"; other text as it is."""
    if isinstance(raw, datetime):
        return raw.strftime("%-d %B %Y at %H:%M")
    if isinstance(raw, date):
        return raw.strftime("%-d %B %Y")
    text = str(raw).strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text).strftime("%-d %B %Y")
        return datetime.fromisoformat(text).strftime("%-d %B %Y at %H:%M")
    except ValueError:
        return _plain(raw)


def yes_no(raw: Any) -> str:
    if isinstance(raw, str):
        return {"yes": "yes", "no": "no", "true": "yes", "false": "no", "1": "yes", "0": "no"}.get(raw.lower(), raw)
    return "yes" if raw else "no"


def _is_int(raw: Any) -> bool:
    return (isinstance(raw, int) and not isinstance(raw, bool)) or (isinstance(raw, str) and raw.isascii()
                                                                    and raw.isdigit())


def _words(code: str) -> str:
    """A stored code ("in_review", "sign_off") as words ("in review"); free text is left as typed."""
    if " " in code or not re.fullmatch(r"[a-z0-9_.-]+", code):
        return code
    return code.replace("_", " ")


def _label(key: Any) -> str:
    words = str(key).replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def _plain(raw: Any) -> str:
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    if isinstance(raw, (list, tuple)):
        return ", ".join(_plain(v) for v in raw) or "none"
    if isinstance(raw, dict):
        return "; ".join(f"{_label(k)}: {_plain(v)}" for k, v in raw.items()) or "none"
    return str(raw)
