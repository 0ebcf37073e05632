"""An audit event's details in words, the one formatter the audit log uses: every detail key is declared with what
its value is (a month, a count of something, yes or no, a code read through its vocabulary's labels, a record's
number, a person...), so a raw "202512", a bare "5", "rca_awaiting_sign_off" or "user 20" never reaches the page.
Pure: the event's action and details are the arguments, and the names of the people and forces it mentions that the
page's viewer may see (audit/people.py loads them)."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from debrief.audit import vocabularies as vocab

TEXT, CODE, COUNT, MONTH, WHEN, YES_NO, RECORD, LIST, CODES, FILTERS, PERCENT, YEAR, WORDS = (
    "text", "code", "count", "month", "when", "yes_no", "record", "list", "codes", "filters", "percent", "year",
    "words")
# Records the page names (a person as their name and role, a force by its name) rather than numbers.
NAMED = ("user", "force")


@dataclass(frozen=True)
class Detail:
    label: str
    kind: str
    noun: tuple[str, str] | None = None  # a count's noun, one and many; a record's noun
    labels: Mapping[str, str] | None = None  # a code's (or codes') labels, from where the code is defined


def _d(label: str, kind: str, one: str | None = None, many: str | None = None,
       labels: Mapping[str, str] | None = None) -> Detail:
    return Detail(label, kind, (one, many or one + "s") if one else None, labels)


def _v(label: str, labels: Mapping[str, str], kind: str = CODE) -> Detail:
    """A code (or a list of codes, CODES) shown by its label."""
    return Detail(label, kind, None, labels)


# Every detail key any event records, with what its value is. tests/unit/test_audit_describe.py fails on a key
# recorded anywhere in debrief/ that is not here.
DETAILS: dict[str, Detail] = {
    "email": _d("Email", TEXT), "reason": _d("Reason", WORDS), "address": _d("Address", TEXT),
    "roles": _v("Roles", vocab.ROLES, CODES), "before": _d("Before", WHEN), "count": _d("Found", COUNT, "record"),
    "page": _d("Page", WORDS), "path": _d("Address", TEXT), "status": _d("Status", WORDS),
    "reference": _d("Incident", TEXT), "incident": _d("Incident", TEXT), "kind": _d("Kind", WORDS),
    "requested_of": _d("Asked of", RECORD, "user"), "step": _v("Step", vocab.DEBRIEF_STEPS), "fields": _d("Fields", WORDS),
    "level": _v("Level", vocab.RCA_LEVELS), "chronology_entries": _d("Chronology", COUNT, "entry", "entries"),
    "entry": _d("Chronology entry", RECORD, "entry"), "problem": _d("Service delivery problem", YES_NO),
    "notable": _d("Notable practice", YES_NO), "node": _d("Item", RECORD, "item"), "category": _v("Category", vocab.FACTOR_CATEGORIES),
    "cause": _d("Cause", RECORD, "item"), "effect": _d("Effect", RECORD, "item"),
    "confirmed": _d("Confirmed", YES_NO), "factors": _d("Factors", COUNT, "new factor"),
    "reused": _d("Reused", COUNT, "existing factor"), "recommendation": _d("Recommendation", RECORD, "recommendation"),
    "action_id": _d("Action", RECORD, "action"), "strength": _v("Strength", vocab.STRENGTHS), "format": _v("Download", vocab.RCA_DOWNLOADS),
    "lead": _d("Lead", RECORD, "user"), "member": _d("Member", RECORD, "user"),
    "conflict": _d("Declared a conflict", YES_NO), "sections": _v("Sections", vocab.RCA_SECTIONS, CODES),
    "filters": _d("Filters", FILTERS), "figure": _v("Figure", vocab.PATTERNS_FIGURES), "row": _d("Row", TEXT),
    "column": _d("Column", TEXT), "year": _d("Year", YEAR), "officers": _d("Officers", COUNT, "officer"),
    "arrests": _d("Arrests", COUNT, "arrest"), "force": _d("Force", TEXT), "dimension": _v("Dimension", vocab.POPULATION_DIMENSIONS),
    "code": _v("Group", vocab.POPULATION_GROUPS), "share": _d("Share", PERCENT), "undone": _d("Undone", COUNT, "replacement undone",
                                                                             "replacements undone"),
    "redactions": _d("Redactions", COUNT, "redaction"), "case_study": _d("Case study", RECORD, "case study"),
    "source_rca": _d("From RCA", RECORD, "RCA"), "from_status": _v("From", vocab.CASE_STUDY_STATUSES), "to_status": _v("To", vocab.CASE_STUDY_STATUSES),
    "question": _d("Question", RECORD, "question"), "audience": _v("Audience", vocab.AUDIENCES),
    "number": _d("Issue", RECORD, "issue"), "change": _d("Change", WORDS),
    "case_studies": _d("Case studies", COUNT, "case study", "case studies"),
    "created": _d("New response", YES_NO), "recommendation_stance": _v("Recommendations", vocab.STANCES),
    "file": _d("File", TEXT), "mode": _v("Mode", vocab.IMPORT_MODES), "rows_read": _d("Read", COUNT, "row"),
    "rows_inserted": _d("Added", COUNT, "row"), "rows_duplicate": _d("Already held", COUNT, "row"),
    "rows_rejected": _d("Rejected", COUNT, "row"), "last_committed_row": _d("Last row committed", RECORD, "row"),
    "resumed_from": _d("Resumed from", RECORD, "import"), "debriefs": _d("Debriefs", COUNT, "debrief"),
    "rcas": _d("Your RCAs", COUNT, "RCA"), "overdue_actions": _d("Overdue actions", COUNT, "overdue action"),
    "sent_mail_deleted": _d("Sent email deleted", COUNT, "email"), "recipient": _d("Recipient", RECORD, "user"),
    "from": _d("From", MONTH), "to": _d("To", MONTH), "forces": _d("Forces", RECORD, "force"), "theme": _v("Theme", vocab.THEMES),
    "near_miss": _d("Near miss", YES_NO), "source": _v("Source", vocab.SOURCES), "use_of_force": _d("Use of force", YES_NO),
    "injury": _d("Injury", YES_NO), "wording_kept": _d("Saved as written despite", LIST),
    "collar_number": _d("Collar number", TEXT),
    "failures_cleared": _d("Sign-in block lifted", COUNT, "failed attempt"),
    "person": _d("Person", RECORD, "user"), "category": _v("Kind of event", vocab.AUDIT_CATEGORIES),
    "since": _d("From", TEXT), "until": _d("To", TEXT), "incident_filter": _d("Incident", TEXT),
}

# Where a key means something else in one event: what a count counts, or a "before" that is a list of roles.
BY_EVENT: dict[tuple[str, str], Detail] = {
    ("user.list_viewed", "count"): _d("Listed", COUNT, "user"),
    ("user.collar_number_changed", "before"): _d("Collar number before", TEXT),
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
    ("user.roles_changed", "before"): _v("Roles before", vocab.ROLES, CODES),
    ("user.roles_changed", "roles"): _v("Roles now", vocab.ROLES, CODES),
    ("rca.started", "lead"): _d("Lead", RECORD, "user"),
    ("patterns.records_viewed", "kind"): _d("Records", WORDS),
    ("issue.published", "case_studies"): _d("Case studies", COUNT, "case study", "case studies"),
    ("access.denied", "status"): _v("Answered", vocab.REFUSALS),
    ("audit.viewed", "page"): _d("Page", RECORD, "page"),
    ("patterns.viewed", "page"): _v("Page", vocab.PATTERNS_PAGES),
    ("case_study.moved", "step"): _v("Step", vocab.CASE_STUDY_STEPS),
    ("case_study.viewed", "status"): _v("Status", vocab.CASE_STUDY_STATUSES),
    ("case_study.returned_viewed", "status"): _v("Status", vocab.CASE_STUDY_STATUSES),
    ("rca.action_added", "status"): _v("Status", vocab.ACTION_STATUSES),
    ("rca.action_updated", "status"): _v("Status", vocab.ACTION_STATUSES),
    ("subscription.requested", "status"): _v("Status", vocab.SUBSCRIPTION_STATUSES),
    ("subscription.cancelled", "status"): _v("Status", vocab.SUBSCRIPTION_STATUSES),
    ("use_of_force.imported", "status"): _v("Status", vocab.IMPORT_STATUSES),
    ("debrief.created", "kind"): _v("Kind", vocab.DEBRIEF_KINDS),
    ("rca.item_updated", "kind"): _v("Item", vocab.GRAPH_ITEMS),
    ("rca.item_removed", "kind"): _v("Item", vocab.GRAPH_ITEMS),
    ("mail.staff_notice_queued", "kind"): _v("Email", vocab.EMAIL_KINDS),
    ("force_response.withdrawn", "reason"): _d("Reason", TEXT),
    ("case_study.withdrawn", "reason"): _d("Reason", TEXT),
}

_MONTH = re.compile(r"^(\d{4})(0[1-9]|1[0-2])$")


def detail_for(action: str, key: str) -> Detail:
    """How `key` of `action` is shown; a key nobody declared is shown as text under a readable label."""
    return BY_EVENT.get((action, key)) or DETAILS.get(key) or Detail(_label(key), TEXT)


Names = Mapping[tuple[str, str], str]  # ("user", "20") -> "Sam Patel (PSD reviewer)"; ("force", "3") -> its name


def describe(action: str, details: Any, names: Names | None = None) -> list[tuple[str, str]]:
    """(label, value) pairs in the order recorded, every value in words; people and forces by `names`."""
    if not details:
        return []
    if not isinstance(details, dict):
        return [("Details", _plain(details))]
    return [(spec.label, value(spec, details[key], names)) for key in details
            for spec in (detail_for(action, str(key)),)]


def named_records(action: str, details: Any) -> set[tuple[str, str]]:
    """The people and forces an event's details name by number, for the page to look up (audit/people.py)."""
    found: set[tuple[str, str]] = set()
    if not isinstance(details, dict):
        return found
    for key, raw in details.items():
        spec = detail_for(action, str(key))
        if spec.kind == FILTERS and isinstance(raw, dict):
            found |= named_records("", {k: v for k, v in raw.items()})
        noun = (spec.noun or ("",))[0]
        if spec.kind == RECORD and noun in NAMED:
            found |= {(noun, str(int(v))) for v in (raw if isinstance(raw, (list, tuple)) else [raw]) if _is_int(v)}
    return found


RECORD_TYPES = {"rca": "RCA", "debrief": "Debrief", "case_study": "Case study", "magazine_issue": "Magazine issue",
                "force_response": "Force response", "user": "User", "incident": "Incident",
                "use_of_force_import_run": "Use-of-force import", "subscriber": "Subscriber"}


def record(record_type: str | None, record_id: Any, names: Names | None = None, event_id: Any = None) -> str:
    """The record an event is about, as "RCA 12"; a person by the name the page's viewer may see ("User: Sam Patel
    (PSD reviewer)"), as they were just after event `event_id` when the page knows that; nothing when it is about
    none."""
    if not record_type:
        return ""
    name = RECORD_TYPES.get(record_type, _label(record_type))
    if record_type == "user" and names is not None and _is_int(record_id):
        then = names.get(("subject", str(event_id))) if event_id is not None else None
        return f"{name}: {then or names.get((record_type, str(int(record_id)))) or 'one the audit log cannot name'}"
    return f"{name} {record_id}" if record_id not in (None, "") else name


def value(spec: Detail, raw: Any, names: Names | None = None) -> str:
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
        return named(spec, int(raw), names)
    if kind in (CODE, CODES) and spec.labels is not None and isinstance(raw, (str, int)) \
            and not isinstance(raw, bool):
        return spec.labels.get(str(raw)) or _words(str(raw))
    if kind in (CODE, CODES, WORDS) and isinstance(raw, str):
        return _words(raw)
    if kind == FILTERS and isinstance(raw, dict):
        shown = [f"{d.label.lower()} {_lower(value(d, v, names)) if d.labels else value(d, v, names)}" for k, v in raw.items() if v not in (None, "", [])
                 for d in (DETAILS.get(str(k)) or Detail(_label(k), TEXT),)]
        return "; ".join(shown) or "none"
    if isinstance(raw, (list, tuple)):
        item = spec if kind in (CODES, CODE, WORDS, RECORD) else Detail(spec.label, TEXT)
        return ", ".join(value(item, v, names) for v in raw)
    return _plain(raw)


def named(spec: Detail, number: int, names: Names | None) -> str:
    """A record by its number ("recommendation 12"); a person or force by the name the page's viewer may see, or
    as one they may not ("a user of another force") when the page looked it up and it is not theirs to see."""
    noun = (spec.noun or ("record",))[0]
    if noun in NAMED and names is not None:
        return names.get((noun, str(number))) or f"a {noun} the audit log cannot name"
    return f"{noun} {number:,}"


def _lower(text: str) -> str:
    """A label inside a sentence ("source debriefs and national data"), but a name or acronym kept as written."""
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text[1:2].isupper() else text


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
    return code.replace("_", " ").replace("-", " ")


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
