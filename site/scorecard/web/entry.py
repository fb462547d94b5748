"""Addresses outside the language prefix: / sends the reader to their language, and the
language toggle goes through /language/<lang>, which remembers the choice."""

from flask import Blueprint, redirect, request, url_for

from ..core.languages import LANGUAGES
from ..http.caching import SENSITIVE
from .i18n import preferred_language, remember_language
from .urls import is_local_path

bp = Blueprint("entry", __name__)


@bp.get("/")
def index():
    lang = preferred_language()
    response = redirect(url_for("pages.home", lang=lang))
    response.vary.update(("Cookie", "Accept-Language"))
    return remember_language(response, lang)


@bp.get("/language/<any({}):lang>".format(", ".join(LANGUAGES)))
def choose_language(lang: str):
    """The reader chose `lang` with the toggle: remember it, then show them `next`, the page
    they were reading, in that language (the browser carries the #fragment over)."""
    target = request.args.get("next", "")
    if not (is_local_path(target) and target.startswith(f"/{lang}/")):
        target = url_for("pages.home", lang=lang)
    response = redirect(target, code=303)
    response.headers["Cache-Control"] = SENSITIVE
    return remember_language(response, lang)
