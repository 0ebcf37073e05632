"""The pure rules of email: signed links (expiry, tampering, one purpose each) and the sender's back-off."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from debrief.mail import policy, tokens
from debrief.mail.messages import debrief_overdue, debrief_requested, issue_published, rca_awaiting_sign_off

SECRET = "a-test-secret"
DAY = 24 * 60 * 60


def test_a_confirmation_link_reads_back_within_its_age_and_expires_after():
    token = tokens.confirm_token(SECRET, 42, "nonce123", now=1_000_000)
    assert tokens.read_confirm_token(SECRET, token, max_age=3 * DAY, now=1_000_000 + 3 * DAY - 1) == (42, "nonce123")
    with pytest.raises(tokens.TokenProblem) as late:
        tokens.read_confirm_token(SECRET, token, max_age=3 * DAY, now=1_000_000 + 3 * DAY + 1)
    assert late.value.reason == "expired"


@pytest.mark.parametrize("mangle", [
    lambda t: t[:-2],                      # cut short
    lambda t: t[:5] + ("A" if t[5] != "A" else "B") + t[6:],  # one character changed
    lambda t: "",
    lambda t: "not.a.token",
])
def test_a_tampered_link_is_invalid(mangle):
    token = tokens.confirm_token(SECRET, 7, "n")
    with pytest.raises(tokens.TokenProblem) as bad:
        tokens.read_confirm_token(SECRET, mangle(token), max_age=DAY)
    assert bad.value.reason == "invalid"


def test_each_link_serves_one_purpose_and_one_secret():
    unsubscribe = tokens.unsubscribe_token(SECRET, 7, "key")
    confirm = tokens.confirm_token(SECRET, 7, "key")
    with pytest.raises(tokens.TokenProblem):
        tokens.read_confirm_token(SECRET, unsubscribe, max_age=DAY)
    with pytest.raises(tokens.TokenProblem):
        tokens.read_unsubscribe_token(SECRET, confirm)
    with pytest.raises(tokens.TokenProblem):
        tokens.read_unsubscribe_token("another-secret", unsubscribe)
    assert tokens.read_unsubscribe_token(SECRET, unsubscribe) == (7, "key")


def test_retries_back_off_doubling_to_a_ceiling_then_give_up():
    now = datetime(2026, 12, 7, 3, 0)
    assert [policy.retry_delay(n) for n in (1, 2, 3, 4)] == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert policy.retry_delay(30) == timedelta(hours=6)
    assert policy.next_attempt(1, now) == now + timedelta(minutes=1)
    assert policy.next_attempt(policy.MAX_ATTEMPTS - 1, now) is not None
    assert policy.next_attempt(policy.MAX_ATTEMPTS, now) is None
    assert policy.next_attempt(1, now, permanent=True) is None


def test_staff_notices_carry_the_reference_and_a_link_only():
    from datetime import date

    for message in (debrief_requested(reference="NSP-2026-0042", due=date(2026, 12, 10), link="https://x/d/1"),
                    debrief_overdue(reference="NSP-2026-0042", due=date(2026, 12, 10), link="https://x/d/1"),
                    rca_awaiting_sign_off(reference="NSP-2026-0042", link="https://x/r/1")):
        assert "NSP-2026-0042" in message.subject and "NSP-2026-0042" in message.body
        assert "https://x/" in message.body and message.html is None


def test_an_issue_notice_escapes_its_theme_in_html():
    message = issue_published(number=3, theme="<b>Custody</b> & care", issue_url="https://x/i/3",
                              unsubscribe_url="https://x/u/t")
    assert "&lt;b&gt;Custody&lt;/b&gt; &amp; care" in message.html and "<b>" not in message.html
    assert "https://x/u/t" in message.body and "https://x/u/t" in message.html
