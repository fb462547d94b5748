"""Commands for editors: `flask content ...`."""

import datetime as dt
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from . import content
from .content.checks import document_problems, stale_contact_cards
from .content.links import link_checker

content_cli = AppGroup("content", help="Check the Markdown and YAML files under content/.")


@content_cli.command("check")
def check() -> None:
    """List every problem in content/; exit with status 1 if there is one."""
    # Read the files again: the editor has usually just changed them.
    library = content.load(current_app)
    content_dir = Path(current_app.config["CONTENT_DIR"])

    def shown(doc: content.Document) -> str:
        return doc.path.relative_to(content_dir.parent).as_posix()

    today = dt.date.today()
    problems = [
        *library.problems,
        *stale_contact_cards(library, f"{content_dir.name}/ministries.yaml", today),
        *document_problems(library, link_checker(library, current_app), shown, today),
    ]
    for problem in problems:
        click.echo(str(problem), err=True)
    documents = len(library.documents)
    if problems:
        raise click.ClickException(f"{len(problems)} problem(s); {documents} file(s) loaded.")
    click.echo(f"{documents} document file(s) checked, no problems.")


def init_app(app: Flask) -> None:
    app.cli.add_command(content_cli)
