"""Readers' subscriptions through the real pages (CSRF on) and a real SMTP server: double opt-in, the same answer
whatever the address, the throttle, single-use and expiring links, unsubscribe from every email, the new-issue notice
once per subscriber, and the retention command."""
from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from flask import current_app
from sqlalchemy import func, select

from debrief.extensions import db
from debrief.mail import sender, subscriptions, tokens
from debrief.models import OutboxMessage, Subscriber, utcnow
from debrief.publications import service
from debrief.errors import ServiceError
from tests.support.factories import audit_count, create_force, create_user
from tests.support.pages import get_page, post_form
from tests.support.publication_factories import create_case_study, create_issue
from tests.support.smtp import body_text, links


def _deliver() -> None:
    report = sender.send_due(sender.transport_for(current_app.config), sender=current_app.config["MAIL_FROM"])
    assert report.failed == 0, report.errors


def _subscribe(client, email: str, **kw):
    return post_form(client, "/magazine/subscribe", {"email": email}, **kw)


def _path(url: str) -> str:
    return urlsplit(url).path


def _confirmed(client, inbox, email: str) -> None:
    _subscribe(client, email, status=302)
    _deliver()
    [mail] = inbox.wait_for(email)
    confirm = next(link for link in links(mail) if "/confirm/" in link)
    post_form(client, _path(confirm), {}, status=302)


def test_subscribe_confirm_through_the_emailed_link_and_the_link_works_once(client, inbox):
    page = _subscribe(client, "Reader@Example.com ", status=302)
    assert page.response.headers["Location"] == "/magazine/subscribe/check-your-email"
    assert get_page(client, "/magazine/subscribe/check-your-email").h1 == "Check your email"
    assert inbox.messages == []  # the page never talks to the mail server
    _deliver()
    [mail] = inbox.wait_for("reader@example.com")
    assert mail["Subject"] == "Confirm your subscription to Learning from incidents"
    confirm, unsubscribe = [link for link in links(mail) if "/confirm/" in link], \
        [link for link in links(mail) if "/unsubscribe/" in link]
    assert len(confirm) == 1 and len(unsubscribe) == 1
    assert mail["List-Unsubscribe"] == f"<{unsubscribe[0]}>"
    assert confirm[0].startswith(current_app.config["BASE_URL"])
    # Following the link shows a button and changes nothing (mail scanners follow links).
    assert get_page(client, _path(confirm[0])).h1 == "Confirm your subscription"
    assert db.session.scalar(select(Subscriber.status)) == "pending"
    post_form(client, _path(confirm[0]), {}, status=302)
    assert db.session.scalar(select(Subscriber.status)) == "confirmed"
    assert get_page(client, "/magazine/subscribe/confirmed").h1 == "Subscription confirmed"
    # The link used again (followed, or its button pressed again) says so, not "confirmed" afresh.
    used = get_page(client, _path(confirm[0]))
    assert used.h1 == "You have already confirmed your subscription"
    assert "Subscription confirmed" not in used.text()
    again = post_form(client, _path(confirm[0]), {}, status=200, form_page="/magazine/subscribe")
    assert again.h1 == "You have already confirmed your subscription"
    assert audit_count("subscription.requested") == 1 and audit_count("subscription.confirmed") == 1


def test_an_old_link_of_a_confirmed_address_says_already_confirmed_and_one_unsubscribed_does_not_work(client, inbox):
    _confirmed(client, inbox, "kept@example.com")
    subscriber_id = db.session.scalar(select(Subscriber.id))
    secret = current_app.config["SECRET_KEY"]
    old = tokens.confirm_token(secret, subscriber_id, "0" * 32, now=(utcnow() - timedelta(days=30)).timestamp())
    assert get_page(client, f"/magazine/subscribe/confirm/{old}").h1 == "You have already confirmed your subscription"
    unsubscribe = next(l for l in links(inbox.to("kept@example.com")[0]) if "/unsubscribe/" in l)
    post_form(client, _path(unsubscribe), {}, status=302)
    gone = get_page(client, f"/magazine/subscribe/confirm/{old}", status=404)
    assert gone.h1 == "This link has expired"
    assert gone.html.find("a", string="Subscribe again")["href"] == "/magazine/subscribe"
    fresh = tokens.confirm_token(secret, subscriber_id, "0" * 32)
    page = get_page(client, f"/magazine/subscribe/confirm/{fresh}", status=404)
    assert page.h1 == "This link does not work"
    assert page.html.find("a", string="Subscribe again")["href"] == "/magazine/subscribe"


def test_the_same_answer_whether_or_not_the_address_is_subscribed(client, inbox):
    _confirmed(client, inbox, "known@example.com")
    inbox.clear()
    new, known = _subscribe(client, "new@example.com"), _subscribe(client, "known@example.com")
    assert new.status == known.status == 302
    assert new.response.headers["Location"] == known.response.headers["Location"]
    _deliver()
    [told] = inbox.wait_for("known@example.com")
    assert told["Subject"] == "You are already subscribed to Learning from incidents"
    assert not any("/confirm/" in link for link in links(told)) and any("/unsubscribe/" in l for l in links(told))


@pytest.mark.parametrize("typed, error", [
    ("", "Enter your email address"),
    ("not-an-address", "Enter an email address in the correct format, like name@example.com"),
    ("a@b", "Enter an email address in the correct format, like name@example.com"),
    ("x" * 250 + "@example.com", "Email address must be 254 characters or fewer"),
])
def test_a_wrong_address_gets_an_error_summary_keeps_what_was_typed_and_saves_nothing(client, typed, error):
    page = _subscribe(client, typed, status=200)
    assert error in page.error_summary()
    assert page.title.startswith("Error: ")
    assert page.html.find("input", attrs={"name": "email"}).get("value", "") == typed
    assert db.session.scalar(select(func.count(Subscriber.id))) == 0
    assert db.session.scalar(select(func.count(OutboxMessage.id))) == 0


def test_the_form_is_throttled_per_client(client, app, inbox):
    for n in range(subscriptions.SUBSCRIBES_PER_CLIENT_PER_HOUR):
        _subscribe(client, f"r{n}@example.com", status=302)
    refused = _subscribe(client, "one-more@example.com", status=429)
    assert refused.error_summary() == ["You have tried to subscribe too many times in the last hour. Try again later."]
    assert db.session.scalar(select(func.count(Subscriber.id))) == subscriptions.SUBSCRIBES_PER_CLIENT_PER_HOUR
    other = app.test_client()
    other.environ_base["REMOTE_ADDR"] = "192.0.2.7"
    _subscribe(other, "one-more@example.com", status=302)


def test_one_address_gets_a_few_emails_a_day_however_many_clients_ask(app, inbox):
    for n in range(subscriptions.EMAILS_PER_ADDRESS_PER_DAY + 2):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = f"192.0.2.{n + 1}"
        _subscribe(client, "victim@example.com", status=302)
    _deliver()
    assert len(inbox.to("victim@example.com")) == subscriptions.EMAILS_PER_ADDRESS_PER_DAY


def test_an_expired_or_forged_confirmation_link_is_refused(client, inbox):
    _subscribe(client, "late@example.com", status=302)
    subscriber = db.session.scalar(select(Subscriber))
    secret = current_app.config["SECRET_KEY"]
    old = tokens.confirm_token(secret, subscriber.id, subscriber.confirm_nonce,
                               now=(utcnow() - timedelta(days=4)).timestamp())
    expired = get_page(client, f"/magazine/subscribe/confirm/{old}", status=404)
    assert expired.h1 == "This link has expired"
    assert expired.html.find("a", string="Subscribe again")["href"] == "/magazine/subscribe"
    forged = tokens.confirm_token("another-secret", subscriber.id, subscriber.confirm_nonce)
    assert get_page(client, f"/magazine/subscribe/confirm/{forged}", status=404).h1 == "This link does not work"
    wrong_nonce = tokens.confirm_token(secret, subscriber.id, "0" * 32)
    get_page(client, f"/magazine/subscribe/confirm/{wrong_nonce}", status=404)
    assert db.session.scalar(select(Subscriber.status)) == "pending"


def test_unsubscribe_is_one_click_then_confirm_and_deletes_the_address(client, inbox):
    _confirmed(client, inbox, "leaving@example.com")
    unsubscribe = next(l for l in links(inbox.to("leaving@example.com")[0]) if "/unsubscribe/" in l)
    page = get_page(client, _path(unsubscribe))
    assert page.h1 == "Unsubscribe from emails about new issues"
    assert db.session.scalar(select(func.count(Subscriber.id))) == 1  # following the link alone deletes nothing
    post_form(client, _path(unsubscribe), {}, status=302)
    assert db.session.scalar(select(func.count(Subscriber.id))) == 0
    assert get_page(client, "/magazine/unsubscribed").h1 == "You have unsubscribed"
    assert get_page(client, _path(unsubscribe)).h1 == "You are not subscribed"
    assert audit_count("subscription.cancelled") == 1


def _draft_issue(number: int = 2):
    force = create_force(code="NSP", name="Northshire Police")
    create_issue(number=number - 1)
    issue = create_issue(number=number, status="draft", theme="Custody and care")
    create_case_study(force=force, issue=issue, status="scheduled")
    return issue, create_user(force=force, roles=["learning"])


def test_publishing_an_issue_emails_each_confirmed_subscriber_once(client, inbox):
    _confirmed(client, inbox, "one@example.com")
    _confirmed(client, inbox, "two@example.com")
    _subscribe(client, "unconfirmed@example.com", status=302)
    _deliver()
    inbox.clear()
    issue, learner = _draft_issue()
    service.publish_issue(issue, actor=learner)
    with pytest.raises(ServiceError):
        service.publish_issue(issue, actor=learner)  # a second publish changes nothing
    assert subscriptions.queue_issue_notices(issue, actor=learner) == 0  # nor would queueing again
    db.session.commit()
    _deliver()
    for address in ("one@example.com", "two@example.com"):
        [mail] = inbox.wait_for(address)
        assert mail["Subject"] == "New issue: Learning from incidents, issue 2: Custody and care"
        text = body_text(mail)
        assert f"{current_app.config['BASE_URL']}/magazine/issues/2" in text
        unsubscribe = next(l for l in links(mail) if "/unsubscribe/" in l)
        assert mail["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert inbox.to("unconfirmed@example.com") == []
    assert audit_count("mail.issue_notices_queued") == 1


def test_a_publish_that_fails_queues_no_notices(client, inbox):
    _confirmed(client, inbox, "one@example.com")
    issue, learner = _draft_issue()
    issue.introduction = "Ring Sergeant Mark Lowe on 07700 900123."  # the gate refuses it at publication
    db.session.commit()
    with pytest.raises(Exception):
        service.publish_issue(issue, actor=learner)
    db.session.rollback()
    assert db.session.scalar(select(func.count(OutboxMessage.id)).where(
        OutboxMessage.kind == "issue_published")) == 0


def test_unconfirmed_addresses_are_deleted_after_the_retention_period(app, client, inbox):
    _confirmed(client, inbox, "stays@example.com")
    _subscribe(client, "old@example.com", status=302)
    _subscribe(client, "recent@example.com", status=302)
    old = db.session.scalar(select(Subscriber).where(Subscriber.email == "old@example.com"))
    old.created_at = utcnow() - timedelta(days=8)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["delete-unconfirmed-subscribers"])
    assert result.exit_code == 0, result.output
    assert "Deleted 1 unconfirmed subscribers" in result.output
    assert set(db.session.scalars(select(Subscriber.email))) == {"stays@example.com", "recent@example.com"}
    assert db.session.scalar(select(func.count(OutboxMessage.id)).where(
        OutboxMessage.recipient == "old@example.com")) == 0
    assert audit_count("subscription.unconfirmed_deleted") == 1
