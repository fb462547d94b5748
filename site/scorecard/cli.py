"""Commands for editors: `flask content ...`."""

import datetime as dt
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from . import backup, content
from .content.checks import stale_contact_cards

content_cli = AppGroup("content", help="Check the Markdown and YAML files under content/.")


@content_cli.command("check")
def check() -> None:
    """List every problem in content/; exit with status 1 if there is one."""
    library = content.library()
    ministries_file = f"{Path(current_app.config['CONTENT_DIR']).name}/ministries.yaml"
    problems = [
        *library.problems,
        *stale_contact_cards(library, ministries_file, dt.date.today()),
    ]
    for problem in problems:
        click.echo(str(problem), err=True)
    documents = len(library.documents)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s); {documents} file(s) are fine.")
    click.echo(f"{documents} document file(s) checked, no problems.")


def init_app(app: Flask) -> None:
    app.cli.add_command(content_cli)
    backup.init_app(app)
