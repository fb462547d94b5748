"""Blueprints whose addresses start with the reader's language: /en/... and /zh/...

Flask's "URL processors" pattern: the language comes off the URL into `g.lang`, and
goes back into every `url_for`, so no view or template passes it by hand.
"""

from flask import Blueprint, current_app, g, request

from ..core.kinds import SECTIONS
from ..core.languages import LANGUAGES
from .i18n import current_language

PREFIX = "/<any({}):lang>".format(", ".join(LANGUAGES))
# Matches only the known sections, so anything else is a 404 before a view runs.
SECTION = "<any({}):section>".format(", ".join(f'"{name}"' for name in SECTIONS))


def _pull_language(endpoint, values) -> None:
    g.lang = values.pop("lang")


def _add_language(endpoint, values) -> None:
    values.setdefault("lang", current_language())


def _remember_language(response):
    """The language of the last page read becomes the reader's choice for /."""
    config = current_app.config
    if request.cookies.get(config["LANGUAGE_COOKIE"]) != g.lang:
        response.set_cookie(
            config["LANGUAGE_COOKIE"],
            g.lang,
            max_age=config["LANGUAGE_COOKIE_MAX_AGE"],
            secure=config["LANGUAGE_COOKIE_SECURE"],
            httponly=True,
            samesite="Lax",
        )
    return response


def localized_blueprint(name: str, import_name: str) -> Blueprint:
    """A blueprint mounted under /<lang>, its views reading the language from `g.lang`."""
    bp = Blueprint(name, import_name, url_prefix=PREFIX)
    bp.url_value_preprocessor(_pull_language)
    bp.url_defaults(_add_language)
    bp.after_request(_remember_language)
    return bp


def is_localized_request() -> bool:
    """Whether the current view lives under /<lang> (so it has a counterpart)."""
    return "lang" in g and request.endpoint is not None
