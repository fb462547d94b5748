"""`flask db backup FILE` and `flask db restore FILE`, for the SQLite database.

Both use SQLite's online backup API, which copies the database page by page under its
own locks: the site can keep running, and the copy is consistent (it never holds half a
transaction). PostgreSQL has its own tools, pg_dump and pg_restore (see the README).
"""

import sqlite3
from contextlib import closing
from pathlib import Path

import click
from flask import current_app
from flask_migrate.cli import db as db_command_group

from ..core.database import db


def sqlite_path() -> Path:
    url = db.engine.url
    if url.get_backend_name() != "sqlite":
        raise click.ClickException(
            "This database is not SQLite: back up PostgreSQL with pg_dump and restore it "
            "with pg_restore (see the README)."
        )
    assert url.database, "a SQLite URL names its file"
    return Path(url.database)


def copy_database(source: Path, target: Path) -> None:
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(target)) as copy:
        origin.backup(copy)


def integrity_problems(path: Path) -> list[str]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    return [row[0] for row in rows if row[0] != "ok"]


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def backup_command(file: Path) -> None:
    """Write a consistent copy of the SQLite database to FILE, while the site runs."""
    if file.exists():
        raise click.ClickException(f"{file} exists already: choose a new file name.")
    copy_database(sqlite_path(), file)
    click.echo(f"Backed up {sqlite_path().name} to {file}.")


@click.command("restore")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.confirmation_option(prompt="This replaces every comment and editor account. Go on?")
def restore_command(file: Path) -> None:
    """Replace the SQLite database with the backup in FILE."""
    try:
        problems = integrity_problems(file)
    except sqlite3.DatabaseError as error:
        raise click.ClickException(f"{file} is not a SQLite database: {error}") from error
    if problems:
        raise click.ClickException(f"{file} is damaged: {'; '.join(problems[:3])}")
    db.engine.dispose()  # the site's own connections reopen on the restored data
    copy_database(file, sqlite_path())
    current_app.logger.info("database restored from %s", file)
    click.echo(f"Restored {sqlite_path().name} from {file}.")


def add_commands() -> None:
    """Add the two commands to Flask-Migrate's `flask db` group, beside `upgrade` (a
    module-level group: adding them again changes nothing)."""
    db_command_group.add_command(backup_command)
    db_command_group.add_command(restore_command)
