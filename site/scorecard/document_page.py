"""A document's page: its text, its panels and its comments; or only the comments, for HTMX."""

from functools import partial

from flask import render_template, request

from .citations import cite_context
from .comments.context import thread_context
from .content import Shown, library
from .panels import document_panels
from .sharing import share_context


def render_document(shown: Shown, document_url, **comment_state) -> str:
    """The whole page, or only the comment section when HTMX asks for it."""
    comments = thread_context(shown, **comment_state)
    if request.htmx.target == "comments":
        return render_template("partials/comments.html", shown=shown, doc=shown.doc, **comments)
    panels = document_panels(shown, library(), partial(document_url, external=True))
    sharing = share_context(shown) | cite_context(shown.doc)
    return render_template(
        "document.html", shown=shown, doc=shown.doc, **panels, **sharing, **comments
    )
