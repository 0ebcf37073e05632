"""Drill-down view: the list of records behind one count of a Patterns page (the links on the counts are made by
view_context.attach_links)."""
from __future__ import annotations

from flask import abort, render_template, request, url_for
from flask_login import current_user

from debrief.analytics import drill, pages, training_page
from debrief.analytics.filters import PatternFilters
from debrief.analytics.view_context import current_policy, filters_from_request, page_context
from debrief.audit import record
from debrief.auth.roles import Permission
from debrief.extensions import db
from debrief.security import requires


def _shown_count(key: str, filters: PatternFilters, label: str, column: str) -> int | None:
    """The count as the page shows it (through the suppression policy), or None if it is withheld or absent."""
    spec = pages.FIGURE_BY_KEY.get(key)
    if spec is not None:
        table = pages.figure_table(db.session, spec, filters, current_policy())
    else:
        found = training_page.figure_tables(db.session, filters, current_policy()).get(key)
        table = found[1] if found else None
    if table is None or column not in table.columns:
        return None
    try:
        cell = table.value(label, column)
    except KeyError:
        return None
    return cell if isinstance(cell, int) and not isinstance(cell, bool) and cell > 0 else None


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
    count = _shown_count(key, filters, label, column)
    found = drill.records(db.session, spec, filters, label, column, who) if count is not None else None
    if found is None:
        abort(404)  # a withheld count, or a row the figure does not have: nothing to follow
    record("patterns.records_viewed", actor=me, force_id=me.force_id, figure=key, row=label, column=column,
           kind=found.kind, count=found.total)
    db.session.commit()
    back = {k: v for k, v in request.args.items() if k not in ("figure", "row", "column")}
    page_key = next((p for p, specs in pages.FIGURES.items() if any(s.key == key for s in specs)), "training")
    return render_template("patterns/records.html", found=found, count=count, label=label, column=column,
                           figure_title=_title(key, filters), back_url=_back(page_key, back),
                           **page_context(form, filters, "records"))


def _title(key: str, filters: PatternFilters) -> str:
    spec = pages.FIGURE_BY_KEY.get(key)
    return spec.title if spec else {"training-debrief-topics":
                                    "What debriefs say could have been done differently, by topic"}.get(key, key)


def _back(page_key: str, args: dict) -> str:
    if page_key == "training":
        return url_for("patterns.training", **args)
    return url_for("patterns.page", page_key=page_key, **args)
