"""`flask editors ...`: the accounts of the editors who write content and moderate comments.

Run by whoever runs the server: the audit log records these actions with no actor.
"""

import click
from flask.cli import AppGroup

from ..core.editors import (
    MIN_PASSWORD,
    ROLES,
    EditorError,
    accounts,
    change_password,
    create_editor,
    set_active,
    set_role,
)

editors_cli = AppGroup("editors", help="Manage the accounts of the editors and admins.")
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
@click.option(
    "--role",
    type=click.Choice(ROLES),
    default="editor",
    show_default=True,
    help="An editor writes and moderates; an admin also manages the accounts.",
)
def create_command(name: str, password: str, role: str) -> None:
    """Create an account NAME that can sign in at /admin."""
    _done(create_editor, name, password, role)
    click.echo(f"{role.capitalize()} {name!r} created.")


@editors_cli.command("list")
def list_command() -> None:
    """Every account, its role and whether it can sign in."""
    for editor in accounts():
        state = "" if editor.active else "  (disabled)"
        click.echo(f"{editor.name}\t{editor.role}{state}")


@editors_cli.command("role")
@click.argument("name")
@click.argument("role", type=click.Choice(ROLES))
def role_command(name: str, role: str) -> None:
    """Make NAME an editor or an admin; their sessions end."""
    _done(set_role, name, role)
    click.echo(f"{name!r} is now an {role}.")


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
    """Stop NAME from signing in, and end their sessions (what they did stays on record)."""
    _done(set_active, name, False)
    click.echo(f"Editor {name!r} disabled; their sessions have ended.")


@editors_cli.command("enable")
@click.argument("name")
def enable_command(name: str) -> None:
    """Let a disabled editor NAME sign in again."""
    _done(set_active, name, True)
    click.echo(f"Editor {name!r} enabled.")
