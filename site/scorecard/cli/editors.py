"""`flask editors create NAME`: the accounts of the editors who moderate comments."""

import click
from flask.cli import AppGroup

from ..core.editors import MIN_PASSWORD, EditorError, create_editor

editors_cli = AppGroup("editors", help="Manage the editors who moderate comments.")


@editors_cli.command("create")
@click.argument("name")
@click.password_option(help=f"The editor's password, {MIN_PASSWORD} characters or more.")
def create_command(name: str, password: str) -> None:
    """Create an editor account NAME that can sign in at /admin."""
    try:
        create_editor(name, password)
    except EditorError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Editor {name!r} created.")
