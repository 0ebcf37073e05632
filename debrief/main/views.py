"""The public front door (landing page, accessibility statement, privacy notice, service status), each role's home
page, the role-less page, and the machine-readable health check."""
from __future__ import annotations

from flask import Blueprint, jsonify, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import text

from debrief.auth.roles import Permission, home_endpoint_for
from debrief.extensions import db
from debrief.models import utcnow
from debrief.models.debrief import DebriefStatus
from debrief.publications import reading
from debrief.security import public, requires
from debrief.template_helpers import id_links
from debrief.debriefs.outcome import by_incident
from debrief.debriefs.home import debriefs_for
from debrief.wellbeing.service import support_statuses

bp = Blueprint("main", __name__)


@bp.route("/")
@public
def index():
    """Signed in: the role's home, as before. Otherwise the landing page: what Debrief is and the latest issue."""
    if current_user.is_authenticated:
        return redirect(url_for(home_endpoint_for(current_user.roles)))
    issues = reading.published_issues()
    return render_template("main/landing.html", latest=issues[0] if issues else None)


@bp.route("/accessibility")
@public
def accessibility():
    return render_template("main/accessibility.html")


@bp.route("/privacy")
@public
def privacy():
    return render_template("main/privacy.html")


@bp.route("/status")
@public
def status():
    """The service status for people; /health stays the JSON check for machines."""
    checks = service_checks()
    healthy = all(ok for _, ok, _ in checks)
    return render_template("main/status.html", checks=checks, healthy=healthy, checked_at=utcnow()), \
        200 if healthy else 503


def service_checks() -> list[tuple[str, bool, str]]:
    """(part of the service, working?, what a reader should know) for the status page."""
    try:
        db.session.execute(text("SELECT 1"))
        database = (True, "Records can be read and saved.")
    except Exception:  # noqa: BLE001 - any failure means the database is not answering
        db.session.rollback()
        database = (False, "The database is not answering. Try again later.")
    return [("Signing in, debriefs and reviews", *database), ("The magazine", *database)]


@bp.route("/officer")
@requires(Permission.FILE_DEBRIEF)
def officer_home():
    mine = debriefs_for(current_user._get_current_object())
    asked = [d for d in mine if d.status == DebriefStatus.SUBMITTED and d.support_wanted]
    statuses = support_statuses(asked)
    now = utcnow()
    return render_template(
        "main/officer_home.html",
        requests=[d for d in mine if d.status == DebriefStatus.REQUESTED],
        drafts=[d for d in mine if d.status == DebriefStatus.DRAFT],
        # Hot and cold debriefs of one incident together, with what became of the incident.
        submitted=by_incident([d for d in mine if d.status == DebriefStatus.SUBMITTED]),
        not_there=[d for d in mine if d.status == DebriefStatus.NOT_THERE],
        support=[(d, statuses[d.id]) for d in asked],
        now=now,
        # Each row's links: the address built once a page, then each id put in (not a url_for a row).
        task_list_href=id_links("debriefs.task_list_page", "debrief_id"),
        not_there_href=id_links("debrief_people.not_there", "debrief_id"),
        check_href=id_links("debriefs.check", "debrief_id"),
        case_study_href=id_links("magazine.case_study", "case_study_id"),
    )


@bp.route("/learning")
@requires(Permission.WORK_ON_CASE_STUDIES)
def learning_home():
    # The learning team's home is the list of case studies; the old address still leads there.
    return redirect(url_for("learning.case_studies"))


@bp.route("/no-role")
@requires(Permission.SIGNED_IN)
def no_role():
    return render_template("main/no_role.html")


@bp.route("/health")
@public
def health():
    db.session.execute(text("SELECT 1"))
    return jsonify(status="ok")
