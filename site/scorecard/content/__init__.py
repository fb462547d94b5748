"""Editors' content: loaded once at start-up into an immutable Library."""

from collections.abc import Iterable
from pathlib import Path

from flask import Flask, current_app
from flask_babel import force_locale, gettext

from ..i18n import LANGUAGES
from .library import SECTIONS, Document, Library, Problem, Shown
from .loader import load_library, reload_documents

__all__ = ["SECTIONS", "Document", "Library", "Problem", "Shown", "init_app", "library"]


def _backlink_titles(app: Flask) -> dict[str, str]:
    """Footnote tooltips in each document's language."""
    with app.app_context():
        backlink_titles = {}
        for lang in LANGUAGES:
            with force_locale(lang):
                # {} stands for the footnote's number.
                backlink_titles[lang] = gettext(
                    "Back to footnote %(number)s in the text", number="{}"
                )
    return backlink_titles


def load(app: Flask) -> Library:
    """Read app.config["CONTENT_DIR"]."""
    return load_library(app.config["CONTENT_DIR"], _backlink_titles(app))


def reload(app: Flask, library_: Library, paths: Iterable[Path]) -> Library:
    """The library with only these document files read again (see live_reload)."""
    return reload_documents(library_, app.config["CONTENT_DIR"], paths, _backlink_titles(app))


def init_app(app: Flask) -> None:
    library_ = load(app)
    for problem in library_.problems:
        app.logger.warning("content left out: %s", problem)
    app.extensions["library"] = library_


def library() -> Library:
    """The current app's library."""
    return current_app.extensions["library"]
