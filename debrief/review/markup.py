"""The reviewer queue's repeated markup built in Python, every value escaped: its incident rows (the markup govukTable
writes) and its filter form (the same for every request with the same filters, so kept once drawn). A Jinja loop over
the rows and options cost more than the rest of the page."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from flask import render_template, request
from markupsafe import Markup, escape

from debrief import reference as ref
from debrief.debriefs.service import QueueRow
from debrief.fragments import kept, kept_drawn
from debrief.template_helpers import format_datetime, id_links, rca_status_tag

THEME_LABELS = {c.code: c.label for c in ref.INCIDENT_TYPES}  # a retired code is shown as stored (safe_label's rule)

_ROW = ('\n    <tr class="govuk-table__row">\n'
        '      <td class="govuk-table__cell debrief-queue-table__ref" data-label="Reference"><a class="govuk-link" '
        'href="{href}">{reference}</a></td>\n'
        '      <td class="govuk-table__cell" data-label="When">{when}</td>\n'
        '      <td class="govuk-table__cell" data-label="Types">{types}</td>\n'
        '      <td class="govuk-table__cell debrief-queue-table__count" data-label="Kind">{kind}</td>\n'
        '      <td class="govuk-table__cell debrief-queue-table__count" data-label="Debriefs submitted">'
        '{submitted} of {total}</td>\n'
        '      <td class="govuk-table__cell" data-label="RCA">{rca}</td>\n'
        '    </tr>\n  ')
_RCA = ('<a class="govuk-link" href="{href}">RCA<span class="govuk-visually-hidden"> of {reference}</span></a> '
        '<strong class="govuk-tag{classes}">{text}</strong>')


def queue_rows(rows: Iterable[QueueRow], *, incident_href: Callable[[int], str], rca_href: Callable[[int], str],
               theme_labels: Mapping[str, str]) -> Markup:
    """The <tr> of each incident of a page of the queue (review/_queue_table.html's rows)."""
    out = []
    for i in rows:
        reference = escape(i.reference)
        if i.rca is not None:
            tag = rca_status_tag(i.rca)
            rca = _RCA.format(href=escape(rca_href(i.rca.id)), reference=reference,
                              classes=f" {escape(tag['classes'])}" if tag["classes"] else "", text=escape(tag["text"]))
        else:
            rca = "Not started"
        out.append(_ROW.format(
            href=escape(incident_href(i.id)), reference=reference,
            when=escape(format_datetime(i.occurred_at) or "Not given"),
            types=", ".join(str(escape(theme_labels.get(code, code))) for code in i.themes),
            kind="Near-miss" if i.near_miss else "Incident", submitted=int(i.submitted), total=int(i.total), rca=rca))
    return Markup("".join(out))


def _rows_part(rows: tuple[QueueRow, ...]) -> Markup:
    return queue_rows(rows, incident_href=id_links("review.incident", "incident_id"),
                      rca_href=id_links("rca.overview", "rca_id"), theme_labels=THEME_LABELS)


def kept_queue_rows(rows: Iterable[QueueRow]) -> Markup:
    """queue_rows() for this page of rows, drawn once per distinct page of rows (debrief.fragments): a row is frozen
    plain values, all it shows, so the rows are the whole key."""
    return kept_drawn(_rows_part, tuple(rows))


@dataclass(frozen=True)
class QueueRcas:
    """Above the queue: the RCAs awaiting the reviewer's sign-off, those they lead and their overdue actions."""
    awaiting: tuple
    mine: tuple
    overdue: tuple
    today: date


def kept_rcas(*, awaiting, mine, overdue, today: date) -> Markup:
    """review/_rcas.html for these rows (frozen plain values: rca.service.RcaRow, OverdueAction), drawn once per
    distinct content (debrief.fragments)."""
    return kept("review/_rcas.html", QueueRcas(tuple(awaiting), tuple(mine), tuple(overdue), today))


_FILTER_FORMS: dict[tuple, Markup] = {}
_KEPT = 128  # filter forms kept (each a few kilobytes); past this all are dropped at once (clear() is
# safe beside other threads; deleting a chosen key may not be) and drawn again


def queue_filters(values: Mapping[str, str], errors: Mapping[str, str], *, themes, yes_no_filters) -> Markup:
    """The queue's filter form (review/_queue_filters.html) for these typed values and errors: drawn once and kept, as
    it depends on nothing else (its options are constants; its one link, the queue's address, is in the key)."""
    key = (request.script_root, tuple(sorted(values.items())), tuple(sorted(errors.items())))
    form = _FILTER_FORMS.get(key)
    if form is None:
        form = Markup(render_template("review/_queue_filters.html", args=values, errors=errors, themes=themes,
                                      yes_no_filters=yes_no_filters))
        if len(_FILTER_FORMS) >= _KEPT:
            _FILTER_FORMS.clear()
        _FILTER_FORMS[key] = form
    return form
