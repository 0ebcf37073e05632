"""Template globals: role-aware navigation and small filters."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from flask import Flask, current_app, has_request_context, request, url_for
from flask_login import current_user
from jinja2 import Template
from markupsafe import Markup, escape

from debrief.audit.describe import describe, record as audit_record
from debrief.auth.roles import Permission, affiliation, permissions_for
from debrief.models.rca import RCA_STATUS_LABELS, RcaStatus
from debrief.publications import workflow as case_workflow
from debrief import reference
from debrief.richtext import paragraphs

# (permission, endpoint, text): shown to whoever holds the permission, in this order.
NAVIGATION = [
    (Permission.FILE_DEBRIEF, "main.officer_home", "My debriefs"),
    (Permission.REVIEW_INCIDENTS, "review.queue", "Reviews"),
    (Permission.REVIEW_INCIDENTS, "rca.index", "Root-cause analyses"),
    (Permission.REVIEW_INCIDENTS, "released.index", "Released findings"),
    (Permission.WORK_ON_CASE_STUDIES, "learning.case_studies", "Case studies"),
    (Permission.WORK_ON_CASE_STUDIES, "learning.issues", "Magazine issues"),
    (Permission.RESPOND_FOR_FORCE, "responses.index", "Force responses"),
    (Permission.VIEW_PATTERNS, "patterns.overview", "Patterns"),
    (Permission.MANAGE_USERS, "admin.users", "Users"),
    (Permission.VIEW_AUDIT, "admin.audit", "Audit log"),
    (Permission.WORK_ON_CASE_STUDIES, "moderation.responses", "Force responses"),
    (Permission.MANAGE_LEARNING_TEAM, "national.learning_team", "Learning team"),
    (Permission.SUPPORT_WELLBEING, "wellbeing.requests", "Support requests"),
    (Permission.MANAGE_REFERENCE_FIGURES, "patterns.figures", "Reference figures"),
]


# Status labels live beside their enums (models/rca.py, publications/workflow.py); only the tag colours are here.
RCA_STATUS_CLASSES = {RcaStatus.DRAFT: "govuk-tag--grey", RcaStatus.IN_REVIEW: "govuk-tag--blue",
                      RcaStatus.SIGNED_OFF: "govuk-tag--green"}


RETURNED_LABEL, RETURNED_CLASS = "Returned for changes", "govuk-tag--orange"


def rca_status_tag(rca) -> dict:
    """The GOV.UK tag of an RCA's status: a draft a second reviewer returned says so (not "Draft")."""
    if getattr(rca, "is_returned", False):
        return {"text": RETURNED_LABEL, "classes": RETURNED_CLASS}
    return {"text": RCA_STATUS_LABELS.get(rca.status, rca.status), "classes": RCA_STATUS_CLASSES.get(rca.status, "")}


def rca_returned_note(rca, *, limit: int | None = None) -> str:
    """Who returned it, when and why, for beside the status; empty unless it is returned."""
    if not getattr(rca, "is_returned", False):
        return ""
    who = rca.returned_by.name if rca.returned_by is not None else "A second reviewer"
    reason = " ".join((rca.returned_reason or "").split())
    if limit is not None and len(reason) > limit:
        reason = reason[:limit].rsplit(" ", 1)[0] + "…"
    return f"{who} returned it on {format_datetime(rca.returned_at)}" + (f": “{reason}”" if reason else "")


def navigation_items() -> list[dict]:
    if not current_user.is_authenticated or current_user.password_change_due:
        return []  # while their own password is due, no page but changing it (and signing out) opens
    path = request.path
    return [{"href": href, "text": text, "active": path.startswith(href)} for href, text in _navigation_links()]


def _navigation_links() -> list[tuple[str, str]]:
    """The (address, text) of each entry the user's roles grant, built once per role set and application root."""
    roles = current_user.roles
    built = current_app.extensions.setdefault("debrief_navigation", {})
    key = (request.script_root, roles)
    links = built.get(key)
    if links is None:
        granted = permissions_for(roles)
        links = built[key] = [(url_for(endpoint), text) for permission, endpoint, text in NAVIGATION
                              if permission in granted]
    return links


# The layout's own links (header, footer, stylesheets, script): the same on every page of a deployment.
LAYOUT_LINKS = {
    "home": ("main.index", {}), "sign_out": ("auth.sign_out", {}), "password": ("auth.change_own_password", {}),
    "magazine": ("magazine.issues", {}),
    "accessibility": ("main.accessibility", {}), "privacy": ("main.privacy", {}), "status": ("main.status", {}),
    "govuk_css": ("static", {"filename": "govuk/govuk-frontend.min.css"}),
    "app_css": ("static", {"filename": "css/app.css"}), "icon": ("static", {"filename": "images/debrief-icon.svg"}),
    "app_js": ("static", {"filename": "js/app.js"}),
}


def layout_urls() -> dict[str, str]:
    """LAYOUT_LINKS' addresses, built once per application root (ten url_for calls on every page otherwise)."""
    if not has_request_context():  # as before: url_for decides what it can build without a request
        return {name: url_for(endpoint, **values) for name, (endpoint, values) in LAYOUT_LINKS.items()}
    built = current_app.extensions.setdefault("debrief_layout_urls", {})
    root = request.script_root
    urls = built.get(root)
    if urls is None:
        urls = built[root] = {name: url_for(endpoint, **values) for name, (endpoint, values) in LAYOUT_LINKS.items()}
    return urls


def format_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.strftime("%-d %B %Y at %H:%M")


def audit_details(details, action: str = "", names=None) -> Markup:
    """An audit event's details as readable lines, "Label: value" each, in words (audit/describe.py; people and
    forces by `names`, audit/people.py), every part escaped (never raw JSON)."""
    return Markup("<br>").join(Markup('<span class="debrief-audit-detail">{}: {}</span>').format(label, text)
                               for label, text in describe(action, details, names))


def place_href(place) -> str:
    """The address of another page a refusal or a to-do is about (errors.Place)."""
    return url_for(place.endpoint, **dict(place.values))


def answer_row(key: str, value, change_href: str | None = None) -> dict:
    """A GOV.UK summary-list row; a Change link only when there is somewhere to change it."""
    row = {"key": {"text": key}, "value": {"text": value if value not in (None, "") else "Not given"}}
    if change_href and str(change_href).strip():
        row["actions"] = {"items": [{"href": str(change_href).strip(), "text": "Change",
                                     "visuallyHiddenText": key.lower()}]}
    return row


def debrief_errors(form) -> dict:
    """Error summary links that land on the first input of each question (day box of a date)."""
    items = []
    for name, errors in form.errors.items():
        if not errors:
            continue
        if name is None:  # errors of the whole form, not of one question
            items.extend({"text": error, **({"href": error.href} if getattr(error, "href", None) else {})}
                         for error in errors)
            continue
        field = getattr(form, name, None)
        target = getattr(field, "id", name)
        if field is not None and field.type == "GovDateField":
            target = f"{field.name}-day"
        # An error put right on another page links there (form_errors.ErrorElsewhere), not to this page's field.
        items.append({"text": errors[0], "href": getattr(errors[0], "href", None) or f"#{target}"})
    return {"titleText": "There is a problem", "errorList": items}


def safe_label(vocab, code) -> str:
    """A vocabulary label for display: an unknown or retired code is shown as stored, never a crash."""
    try:
        return reference.label_for(vocab, code)
    except KeyError:
        return str(code)


def officer_list(incident) -> str:
    """Officers and staff of an incident with their role on the day, for summaries."""
    def one(o) -> str:
        extra = [safe_label(reference.MAIN_DUTIES, o.role_on_day)] if o.role_on_day else []
        if not o.has_account:
            extra += [x for x in (o.collar_number, o.force_name) if x]
        if o.not_there_at:
            extra.append("says they were not there")
        return o.display_name + (f" ({', '.join(extra)})" if extra else "")

    return ", ".join(one(o) for o in incident.officers)


class QuickImportTemplate(Template):
    """Jinja's Template, but a `{% from ... import %}` (about twenty a page, through the GOV.UK macros) no longer
    compares the globals one key at a time through a ChainMap on every render, which took a fifth of a public page's
    time: the same check as one set difference, then Jinja's own cached module."""

    def _get_default_module(self, ctx=None):
        if ctx is not None and not ctx.globals_keys.difference(self.globals):
            ctx = None  # the importing template has no globals the imported one lacks
        return super()._get_default_module(ctx)


# The GOV.UK macros any page may call without importing them: (global name, component). The layout imported them on
# every render, about a third of its time; as globals each is imported once per worker, at its first call.
LAYOUT_MACROS = (
    ("govukNotificationBanner", "notification-banner"), ("govukErrorSummary", "error-summary"),
    ("govukButton", "button"), ("govukSummaryList", "summary-list"), ("govukTable", "table"), ("govukTag", "tag"),
    ("govukPagination", "pagination"), ("govukBackLink", "back-link"),
)


class LayoutMacro:
    """One of LAYOUT_MACROS: the macro imported from its template at its first call, then called directly."""

    __slots__ = ("environment", "template", "name", "macro")

    def __init__(self, environment, component: str, name: str) -> None:
        self.environment, self.name, self.macro = environment, name, None
        self.template = f"govuk_frontend_jinja/components/{component}/macro.html"

    def __call__(self, *args, **kwargs):
        macro = self.macro
        if macro is None:
            macro = self.macro = getattr(self.environment.get_template(self.template).module, self.name)
        return macro(*args, **kwargs)


def init_template_helpers(app: Flask) -> None:
    app.jinja_env.template_class = QuickImportTemplate
    for name, component in LAYOUT_MACROS:
        app.add_template_global(LayoutMacro(app.jinja_env, component, name), name)

    app.add_template_global(navigation_items, "navigation_items")
    app.add_template_global(lambda person: affiliation(person.roles, person.force.name), "affiliation_of")
    app.add_template_global(layout_urls, "layout_urls")
    app.add_template_global(answer_row, "answer_row")
    app.add_template_global(officer_list, "officer_list")
    app.add_template_global(debrief_errors, "debrief_errors")
    app.add_template_global(place_href, "place_href")
    app.add_template_global(reference, "ref")
    app.add_template_global(safe_label, "label_for")
    app.add_template_filter(lambda code, vocab: safe_label(vocab, code), "vocab_label")
    app.add_template_filter(format_datetime, "datetime")
    app.add_template_filter(audit_details, "audit_details")
    app.add_template_global(audit_record, "audit_record")
    app.add_template_filter(lambda d: d.strftime("%-d %B %Y") if d else "", "day")
    app.add_template_global(lambda status: RCA_STATUS_LABELS.get(status, status), "rca_status_label")
    app.add_template_global(lambda status: RCA_STATUS_CLASSES.get(status, ""), "rca_status_class")
    app.add_template_global(rca_status_tag, "rca_status_tag")
    app.add_template_global(rca_returned_note, "rca_returned_note")
    app.add_template_global(lambda status: case_workflow.STATUS_LABELS.get(status, status), "case_status_label")
    app.add_template_global(lambda status: case_workflow.STATUS_TAGS.get(status, ""), "case_status_class")
    init_text_filters(app)


def init_text_filters(app: Flask) -> None:
    """The safe paragraph renderer as a filter: `{{ text | paragraphs }}`, never `|safe` on people's words."""
    app.add_template_filter(paragraphs, "paragraphs")


def id_links(endpoint: str, name: str) -> Callable[[int], str]:
    """url_for(endpoint, name=id) for the many ids of a page: the address built once, then each id put in (a url_for
    a row cost more than the row's markup). Only for a route whose one argument is an int."""
    marker = 918273645
    head, tail = url_for(endpoint, **{name: marker}).split(str(marker))
    return lambda record_id: f"{head}{int(record_id)}{tail}"
