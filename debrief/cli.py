"""Flask commands: create-user, seed-demo and anonymise."""
from __future__ import annotations

import sys

import click
from flask import Flask
from sqlalchemy import select

from debrief.auth.passwords import password_problem
from debrief.auth.roles import Role
from debrief.auth.service import AccountError, create_user
from debrief.demo import seed_demo
from debrief.extensions import db
from debrief.models import Force


def _read_password() -> str:
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    line = sys.stdin.readline()
    return line.rstrip("\r\n")


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
        except AccountError as exc:
            db.session.rollback()
            raise click.ClickException(str(exc)) from exc
        click.echo(f"Created {user.email} in {force.name} with roles: {', '.join(sorted(roles))}")

    @app.cli.command("seed-demo")
    def seed_demo_command():
        """Load demo forces, users and records. Safe to run again: nothing is duplicated."""
        sign_ins = seed_demo()
        click.echo("Demo sign-ins (password for all: {}):".format(sign_ins.password))
        for force_name, role, email in sign_ins.accounts:
            click.echo(f"  {force_name:<28} {role:<10} {email}")

    @app.cli.command("anonymise")
    @click.option("--input", "input_file", type=click.File("r", encoding="utf-8"), required=True,
                  help='JSONL, one {"id", "text", "people": [...]} per line ("-" for standard input).')
    @click.option("--output", "output_file", type=click.File("w", encoding="utf-8", atomic=True), required=True,
                  help='JSONL, one {"id", "text", "entities": [...]} per line ("-" for standard output).')
    def anonymise_command(input_file, output_file):
        """Anonymise passages in bulk; entity offsets are into each input text. Nothing leaves the machine."""
        from debrief.anonymise.batch import run

        try:
            count = run(input_file, output_file)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"Anonymised {count} passages.", err=True)
