"""Commands for editors: `flask content ...`."""

import click
from flask import Flask
from flask.cli import AppGroup

from . import content

content_cli = AppGroup("content", help="Check the Markdown and YAML files under content/.")


@content_cli.command("check")
def check() -> None:
    """List every problem in content/; exit with status 1 if there is one."""
    library = content.library()
    for problem in library.problems:
        click.echo(str(problem), err=True)
    documents = len(library.documents)
    if library.problems:
        raise click.ClickException(
            f"{len(library.problems)} problem(s); {documents} file(s) are fine."
        )
    click.echo(f"{documents} document file(s) checked, no problems.")


def init_app(app: Flask) -> None:
    app.cli.add_command(content_cli)
