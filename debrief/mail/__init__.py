"""Email: an outbox queued in the same transaction as the write that causes it, a sender (`send-mail`), the magazine's
subscriptions (double opt-in, unsubscribe in every email) and staff notices (a link and the incident reference only)."""
