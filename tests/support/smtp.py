"""A real SMTP server on 127.0.0.1 (aiosmtpd) on a free port, keeping what it receives for tests to read.

Recipients starting "refuse-" are refused for good (550), "later-" for now (451): the sender's retry rules meet a
real server's answers."""
from __future__ import annotations

import re
import socket
import threading
import time
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self._lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refuse-"):
            return "550 5.1.1 No such mailbox"
        if address.startswith("later-"):
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        with self._lock:
            self.messages.append(message)
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted"

    def clear(self) -> None:
        with self._lock:
            self.messages.clear()
            self.envelopes.clear()

    def to(self, address: str) -> list[EmailMessage]:
        with self._lock:
            return [m for m in self.messages if m["To"] == address]

    def wait_for(self, address: str, count: int = 1, timeout: float = 10) -> list[EmailMessage]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.to(address)
            if len(found) >= count:
                return found
            time.sleep(0.05)
        raise AssertionError(f"{count} email(s) to {address} did not arrive; have {len(self.to(address))}")


def body_text(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")


def links(message: EmailMessage) -> list[str]:
    return re.findall(r"https?://\S+", body_text(message))


class SmtpServer:
    def __init__(self) -> None:
        self.inbox = Inbox()
        self.port = free_port()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> SmtpServer:
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()

    def config(self) -> dict:
        """The app settings that send to this server."""
        return {"SMTP_HOST": "127.0.0.1", "SMTP_PORT": self.port, "SMTP_SECURITY": "none", "SMTP_USER": "",
                "SMTP_TIMEOUT_SECONDS": 5, "MAIL_FROM": "Debrief <no-reply@debrief.example>"}


def subscriber_links(email: str, *, status: str = "pending") -> tuple[str, str]:
    """A subscriber added straight to the database, and the (confirmation, unsubscribe) links its email would carry."""
    import secrets

    from flask import current_app

    from debrief.extensions import db
    from debrief.mail import outbox, tokens
    from debrief.models import Subscriber

    subscriber = Subscriber(email=email, status=status, confirm_nonce=secrets.token_hex(16) if status == "pending"
                            else None, unsubscribe_key=secrets.token_hex(16))
    db.session.add(subscriber)
    db.session.commit()
    secret = current_app.config["SECRET_KEY"]
    confirm = outbox.absolute_url("subscriptions.confirm", token=tokens.confirm_token(
        secret, subscriber.id, subscriber.confirm_nonce or "used"))
    unsubscribe = outbox.absolute_url("subscriptions.unsubscribe", token=tokens.unsubscribe_token(
        secret, subscriber.id, subscriber.unsubscribe_key))
    return confirm, unsubscribe
