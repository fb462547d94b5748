"""`flask comments export` and `import`: every comment as JSON, for backups and moves."""

import json
import sys

import click
import yaml
from flask.cli import AppGroup

from ..core.comments.transfer import TransferError, export_comments, import_comments
from ..core.kinds import SECTIONS
from ..core.languages import DEFAULT_LANGUAGE
from ..core.publisher import publisher

comments_cli = AppGroup("comments", help="Back up and restore reader comments.")


@comments_cli.command("export")
@click.argument("file", type=click.File("w", encoding="utf-8"), default="-")
def export_command(file) -> None:
    """Write every comment, with its moderation record, as JSON (to FILE or standard output)."""
    json.dump(export_comments(), file, ensure_ascii=False, indent=1)
    file.write("\n")


@comments_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--from",
    "origin",
    type=click.Choice(["scorecard", "wordpress"]),
    default="scorecard",
    help="scorecard: a file from `flask comments export`, into an empty database; "
    "wordpress: a WordPress export (WXR), added to the comments there are.",
)
@click.option(
    "--map",
    "mapping_file",
    type=click.File("r", encoding="utf-8"),
    help="With --from wordpress: a YAML file from each post's address to our document, "
    "e.g. https://example.org/2021/05/coal-jobs/: recommendation/community-employment",
)
def import_command(file: str, origin: str, mapping_file) -> None:
    """Load comments from FILE: an export of this site, or of WordPress."""
    if origin == "wordpress":
        _import_wordpress(file, mapping_file)
        return
    try:
        with open(file, encoding="utf-8") as opened:
            count, accounts = import_comments(json.load(opened))
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


# The kinds readers comment on.
KINDS = set(SECTIONS.values())


def _import_wordpress(file: str, mapping_file) -> None:
    # Its HTML-to-Markdown libraries cost a third of a second: a server never needs them.
    from ..core.comments.wordpress import WordPressError, import_wordpress

    if mapping_file is None:
        raise click.UsageError("--from wordpress needs --map: which post is which document")
    try:
        mapping = yaml.safe_load(mapping_file)
    except yaml.YAMLError as error:
        message = f"nothing imported: the mapping is not YAML: {error}"
        raise click.ClickException(message) from error
    if not isinstance(mapping, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in mapping.items()
    ):
        raise click.ClickException(
            "nothing imported: the mapping must be lines of `post address: kind/slug`"
        )
    library = publisher().edition.library
    documents = {doc.id for doc in library.documents.values() if doc.kind in KINDS}
    try:
        report = import_wordpress(file, mapping, documents, DEFAULT_LANGUAGE)
    except WordPressError as error:
        raise click.ClickException(f"nothing imported: {error}") from error
    for document, count in sorted(report.imported.items()):
        click.echo(f"{count} comment(s) imported on {document}")
    click.echo(f"{sum(report.imported.values())} comment(s) imported in all.")
    for address, count in sorted(report.unmapped.items()):
        click.echo(f"NOT imported: {count} comment(s) on {address}: not in the mapping")
    if report.not_readers:
        click.echo(f"Left out: {report.not_readers} pingback(s) and trackback(s).")
    if report.flattened:
        click.echo(
            f"{report.flattened} reply(ies) to a reply now answer the comment that "
            "opened their thread (threads here go one level deep)."
        )
    if report.already_here:
        click.echo(f"Skipped: {report.already_here} comment(s) already here (imported before).")
