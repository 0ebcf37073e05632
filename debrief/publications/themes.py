"""Browsing the published magazine by theme: which themes its case studies cover, and the issues holding each.

A case study's themes are codes of `reference.INCIDENT_TYPES`; an issue covers a theme when one of its published case
studies has it. Only published case studies in published issues count, and only their titles are read.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from sqlalchemy import select

from debrief.extensions import db
from debrief.models import CaseStudy, MagazineIssue
from debrief.models.publication import IssueStatus
from debrief.analytics.sql import json_has
from debrief.publications.reading import THEME_CHOICES, visible_case_study
from debrief.reference import Choice


@dataclass
class IssueInTheme:
    number: int
    theme: str
    case_studies: list[tuple[int, str]] = field(default_factory=list)  # (id, title) in the issue's order


@dataclass
class Theme:
    choice: Choice
    issues: list[IssueInTheme] = field(default_factory=list)  # newest issue first

    @property
    def case_study_count(self) -> int:
        return sum(len(issue.case_studies) for issue in self.issues)


@cache
def _published_in_issues():
    """Published case studies of published issues, newest issue first: built once (a reused statement keeps its cache
    key; the magazine's home page runs it on every request)."""
    return (select(CaseStudy.id, CaseStudy.title, CaseStudy.themes, MagazineIssue.number, MagazineIssue.theme)
            .join(MagazineIssue, MagazineIssue.id == CaseStudy.issue_id)
            .where(visible_case_study(), MagazineIssue.status == IssueStatus.PUBLISHED)
            .order_by(MagazineIssue.number.desc(), CaseStudy.position, CaseStudy.id))


def themes(only: str | None = None) -> list[Theme]:
    """Every theme with at least one published case study (or just the theme `only`), in the vocabulary's order,
    with its issues."""
    query = _published_in_issues()
    choices = [c for c in THEME_CHOICES if only is None or c.code == only]
    if only is not None:
        if not choices:
            return []
        query = query.where(json_has(CaseStudy.themes, only))
    rows = db.session.execute(query).all()
    found: dict[str, Theme] = {choice.code: Theme(choice) for choice in choices}
    for case_id, title, codes, number, issue_theme in rows:
        for code in dict.fromkeys(codes or ()):
            theme = found.get(code)
            if theme is None:
                continue  # a code no longer in the vocabulary has no label to show
            if not theme.issues or theme.issues[-1].number != number:
                theme.issues.append(IssueInTheme(number, issue_theme))
            theme.issues[-1].case_studies.append((case_id, title))
    return [theme for theme in found.values() if theme.issues]


def theme(code: str) -> Theme | None:
    """One theme with its issues, or None when the code is unknown or no published case study has it."""
    return next(iter(themes(only=code)), None)
