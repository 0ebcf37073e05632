"""The words of every email the service sends (pure). Staff notices carry the incident reference, what to do and a
link, never a name or any of the debrief's or analysis's contents; subscribers' email ends with an unsubscribe link."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

SERVICE = "Debrief"
MAGAZINE = "Learning from incidents"

SUBSCRIPTION_CONFIRM = "subscription_confirm"
ALREADY_SUBSCRIBED = "already_subscribed"
ISSUE_PUBLISHED = "issue_published"
DEBRIEF_REQUESTED = "debrief_requested"
DEBRIEF_OVERDUE = "debrief_overdue"
RCA_AWAITING_SIGN_OFF = "rca_awaiting_sign_off"
KINDS = (SUBSCRIPTION_CONFIRM, ALREADY_SUBSCRIBED, ISSUE_PUBLISHED, DEBRIEF_REQUESTED, DEBRIEF_OVERDUE,
         RCA_AWAITING_SIGN_OFF)
# Each kind as people call it (the audit log names the email sent by these).
KIND_LABELS = {
    SUBSCRIPTION_CONFIRM: "Confirm a magazine subscription", ALREADY_SUBSCRIBED: "Already subscribed to the magazine",
    ISSUE_PUBLISHED: "New magazine issue", DEBRIEF_REQUESTED: "Debrief requested",
    DEBRIEF_OVERDUE: "Debrief overdue", RCA_AWAITING_SIGN_OFF: "Root-cause analysis awaiting sign-off",
}


@dataclass(frozen=True)
class Message:
    kind: str
    subject: str
    body: str
    html: str | None = None


def _text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs) + "\n"


def _html(paragraphs: list[str | tuple[str, str]]) -> str:
    """Paragraphs, each plain text or (link text, address), escaped."""
    parts = []
    for item in paragraphs:
        if isinstance(item, tuple):
            words, url = item
            parts.append(Markup('<p><a href="{}">{}</a></p>').format(url, words))
        else:
            parts.append(Markup("<p>{}</p>").format(item))
    return str(Markup('<!DOCTYPE html><html lang="en"><body style="font-family: Arial, sans-serif">')
               + Markup("\n").join(parts) + Markup("</body></html>"))


def _unsubscribe_lines(unsubscribe_url: str) -> list[str]:
    return [f"To stop getting these emails, unsubscribe: {unsubscribe_url}"]


def subscription_confirm(*, confirm_url: str, unsubscribe_url: str, valid_days: int) -> Message:
    intro = f"Someone (we hope you) asked for email when a new issue of {MAGAZINE} is published."
    ask = f"Confirm your subscription within {valid_days} days:"
    ignore = ("If you did not ask for this, ignore this email: your address will be deleted and you will get "
              "no more email from us.")
    body = _text([intro, f"{ask}\n{confirm_url}", ignore, *_unsubscribe_lines(unsubscribe_url)])
    html = _html([intro, ask, ("Confirm your subscription", confirm_url), ignore,
                  ("Unsubscribe", unsubscribe_url)])
    return Message(SUBSCRIPTION_CONFIRM, f"Confirm your subscription to {MAGAZINE}", body, html)


def already_subscribed(*, unsubscribe_url: str) -> Message:
    intro = f"Someone asked to subscribe this address to {MAGAZINE}. It is already subscribed, so nothing has changed."
    body = _text([intro, *_unsubscribe_lines(unsubscribe_url)])
    html = _html([intro, ("Unsubscribe", unsubscribe_url)])
    return Message(ALREADY_SUBSCRIBED, f"You are already subscribed to {MAGAZINE}", body, html)


def issue_published(*, number: int, theme: str, issue_url: str, unsubscribe_url: str) -> Message:
    title = f"{MAGAZINE}, issue {number}: {theme}"
    intro = f"A new issue of {MAGAZINE} has been published: issue {number}, on the theme of {theme}."
    body = _text([intro, f"Read it online:\n{issue_url}", *_unsubscribe_lines(unsubscribe_url)])
    html = _html([intro, (f"Read issue {number}: {theme}", issue_url), ("Unsubscribe", unsubscribe_url)])
    return Message(ISSUE_PUBLISHED, f"New issue: {title}", body, html)


def debrief_requested(*, reference: str, due: date | None, link: str) -> Message:
    when = f" by {due.day} {due:%B %Y}" if due else ""
    body = _text([f"You have been asked for a debrief of incident {reference}.",
                  f"Sign in to {SERVICE} to complete it{when}:\n{link}",
                  "This email holds no details of the incident: they are only in the service."])
    return Message(DEBRIEF_REQUESTED, f"Debrief requested: incident {reference}", body)


def debrief_overdue(*, reference: str, due: date | None, link: str) -> Message:
    since = f" It was due on {due.day} {due:%B %Y}." if due else ""
    body = _text([f"Your debrief of incident {reference} is overdue.{since}",
                  f"Sign in to {SERVICE} to complete it, or to say you were not there:\n{link}",
                  "This email holds no details of the incident: they are only in the service."])
    return Message(DEBRIEF_OVERDUE, f"Debrief overdue: incident {reference}", body)


def rca_awaiting_sign_off(*, reference: str, link: str) -> Message:
    body = _text([f"The root-cause analysis of incident {reference} has been sent for review and awaits a second "
                  "reviewer's sign-off. You are able to sign it off or return it.",
                  f"Sign in to {SERVICE} to review it:\n{link}",
                  "This email holds no details of the analysis: they are only in the service."])
    return Message(RCA_AWAITING_SIGN_OFF, f"Root-cause analysis awaiting sign-off: incident {reference}", body)
