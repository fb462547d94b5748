"""A document's page: its text, its panels and its comments; or only the comments, for htmx."""

from ..core.content import Shown
from .citations import cite_context
from .comments.thread import thread_context
from .panels import document_panels
from .render import render_page
from .sharing import share_context


def render_document(shown: Shown, **comment_state) -> str:
    """The whole page, or only the comment section when htmx asks for it."""
    return render_page(
        "document.html",
        parts={"comments": "partials/comments.html"},
        shown=shown,
        doc=shown.doc,
        **document_panels(shown),
        **share_context(shown),
        **cite_context(shown.doc),
        **thread_context(shown, **comment_state),
    )
