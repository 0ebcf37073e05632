"""The publication gate: every text bound for a public page passes here on save and again at publish (pure).

One detection for every road: the case deny lists of every case study the text sits beside, and the anonymiser's
UK patterns and context rules (`checks.check_texts`, which calls `anonymise.find_identifiers`). A refusal names the
field and the kind of identifier found, never the words, and the caller saves nothing.

`PUBLIC_COLUMNS` is the one list of stored columns a public page (magazine pages, the force response log, the
HTML and PDF exports) may render, each with the road that gates it. tests/views/test_gate_coverage.py plants a
marker in every text column of every table, walks the public pages and fails if a marker shows from a column that
is not on this list.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from debrief.errors import ServiceError
from debrief.publications.checks import KIND_DESCRIPTIONS, check_texts

__all__ = ["KIND_DESCRIPTIONS", "PUBLIC_COLUMNS", "NOT_GATED", "IdentifyingText",
           "findings", "identifying_message", "passes"]

# Column -> the road that gates it (save, then publish). Every text a public page shows is on this list.
PUBLIC_COLUMNS: dict[str, str] = {
    "case_study.title": "case study: release (deny list), learning-team save, approve and publish (recheck)",
    "case_study.summary": "case study: release, save, approve and publish",
    "case_study.what_happened": "case study: release, save, approve and publish",
    "case_study.findings_key_learning": "case study: release, save, approve and publish",
    "case_study.action_taken": "case study: release, save, approve and publish",
    "case_study.outcome_for_individuals": "case study: release, save, approve and publish",
    "case_study.recommendations": "case study: release, save, approve and publish",
    "reflective_question.text": "reflective question: add/update, approve and publish (recheck)",
    "magazine_issue.theme": "issue: create/update and publish",
    "magazine_issue.introduction": "issue: create/update and publish",
    "article.title": "article: add/update and issue publish",
    "article.contributor": "article: add/update and issue publish",
    "article.body": "article: add/update and issue publish",
    "force_response.response": "force response: record (draft), learning-team approval (publish)",
}
# Shown on a public page by design and not free text anyone types for publication: the responding force's name in
# the force response log (reference data, set when the force is created).
NOT_GATED: dict[str, str] = {
    "force.name": "the force response log names the force that responded, by design",
}


FIELD_LABELS: dict[str, str] = {
    "title": "Title", "summary": "Summary", "what_happened": "What happened",
    "findings_key_learning": "Findings and key learning", "action_taken": "Action taken by the force",
    "outcome_for_individuals": "Outcome for the individuals", "recommendations": "Recommendations",
    "question": "Question", "answer": "Answer", "theme": "Theme", "introduction": "Introduction",
    "body": "Article text", "article_title": "Article title", "contributor": "Contributor",
    "response": "What your force did", "comment": "Comments", "reason": "The reason",
}


def identifying_message(field: str, kinds: Sequence[str]) -> str:
    label = FIELD_LABELS.get(field, field.replace("_", " ").capitalize())
    listed = " and ".join(kinds) if len(kinds) < 3 else ", ".join(kinds[:-1]) + " and " + kinds[-1]
    return (f"{label} contains something that could identify a person, place or force ({listed}). "
            "Remove it or replace it with a label such as ‘Officer A’ or ‘a town’")


class IdentifyingText(ServiceError):
    """Text that would bring an identifier back. `errors` maps each field to what kind of thing was found."""

    def __init__(self, errors: Mapping[str, list[str]]) -> None:
        self.errors = dict(errors)
        first = next(iter(self.errors), None)
        super().__init__(identifying_message(first, self.errors[first]) if first else "", first)

    def messages(self) -> dict[str, str]:
        return {field: identifying_message(field, kinds) for field, kinds in self.errors.items()}


def findings(texts: Mapping[str, str], deny_terms: Sequence[str], *, accepted: Iterable[str] = (),
             patterns: bool = True) -> dict[str, list[str]]:
    """{field: [kinds found]}; empty when every text may go public. Field keys like "body-3" report as "body"."""
    problems = check_texts(texts, deny_terms, accepted=accepted, patterns=patterns)
    by_field: dict[str, list[str]] = {}
    for key, kinds in problems.items():
        field = key.split("-")[0]
        by_field[field] = list(dict.fromkeys([*by_field.get(field, []), *kinds]))
    return by_field


def passes(texts: Mapping[str, str], deny_terms: Sequence[str], *, accepted: Iterable[str] = (),
           patterns: bool = True) -> None:
    """Raise IdentifyingText naming each field and kind of identifier; return None when all may go public."""
    problems = findings(texts, deny_terms, accepted=accepted, patterns=patterns)
    if problems:
        raise IdentifyingText(problems)
