"""The audit log's details in words, over every audit event kind: every key any event records is declared with what
its value is, and no value is shown raw (a month as 202512, a count without its noun, a code with underscores)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from debrief.audit.describe import (
    BY_EVENT, CODE, CODES, COUNT, DETAILS, MONTH, NAMED, RECORD, WORDS, describe, detail_for, named_records, record,
)
from debrief.audit.events import EVENTS

PACKAGE = Path(__file__).resolve().parents[2] / "debrief"
RECORDERS = {"record", "record_read", "audit_rca", "audit_case", "audit_issue", "_audit", "_audit_response"}
# Keys the recorder helpers add themselves (audit_rca and the debrief/release helpers: incident; audit_issue: number;
# _audit_response: question), and what record() takes as columns rather than details.
HELPER_KEYS = {"_audit": {"incident"}, "audit_rca": {"incident"}, "audit_issue": {"number"},
               "_audit_response": {"question"}}
COLUMNS = {"actor", "force_id", "record_type", "record_id"}


def _recorded() -> dict[str, set[str]]:
    """Every audit event recorded in debrief/, with every detail key a call gives it (read from the code)."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in RECORDERS or not node.args or not isinstance(node.args[0], ast.Constant):
                continue
            action = node.args[0].value
            if action not in EVENTS:
                continue
            keys = {k.arg for k in node.keywords if k.arg and k.arg not in COLUMNS} | HELPER_KEYS.get(name, set())
            found.setdefault(action, set()).update(keys)
    return found


RECORDED = _recorded()


# Keys recorded already in a person's words (a sign-in refusal's reason, the page of an RCA or debrief read, an issue's
# change, the fields saved), shown as recorded with underscores as spaces. Any other code reads its vocabulary.
WORDS_AS_RECORDED = {"reason", "page", "fields", "change", "kind", "status"}


def _example(action: str, key: str):
    """A value of the kind the key holds, as the services record it."""
    spec = detail_for(action, key)
    if spec.labels:
        code = next(iter(spec.labels))
        return [code] if spec.kind == CODES else code
    return {COUNT: 5, MONTH: 202512, RECORD: 12, "yes_no": True, "when": "2025-12-03T10:00:00",
            "codes": ["in_review", "signed_off"], "code": "sign_off", "percent": 12.5, "year": 2025,
            "filters": {"from": 202512, "to": 202602, "forces": "all", "near_miss": True, "theme": "mental_health",
                        "source": "both"}}.get(spec.kind, "Some text as typed")


def test_the_code_records_every_declared_event_and_the_scan_sees_most_of_them():
    # The scan is what the next test stands on: it must find the events the services record.
    assert len(RECORDED) >= len(EVENTS) - 5, sorted(set(EVENTS) - set(RECORDED))


@pytest.mark.parametrize("action", sorted(EVENTS))
def test_every_key_of_every_event_is_declared_and_shown_in_words(action):
    keys = set(EVENTS[action].required) | RECORDED.get(action, set())
    undeclared = sorted(k for k in keys if (action, k) not in BY_EVENT and k not in DETAILS)
    assert undeclared == [], f"{action} records {undeclared}: declare them in debrief/audit/describe.py DETAILS"
    shown = describe(action, {key: _example(action, key) for key in sorted(keys)})
    assert len(shown) == len(keys)
    for label, text in shown:
        assert "_" not in label and label[:1].isupper(), (action, label)
        assert not re.search(r"\b20\d\d(0[1-9]|1[0-2])\b", text), (action, label, text)  # a month as YYYYMM
        assert not re.fullmatch(r"[\d,.]+", text) or detail_for(action, _key(action, label, keys)).kind == "year", \
            (action, label, text)  # a bare number: a count says what it counts
        assert "_" not in text or text == "Some text as typed", (action, label, text)
        assert "T10:00" not in text and "[" not in text and "{" not in text, (action, label, text)


def _key(action: str, label: str, keys: set[str]) -> str:
    return next(k for k in keys if detail_for(action, k).label == label)


def test_what_the_walk_saw_reads_as_words():
    assert describe("patterns.viewed", {"page": "risk", "filters": {"from": 202512, "to": 202602, "forces": "all",
                                                                    "theme": None, "near_miss": None,
                                                                    "source": "both"}}) == [
        ("Page", "Who is at risk"),
        ("Filters", "from December 2025; to February 2026; forces all; source debriefs and national data")]
    assert describe("review.queue_viewed", {"count": 7, "filters": {"from": "2026-03-01"}, "rcas": 5,
                                            "overdue_actions": 1}) == [
        ("Listed", "7 incidents"), ("Filters", "from 1 March 2026"), ("Your RCAs", "5 RCAs"),
        ("Overdue actions", "1 overdue action")]
    assert describe("user.roles_changed", {"email": "a@b.example", "before": ["officer"],
                                           "roles": ["officer", "reviewer"]}) == [
        ("Email", "a@b.example"), ("Roles before", "Officer or staff"), ("Roles now", "Officer or staff, PSD reviewer")]
    assert describe("feedback.deleted", {"count": 1, "before": "2025-01-31T00:00:00"}) == [
        ("Deleted", "1 piece of feedback"), ("Older than", "31 January 2025 at 00:00")]
    assert describe("patterns.figures_saved", {"year": 2025, "officers": 3412, "arrests": 1}) == [
        ("Year", "2025"), ("Officers", "3,412 officers"), ("Arrests", "1 arrest")]
    assert record("rca", "12") == "RCA 12" and record(None, None) == ""


def test_old_or_odd_values_never_break_the_log():
    # Rows written before a key was declared, or with an unexpected type, still read as something.
    assert describe("rca.viewed", {"page": None, "unheard_of_key": {"a": [1, 2]}}) == [
        ("Page", "none"), ("Unheard of key", "A: 1, 2")]
    assert describe("patterns.viewed", {"filters": {"from": "not a month"}}) == [("Filters", "from not a month")]
    assert describe("rca.viewed", "a bare string") == [("Details", "a bare string")]


@pytest.mark.parametrize("action", sorted(EVENTS))
def test_every_code_of_every_event_reads_by_its_label_and_every_person_by_name(action):
    """The walk saw "Kind: rca awaiting sign off" and "Recipient: user 20": a code reads as its label from the one
    place it is defined (audit/vocabularies.py), a person as the page names them."""
    keys = set(EVENTS[action].required) | RECORDED.get(action, set())
    for key in sorted(keys):
        spec = detail_for(action, key)
        assert spec.kind not in (CODE, CODES) or spec.labels, \
            f"{action}.{key} is a code without labels: give it its vocabulary in debrief/audit/describe.py"
        assert spec.kind != WORDS or key in WORDS_AS_RECORDED, f"{action}.{key} is shown as recorded: is it words?"
        if spec.labels:
            assert all("_" not in label and not label[:1].islower() for label in spec.labels.values()), (action, key)
            code = next(iter(spec.labels))
            raw = [code] if spec.kind == CODES else code
            assert describe(action, {key: raw}) == [(spec.label, spec.labels[code])]
        if spec.kind == RECORD and (spec.noun or ("",))[0] in NAMED:
            noun = spec.noun[0]
            assert named_records(action, {key: 20}) == {(noun, "20")}
            assert describe(action, {key: 20}, {(noun, "20"): "Sam Patel (PSD reviewer)"}) == [
                (spec.label, "Sam Patel (PSD reviewer)")]
            assert describe(action, {key: 20}, {}) == [(spec.label, f"a {noun} the audit log cannot name")]


def test_what_the_second_walk_saw_reads_as_words():
    assert describe("mail.staff_notice_queued", {"kind": "rca_awaiting_sign_off", "recipient": 20,
                                                 "incident": "NSP-2026-0001"},
                    {("user", "20"): "Sam Patel (PSD reviewer)"}) == [
        ("Email", "Root-cause analysis awaiting sign-off"), ("Recipient", "Sam Patel (PSD reviewer)"),
        ("Incident", "NSP-2026-0001")]
    assert describe("patterns.viewed", {"page": "risk", "filters": {"forces": [3], "source": "both",
                                                                    "theme": "mental_health"}},
                    {("force", "3"): "Northshire Police"}) == [
        ("Page", "Who is at risk"),
        ("Filters", "forces Northshire Police; source debriefs and national data; theme mental health")]
    assert describe("access.denied", {"path": "/rca/9", "status": 404}) == [
        ("Address", "/rca/9"), ("Answered", "Refused as not found (404)")]
    assert describe("audit.viewed", {"page": 2}) == [("Page", "page 2")]
    # A code no vocabulary knows (an old row) still reads as words.
    assert describe("mail.staff_notice_queued", {"kind": "retired_kind"}) == [("Email", "retired kind")]
