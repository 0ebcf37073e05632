"""The public magazine (no sign-in): issues, case studies, the case factor table, the force response log, the
full-text search (and its recommendations-only page), reader feedback and the issue exports. Only published material
exists here; a case study's force, source and deny list are never loaded into a page."""
from __future__ import annotations

from typing import NamedTuple

from flask import Blueprint, Response, abort, current_app, has_request_context, redirect, request, url_for
from flask import render_template as _render_template
from markupsafe import Markup, escape

from debrief import once
from debrief.errors import ServiceError
from debrief.form_errors import apply_error
from debrief.publications import (
    chronology, export, factor_table, page_cache, reading, recommendation_status, response_log, responses, search,
    themes,
)
from debrief.publications.magazine_forms import FeedbackForm
from debrief.paging import correct_page, requested_page, within
from debrief.publications.paging import issue_options, pagination
from debrief.publications.filters import Filters
from debrief.security import public

bp = Blueprint("magazine", __name__, url_prefix="/magazine")
THEME_CODES = frozenset(choice.code for choice in reading.THEME_CHOICES)


class DrawnPage(NamedTuple):
    """A page's title (plain text) and main content (escaped markup), as magazine/drawn.html shows them."""

    title: str
    body: Markup


MAGAZINE_LINKS = (("magazine.issues", "Issues"), ("magazine.themes_page", "Themes"),
                  ("magazine.case_factor_table", "Case factor table"),
                  ("magazine.force_response_log", "Force response log"),
                  ("magazine.recommendations", "Recommendations"), ("magazine.search_magazine", "Search"),
                  ("subscriptions.subscribe", "Get emails"))


@bp.app_template_global()
def magazine_links() -> list[tuple[str, str, str]]:
    """The magazine's menu (endpoint, text, address), built once per application root (seven url_for calls on every
    magazine page otherwise)."""
    if not has_request_context():
        return [(endpoint, label, url_for(endpoint)) for endpoint, label in MAGAZINE_LINKS]
    built = current_app.extensions.setdefault("debrief_magazine_links", {})
    root = request.script_root
    links = built.get(root)
    if links is None:
        links = built[root] = [(endpoint, label, url_for(endpoint)) for endpoint, label in MAGAZINE_LINKS]
    return links


@bp.app_template_test("is_bullet")
def is_bullet(line: str) -> bool:
    """A line of a stored text that is an item of a bulleted list ("- ", "* " or "• ")."""
    return line.strip()[:2] in ("- ", "* ", "• ")


@bp.app_template_filter("magazine_paragraphs")
def magazine_paragraphs(text: str | None, classes: str = "govuk-body") -> Markup:
    """A stored text as the magazine shows it (the `paragraphs` macro of magazine/_macros.html, written in Python:
    a case study calls it six times): paragraphs split on blank lines, each line kept (CSS keeps the breaks), a
    paragraph with bulleted lines as lists between its other lines. Every part escaped."""
    out: list[str] = []
    for para in (text or "").replace("\r\n", "\n").split("\n\n"):
        if not para.strip():
            continue
        lines = para.strip().split("\n")
        if not any(is_bullet(line) for line in lines):
            out.append(f'\n  <p class="{escape(classes)} debrief-text">{escape(para.strip())}</p>')
            continue
        open_list = False
        for line in lines:
            if not line.strip():
                continue
            if is_bullet(line):
                if not open_list:
                    out.append('<ul class="govuk-list govuk-list--bullet">')
                    open_list = True
                out.append(f"\n        <li>{escape(line.strip()[2:].strip())}</li>")
            else:
                if open_list:
                    out.append("</ul>")
                    open_list = False
                out.append(f'\n        <p class="{escape(classes)} debrief-text">{escape(line.strip())}</p>')
        if open_list:
            out.append("</ul>")
    return Markup("".join(out))


@bp.app_template_filter("said_once")
def said_once(text: str | None) -> str:
    """A chronology's runs of entries at the same time of day under that time, said once (publications/chronology)."""
    return chronology.said_once(text)


def render_template(template: str, **context):
    return _render_template(template, labels=reading.labels(), **context)


def _issue_or_404(number: int):
    issue = reading.published_issue(number)
    if issue is None:
        abort(404)
    return issue


@bp.route("/")
@public
def issues():
    """The published issues; with ?theme=CODE only those holding a case study of that theme, listing them."""
    code = request.args.get("theme") or None
    if code is not None and code not in THEME_CODES:  # anything typed: drawn, never kept
        return render_template("magazine/drawn.html", page=_issues_page(code))
    return render_template("magazine/drawn.html", page=page_cache.drawn(("issues", code), lambda: _issues_page(code)))


def _issues_page(code: str | None) -> DrawnPage:
    chosen = themes.theme(code) if code else None
    body = render_template("magazine/issues.html", issues=reading.published_issues(), chosen=chosen, theme_asked=code,
                           theme_options=[(t.choice.code, t.choice.label) for t in themes.themes()])
    title = "Learning from incidents: the magazine"
    return DrawnPage(f"Issues on {chosen.choice.label}: {title}" if chosen else title, Markup(body))


@bp.route("/themes")
@public
def themes_page():
    return render_template("magazine/themes.html", themes=themes.themes())


@bp.route("/issues/<int:number>")
@public
def issue(number: int):
    issue = _issue_or_404(number)
    return render_template("magazine/issue.html", issue=issue, case_studies=reading.issue_case_studies(issue),
                           withdrawals=reading.withdrawals_in_issue(issue))


def _gone_or_404(case_study_id: int):
    """A withdrawn case study's address answers 410 Gone with the date it was withdrawn and nothing of its content;
    any other that is not public, 404."""
    withdrawn_at = reading.withdrawn_on(case_study_id)
    if withdrawn_at is None:
        abort(404)
    return render_template("magazine/withdrawn.html", withdrawn_at=withdrawn_at), 410


@bp.route("/case-studies/<int:case_study_id>")
@public
def case_study(case_study_id: int):
    page = page_cache.drawn(("case_study", case_study_id), lambda: _case_study_page(case_study_id))
    if page is None:
        return _gone_or_404(case_study_id)
    return render_template("magazine/drawn.html", page=page)


def _case_study_page(case_study_id: int) -> DrawnPage | None:
    case_study = reading.published_case_study(case_study_id)
    if case_study is None:
        return None
    status, forces_said = recommendation_status.for_case_study(case_study)
    body = render_template("magazine/case_study.html", case_study=case_study,
                           question_groups=reading.questions_by_audience(case_study),
                           recommendation_status=status, recommendation_responses=forces_said)
    return DrawnPage(case_study.title, Markup(body))


@bp.route("/case-factor-table")
@public
def case_factor_table():
    filters = Filters.from_args(request.args)
    page = requested_page()
    table = factor_table.case_factor_table(Filters(issue=filters.issue, theme=filters.theme, category=filters.category,
                                              area=filters.area), page=within(page))
    if (elsewhere := correct_page(page, table.rows.pages)) is not None:
        return elsewhere
    return render_template("magazine/case_factor_table.html", table=table, filters=table.filters,
                           issue_options=issue_options(),
                           pagination=pagination(table.rows, "magazine.case_factor_table", table.filters))


@bp.route("/force-response-log")
@public
def force_response_log():
    given = Filters.from_args(request.args)
    forces = response_log.responding_forces()
    force = given.force if given.force in {code for code, _ in forces} else None
    filters = Filters(issue=given.issue, theme=given.theme, audience=given.audience, force=force,
                      unanswered=given.unanswered)
    page = requested_page()
    log = response_log.force_response_log(filters, page=within(page))
    if (elsewhere := correct_page(page, log.pages)) is not None:
        return elsewhere
    return render_template("magazine/force_response_log.html", log=log, filters=filters,
                           issue_options=issue_options(), force_options=forces,
                           pagination=pagination(log, "magazine.force_response_log", filters))


def _search_page(scope: str):
    query = (request.args.get("q") or "").strip()[:200]
    given = Filters.from_args(request.args)
    filters = Filters(issue=given.issue, theme=given.theme)
    if scope == "any":
        scope = request.args.get("in") if request.args.get("in") in search.KINDS else "any"
    kinds = search.KINDS if scope == "any" else (scope,)
    results = search.search(query, theme=filters.theme, issue=filters.issue, kinds=kinds) if query else None
    return render_template("magazine/search.html", query=query, results=results, filters=filters, scope=scope,
                           issue_options=issue_options(), limit=search.LIMIT,
                           examples={"query": search.EXAMPLE, "stem": search.STEM_EXAMPLE})


@bp.route("/search")
@public
def search_magazine():
    return _search_page("any")


@bp.route("/recommendations")
@public
def recommendations():
    return _search_page("recommendation")


@bp.route("/issues/<int:number>/feedback", methods=["GET", "POST"])
@public
def feedback(number: int):
    issue = _issue_or_404(number)
    form = FeedbackForm()
    status = 200
    if form.validate_on_submit():
        key = responses.client_key(request.remote_addr, current_app.config["SECRET_KEY"])
        sent = url_for("magazine.feedback_sent", number=issue.number)
        with once.claimed(form, sent) as claim:
            try:
                responses.leave_feedback(issue, useful=form.useful.data, comment=form.comment.data or "", key=key)
            except responses.FeedbackRepeated:
                raise once.AlreadySubmitted(sent) from None
            except responses.FeedbackLimitReached as error:
                form.form_errors.append(str(error))
                status = 429
            except ServiceError as error:
                apply_error(form, error)
            else:
                claim.lands()
        if claim.done:
            return redirect(sent)
    return render_template("magazine/feedback.html", issue=issue, form=form), status


@bp.route("/issues/<int:number>/feedback/sent")
@public
def feedback_sent(number: int):
    return render_template("magazine/feedback_sent.html", issue=_issue_or_404(number))


@bp.route("/issues/<int:number>.pdf")
@public
def issue_pdf(number: int):
    issue = _issue_or_404(number)
    pdf = export.issue_pdf(issue)
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": f'inline; filename="learning-issue-{issue.number}.pdf"'})


@bp.route("/case-studies/<int:case_study_id>.pdf")
@public
def case_study_pdf(case_study_id: int):
    case_study = reading.published_case_study(case_study_id)
    if case_study is None:
        return _gone_or_404(case_study_id)
    return Response(export.case_study_pdf(case_study), mimetype="application/pdf", headers={
        "Content-Disposition": f'inline; filename="learning-case-study-{case_study.id}.pdf"'})


@bp.route("/issues/<int:number>.html")
@public
def issue_html(number: int):
    issue = _issue_or_404(number)
    return Response(export.issue_html(issue), mimetype="text/html", headers={
        "Content-Disposition": f'attachment; filename="learning-issue-{issue.number}.html"'})
