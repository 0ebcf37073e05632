"""The learning team's pages: candidate case studies, editing and re-checking, the workflow, magazine issues.

The learning team never sees identifiable text: these pages show only what a force released (and what the team
wrote since), never the force, the source RCA or the case's deny list.
"""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.routing import BuildError
from wtforms import SelectChoice

from debrief.auth.principal import SignedIn
from debrief.errors import ServiceError
from debrief.auth.roles import Permission
from debrief.extensions import db
from debrief.form_errors import apply_error, attempt
from debrief.models import Article, CaseStudy, MagazineIssue, ReflectiveQuestion
from debrief.models.publication import AUDIENCES, CASE_STUDY_TEXTS, IssueStatus
from debrief.publications import service
from debrief.publications import workflow as wf
from debrief.publications.forms import (
    AddCaseStudyForm, ArticleForm, CaseStudyForm, ConfirmForm, IssueForm, QuestionForm, RejectForm, ReturnForm,
)

from debrief.rca.framework import category_name
from debrief.security import requires
from debrief import once, versions

bp = Blueprint("learning", __name__, url_prefix="/learning")
CAN = Permission.WORK_ON_CASE_STUDIES


def _me() -> SignedIn:
    return current_user._get_current_object()


def _case(case_id: int) -> CaseStudy:
    case = db.session.get(CaseStudy, case_id)
    if case is None:
        abort(404)
    return case


def _not_editable(case: CaseStudy, form=None):
    """A case study that can no longer be changed (published, moved on in another tab): on a GET, its page with why;
    on a POST, the form again with what was typed and why nothing was saved (not "you do not have permission")."""
    status = wf.STATUS_LABELS.get(case.status, case.status).lower()
    why = (f"This case study is now {status}, so it cannot be changed here"
           + (": perhaps someone moved it on while you were editing. Your changes have not been saved. Copy what "
              "you need; to correct a published case study, withdraw it first" if request.method == "POST" else ""))
    if form is None or request.method != "POST":
        flash(why, "important")
        return redirect(url_for("learning.case_study", case_id=case.id))
    apply_error(form, ServiceError(why))
    return None


def _issue(issue_id: int) -> MagazineIssue:
    issue = db.session.get(MagazineIssue, issue_id)
    if issue is None:
        abort(404)
    return issue


# --- case studies ------------------------------------------------------------------------------------

@bp.route("/case-studies")
@requires(CAN)
def case_studies():
    status = request.args.get("status") or None
    if status not in wf.STATUSES:
        status = None
    return render_template("learning/case_studies.html", cases=service.case_studies(status), status=status,
                           counts=service.status_counts(), wf=wf)


@bp.route("/case-studies/<int:case_id>")
@requires(CAN)
def case_study(case_id: int):
    case = _case(case_id)
    service.record_view(case, actor=_me())
    by_audience = {a: [q for q in case.questions if q.audience == a] for a in AUDIENCES}
    return render_template("learning/case_study.html", case=case, by_audience=by_audience, wf=wf,
                           actions=wf.allowed(case.status, wf.LEARNING_TEAM), texts=CASE_STUDY_TEXTS,
                           categories=[category_name(c) for c in case.factor_categories], event_text=event_text)


_EVENT_TEXT = {
    "release": "released by the force as a candidate", "edit": "started editing", "approve": "approved it",
    "schedule": "put it in an issue", "unschedule": "took it out of its issue", "publish": "published it",
    "return": "returned it to the force with a question", "reject": "rejected it",
    "resubmit": "answered the question and resubmitted it", "withdraw": "withdrew it from the magazine",
    "republish": "republished it, corrected",
}


def event_text(event) -> str:
    """One line of history. Actions of the force are not attributed by name: the learning team never learns who
    released a case, since that would point to the force."""
    what = _EVENT_TEXT.get(event.action, event.action)
    if event.action in ("release", "resubmit"):
        return ("The force " + what) if event.action == "resubmit" else what[0].upper() + what[1:]
    who = event.actor.name if event.actor is not None else "Someone"
    return f"{who} {what}" + (f" ({event.comment})" if event.action in ("schedule", "unschedule", "withdraw") else "")


@bp.route("/case-studies/<int:case_id>/edit", methods=["GET", "POST"])
@requires(CAN)
def edit(case_id: int):
    case = _case(case_id)
    form = CaseStudyForm(obj=None if request.method == "POST" else case)
    if not wf.is_editable(case.status):
        form.validate_on_submit()  # the typed values as the form shows them
        return _not_editable(case, form) or render_template("learning/edit.html", case=case, form=form)
    versions.stamp(form, case)
    if form.validate_on_submit() and not versions.is_stale(form, case, CaseStudyForm(formdata=None, obj=case)):
        fields = {k: form[k].data or ([] if k in ("themes", "operational_areas", "factor_categories") else "")
                  for k in ("title", "themes", "summary", "what_happened", "findings_key_learning", "action_taken",
                            "outcome_for_individuals", "recommendations", "operational_areas", "factor_categories")}
        if attempt(lambda: service.update_case_study(case, actor=_me(), **fields), form):
            flash("The case study has been saved", "success")
            return redirect(url_for("learning.case_study", case_id=case.id))
    return render_template("learning/edit.html", case=case, form=form)


@bp.route("/case-studies/<int:case_id>/questions/new", methods=["GET", "POST"],
          defaults={"question_id": None}, endpoint="add_question")
@bp.route("/case-studies/<int:case_id>/questions/<int:question_id>", methods=["GET", "POST"])
@requires(CAN)
def question(case_id: int, question_id: int | None):
    case = _case(case_id)
    if not wf.is_editable(case.status):
        form = QuestionForm()
        form.validate_on_submit()
        return _not_editable(case, form) or render_template("learning/question.html", case=case, form=form,
                                                            question=None)
    existing = None
    if question_id is not None:
        existing = db.session.get(ReflectiveQuestion, question_id)
        if existing is None or existing.case_study_id != case.id:
            abort(404)
    form = QuestionForm()
    if request.method == "GET" and existing is not None:
        form.audience.data, form.question.data = existing.audience, existing.text
    elif request.method == "GET" and request.args.get("audience") in AUDIENCES:
        form.audience.data = request.args["audience"]
    versions.stamp(form, case)
    # A question changed in two tabs: the second save is refused with what the first saved (versions.py).
    if form.validate_on_submit() and not (existing is not None and versions.is_stale(
            form, case, QuestionForm(formdata=None, data={"audience": existing.audience, "question": existing.text}))):
        try:
            if existing is None:
                with once.claimed(form, url_for("learning.case_study", case_id=case.id, _anchor="questions")) as claim:
                    service.add_question(case, actor=_me(), audience=form.audience.data, text=form.question.data)
                    claim.lands()
            else:
                service.update_question(existing, actor=_me(), audience=form.audience.data,
                                        text=form.question.data)
        except ServiceError as error:
            db.session.rollback()
            apply_error(form, error)
        else:
            flash("The reflective question has been saved", "success")
            return redirect(url_for("learning.case_study", case_id=case.id, _anchor="questions"))
    return render_template("learning/question.html", case=case, form=form, question=existing)


@bp.route("/case-studies/<int:case_id>/questions/<int:question_id>/remove", methods=["POST"])
@requires(CAN)
def remove_question(case_id: int, question_id: int):
    case = _case(case_id)
    existing = db.session.get(ReflectiveQuestion, question_id)
    if existing is None or existing.case_study_id != case.id:
        abort(404)
    if attempt(lambda: service.remove_question(existing, actor=_me())):
        flash("The reflective question has been removed", "success")
    return redirect(url_for("learning.case_study", case_id=case.id, _anchor="questions"))


_MOVES = {
    "approve": (ConfirmForm, None, "Approve this case study",
                "Once approved it can be put in a magazine issue. Editing it again will need a new approval."),
    "return": (ReturnForm, "question", "Return this case study to the force",
               "The force's reviewer sees your question, answers it and sends the case study back as a candidate."),
    "reject": (RejectForm, "reason", "Reject this case study",
               "It will not be published. This cannot be undone."),
}


@bp.route("/case-studies/<int:case_id>/<any(approve, return, reject):action>", methods=["GET", "POST"])
@requires(CAN)
def move(case_id: int, action: str):
    case = _case(case_id)
    if action not in [t.action for t in wf.allowed(case.status, wf.LEARNING_TEAM)]:
        abort(403)
    form_class, field, heading, explanation = _MOVES[action]
    form = form_class()
    if form.validate_on_submit():
        words = form[field].data if field else ""
        try:
            if action == "approve":
                service.approve_case_study(case, actor=_me())
            elif action == "return":
                service.return_to_force(case, actor=_me(), question=words)
            else:
                service.reject_case_study(case, actor=_me(), reason=words)
        except ServiceError as error:
            db.session.rollback()
            apply_error(form, error, {"question": field or "", "comment": field or ""})
        else:
            flash({"approve": "The case study has been approved",
                   "return": "The case study has been returned to the force with your question",
                   "reject": "The case study has been rejected"}[action], "success")
            return redirect(url_for("learning.case_study", case_id=case.id))
    return render_template("learning/move.html", case=case, form=form, field=field, heading=heading,
                           explanation=explanation, action=action)


# --- magazine issues ---------------------------------------------------------------------------------------

@bp.route("/issues")
@requires(CAN)
def issues():
    return render_template("learning/issues.html", issues=service.issues())


@bp.route("/issues/new", methods=["GET", "POST"])
@requires(CAN)
def new_issue():
    form = IssueForm()
    if form.validate_on_submit():
        try:
            with once.claimed(form, url_for("learning.issues")) as claim:
                issue = service.create_issue(actor=_me(), theme=form.theme.data,
                                             introduction=form.introduction.data)
                claim.lands(url_for("learning.issue", issue_id=issue.id))
        except ServiceError as error:
            db.session.rollback()
            apply_error(form, error)
        else:
            flash(f"Issue {issue.number} has been started", "success")
            return redirect(url_for("learning.issue", issue_id=issue.id))
    return render_template("learning/issue_new.html", form=form)


def _public_url(issue: MagazineIssue) -> str | None:
    if issue.status != IssueStatus.PUBLISHED:
        return None
    try:
        return url_for("magazine.issue", number=issue.number)
    except BuildError:  # the public magazine is not part of this build
        return None


def _add_form(issue: MagazineIssue) -> AddCaseStudyForm:
    form = AddCaseStudyForm(prefix="add")
    form.case_study.choices = [SelectChoice("", "Select an approved case study"),
                               *[SelectChoice(str(c.id), c.title) for c in service.approved_not_in_issue()]]
    return form


@bp.route("/issues/<int:issue_id>", methods=["GET", "POST"])
@requires(CAN)
def issue(issue_id: int):
    issue = _issue(issue_id)
    form = IssueForm(obj=None if request.method == "POST" else issue)
    versions.stamp(form, issue)
    if request.method == "POST" and issue.status == IssueStatus.PUBLISHED:
        abort(403)
    if form.validate_on_submit() and not versions.is_stale(form, issue, IssueForm(formdata=None, obj=issue)):
        if attempt(lambda: service.update_issue(issue, actor=_me(), theme=form.theme.data,
                                                introduction=form.introduction.data), form):
            flash("The theme and introduction have been saved", "success")
            return redirect(url_for("learning.issue", issue_id=issue.id))
    return render_template("learning/issue.html", issue=issue, form=form, add_form=_add_form(issue),
                           confirm=ConfirmForm(), public_url=_public_url(issue))


@bp.route("/issues/<int:issue_id>/case-studies", methods=["POST"])
@requires(CAN)
def add_to_issue(issue_id: int):
    issue = _issue(issue_id)
    form = _add_form(issue)
    if form.validate_on_submit():
        chosen = db.session.get(CaseStudy, int(form.case_study.data)) if form.case_study.data.isdigit() else None
        try:
            if chosen is None:
                raise ServiceError("Select an approved case study", "case_study")
            service.add_to_issue(issue, chosen, actor=_me())
        except ServiceError as error:
            db.session.rollback()
            apply_error(form, error)
        else:
            flash(f"‘{chosen.title}’ has been added to issue {issue.number}", "success")
            return redirect(url_for("learning.issue", issue_id=issue.id, _anchor="case-studies"))
    return render_template("learning/issue.html", issue=issue, form=IssueForm(obj=issue), add_form=form,
                           confirm=ConfirmForm(), public_url=_public_url(issue)), 400


@bp.route("/issues/<int:issue_id>/case-studies/<int:case_id>/<any(up, down, remove):change>", methods=["POST"])
@requires(CAN)
def change_in_issue(issue_id: int, case_id: int, change: str):
    issue, case = _issue(issue_id), _case(case_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        if change == "remove":
            service.remove_from_issue(issue, case, actor=_me())
        else:
            service.move_in_issue(issue, case, actor=_me(), direction=change)
    except ServiceError as error:
        db.session.rollback()
        flash(str(error), "error")
    return redirect(url_for("learning.issue", issue_id=issue.id, _anchor="case-studies"))


@bp.route("/issues/<int:issue_id>/articles/new", methods=["GET", "POST"], defaults={"article_id": None},
          endpoint="new_article")
@bp.route("/issues/<int:issue_id>/articles/<int:article_id>", methods=["GET", "POST"])
@requires(CAN)
def article(issue_id: int, article_id: int | None):
    issue = _issue(issue_id)
    existing = None
    if article_id is not None:
        existing = db.session.get(Article, article_id)
        if existing is None or existing.issue_id != issue.id:
            abort(404)
    if issue.status == IssueStatus.PUBLISHED:
        abort(403)
    form = ArticleForm(obj=None if request.method == "POST" else existing)
    versions.stamp(form, issue)
    if form.validate_on_submit() and not (existing is not None and versions.is_stale(
            form, issue, ArticleForm(formdata=None, obj=existing))):
        fields = {"title": form.title.data, "contributor": form.contributor.data or "", "body": form.body.data}
        try:
            if existing is None:
                with once.claimed(form, url_for("learning.issue", issue_id=issue.id, _anchor="articles")) as claim:
                    service.add_article(issue, actor=_me(), **fields)
                    claim.lands()
            else:
                service.update_article(existing, actor=_me(), **fields)
        except ServiceError as error:
            db.session.rollback()
            apply_error(form, error, {"article_title": "title"})
        else:
            flash("The article has been saved", "success")
            return redirect(url_for("learning.issue", issue_id=issue.id, _anchor="articles"))
    return render_template("learning/article.html", issue=issue, form=form, article=existing)


@bp.route("/issues/<int:issue_id>/articles/<int:article_id>/remove", methods=["POST"])
@requires(CAN)
def remove_article(issue_id: int, article_id: int):
    issue = _issue(issue_id)
    existing = db.session.get(Article, article_id)
    if existing is None or existing.issue_id != issue.id or not ConfirmForm().validate_on_submit():
        abort(404)
    attempt(lambda: service.remove_article(existing, actor=_me()))
    return redirect(url_for("learning.issue", issue_id=issue.id, _anchor="articles"))


@bp.route("/issues/<int:issue_id>/publish", methods=["GET", "POST"])
@requires(CAN)
def publish(issue_id: int):
    issue = _issue(issue_id)
    if issue.status == IssueStatus.PUBLISHED:
        if request.method == "POST":  # a second click, or a second tab: it was published once
            flash(f"Issue {issue.number} has been published", "success")
            return redirect(url_for("learning.issue", issue_id=issue.id))
        abort(403)
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            service.publish_issue(issue, actor=_me())
        except ServiceError as error:
            db.session.rollback()
            form.form_errors.append(str(error))
        else:
            flash(f"Issue {issue.number} has been published", "success")
            return redirect(url_for("learning.issue", issue_id=issue.id))
    return render_template("learning/publish.html", issue=issue, form=form)


@bp.route("/issues/<int:issue_id>/feedback")
@requires(CAN)
def feedback(issue_id: int):
    issue = _issue(issue_id)
    service.record_feedback_view(issue, actor=_me())
    return render_template("learning/feedback.html", issue=issue)
