"""Blueprints whose addresses start with the reader's language: /en/... and /zh/...

Flask's "URL processors" pattern: the language comes off the URL into `g.lang`, and
goes back into every `url_for`, so no view or template passes it by hand.
"""

from flask import Blueprint, g, request

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


def localized_blueprint(name: str, import_name: str) -> Blueprint:
    """A blueprint mounted under /<lang>, its views reading the language from `g.lang`."""
    bp = Blueprint(name, import_name, url_prefix=PREFIX)
    bp.url_value_preprocessor(_pull_language)
    bp.url_defaults(_add_language)
    return bp


def is_localized_request() -> bool:
    """Whether the current view lives under /<lang> (so it has a counterpart)."""
    return "lang" in g and request.endpoint is not None
