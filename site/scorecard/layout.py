"""Full page or HTMX fragment from the same templates, and the links every page carries."""

from flask import Flask, request, url_for
from htmx_flask import Htmx

from .i18n import current_language, other_language
from .localized import is_localized_request


def wants_fragment() -> bool:
    # A history restore after a cache miss needs the whole page back.
    return bool(request.htmx) and not request.htmx.history_restore_request


def counterpart_url() -> str:
    """The same page in the other language: the slug is shared, only the prefix changes."""
    target = other_language(current_language())
    view_args = request.view_args or {}
    if is_localized_request():
        # The query string is kept, minus anything posing as a part of the address.
        args = {
            key: values
            for key, values in request.args.to_dict(flat=False).items()
            if key != "lang" and key not in view_args
        }
        return url_for(request.endpoint, **view_args, **args, lang=target)
    return url_for("pages.home", lang=target)


def init_app(app: Flask) -> None:
    Htmx(app)

    @app.context_processor
    def page_context() -> dict:
        lang = current_language()
        return {
            "base_template": "layouts/fragment.html" if wants_fragment() else "layouts/full.html",
            "lang": lang,
            "other_lang": other_language(lang),
            "counterpart_url": counterpart_url(),
        }

    @app.after_request
    def vary_on_htmx(response):
        # The same URL answers with a page or a fragment: caches must keep them apart.
        response.vary.add("HX-Request")
        return response
