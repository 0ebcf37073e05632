"""Flask commands: create-user, deactivate-user, reactivate-user, seed-demo, import-use-of-force and anonymise."""
from __future__ import annotations

import os
import sys
import time

import click
from flask import Flask
from sqlalchemy import select

from debrief.errors import ServiceError
from debrief.auth.passwords import password_problem
from debrief.auth.roles import Role
from debrief.auth.service import create_user, deactivate_user, normalise_email, reactivate_user
from debrief.demo import seed_demo
from debrief.extensions import db
from debrief.models import Force, UseOfForceImportRun, User
from debrief.models.use_of_force import ImportRunStatus
from debrief.nationaldata.importer import ImportProblem, import_use_of_force
from debrief.analytics.national_summary import ensure_fresh
from debrief.nationaldata.staging import mark_stopped
from debrief.audit.chain import verify
from debrief.analytics.force_figures import read_figures, read_population, save_figures, save_population
from debrief.analytics.service import refresh_summaries
from debrief.once import delete_old_tokens
from debrief.publications.responses import delete_old_feedback
from debrief.anonymise.batch import BadInput, anonymise_file, summary as anonymise_summary


def _import_use_of_force(path: str, force_code: str, batch_size: int | None, resume: bool,
                         rejects: str | None) -> None:
    force = db.session.scalar(select(Force).where(Force.code == force_code.upper()))
    if force is None:
        raise click.ClickException(f"No force with code {force_code!r}")
    size = os.path.getsize(path)
    mode = f"in batches of {batch_size:,} rows" if batch_size else "all or nothing"
    click.echo(f"Importing {os.path.basename(path)} ({size / 1e6:.1f} MB) for {force.name}, {mode}"
               + (", resuming" if resume else ""), err=True)
    with click.progressbar(length=size, label="Importing", file=sys.stderr, show_eta=True) as bar:
        done = 0

        def progress(position: int) -> None:
            nonlocal done
            if position > done:
                bar.update(position - done)
                done = position

        try:
            result = import_use_of_force(path, force=force, actor=None, batch_size=batch_size, resume=resume,
                                         rejects_path=rejects, progress=progress)
        except ImportProblem as problem:
            failed = problem.result
            if failed is not None:
                for row in failed.rejected[:20]:
                    click.echo(f"  {row}", err=True)
            raise click.ClickException(str(problem)) from problem
        except KeyboardInterrupt:
            db.session.rollback()
            run = db.session.scalar(select(UseOfForceImportRun).where(UseOfForceImportRun.force_id == force.id)
                                    .order_by(UseOfForceImportRun.id.desc()).limit(1))
            click.echo(f"\nError: {run.message if run and run.message else 'The import was interrupted.'}", err=True)
            sys.exit(130)
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)
    for row in result.rejected[:20]:
        click.echo(f"  Rejected: {row}", err=True)
    if len(result.rejected) > 20:
        more = len(result.rejected) - 20
        click.echo(f"  … and {more:,} more rejected rows" + (f" (all in {rejects})" if rejects else
                   " (use --rejects OUT.csv to list them all)"), err=True)
    click.echo(f"Import {result.run_id} completed: {result.summary()}.")
    if result.inserted:
        # Build the dashboards' monthly rollup now, so the first page view after an import is not the one to wait.
        # check_count: rows of an import that committed after a later one (lower ids) are counted too.
        started = time.perf_counter()
        ensure_fresh(db.session, check_count=True)
        click.echo(f"Dashboards' national summary rebuilt in {time.perf_counter() - started:.1f} seconds.", err=True)


def _read_password() -> str:
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    line = sys.stdin.readline()
    return line.rstrip("\r\n")


def _load_reference_csv(path: str, read, save) -> int:
    """Read a reference-data CSV and save it in one transaction; a bad file is a clear error, nothing saved."""

    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            n = save(db.session, read(stream))
    except ServiceError as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from None
    db.session.commit()
    return n


def init_cli(app: Flask) -> None:
    @app.cli.command("create-user")
    @click.option("--email", required=True, help="Email address used to sign in.")
    @click.option("--name", default=None, help="Full name (defaults to the part of the email before @).")
    @click.option("--force", "force_code", required=True, help="Short code of the user's force.")
    @click.option(
        "--role", "roles", multiple=True, required=True,
        type=click.Choice([r.value for r in Role]), help="Role to grant; repeat for several.",
    )
    @click.option("--collar-number", default=None)
    def create_user_command(email, name, force_code, roles, collar_number):
        """Add a user. The password is prompted for, or read from the first line of standard input."""
        force = db.session.scalar(select(Force).where(Force.code == force_code.upper()))
        if force is None:
            raise click.ClickException(f"No force with code {force_code!r}")
        password = _read_password()
        if problem := password_problem(password):
            raise click.ClickException(problem)
        try:
            user = create_user(
                email=email, name=name or email.split("@")[0], force=force,
                roles=[Role(r) for r in roles], password=password, actor=None, collar_number=collar_number,
            )
        except ServiceError as exc:
            db.session.rollback()
            raise click.ClickException(str(exc)) from exc
        click.echo(f"Created {user.email} in {force.name} with roles: {', '.join(sorted(roles))}")

    def _account_command(email: str, run, done: str) -> None:
        user = db.session.scalar(select(User).where(User.email == normalise_email(email)))
        if user is None:
            raise click.ClickException(f"No user with the email address {email}")
        try:
            run(user, actor=None)
        except ServiceError as exc:
            db.session.rollback()
            raise click.ClickException(str(exc)) from exc
        click.echo(f"{done} {user.email} ({user.name})")

    # Any account, and the only way to a national administrator's (no one signed in manages those).
    @app.cli.command("deactivate-user")
    @click.option("--email", required=True, help="Email address of the account.")
    def deactivate_user_command(email):
        """Deactivate an account: signed out at once, cannot sign in; its records and audit trail are kept."""
        _account_command(email, deactivate_user, "Deactivated")

    @app.cli.command("reactivate-user")
    @click.option("--email", required=True, help="Email address of the account.")
    def reactivate_user_command(email):
        """Reactivate a deactivated account, with the roles it held."""
        _account_command(email, reactivate_user, "Reactivated")

    @app.cli.command("import-use-of-force")
    @click.argument("path", metavar="FILE.csv", type=click.Path(exists=True, dir_okay=False))
    @click.option("--force", "force_code", required=True, help="Short code of the force the data belongs to.")
    @click.option("--batch-size", type=click.IntRange(min=1), default=None,
                  help="Commit every N rows, so an interrupted import can be resumed. Default: all or nothing.")
    @click.option("--resume", is_flag=True, help="Carry on after the last committed row of an unfinished import.")
    @click.option("--rejects", type=click.Path(dir_okay=False, writable=True), default=None,
                  help="Write the rejected rows to this CSV: row number, reason and the row's cells, "
                       "to correct and import again.")
    def import_use_of_force_command(path, force_code, batch_size, resume, rejects):
        """Import a force's use-of-force CSV (Metropolitan Police open-data layout)."""
        _import_use_of_force(path, force_code, batch_size, resume, rejects)

    @app.cli.command("import-runs")
    @click.option("--limit", type=click.IntRange(min=1), default=20, help="How many of the latest runs to list.")
    def import_runs_command(limit):
        """List the latest use-of-force imports; a run whose process is gone is marked stopped first."""
        mark_stopped(db.session)
        runs = db.session.scalars(select(UseOfForceImportRun).order_by(UseOfForceImportRun.id.desc()).limit(limit))
        for run in runs:
            click.echo(f"{run.id:>5}  {run.force.code:<5} {run.status:<11} {run.mode:<14} "
                       f"row {run.last_committed_row or '-':<9} {run.file_name}"
                       + (f"  ({run.message})" if run.message and run.status != ImportRunStatus.COMPLETED else ""))

    @app.cli.command("audit-verify")
    def audit_verify_command():
        """Check every force's audit hash chain; exit 1 and name the first broken link if one is broken."""
        names = {f.id: f.code for f in db.session.scalars(select(Force))}
        broken = False
        for report in verify(db.session):
            who = names.get(report.chain, f"force {report.chain}") if report.chain else "no force"
            before = f" ({report.unchained:,} earlier events were written before chaining began)" \
                if report.unchained else ""
            if report.ok:
                click.echo(f"{who}: OK, {report.checked:,} events chained{before}")
                continue
            broken = True
            at = f"event {report.broken_event_id}" if report.broken_event_id else "the end of the chain"
            link = f" (link {report.broken_seq})" if report.broken_seq else ""
            click.echo(f"{who}: BROKEN at {at}{link}: {report.problem}. "
                       f"The {report.checked:,} events before it are intact.", err=True)
        if broken:
            sys.exit(1)
        click.echo("Audit trail OK.")

    @app.cli.command("load-force-figures")
    @click.argument("path", type=click.Path(exists=True, dir_okay=False))
    def load_force_figures_command(path):
        """Load officer headcount and arrests per force and year (CSV: force_code,year,officers,arrests)."""
        n = _load_reference_csv(path, read_figures, save_figures)
        click.echo(f"Loaded the figures of {n} force-year{'s' if n != 1 else ''}.")

    @app.cli.command("load-force-population")
    @click.argument("path", type=click.Path(exists=True, dir_okay=False))
    def load_force_population_command(path):
        """Load force-area population shares (CSV: force_code,dimension,code,share_percent)."""
        n = _load_reference_csv(path, read_population, save_population)
        click.echo(f"Loaded {n} population share{'s' if n != 1 else ''}.")

    @app.cli.command("seed-demo")
    @click.option("--quiet", is_flag=True, help="Do not list the sign-ins (`make run` ends with its own banner).")
    def seed_demo_command(quiet):
        """Load demo forces, users and records. Safe to run again: nothing is duplicated."""
        sign_ins = seed_demo()
        refresh_summaries()  # the dashboards' rollups, built now rather than on the first page view
        if quiet:
            click.echo("Demo data loaded.")
            return
        click.echo("Demo sign-ins (password for all: {}):".format(sign_ins.password))
        for force_name, role, email in sign_ins.accounts:
            click.echo(f"  {force_name:<28} {role:<10} {email}")

    @app.cli.command("refresh-patterns")
    def refresh_patterns_command():
        """Bring the Patterns rollups up to date (pages only read them): run after a bulk load, or on a timer."""
        started = time.perf_counter()
        refresh_summaries()
        click.echo(f"Patterns rollups up to date ({time.perf_counter() - started:.1f} seconds).")

    @app.cli.command("delete-old-feedback")
    @click.option("--months", type=click.IntRange(min=1), default=None,
                  help="Keep this many months (default: FEEDBACK_RETENTION_MONTHS, 12).")
    def delete_old_feedback_command(months):
        """Delete readers' feedback older than the retention period."""
        months = months or app.config["FEEDBACK_RETENTION_MONTHS"]
        count = delete_old_feedback(months=months)
        click.echo(f"Deleted {count} pieces of feedback older than {months} months.")

    @app.cli.command("delete-old-submission-tokens")
    @click.option("--days", type=click.IntRange(min=1), default=None,
                  help="Keep this many days (default: SUBMISSION_TOKEN_RETENTION_DAYS, 30).")
    def delete_old_submission_tokens_command(days):
        """Forget once-only submission tokens older than the retention period (run daily, say)."""
        days = days or app.config["SUBMISSION_TOKEN_RETENTION_DAYS"]
        count = delete_old_tokens(days=days)
        click.echo(f"Deleted {count} submission tokens older than {days} days.")

    @app.cli.command("anonymise")
    @click.option("--input", "input_file", type=click.Path(exists=True, dir_okay=False, allow_dash=True),
                  required=True,
                  help='UTF-8 JSONL, one {"id", "text", "people": [...]} per line ("-" for standard input).')
    @click.option("--output", "output_file", type=click.Path(dir_okay=False, allow_dash=True), required=True,
                  help='JSONL, one {"id", "text", "entities": [...]} per line ("-" for standard output); '
                       "written whole once every line is done, or not at all.")
    def anonymise_command(input_file, output_file):
        """Anonymise passages in bulk; entity offsets are into each input text. Nothing leaves the machine.
        Every line is checked first: a bad one stops the run, names its line, and nothing is written."""
        notes: list[str] = []
        try:
            count = anonymise_file(input_file, output_file, notes=notes)
        except (BadInput, OSError) as exc:
            raise click.ClickException(f"{exc}. Nothing was written.") from exc
        for note in notes:
            click.echo(f"Note: {note}", err=True)
        click.echo(anonymise_summary(count), err=True)
