"""`flask search rebuild`: the search index, from scratch."""

import click
from flask.cli import AppGroup

from ..core.publisher import publisher
from ..core.search import search_index

search_cli = AppGroup("search", help="Manage the search index.")


@search_cli.command("rebuild")
def rebuild_command() -> None:
    """Rebuild the search index from content/ from scratch."""
    search_index().prepare(publisher().edition, force=True)
    click.echo("Search index rebuilt.")
