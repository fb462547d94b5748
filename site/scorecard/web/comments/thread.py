"""What a document page needs to show its comments and the form, for this reader."""

from functools import partial
from typing import Any

from flask import current_app, request, url_for

from ...core.comments import store
from ...core.content import Shown
from ...core.kinds import SECTION_OF_KIND
from ...core.languages import LANGUAGES
from ...core.text import small_number
from .forms import CommentForm
from .tokens import AUTHOR_COOKIE, authored_ids, form_stamp, seconds_since_stamp

MOST_SHOWN = 500


def reader_authored() -> list[int]:
    return authored_ids(request.cookies.get(AUTHOR_COOKIE))


def thread_url(shown: Shown, /, anchor: str = "comments", **changes) -> str:
    """The document's address with the comment list's settings (None drops one)."""
    args: dict[str, Any] = {
        k: v for k, v in request.args.items() if k in ("order", "comments", "shown")
    }
    args.update(changes)
    args = {k: v for k, v in args.items() if v is not None}
    section = SECTION_OF_KIND[shown.doc.kind]
    return url_for("pages.document", section=section, slug=shown.doc.slug, _anchor=anchor, **args)


def _shown_count(page_size: int) -> int:
    """How many top-level comments to list: ?shown=, at least a page and at most MOST_SHOWN."""
    count = small_number(request.args.get("shown"), digits=4) or 0
    return min(max(count, page_size), MOST_SHOWN)


def thread_context(
    shown: Shown,
    form: CommentForm | None = None,
    message: str | None = None,
    just_posted: int | None = None,
) -> dict:
    """The comment thread as this reader sees it, and the form (with what they typed).

    `just_posted` is a comment this reader sent in this very request: its cookie is
    on its way back to the browser, so the request does not carry it yet.
    """
    order = request.args.get("order", "newest")
    order = order if order in store.ORDERS else "newest"
    language = request.args.get("comments") if request.args.get("comments") in LANGUAGES else None
    authored = reader_authored() + ([just_posted] if just_posted else [])
    document = shown.doc.id
    page_size = current_app.config["COMMENTS_PER_PAGE"]
    thread = store.thread(document, authored, order, language, _shown_count(page_size), page_size)
    if form is None:
        form = CommentForm(formdata=None)
        reply_to = small_number(request.args.get("reply_to"), digits=9)
        if reply_to is not None and store.replyable(document, reply_to):
            form.parent.data = str(reply_to)
    elif seconds_since_stamp(form.started.data) is None:
        # Sent without a stamp, and shown again: this answer is the reader's own, never
        # cached, so it can carry one.
        form.started.data = form_stamp()
    parent_id = small_number(form.parent.data, digits=9)
    everyone = [c for comment, replies in thread.entries for c in (comment, *replies)]
    return {
        "thread": thread,
        "comment_form": form,
        "comment_message": message,
        "comment_order": order,
        "comment_language": language,
        "replying_to": store.replyable(document, parent_id) if parent_id is not None else None,
        "authored": set(authored),
        "editable": {c.id for c in everyone if store.can_edit(c, authored)},
        "withdrawable": {c.id for c in everyone if store.is_authors(c, authored)},
        "thread_url": partial(thread_url, shown),
        "stamp_url": url_for("comments.form_stamp_field"),
        "post_url": url_for(
            "comments.post_comment", section=SECTION_OF_KIND[shown.doc.kind], slug=shown.doc.slug
        ),
    }
