"""Drill-down view: the list of records behind one count of a Patterns page (the links on the counts are made by
view_context.attach_links)."""
from __future__ import annotations

from flask import abort, render_template, request, url_for
from flask_login import current_user

from debrief.analytics import drill, pages, training_page
from debrief.analytics.filters import PatternFilters
from debrief.analytics.tables import MARKERS
from debrief.analytics.view_context import current_policy, filters_from_request, page_context
from debrief.audit import record_read
from debrief.auth.roles import Permission
from debrief.extensions import db
from debrief.security import requires


def _cell(key: str, filters: PatternFilters, label: str, column: str):
    """The cell as the page shows it (through the suppression policy), or None if the figure has no such cell."""
    spec = pages.FIGURE_BY_KEY.get(key)
    if spec is not None:
        table = pages.figure_table(db.session, spec, filters, current_policy())
    else:
        found = training_page.figure_tables(db.session, filters, current_policy()).get(key)
        table = found[1] if found else None
    if table is None or column not in table.columns:
        return None
    try:
        return table.value(label, column)
    except KeyError:
        return None


def _shown(cell) -> bool:
    return isinstance(cell, int) and not isinstance(cell, bool) and cell > 0


@requires(Permission.VIEW_PATTERNS)
def records():
    me = current_user._get_current_object()
    form, filters = filters_from_request()
    key, label, column = (request.args.get(name, "") for name in ("figure", "row", "column"))
    spec = drill.DRILLS.get(key)
    if filters is None or spec is None or column not in spec.columns:
        abort(404)
    who = drill.audience(me, filters)
    if who is None:
        abort(403)
    count = _cell(key, filters, label, column)
    if count in MARKERS:  # withheld: refused, with why and how to see it (the same rule for everyone)
        html = render_template("patterns/withheld.html", marker=count, label=label, column=column,
                               figure_title=_title(key, filters), back_url=_back(_page_of(key), _back_args()),
                               **page_context(form, filters, "records"))
        return html, 404
    found = drill.records(db.session, spec, filters, label, column, who) if _shown(count) else None
    if found is None:
        abort(404)  # a row the figure does not have, or nothing to follow
    record_read("patterns.records_viewed", actor=me, force_id=me.force_id, figure=key, row=label, column=column,
           kind=found.kind, count=found.total)
    return render_template("patterns/records.html", found=found, count=count, label=label, column=column,
                           figure_title=_title(key, filters), back_url=_back(_page_of(key), _back_args()),
                           differs=_differs(spec, key, found, count, column), **page_context(form, filters, "records"))


def _back_args() -> dict:
    return {k: v for k, v in request.args.items() if k not in ("figure", "row", "column")}


def _page_of(key: str) -> str:
    return next((p for p, specs in pages.FIGURES.items() if any(s.key == key for s in specs)), "training")


def _differs(spec: drill.Drill, key: str, found: drill.Found, count: int, column: str) -> str:
    """Why the number listed is not the figure's number, in a sentence ("" when they are the same thing)."""
    counts = column.lower() if spec.counts == drill.PER_COLUMN else (spec.counts or drill.COUNTS.get(key, ""))
    listed = found.kind
    if found.kind == "case studies":
        return ""  # the page says what the learning team sees
    if not counts:
        return "" if found.total == count else (
            f"The figure counts {count:,} and {found.total:,} {listed} are found now: the records have changed "
            "since the figures were last brought up to date.")
    if listed == drill.RCAS:
        return (f"The figure counts {counts} ({count:,}); this page lists the root-cause analyses they belong to "
                f"({found.total:,}). One RCA can hold several, so the numbers can differ.")
    return (f"The figure counts {counts} ({count:,}); this page lists the incidents they come from "
            f"({found.total:,}). An incident can have several, so the numbers can differ.")


def _title(key: str, filters: PatternFilters) -> str:
    spec = pages.FIGURE_BY_KEY.get(key)
    return spec.title if spec else {"training-debrief-topics":
                                    "What debriefs say could have been done differently, by topic"}.get(key, key)


def _back(page_key: str, args: dict) -> str:
    if page_key == "training":
        return url_for("patterns.training", **args)
    return url_for("patterns.page", page_key=page_key, **args)
