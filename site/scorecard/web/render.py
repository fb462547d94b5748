"""Full page or htmx fragment, from the same templates: the one place that reads htmx's
request headers.

Every page template extends layouts/frame.html, which extends `frame_template()`: the whole
document (layouts/full.html) or, for an htmx request, only what goes inside <body> with
its <title> (layouts/fragment.html). A view whose page has parts that htmx swaps on their
own (the comment section, the search results) names them in `render_page`.
"""

from collections.abc import Mapping

from flask import Flask, render_template, request

from ..extensions import htmx


def is_htmx() -> bool:
    return bool(request.htmx)  # type: ignore[attr-defined]


def wants_fragment() -> bool:
    # A history restore after a cache miss needs the whole page back.
    return is_htmx() and not request.htmx.history_restore_request  # type: ignore[attr-defined]


def frame_template() -> str:
    return "layouts/fragment.html" if wants_fragment() else "layouts/full.html"


def render_page(template: str, parts: Mapping[str, str] | None = None, **context) -> str:
    """`template`, or, for an htmx request that targets one of `parts` (element id ->
    template), only that part."""
    target: str | None = request.htmx.target if is_htmx() else None  # type: ignore[attr-defined]
    if parts and target:
        template = parts.get(target, template)
    return render_template(template, **context)


def init_app(app: Flask) -> None:
    htmx.init_app(app)

    @app.after_request
    def vary_on_htmx(response):
        # The same URL answers with a page or a fragment: caches must keep them apart.
        response.vary.add("HX-Request")
        return response
