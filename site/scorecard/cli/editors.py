"""`flask editors ...`: the accounts of the editors who moderate comments."""

import click
from flask.cli import AppGroup

from ..core.editors import MIN_PASSWORD, EditorError, change_password, create_editor, set_active

editors_cli = AppGroup("editors", help="Manage the editors who moderate comments.")
PASSWORD_HELP = (
    f"The editor's password, {MIN_PASSWORD} characters or more (asked for if not given)."
)


def _done(action, *args) -> None:
    try:
        action(*args)
    except EditorError as error:
        raise click.ClickException(str(error)) from error


@editors_cli.command("create")
@click.argument("name")
@click.password_option(help=PASSWORD_HELP)
def create_command(name: str, password: str) -> None:
    """Create an editor account NAME that can sign in at /admin."""
    _done(create_editor, name, password)
    click.echo(f"Editor {name!r} created.")


@editors_cli.command("password")
@click.argument("name")
@click.password_option(help=PASSWORD_HELP)
def password_command(name: str, password: str) -> None:
    """Give NAME a new password; every browser signed in as NAME is signed out."""
    _done(change_password, name, password)
    click.echo(f"New password for {name!r}; their sessions have ended.")


@editors_cli.command("disable")
@click.argument("name")
def disable_command(name: str) -> None:
    """Stop NAME from signing in, and end their sessions (the record of their moderation stays)."""
    _done(set_active, name, False)
    click.echo(f"Editor {name!r} disabled; their sessions have ended.")


@editors_cli.command("enable")
@click.argument("name")
def enable_command(name: str) -> None:
    """Let a disabled editor NAME sign in again."""
    _done(set_active, name, True)
    click.echo(f"Editor {name!r} enabled.")
