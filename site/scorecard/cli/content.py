"""Commands for editors: `flask content ...`."""

import datetime as dt
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from ..core import content
from ..core.content import scaffold
from ..core.content.checks import document_problems, stale_contact_cards, unsourced_remits
from ..core.content.history import changes_since
from ..core.content.links import link_checker
from ..core.content.translations import (
    State,
    TranslationError,
    all_statuses,
    record_translation,
)
from ..core.kinds import LISTED
from ..core.languages import LANGUAGES
from ..core.publisher import request_reload

content_cli = AppGroup("content", help="Check the Markdown and YAML files under content/.")


@content_cli.command("check")
def check() -> None:
    """List every problem in content/; exit with status 1 if one is an error.

    Each line is path:line:column: field: what is wrong, and how to write it. Warnings ask
    you to look (English punctuation in Chinese text, a figure metrics.yaml lacks) but do
    not fail the check."""
    # Read the files again: the editor has usually just changed them.
    library = content.load(current_app)
    content_dir = Path(current_app.config["CONTENT_DIR"])

    def shown(doc: content.Document) -> str:
        return doc.path.relative_to(content_dir.parent).as_posix()

    today = dt.date.today()
    ministries_file = content_dir / "ministries.yaml"
    ministries = ministries_file.read_text("utf-8") if ministries_file.exists() else ""
    problems = [
        *library.problems,
        *stale_contact_cards(library, f"{content_dir.name}/ministries.yaml", today, ministries),
        *unsourced_remits(library, f"{content_dir.name}/ministries.yaml", ministries),
        *document_problems(library, link_checker(library, current_app), shown, today),
    ]
    for problem in problems:
        click.echo(str(problem), err=True)
    documents = len(library.documents)
    errors = sum(problem.severity == "error" for problem in problems)
    warnings = len(problems) - errors
    if errors:
        raise click.ClickException(
            f"{errors} problem(s) and {warnings} warning(s); {documents} file(s) loaded."
        )
    if warnings:
        click.echo(f"{documents} document file(s) checked: no problems, {warnings} warning(s).")
    else:
        click.echo(f"{documents} document file(s) checked, no problems.")


@content_cli.command("new")
@click.argument("kind", type=click.Choice(LISTED))
@click.argument("slug")
def new(kind: str, slug: str) -> None:
    """Create SLUG.en.md and SLUG.zh.md for a new draft KIND, with a guide in comments."""
    content_dir = Path(current_app.config["CONTENT_DIR"])
    try:
        paths = scaffold.create(content_dir, kind, slug, dt.date.today())
    except scaffold.ScaffoldError as error:
        raise click.ClickException(str(error)) from error
    for path in paths:
        click.echo(f"created {path.relative_to(content_dir.parent).as_posix()}")


@content_cli.command("status")
def status() -> None:
    """List every document's languages: source, complete, missing or outdated (with a diff)."""
    library = content.load(current_app)
    for entry in all_statuses(library):
        click.echo(entry.id)
        for version in entry.versions:
            click.echo(f"  {version.lang}: {version.state}")
            if version.state is State.OUTDATED and version.doc:
                click.echo(
                    f"    made from {version.doc.meta.translated_from}, "
                    f"the {entry.source.lang} source is now {entry.source.version}"
                )
                changes = changes_since(entry.source, version.doc.meta.translated_from)
                if changes is None:
                    click.echo("    (no diff: that version is not in the git history)")
                for line in changes or ():
                    click.echo(f"    {line}")
                click.echo(
                    f"    once it is brought up to date: flask content translated "
                    f"{entry.slug} --lang {version.lang}"
                )


@content_cli.command("translated")
@click.argument("slug")
@click.option("--lang", type=click.Choice(LANGUAGES), help="Only this language's translation.")
def translated(slug: str, lang: str | None) -> None:
    """Record that the translations of SLUG follow the current version of their source.

    Run it after checking that the translation says what the source now says (flask
    content status shows what changed): it sets translated_from in each translation."""
    library = content.load(current_app)
    try:
        recorded = record_translation(library, slug, lang)
    except TranslationError as error:
        raise click.ClickException(str(error)) from error
    content_dir = Path(current_app.config["CONTENT_DIR"])
    for change in recorded:
        shown = change.path.relative_to(content_dir.parent).as_posix()
        if change.before == change.after:
            click.echo(f"{shown}: already follows {change.after}")
        else:
            click.echo(f"{shown}: translated_from {change.before or '(none)'} -> {change.after}")


@content_cli.command("reload")
def reload_command() -> None:
    """Ask the running site to read all of content/ again now, in every worker.

    The site also looks for changes on its own every CONTENT_WATCH_SECONDS."""
    request_reload(Path(current_app.instance_path))
    seconds = current_app.config["CONTENT_WATCH_SECONDS"]
    if seconds:
        click.echo(f"Asked: every worker of the site reads content/ again within {seconds:g} s.")
    else:
        click.echo(
            "Asked, but this site does not watch its content (CONTENT_WATCH_SECONDS is 0): "
            "restart it to publish."
        )
