"""Readers post, edit and withdraw comments under /<lang>/."""

from flask import abort, current_app, g, redirect, render_template, request
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_limiter.errors import RateLimitExceeded
from flask_wtf.csrf import CSRFError
from werkzeug.wrappers import Response as WerkzeugResponse

from ...core.comments import store
from ...core.comments.language import language_of
from ...core.comments.models import Comment
from ...core.content import Shown
from ...core.database import LARGEST_ID
from ...core.kinds import SECTIONS
from ...core.text import small_number
from ...extensions import csrf
from ...http.caching import SENSITIVE
from ...http.current import current_edition
from ...http.errors import error_page
from ...http.limits import rate_limited
from ...http.security import same_origin_post
from ..access import editor_signed_in
from ..document_page import render_document
from ..following import follow as follow_by_mail
from ..localized import SECTION, localized_blueprint
from ..render import is_htmx
from ..urls import document_url
from .forms import CommentForm, EditForm
from .thread import reader_authored
from .tokens import (
    AUTHOR_COOKIE,
    AUTHOR_COOKIE_MAX_AGE,
    author_cookie,
    form_stamp,
    seconds_since_stamp,
)

bp = localized_blueprint("comments", __name__)


def _shown(section: str, slug: str) -> Shown:
    # A signed-in editor previewing a draft sees its comment form, which must work too.
    shown = current_edition().show(SECTIONS[section], slug, g.lang, drafts=editor_signed_in())
    return shown or abort(404)


def _again(shown: Shown, form: CommentForm, message: str, status: int):
    """The page again (or the comment section, for htmx) with the reader's text kept."""
    return render_document(shown, form=form, message=message), status


def _suspicion(form: CommentForm) -> str | None:
    """Why this looks like a bot rather than a reader, if it does."""
    if form.website.data:
        return gettext("Your comment could not be accepted. Please try again.")
    elapsed = seconds_since_stamp(form.started.data)
    if elapsed is None:  # no script to ask for the stamp, or a day-old form
        return gettext("Please check your comment, then send it again.")
    if elapsed < current_app.config["COMMENT_MIN_SECONDS"]:
        return gettext("That was quick! Please take a moment, then send your comment again.")
    return None


def _remember(response, comment: Comment):
    """Give the browser its proof of authorship: the comment shows to it while pending."""
    response.set_cookie(
        AUTHOR_COOKIE,
        author_cookie([*reader_authored(), comment.id]),
        max_age=AUTHOR_COOKIE_MAX_AGE,
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )
    return response


@bp.post(f"/{SECTION}/<slug>/comments")
# Checked by its Origin instead of a session token (http/security.same_origin_post), so
# that the pages that carry the form hold nothing personal and can be cached.
@csrf.exempt
@rate_limited("COMMENT_RATE_LIMIT")
def post_comment(section: str, slug: str):
    shown = _shown(section, slug)
    document = shown.doc.id
    form = CommentForm()
    if not same_origin_post():
        message = gettext(
            "This comment did not come from a page of this site. "
            "Your text is kept below: please send it again."
        )
        return _again(shown, form, message, 403)
    if not form.validate():
        return _again(shown, form, gettext("Please correct the form below."), 422)
    suspicion = _suspicion(form)
    if suspicion:
        return _again(shown, form, suspicion, 422)
    if copy := store.already_posted(document, form.body.data):
        if copy.id in reader_authored():  # sent twice by the same browser: the first stands
            return redirect(f"{document_url(shown.doc)}#comment-{copy.id}", code=303)
        message = gettext("The same comment is already on this page.")
        return _again(shown, form, message, 422)
    parent = None
    if form.parent.data:
        parent_id = small_number(form.parent.data, digits=9)
        parent = store.replyable(document, parent_id) if parent_id is not None else None
        if parent is None:
            message = gettext("The comment you replied to is no longer open for replies.")
            return _again(shown, form, message, 422)
    comment = store.post(
        document,
        form.lang.data or language_of(form.body.data, g.lang),
        form.body.data,
        name=form.name.data,
        email=form.email.data,
        parent=parent,
        authored=reader_authored(),
        auto_approve_known=current_app.config["COMMENTS_AUTO_APPROVE_KNOWN"],
    )
    if comment.author_email and (form.replies.data or form.follow.data):
        follow_by_mail(
            comment,
            g.lang,
            replies=form.replies.data,
            page=form.follow.data,
            digest=bool(form.digest.data),
        )
    if is_htmx():
        message = gettext(
            "Thank you. Your comment will appear to others once an editor approves it."
        )
        page = render_document(shown, message=message, just_posted=comment.id)
        response: WerkzeugResponse = current_app.make_response(page)
    else:
        response = redirect(f"{document_url(shown.doc)}#comment-{comment.id}", code=303)
    return _remember(response, comment)


def _editable(comment_id: int, allowed=store.is_authors) -> tuple[Comment, Shown] | None:
    """The reader's own comment, within its edit window (counted from when the database
    says it was written), on a document that is still there; None otherwise."""
    comment = store.get(comment_id)
    if comment is None or not allowed(comment, reader_authored()):
        return None
    kind, slug = comment.document.split("/", 1)
    shown = current_edition().show(kind, slug, g.lang)
    return (comment, shown) if shown else None


def _own_comment(comment_id: int) -> tuple[Comment, Shown]:
    """_editable, or 404 for a comment that is not there and 403 for anyone else's."""
    if store.get(comment_id) is None:
        abort(404)
    return _editable(comment_id) or abort(403)


APPROVED_STAYS = _l(
    "An editor has approved this comment, so its text stays as approved. You can still "
    "delete it, then write a new one."
)

# Ids are range-checked by the address itself: a larger one is a 404, never a query.
COMMENT_ID = f"<int(max={LARGEST_ID}):comment_id>"


@bp.route(f"/comments/{COMMENT_ID}/edit", methods=["GET", "POST"])
def edit_comment(comment_id: int):
    comment, shown = _own_comment(comment_id)
    if not store.can_edit(comment, reader_authored()):
        return error_page(403, str(APPROVED_STAYS)), 403
    form = EditForm(data={"body": comment.body, "lang": comment.lang})
    if form.validate_on_submit():
        store.edit(comment, form.body.data, form.lang.data or language_of(form.body.data, g.lang))
        return redirect(f"{document_url(shown.doc)}#comment-{comment.id}", code=303)
    status = 422 if request.method == "POST" else 200
    return render_template("comment_edit.html", form=form, comment=comment, shown=shown), status


@bp.get("/comments/stamp")
def form_stamp_field():
    """The comment form's stamp, asked for when the reader starts to write (the page
    itself may come from a cache, hours old)."""
    form = CommentForm(formdata=None)
    form.started.data = form_stamp()
    response = current_app.make_response(str(form.started()))
    response.headers["Cache-Control"] = SENSITIVE
    return response


@bp.post(f"/comments/{COMMENT_ID}/delete")
def delete_comment(comment_id: int):
    comment, shown = _own_comment(comment_id)
    store.withdraw(comment)
    return redirect(f"{document_url(shown.doc)}#comments", code=303)


def _refused(message: str, status: int):
    """A refused form, answered in the reader's language and never by raising (this runs
    in an error handler): the page again with the reader's text where there is one."""
    args = request.view_args or {}
    if request.endpoint == "comments.post_comment":
        kind = SECTIONS[args["section"]]
        shown = current_edition().show(kind, args["slug"], g.lang, drafts=editor_signed_in())
        if shown:
            return _again(shown, CommentForm(), message, status)
    if request.endpoint == "comments.edit_comment" and (
        found := _editable(args["comment_id"], store.can_edit)
    ):
        comment, shown = found
        page = render_template(
            "comment_edit.html", form=EditForm(), comment=comment, shown=shown, message=message
        )
        return page, status
    # A delete, or a form for a comment that is no longer the reader's to change.
    return error_page(403, message), 403


@bp.errorhandler(CSRFError)
def csrf_failed(error):
    if request.endpoint == "comments.delete_comment":
        message = gettext(
            "This form has expired, or did not come from this site: open the page again, "
            "then delete your comment."
        )
    else:
        message = gettext(
            "Your session has expired. Your text is kept below: please send it again."
        )
    return _refused(message, 400)


@bp.errorhandler(RateLimitExceeded)
def too_many_comments(error):
    message = gettext(
        "You have sent several comments in a short time. Your text is kept below: "
        "please wait a few minutes, then send it again."
    )
    return _refused(message, 429)
