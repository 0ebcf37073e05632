"""Sending the outbox: claim a due message (an UPDATE guarded on it being unsent and unclaimed, committed before the
mail server is spoken to, so two senders never both send it), send it over SMTP or into a folder, then mark it sent
or record the failure and when to try again."""
from __future__ import annotations

import os
import secrets
import smtplib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.policy import default as email_default
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path
from typing import Protocol

from sqlalchemy import or_, select, update

from debrief.extensions import db
from debrief.mail import policy
from debrief.models import OutboxMessage, utcnow

CLAIM_SECONDS = 5 * 60  # a sender that dies holding a claim leaves the message to be tried again after this
BATCH = 100


class Transport(Protocol):
    def send(self, message: EmailMessage) -> None: ...
    def close(self) -> None: ...


class ConnectionProblem(Exception):
    """The mail server could not be reached or dropped us: stop this pass and leave the rest for the next."""


class SmtpTransport:
    """One connection per pass, opened at the first message. security: starttls, ssl or none."""

    def __init__(self, *, host: str, port: int, user: str = "", password: str = "", security: str = "starttls",
                 timeout: int = 30) -> None:
        if security not in ("starttls", "ssl", "none"):
            raise ValueError(f"DEBRIEF_SMTP_SECURITY must be starttls, ssl or none, not {security!r}")
        self.host, self.port, self.user, self.password = host, port, user, password
        self.security, self.timeout = security, timeout
        self._smtp: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        try:
            if self.security == "ssl":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout)
            else:
                smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
                if self.security == "starttls":
                    smtp.starttls()
            if self.user:
                smtp.login(self.user, self.password)
        except (OSError, smtplib.SMTPException) as exc:
            raise ConnectionProblem(f"Could not connect to the mail server {self.host}:{self.port}: {exc}") from exc
        return smtp

    def send(self, message: EmailMessage) -> None:
        if self._smtp is None:
            self._smtp = self._connect()
        try:
            self._smtp.send_message(message)
        except smtplib.SMTPServerDisconnected as exc:
            self._smtp = None
            raise ConnectionProblem(f"The mail server dropped the connection: {exc}") from exc
        except smtplib.SMTPException:
            raise  # an answer about this message (SMTPException is an OSError: keep it apart from network errors)
        except OSError as exc:
            self._smtp = None
            raise ConnectionProblem(f"The connection to the mail server failed: {exc}") from exc

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (OSError, smtplib.SMTPException):
                pass
            self._smtp = None


class FolderTransport:
    """Development without a mail server: each message is written as an .eml file a developer can open."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def send(self, message: EmailMessage) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"{utcnow():%Y%m%d-%H%M%S}-{message['X-Debrief-Outbox-Id']}-{message['X-Debrief-Kind']}.eml"
        temporary = self.folder / (name + ".part")
        temporary.write_bytes(bytes(message))
        os.replace(temporary, self.folder / name)  # a reader never sees half a file

    def close(self) -> None:
        pass


def transport_for(config) -> Transport:
    if config.get("SMTP_HOST"):
        return SmtpTransport(host=config["SMTP_HOST"], port=int(config["SMTP_PORT"]), user=config.get("SMTP_USER", ""),
                             password=config.get("SMTP_PASSWORD", ""), security=config.get("SMTP_SECURITY", "starttls"),
                             timeout=int(config.get("SMTP_TIMEOUT_SECONDS", 30)))
    folder = config.get("MAIL_FOLDER") or os.path.join(config["INSTANCE_PATH"], "mail")
    return FolderTransport(folder)


# Headers fold at whitespace up to 998 characters: a long unsubscribe link has none, and at 78 it was written
# RFC 2047-encoded, which mail clients do not read as a List-Unsubscribe link.
HEADERS = email_default.clone(max_line_length=998)


def build_email(row: OutboxMessage, sender: str) -> EmailMessage:
    message = EmailMessage(policy=HEADERS)
    message["From"] = sender
    message["To"] = row.recipient
    message["Subject"] = row.subject
    message["Date"] = format_datetime(datetime.now().astimezone())
    domain = parseaddr(sender)[1].rpartition("@")[2] or None
    message["Message-ID"] = make_msgid(idstring=f"outbox{row.id}", domain=domain)
    message["Auto-Submitted"] = "auto-generated"
    message["X-Debrief-Kind"] = row.kind
    message["X-Debrief-Outbox-Id"] = str(row.id)
    if row.unsubscribe_url:
        message["List-Unsubscribe"] = f"<{row.unsubscribe_url}>"
    message.set_content(row.body, cte=_encoding(row.body))
    if row.html:
        message.add_alternative(row.html, subtype="html", cte=_encoding(row.html))
    return message


def _encoding(text: str) -> str:
    """Plain 7-bit when it can be (links stay whole and an .eml file reads as it is), else quoted-printable."""
    return "7bit" if text.isascii() and all(len(line) < 990 for line in text.splitlines()) else "quoted-printable"


@dataclass
class PassReport:
    sent: int = 0
    failed: int = 0
    gave_up: int = 0
    errors: list[str] = field(default_factory=list)


def _due(now: datetime):
    return (OutboxMessage.sent_at.is_(None), OutboxMessage.next_attempt_at.isnot(None),
            OutboxMessage.next_attempt_at <= now,
            or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now))


def claim(message_id: int, *, now: datetime) -> str | None:
    """Take a due message for this sender (committed); None if another sender has it or it is no longer due."""
    token = secrets.token_hex(8)
    result = db.session.execute(update(OutboxMessage).where(OutboxMessage.id == message_id, *_due(now))
                                .values(claim=token, claimed_until=now + timedelta(seconds=CLAIM_SECONDS)))
    db.session.commit()
    return token if result.rowcount == 1 else None


def _finish(message_id: int, token: str, **values) -> None:
    db.session.execute(update(OutboxMessage).where(OutboxMessage.id == message_id, OutboxMessage.claim == token)
                       .values(claim=None, claimed_until=None, **values))
    db.session.commit()


def _permanent(exc: Exception) -> bool:
    """The server refused the recipient for good (a 5xx): trying again would not help."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in exc.recipients.values())
    return isinstance(exc, smtplib.SMTPResponseException) and exc.smtp_code >= 500 and not isinstance(
        exc, (smtplib.SMTPSenderRefused, smtplib.SMTPAuthenticationError))


def send_due(transport: Transport, *, sender: str, now: datetime | None = None, limit: int = BATCH) -> PassReport:
    """One pass: every due message (up to `limit`), oldest first. A message is sent at most once."""
    report = PassReport()
    started = now or utcnow()
    ids = list(db.session.scalars(select(OutboxMessage.id).where(*_due(started))
                                  .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id).limit(limit)))
    db.session.commit()
    try:
        for message_id in ids:
            moment = now or utcnow()
            token = claim(message_id, now=moment)
            if token is None:
                continue
            row = db.session.get(OutboxMessage, message_id)
            db.session.refresh(row)
            attempts = row.attempts + 1
            try:
                transport.send(build_email(row, sender))
            except Exception as exc:  # noqa: BLE001 - every failure is recorded on the message and retried
                error = f"{type(exc).__name__}: {exc}"[:2000]
                retry_at = policy.next_attempt(attempts, moment, permanent=_permanent(exc))
                _finish(message_id, token, attempts=attempts, last_error=error, next_attempt_at=retry_at)
                report.failed += 1
                report.gave_up += retry_at is None
                report.errors.append(f"message {message_id}: {error}")
                if isinstance(exc, ConnectionProblem):
                    break
            else:
                _finish(message_id, token, attempts=attempts, last_error=None, next_attempt_at=None,
                        sent_at=now or utcnow())
                report.sent += 1
    finally:
        transport.close()
    return report
