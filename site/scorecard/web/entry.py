"""Ways into a language: / sends the reader to theirs, the language toggle goes through
/language/<lang>, which remembers the choice, and `?lang=` asks a page for its other version."""

from flask import Blueprint, redirect, request, url_for

from ..core.languages import LANGUAGES
from ..http.caching import SENSITIVE
from .i18n import current_language, preferred_language, remember_language
from .localized import is_localized_request
from .urls import is_local_path, this_page_in

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


@bp.before_app_request
def other_version_asked():
    """`/en/...?lang=zh#p3`, the link beside each paragraph's anchor: the same page in
    Chinese. The browser keeps the #fragment through the redirect, so without JavaScript
    the reader lands on the same paragraph. The choice is not remembered: it was one
    passage, and a shared link must not change its recipient's language."""
    asked = request.args.get("lang")
    if asked in LANGUAGES and asked != current_language() and is_localized_request():
        return redirect(this_page_in(asked))
    return None
