"""Editors: signing in, the moderation queue, and `flask editors create`."""

import click
from flask import Flask
from flask.cli import AppGroup
from flask_login import LoginManager
from sqlalchemy import select

from ..db import db, writing
from .models import Editor

login_manager = LoginManager()
login_manager.login_view = "admin.login"
login_manager.login_message = None  # the sign-in page says what it is for

editors_cli = AppGroup("editors", help="Manage the editors who moderate comments.")

MIN_PASSWORD = 12


@login_manager.user_loader
def load_editor(editor_id: str) -> Editor | None:
    return db.session.get(Editor, int(editor_id)) if editor_id.isdigit() else None


@editors_cli.command("create")
@click.argument("name")
@click.password_option(help="The editor's password (asked for if not given).")
def create_editor(name: str, password: str) -> None:
    """Create an editor account NAME that can sign in at /admin."""
    if len(password) < MIN_PASSWORD:
        raise click.ClickException(f"the password needs at least {MIN_PASSWORD} characters")
    if db.session.scalar(select(Editor).where(Editor.name == name)):
        raise click.ClickException(f"an editor called {name!r} already exists")
    with writing():
        editor = Editor(name=name)
        editor.set_password(password)
        db.session.add(editor)
    click.echo(f"Editor {name!r} created.")


def init_app(app: Flask) -> None:
    # Imported here, like the comment views, so that importing the models pulls in no views.
    from . import translations  # noqa: F401 (adds its page to bp)
    from .views import bp

    login_manager.init_app(app)
    app.register_blueprint(bp)
    app.cli.add_command(editors_cli)
