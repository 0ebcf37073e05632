"""Mail commands: send-mail (one pass, or --loop as a worker), send-reminders, delete-unconfirmed-subscribers."""
from __future__ import annotations

import time

import click
from flask import Flask, current_app

from debrief.extensions import db
from debrief.mail.sender import send_due, transport_for
from debrief.mail.staff import send_reminders
from debrief.mail.subscriptions import delete_old


def _one_pass() -> int:
    report = send_due(transport_for(current_app.config), sender=current_app.config["MAIL_FROM"])
    for error in report.errors:
        click.echo(f"Not sent: {error}", err=True)
    if report.sent or report.failed:
        click.echo(f"Sent {report.sent}, failed {report.failed} (gave up on {report.gave_up}).")
    return report.failed


def init_mail_cli(app: Flask) -> None:
    @app.cli.command("send-mail")
    @click.option("--loop", is_flag=True, help="Keep sending: a worker that checks the outbox every --interval.")
    @click.option("--interval", default=5.0, show_default=True, help="Seconds between passes with --loop.")
    def send_mail_command(loop: bool, interval: float):
        """Send the queued email that is due (SMTP, or .eml files in the mail folder when no SMTP host is set)."""
        if not app.config.get("SMTP_HOST"):
            folder = app.config.get("MAIL_FOLDER") or f"{app.config['INSTANCE_PATH']}/mail"
            click.echo(f"No DEBRIEF_SMTP_HOST: email is written to {folder}", err=True)
        if not loop:
            failed = _one_pass()
            raise SystemExit(1 if failed else 0)
        try:
            while True:
                try:
                    _one_pass()
                except Exception as exc:  # noqa: BLE001 - a worker outlives a database hiccup; the next pass retries
                    db.session.rollback()
                    click.echo(f"Mail pass failed: {exc}", err=True)
                finally:
                    db.session.remove()
                time.sleep(interval)
        except KeyboardInterrupt:
            pass

    @app.cli.command("send-reminders")
    def send_reminders_command():
        """Queue one overdue notice for each requested debrief past its due date (run it daily; safe to repeat)."""
        click.echo(f"Queued {send_reminders()} overdue notices.")

    @app.cli.command("delete-unconfirmed-subscribers")
    @click.option("--days", type=int, default=None, help="Unconfirmed for longer than this (default: the config's).")
    def delete_unconfirmed_command(days: int | None):
        """Delete subscribers who never confirmed (and all email to them), and sent email past its retention."""
        people, mail = delete_old(unconfirmed_days=days if days is not None else app.config["UNCONFIRMED_RETENTION_DAYS"],
                                  sent_days=app.config["SENT_MAIL_RETENTION_DAYS"])
        click.echo(f"Deleted {people} unconfirmed subscribers and {mail} old email messages.")
