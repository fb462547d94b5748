"""`flask comments export` and `import`: every comment as JSON, for backups and moves."""

import json
import sys

import click
from flask.cli import AppGroup

from ..core.comments.transfer import TransferError, export_comments, import_comments

comments_cli = AppGroup("comments", help="Back up and restore reader comments.")


@comments_cli.command("export")
@click.argument("file", type=click.File("w", encoding="utf-8"), default="-")
def export_command(file) -> None:
    """Write every comment, with its moderation record, as JSON (to FILE or standard output)."""
    json.dump(export_comments(), file, ensure_ascii=False, indent=1)
    file.write("\n")


@comments_cli.command("import")
@click.argument("file", type=click.File("r", encoding="utf-8"))
def import_command(file) -> None:
    """Load comments exported by `flask comments export` into an empty database."""
    try:
        count, accounts = import_comments(json.load(file))
    except (TransferError, json.JSONDecodeError, KeyError, ValueError) as error:
        raise click.ClickException(f"nothing imported: {error}") from error
    click.echo(f"{count} comment(s) imported.", file=sys.stderr)
    for name in accounts:
        click.echo(
            f"Account {name!r} made for the moderation record, disabled and with no "
            f"password: to let them sign in, `flask editors password {name}`, then "
            f"`flask editors enable {name}`.",
            file=sys.stderr,
        )
