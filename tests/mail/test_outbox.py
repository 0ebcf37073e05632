"""The outbox and its sender against a real database and a real SMTP server on 127.0.0.1: a rolled-back write
sends nothing, failures are retried with back-off and recorded, and no message is ever sent twice."""
from __future__ import annotations

from datetime import timedelta

import pytest
from flask import current_app
from sqlalchemy import func, select

from debrief.extensions import db
from debrief.mail import outbox, sender
from debrief.mail.messages import Message
from debrief.models import OutboxMessage, utcnow
from tests.support.smtp import body_text, free_port


def _deliver(now=None) -> sender.PassReport:
    return sender.send_due(sender.transport_for(current_app.config), sender=current_app.config["MAIL_FROM"], now=now)


def _message(subject="Hello") -> Message:
    return Message("debrief_requested", subject, "A body.\n")


def _count() -> int:
    return db.session.scalar(select(func.count(OutboxMessage.id)))


def test_a_rolled_back_write_queues_and_sends_nothing(inbox):
    outbox.queue("someone@example.com", _message())
    db.session.rollback()
    assert _count() == 0
    assert _deliver().sent == 0 and inbox.messages == []


def test_a_committed_message_arrives_with_its_headers(inbox):
    outbox.queue("reader@example.com", Message("issue_published", "New issue", "Read it.\n", "<p>Read it.</p>"),
                 unsubscribe_url="http://127.0.0.1:5000/magazine/unsubscribe/abc")
    db.session.commit()
    report = _deliver()
    assert (report.sent, report.failed) == (1, 0)
    [mail] = inbox.wait_for("reader@example.com")
    assert mail["Subject"] == "New issue" and mail["From"] == "Debrief <no-reply@debrief.example>"
    assert mail["List-Unsubscribe"] == "<http://127.0.0.1:5000/magazine/unsubscribe/abc>"
    assert mail["Message-ID"].endswith("@debrief.example>") and mail["Date"]
    assert body_text(mail) == "Read it.\n"
    assert mail.get_body(preferencelist=("html",)).get_content().strip() == "<p>Read it.</p>"
    row = db.session.scalar(select(OutboxMessage))
    assert row.sent_at is not None and row.attempts == 1 and row.next_attempt_at is None and row.claim is None


def test_a_long_unsubscribe_link_is_sent_as_it_is_not_encoded():
    link = "http://127.0.0.1:5000/magazine/unsubscribe/" + "t0ken-" * 20
    row = OutboxMessage(id=7, recipient="reader@example.com", kind="issue_published", subject="New issue",
                        body="Read it.\n", unsubscribe_url=link)
    raw = sender.build_email(row, "Debrief <no-reply@debrief.example>").as_bytes().decode("ascii")
    assert f"List-Unsubscribe: <{link}>\n" in raw


def test_never_sent_twice_however_often_the_sender_runs(inbox):
    outbox.queue("once@example.com", _message())
    db.session.commit()
    assert _deliver().sent == 1
    assert _deliver().sent == 0 and _deliver(now=utcnow() + timedelta(days=1)).sent == 0
    assert len(inbox.wait_for("once@example.com")) == 1


def test_a_claimed_message_is_not_taken_by_a_second_sender(inbox):
    row = outbox.queue("claimed@example.com", _message())
    db.session.commit()
    now = utcnow()
    assert sender.claim(row.id, now=now) is not None
    assert sender.claim(row.id, now=now) is None          # the other sender's UPDATE matches no row
    assert _deliver(now=now).sent == 0                     # nor does a whole pass take it
    # A sender that died holding it: after the claim lapses the message is sent, once.
    later = now + timedelta(seconds=sender.CLAIM_SECONDS + 1)
    assert _deliver(now=later).sent == 1
    assert _deliver(now=later).sent == 0
    assert len(inbox.wait_for("claimed@example.com")) == 1


def test_a_temporary_refusal_is_retried_with_back_off_and_recorded(inbox):
    outbox.queue("later-reader@example.com", _message())
    db.session.commit()
    now = utcnow()
    report = _deliver(now=now)
    assert (report.sent, report.failed, report.gave_up) == (0, 1, 0)
    row = db.session.scalar(select(OutboxMessage))
    assert row.attempts == 1 and row.sent_at is None and "451" in row.last_error
    assert row.next_attempt_at == now + timedelta(minutes=1)
    assert _deliver(now=now + timedelta(seconds=30)).failed == 0   # not due yet: not tried
    _deliver(now=now + timedelta(minutes=1))
    db.session.refresh(row)
    assert row.attempts == 2 and row.next_attempt_at == now + timedelta(minutes=1) + timedelta(minutes=2)


def test_a_permanent_refusal_gives_up_at_once(inbox):
    outbox.queue("refuse-reader@example.com", _message())
    db.session.commit()
    report = _deliver()
    assert (report.failed, report.gave_up) == (1, 1)
    row = db.session.scalar(select(OutboxMessage))
    assert row.next_attempt_at is None and row.sent_at is None and "550" in row.last_error
    assert _deliver(now=utcnow() + timedelta(days=2)).failed == 0


def test_gives_up_after_the_last_attempt(inbox):
    from debrief.mail.policy import MAX_ATTEMPTS

    outbox.queue("later-again@example.com", _message())
    db.session.commit()
    now = utcnow()
    for n in range(MAX_ATTEMPTS):
        now += timedelta(hours=7)
        _deliver(now=now)
    row = db.session.scalar(select(OutboxMessage))
    assert row.attempts == MAX_ATTEMPTS and row.next_attempt_at is None and row.sent_at is None


def test_a_mail_server_that_is_down_stops_the_pass_and_the_messages_wait(app, inbox):
    app.config["SMTP_PORT"] = free_port()  # nothing listens there
    for n in range(3):
        outbox.queue(f"down{n}@example.com", _message())
    db.session.commit()
    report = _deliver()
    assert (report.sent, report.failed) == (0, 1) and "connect" in report.errors[0]
    rows = list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
    assert [r.attempts for r in rows] == [1, 0, 0] and all(r.claim is None for r in rows)


def test_a_dedupe_key_queues_one_message(inbox):
    assert outbox.queue("a@example.com", _message(), dedupe_key="k:1") is not None
    db.session.commit()
    assert outbox.queue("a@example.com", _message(), dedupe_key="k:1") is None
    db.session.commit()
    assert _count() == 1


def test_without_an_smtp_host_mail_is_written_to_the_instance_folder(app, tmp_path):
    app.config.update(SMTP_HOST="", MAIL_FOLDER=str(tmp_path / "mail"))
    outbox.queue("dev@example.com", _message("For the developer"))
    db.session.commit()
    assert _deliver().sent == 1
    [eml] = (tmp_path / "mail").glob("*.eml")
    text = eml.read_text()
    assert "Subject: For the developer" in text and "To: dev@example.com" in text
    app.config["MAIL_FOLDER"] = ""
    assert sender.transport_for(app.config).folder.as_posix().endswith("/mail")
    assert str(sender.transport_for(app.config).folder).startswith(app.config["INSTANCE_PATH"])


def test_send_mail_command_runs_one_pass(app, inbox):
    outbox.queue("cli@example.com", _message())
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["send-mail"])
    assert result.exit_code == 0, result.output
    assert "Sent 1, failed 0" in result.output
    inbox.wait_for("cli@example.com")


@pytest.mark.parametrize("security", ["tls", ""])
def test_an_unknown_security_setting_is_refused(app, security):
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_SECURITY=security)
    with pytest.raises(ValueError, match="starttls, ssl or none"):
        sender.transport_for(app.config)


def test_text_beyond_ascii_arrives_intact(inbox):
    outbox.queue("accents@example.com", Message("issue_published", "Café culture – issue 4", "Théâtre ‘quoted’.\n",
                                                "<p>Théâtre</p>"))
    db.session.commit()
    _deliver()
    [mail] = inbox.wait_for("accents@example.com")
    assert mail["Subject"] == "Café culture – issue 4"
    assert body_text(mail) == "Théâtre ‘quoted’.\n"
