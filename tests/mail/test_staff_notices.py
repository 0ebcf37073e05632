"""Staff notices through a real SMTP server: an officer asked for a debrief, an overdue request (once), a reviewer
who may sign off an RCA. Each holds the incident reference and a link, and no name or word of the record."""
from __future__ import annotations

from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select

from debrief.debriefs import people_service
from debrief.debriefs import service as debriefs
from debrief.extensions import db
from debrief.mail import sender
from debrief.mail.staff import send_reminders
from debrief.models import Debrief, OutboxMessage, utcnow
from debrief.rca import service as rca_service
from tests.support.factories import audit_count
from tests.support.smtp import body_text, links
from tests.views.test_hostile_input import _rca_ready_for_review


def _deliver() -> None:
    report = sender.send_due(sender.transport_for(current_app.config), sender=current_app.config["MAIL_FROM"])
    assert report.failed == 0, report.errors


def _no_personal_data(mail, *words: str) -> None:
    text = str(mail["Subject"]) + "\n" + body_text(mail)
    for word in words:
        assert word.lower() not in text.lower(), f"{word!r} is in the email"


def _request(who) -> Debrief:
    officer, colleague = who["officer"], who["colleague"]
    draft = debriefs.start_incident(reporter=officer, kind="hot", facilitator=None, attendees=None)
    draft.incident.place = "Mill Lane, Ashford"
    draft.narrative = "I saw Neil Dawson restrain the man."
    db.session.commit()
    people_service.add_colleague(draft, colleague.id, actor=officer, due_days=3)
    return db.session.scalar(select(Debrief).where(Debrief.author_id == colleague.id))


def test_an_officer_is_emailed_when_a_debrief_is_requested_of_them(who, inbox):
    request = _request(who)
    reference = request.incident.reference
    assert audit_count("mail.staff_notice_queued") == 1
    _deliver()
    [mail] = inbox.wait_for("neil.dawson@nsp.example")
    assert mail["Subject"] == f"Debrief requested: incident {reference}"
    assert links(mail) == [f"{current_app.config['BASE_URL']}/debriefs/{request.id}/start"]
    assert mail["List-Unsubscribe"] is None
    _no_personal_data(mail, "Neil", "Dawson", "Ellie", "Morgan", "4417", "5530", "Mill Lane", "Ashford", "restrain")
    assert inbox.to("ellie.morgan@nsp.example") == []


def test_an_overdue_request_gets_one_reminder_however_often_the_command_runs(app, who, inbox):
    request = _request(who)
    _deliver()
    inbox.clear()
    assert send_reminders() == 0  # not due yet
    request.due_at = utcnow() - timedelta(hours=1)
    db.session.commit()
    runner = app.test_cli_runner()
    assert "Queued 1 overdue notices" in runner.invoke(args=["send-reminders"]).output
    assert "Queued 0 overdue notices" in runner.invoke(args=["send-reminders"]).output
    _deliver()
    [mail] = inbox.wait_for("neil.dawson@nsp.example")
    assert mail["Subject"] == f"Debrief overdue: incident {request.incident.reference}"
    _no_personal_data(mail, "Neil", "Dawson", "Ellie", "Morgan", "Mill Lane", "restrain")
    # A submitted debrief is never reminded.
    request.status = "submitted"
    db.session.commit()
    assert db.session.scalar(select(func.count(OutboxMessage.id)).where(OutboxMessage.kind == "debrief_overdue")) == 1


def test_a_reviewer_who_may_sign_off_is_emailed_when_an_rca_is_sent_for_review(who, inbox):
    rca = _rca_ready_for_review(who, author=who["officer"])
    rca_service.send_for_review(rca, actor=who["lead"])
    _deliver()
    [mail] = inbox.wait_for("meera.joshi@nsp.example")
    reference = rca.incident.reference
    assert mail["Subject"] == f"Root-cause analysis awaiting sign-off: incident {reference}"
    assert links(mail) == [f"{current_app.config['BASE_URL']}/rca/{rca.id}"]
    _no_personal_data(mail, "Ellie", "Morgan", "Tom", "Reilly", "Meera", "Joshi", "Crew up", "short crewed", "Roster")
    assert inbox.to("tom.reilly@nsp.example") == []  # the lead cannot sign off their own
    assert audit_count("mail.staff_notice_queued") == 1
