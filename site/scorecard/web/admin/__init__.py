"""Editors' pages under /admin: signing in, the moderation queue, translation status."""

from datetime import timedelta

from flask import Flask, request, session

from ...core.editors import Editor, editor_by_session
from ...core.publisher import publisher
from ...extensions import login_manager
from . import accounts, content, documents  # noqa: F401  (their pages are views of the admin blueprint)
from .views import bp

SESSION_USER = "_user_id"  # where Flask-Login keeps a signed-in editor's id in the session


@login_manager.user_loader
def load_editor(session_token: str) -> Editor | None:
    """The editor whose session this is, while their token holds (core/editors.py)."""
    return editor_by_session(session_token)


def _latest_for_editors() -> None:
    """An editor sees every change at once, whichever process answers: the one that took
    a save publishes it, the others would only see it at their next look. So under /admin,
    and on any page for a signed-in editor, each request looks first (a stat of the content
    files: editors are few). Readers see it within CONTENT_WATCH_SECONDS."""
    if request.path.startswith(bp.url_prefix or "/admin") or SESSION_USER in session:
        publisher().check_for_changes()


def init_app(app: Flask) -> None:
    # Before every other step of the request, so that nothing has read the edition yet.
    app.before_request_funcs.setdefault(None, []).insert(0, _latest_for_editors)
    login_manager.init_app(app)
    login_manager.login_view = "admin.login"
    login_manager.login_message = None  # the sign-in page says what it is for
    # An editor's session ends after this long without a request (it is renewed by each).
    app.permanent_session_lifetime = timedelta(minutes=app.config["EDITOR_IDLE_MINUTES"])
    app.register_blueprint(bp)
