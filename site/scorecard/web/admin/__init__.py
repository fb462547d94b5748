"""Editors' pages under /admin: signing in, the moderation queue, translation status."""

from datetime import timedelta

from flask import Flask

from ...core.editors import Editor, editor_by_session
from ...extensions import login_manager
from . import accounts, content, documents  # noqa: F401  (their pages are views of the admin blueprint)
from .views import bp


@login_manager.user_loader
def load_editor(session_token: str) -> Editor | None:
    """The editor whose session this is, while their token holds (core/editors.py)."""
    return editor_by_session(session_token)


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "admin.login"
    login_manager.login_message = None  # the sign-in page says what it is for
    # An editor's session ends after this long without a request (it is renewed by each).
    app.permanent_session_lifetime = timedelta(minutes=app.config["EDITOR_IDLE_MINUTES"])
    app.register_blueprint(bp)
