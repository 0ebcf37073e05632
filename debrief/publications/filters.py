"""The public lists' filters, read from a GET form and kept to their vocabularies, and the conditions they make on
case studies.

Portable across SQLite and PostgreSQL: the list columns (themes, categories, areas) are JSON arrays of codes, so a
filter on one code is a LIKE on the array's text for `"code"` (codes are checked against their vocabulary first)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from sqlalchemy import select

from debrief.analytics.sql import json_has
from debrief.models import CaseStudy, MagazineIssue
from debrief.publications.reading import (
    AREA_CHOICES, AUDIENCE_CHOICES, CATEGORY_CHOICES, THEME_CHOICES, visible_case_study,
)
from debrief.reference import codes


@dataclass(frozen=True)
class Filters:
    """Filters from a GET form; anything not in its vocabulary is dropped, so a crafted URL filters nothing."""

    issue: int | None = None
    theme: str | None = None
    category: str | None = None
    area: str | None = None
    audience: str | None = None
    force: str | None = None      # a force's code: the response log's questions that force answered (or not)
    unanswered: bool = False      # the response log's questions not yet answered (by that force, if one is chosen)

    @classmethod
    def from_args(cls, args) -> Filters:
        def pick(name: str, vocab) -> str | None:
            value = (args.get(name) or "").strip()
            return value if value in codes(vocab) else None

        issue_text = (args.get("issue") or "").strip()
        issue = int(issue_text) if issue_text.isdigit() and len(issue_text) < 9 else None
        force = (args.get("force") or "").strip().upper()
        return cls(issue=issue, theme=pick("theme", THEME_CHOICES), category=pick("category", CATEGORY_CHOICES),
                   area=pick("area", AREA_CHOICES), audience=pick("audience", AUDIENCE_CHOICES),
                   force=force if re.fullmatch(r"[A-Z0-9]{1,16}", force) else None,
                   unanswered=(args.get("answered") or "") == "no")

    @property
    def active(self) -> bool:
        return self.unanswered or any(v is not None for v in (self.issue, self.theme, self.category, self.area,
                                                              self.audience, self.force))

    def as_args(self) -> dict[str, str]:
        return {k: str(v) for k, v in (("issue", self.issue), ("theme", self.theme), ("category", self.category),
                                        ("area", self.area), ("audience", self.audience), ("force", self.force),
                                        ("answered", "no" if self.unanswered else None)) if v is not None}


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def codes_of(value) -> frozenset[str]:
    if isinstance(value, str):  # some drivers hand JSON back as text
        value = json.loads(value or "[]")
    return frozenset(v for v in (value or []) if isinstance(v, str))


def has_code(column, code: str):
    """A JSON array column holding `code` (as the serialised `"code"`, wildcards escaped): the analytics' json_has."""
    return json_has(column, code)


def case_study_filters(filters: Filters) -> list:
    conditions = [visible_case_study()]
    if filters.issue is not None:
        conditions.append(CaseStudy.issue_id.in_(select(MagazineIssue.id).where(MagazineIssue.number == filters.issue)))
    if filters.theme:
        conditions.append(has_code(CaseStudy.themes, filters.theme))
    if filters.category:
        conditions.append(has_code(CaseStudy.factor_categories, filters.category))
    if filters.area:
        conditions.append(has_code(CaseStudy.operational_areas, filters.area))
    return conditions

