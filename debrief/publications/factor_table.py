"""The case factor table: every public case study as a row, ticked against the themes, contributory-factor
categories and operational areas in use."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import String, cast, select

from debrief.extensions import db
from debrief.models import CaseStudy, MagazineIssue
from debrief.publications.filters import Filters, case_study_filters, codes_of
from debrief.publications.listing import Page, within_pages
from debrief.publications.reading import AREA_CHOICES, CATEGORY_CHOICES, THEME_CHOICES
from debrief.reference import Choice

TABLE_PAGE_SIZE = 100


@dataclass(frozen=True)
class ColumnGroup:
    key: str           # "themes", "factor_categories", "operational_areas"
    heading: str
    columns: tuple[Choice, ...]


@dataclass(frozen=True)
class FactorRow:
    id: int
    title: str
    issue_number: int | None
    ticks: dict[str, frozenset[str]]  # group key -> codes ticked

    def ticked(self, group: str, code: str) -> bool:
        return code in self.ticks[group]


@dataclass
class FactorTable:
    groups: list[ColumnGroup]
    rows: Page
    filters: Filters
    column_count: int = field(init=False)

    def __post_init__(self) -> None:
        self.column_count = sum(len(g.columns) for g in self.groups)


GROUPS = (("themes", "Themes", THEME_CHOICES), ("factor_categories", "Contributory factors", CATEGORY_CHOICES),
          ("operational_areas", "Operational areas", AREA_CHOICES))


def case_factor_table(filters: Filters = Filters(), *, page: int = 1,
                      per_page: int = TABLE_PAGE_SIZE) -> FactorTable:
    """Every published case study matching `filters` as a row, ticked against the vocabulary columns in use.

    The columns are those ticked by at least one matching case study (over all pages, so they stay put while
    paging), in vocabulary order; rows are newest issue first, then the issue's order. One scan: the lists come
    back as text and only the distinct ones are decoded, since the same few combinations recur across thousands
    of rows.
    """
    rows = db.session.execute(
        select(CaseStudy.id, CaseStudy.title, MagazineIssue.number, cast(CaseStudy.themes, String),
               cast(CaseStudy.factor_categories, String), cast(CaseStudy.operational_areas, String))
        .outerjoin(MagazineIssue, MagazineIssue.id == CaseStudy.issue_id)
        .where(*case_study_filters(filters))
        .order_by(MagazineIssue.number.desc().nulls_last(), CaseStudy.position, CaseStudy.id)).all()
    decoded: dict[str | None, frozenset[str]] = {}

    def codes_in(text: str | None) -> frozenset[str]:
        if text not in decoded:
            decoded[text] = codes_of(text or "[]")
        return decoded[text]

    groups = []
    for index, (key, heading, vocab) in enumerate(GROUPS, start=3):
        used: set[str] = set()
        for text in {row[index] for row in rows}:
            used |= codes_in(text)
        columns = tuple(c for c in vocab if c.code in used)
        if columns:
            groups.append(ColumnGroup(key, heading, columns))
    total = len(rows)
    page = within_pages(page, total, per_page)
    items = [FactorRow(id=row[0], title=row[1], issue_number=row[2],
                       ticks={"themes": codes_in(row[3]), "factor_categories": codes_in(row[4]),
                              "operational_areas": codes_in(row[5])})
             for row in rows[(page - 1) * per_page: page * per_page]]
    return FactorTable(groups=groups, rows=Page(items, total, page, per_page), filters=filters)

