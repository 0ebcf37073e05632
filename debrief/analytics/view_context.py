"""What every Patterns view shares: the signed-in user, the filter form read from the query string, the page's
context, the suppression policy, the audit of a view, the CSVs' metadata lines and the drill-down links on counts. The
blueprint's view modules (views, figures_views, training_views, drill_views) import these rather than each other's
helpers; views.py registers the others' routes on the blueprint explicitly."""
from __future__ import annotations

from datetime import date

from flask import current_app, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup, escape

from debrief.auth.principal import SignedIn
from debrief import reference as ref
from debrief.analytics import drill, pages, risk, rollup_reads, service, suppression
from debrief.analytics.filters import SOURCE_LABELS, PatternFilters, month_label
from debrief.analytics.forms import PatternFilterForm
from debrief.analytics.tables import MARKERS
from debrief.extensions import db


def signed_in() -> SignedIn:
    return current_user._get_current_object()


def today() -> date:
    return date.today()


def filters_from_request() -> tuple[PatternFilterForm, PatternFilters | None]:
    """The filter form from the query string, its defaults shown, and the filters if they are valid."""
    me = signed_in()
    all_forces = service.sees_all_forces(me)
    form = PatternFilterForm(formdata=request.args if request.args else None)
    form.force.choices = [("", "All forces"), *[(str(i), name) for i, name in force_names().items()]] \
        if all_forces else [(str(me.force_id), me.force.name)]
    if not all_forces:
        form.force.data = str(me.force_id)
    form.set_defaults(today())
    chosen = int(form.force.data) if all_forces and (form.force.data or "").isdigit() else None
    filters = form.to_filters(today(), service.scoped_force_ids(me, chosen))
    return form, filters


def page_context(form, filters, page_key: str) -> dict:
    query = request.query_string.decode("ascii", "replace")
    all_forces = service.sees_all_forces(signed_in())
    page_menu, page_list = page_menus(page_key, query)
    return {"form": form, "filter_form": filter_form(form, all_forces) if form is not None else None,
            "page_menu": page_menu, "page_list": page_list, "filters": filters, "pages": pages.PAGES,
            "page_links": page_links(), "page_key": page_key,
            "all_forces": all_forces, "query": query,
            "period": (f"{month_label(filters.month_from)} to {month_label(filters.month_to)}" if filters else ""),
            "source_label": SOURCE_LABELS.get(filters.source, "") if filters else "",
            "scope_label": scope_label(filters), "csv_url": csv_url, "shift_hours_note": risk.SHIFT_HOURS_NOTE,
            "suppressed_markers": MARKERS, "suppression_rule": current_policy().describe(),
            "suppression_min": current_policy().min_count}


_FILTER_FORMS: dict[tuple, Markup] = {}
_KEPT = 128  # filter forms kept (a few kilobytes each); past this all are dropped at once (clear() is
# safe beside other threads; deleting a chosen key may not be) and drawn again


def filter_form(form: PatternFilterForm, all_forces: bool) -> Markup:
    """The filter form (patterns/_filters.html) for this state of the form, drawn once and kept: it shows nothing but
    its fields' values, errors and choices and the page's address (its action), which together are the key."""
    key = (request.path, all_forces, tuple(tuple(choice) for choice in form.force.choices),
           tuple((field.name, field.data, tuple(field.errors)) for field in form))
    drawn = _FILTER_FORMS.get(key)
    if drawn is None:
        drawn = Markup(render_template("patterns/_filters.html", form=form, all_forces=all_forces))
        if len(_FILTER_FORMS) >= _KEPT:
            _FILTER_FORMS.clear()
        _FILTER_FORMS[key] = drawn
    return drawn


_MENUS: dict[tuple, tuple[Markup, Markup]] = {}


def page_menus(page_key: str, query: str) -> tuple[Markup, Markup]:
    """The Patterns menu's items (every page, this one marked as current) and the overview's list of pages, each link
    keeping the filters (`query`, escaped here): built once for each page and query string and kept, 128 at most."""
    key = (request.script_root, page_key, query)
    menus = _MENUS.get(key)
    if menus is None:
        overview, links = page_links()
        suffix = f"?{query}" if query else ""
        current = ' aria-current="page"'
        menu = [f'<li><a class="govuk-link govuk-link--no-visited-state" href="{escape(overview + suffix)}"'
                f'{current if page_key == "overview" else ""}>Overview</a></li>']
        listed = []
        for page, href in links:
            menu.append(f'<li><a class="govuk-link govuk-link--no-visited-state" href="{escape(href + suffix)}"'
                        f'{current if page_key == page.key else ""}>{escape(page.title)}</a></li>')
            listed.append(f'<li>\n    <h2 class="govuk-heading-m"><a class="govuk-link" href="{escape(href + suffix)}">'
                          f'{escape(page.title)}</a></h2>\n'
                          f'    <p class="govuk-body">{escape(page.summary)}</p>\n  </li>')
        menus = Markup("\n    ".join(menu)), Markup("\n  ".join(listed))
        if len(_MENUS) >= _KEPT:
            _MENUS.clear()
        _MENUS[key] = menus
    return menus


_PAGE_LINKS: dict[str, tuple[tuple[str, tuple[pages.PageSpec, str], ...]]] = {}


def page_links() -> tuple[str, tuple[tuple[pages.PageSpec, str], ...]]:
    """The overview's address and each page's, for the menu: the same for every request under one script root, so
    worked out once for each (a handful at most; url_for twenty times a page cost more than the page's figures)."""
    root = request.script_root
    links = _PAGE_LINKS.get(root)
    if links is None:
        links = (url_for("patterns.overview"),
                 tuple((p, url_for("patterns.network") if p.key == "network" else url_for("patterns.page", page_key=p.key))
                       for p in pages.PAGES))
        if len(_PAGE_LINKS) < 8:
            _PAGE_LINKS[root] = links
    return links


def force_names() -> dict[int, str]:
    """The forces the user may count, by name: every force for the learning team (read once a page), else theirs."""
    me = signed_in()
    return dict(rollup_reads.forces(db.session)) if service.sees_all_forces(me) else {me.force_id: me.force.name}


def current_policy() -> suppression.Policy:
    return suppression.policy_from(current_app.config)


def scope_label(filters: PatternFilters | None) -> str:
    if filters is None:
        return ""
    if filters.force_ids is None:
        return "All forces"
    names = force_names()
    return ", ".join(names[i] for i in filters.force_ids if i in names)


def audited(html: str, page_key: str, filters: PatternFilters | None) -> str:
    """The page, once its view is in the audit trail (recorded after rendering: the commit expires what it read)."""
    if filters is not None:
        service.record_patterns_viewed(signed_in(), page_key, filters)
    return html


def csv_metadata(title: str, filters: PatternFilters) -> list[tuple[str, str]]:
    """The first lines of every CSV: what it counts, for whom, when, from where, and the suppression rule."""
    context = page_context(None, filters, "")
    theme = ref.label_for(ref.INCIDENT_TYPES, filters.theme) if filters.theme else "All incident types"
    kind = {None: "Incidents and near misses", True: "Near misses only", False: "Incidents only"}[filters.near_miss]
    return [("Figure", title), ("Forces", context["scope_label"]), ("Period", context["period"]),
            ("Filters", f"{theme}; {kind}"), ("Source", context["source_label"]),
            ("Suppression", context["suppression_rule"]), ("Produced", today().isoformat())]


def csv_url(figure_key: str) -> str:
    return url_for("patterns.download", figure_key=figure_key, **request.args)


def attach_links(figures: list[pages.Figure], filters: PatternFilters | None) -> None:
    """Link each shown, non-zero count of a drillable column to its records, if the user may follow it."""
    me = current_user._get_current_object()
    if filters is None or drill.audience(me, filters) is None:
        return
    args = {k: v for k, v in request.args.items() if k not in ("figure", "row", "column")}
    for figure in figures:
        spec = drill.DRILLS.get(figure.key)
        if spec is None:
            continue
        for c, column in enumerate(figure.table.columns):
            if column not in spec.columns:
                continue
            for r, row in enumerate(figure.table.rows):
                cell = row[c]
                if isinstance(cell, int) and not isinstance(cell, bool) and cell > 0 and \
                        drill.lists_row(figure.key, filters, str(row[0]), column):  # a row it can list
                    figure.links[(r, c)] = url_for("patterns.records", figure=figure.key, row=str(row[0]),
                                                   column=column, **args)
