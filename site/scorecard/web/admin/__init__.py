"""Editors' pages under /admin: signing in, the moderation queue, translation status."""

from flask import Flask

from ...core.editors import Editor, editor_by_id
from ...core.text import small_number
from ...extensions import login_manager
from . import content  # noqa: F401  (its pages are views of the admin blueprint)
from .views import bp


@login_manager.user_loader
def load_editor(editor_id: str) -> Editor | None:
    number = small_number(editor_id, digits=9)
    return editor_by_id(number) if number is not None else None


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "admin.login"
    login_manager.login_message = None  # the sign-in page says what it is for
    app.register_blueprint(bp)
