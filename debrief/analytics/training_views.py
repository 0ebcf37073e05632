"""Training needs: the page, its CSVs, and the short briefing as HTML and PDF (counts only, never debrief text)."""
from __future__ import annotations

from flask import Response, abort, render_template, request, url_for
from flask_login import current_user

from debrief.analytics import service, training_page, training_rank
from debrief.analytics.tables import to_csv
from debrief.analytics.view_context import (attach_links, audited, csv_metadata, current_policy, filters_from_request,
                                            page_context)
from debrief.auth.roles import Permission
from debrief.extensions import db
from debrief.publications.export import tagged_pdf
from debrief.security import requires


def _csv_url(figure_key: str) -> str:
    return url_for("patterns.training_download", figure_key=figure_key, **request.args)


def _built(charts: bool = True):
    form, filters = filters_from_request()
    context = page_context(form, filters, "training")
    context.update(csv_url=_csv_url, how=training_rank.HOW, top=[], ranking=None, figures=[])
    if filters is not None:
        built = training_page.build(db.session, filters, current_policy(), charts=charts)
        if charts:  # the page, not the briefing: counts link to their records
            attach_links(built.figures, filters)
        context.update(top=built.top, ranking=built.ranking, figures=built.figures)
    return filters, context


@requires(Permission.VIEW_PATTERNS)
def training():
    filters, context = _built()
    return audited(render_template("patterns/training.html", **context), "training", filters)


@requires(Permission.VIEW_PATTERNS)
def training_download(figure_key: str):
    form, filters = filters_from_request()
    if filters is None:
        abort(400)
    found = training_page.figure_tables(db.session, filters, current_policy()).get(figure_key)
    if found is None:
        abort(404)
    title, table = found
    service.record_patterns_downloaded(current_user._get_current_object(), figure_key, filters)
    name = f"{figure_key}-{filters.month_from}-{filters.month_to}.csv"
    return Response(to_csv(table, csv_metadata(title, filters)), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _briefing(filters, context) -> str:
    return render_template("patterns/training_briefing.html", metadata=csv_metadata(training_page.RANKING_TITLE,
                                                                                     filters), **context)


@requires(Permission.VIEW_PATTERNS)
def training_briefing():
    filters, context = _built(charts=False)
    if filters is None:
        abort(400)
    service.record_patterns_downloaded(current_user._get_current_object(), "training-briefing-html", filters)
    name = f"training-needs-{filters.month_from}-{filters.month_to}.html"
    return Response(_briefing(filters, context), mimetype="text/html",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@requires(Permission.VIEW_PATTERNS)
def training_briefing_pdf():
    filters, context = _built(charts=False)
    if filters is None:
        abort(400)
    pdf = tagged_pdf(_briefing(filters, {**context, "medium": "print"}))
    service.record_patterns_downloaded(current_user._get_current_object(), "training-briefing-pdf", filters)
    name = f"training-needs-{filters.month_from}-{filters.month_to}.pdf"
    return Response(pdf, mimetype="application/pdf", headers={"Content-Disposition": f'attachment; filename="{name}"'})
