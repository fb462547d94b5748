"""HTTP caching and compression: what each answer may be kept for, ETags and 304s.

A reader page (articles, lists, ministries, metrics, search) depends only on the content,
the approved comments and its address. Its ETag is derived from those before anything is
rendered, so a conditional request is answered 304 without rendering, and a page this
worker sent already is sent again from memory (page_cache.py), compressed as it was.
Shared caches (nginx, see deploy/) may keep such a page for a minute; browsers
revalidate it each time, which costs them a 304.

A request with a session or a comment author's cookie may see something personal (an
editor's drafts, the reader's own comment awaiting moderation): its answer is private,
and never comes from or goes into a cache.
"""

import hashlib
import time
from datetime import UTC, datetime

from flask import Flask, Response, current_app, g, request
from flask_compress import Compress

from . import page_cache as pages
from .content import library

# Blueprints whose GET answers are the same for every reader without cookies.
READER_PAGES = {"pages", "ministries", "metrics"}
# Rendered every time: results depend on what strangers type, which would fill the cache.
RENDERED_EVERY_TIME = {"pages.search"}
# The htmx headers that choose between the page and a part of it (layout.py).
HTMX_HEADERS = ("HX-Request", "HX-Target", "HX-History-Restore-Request")
ENCODINGS = ["br", "gzip"]  # Flask-Compress's, in the order it prefers them
# What a kept answer is sent again with: the rest is added per request by the hooks.
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Encoding", "ETag")

PUBLIC = "public, max-age=0, s-maxage=60"  # browsers revalidate; shared caches keep 60 s
PERSONAL = "private, no-cache"
SENSITIVE = "no-store"  # editors' pages and the answers to forms
ERROR = "no-cache"  # may be stored, never reused without asking again
IMMUTABLE = "public, max-age=31536000, immutable"  # fingerprinted static files
# A page carries the comment form's timestamp (comments/tokens.py), valid for a day: its
# ETag changes every hour, so that no cache keeps a form much older than that.
FORM_RENEWAL_SECONDS = pages.RENDERED_SECONDS


def revalidated(response: Response) -> Response:
    """An ETag from the body, and 304 when If-None-Match matches (feeds, sitemap, API)."""
    response.add_etag()
    response = response.make_conditional(request)
    # make_conditional adds a Date header; the server (gunicorn, werkzeug) sends its own.
    response.headers.pop("Date", None)
    return response


def _is_anonymous() -> bool:
    """No cookie but the language choice: nothing personal can be in the answer."""
    return set(request.cookies) <= {current_app.config["LANGUAGE_COOKIE"]}


def _is_reader_page() -> bool:
    return request.method in ("GET", "HEAD") and request.blueprint in READER_PAGES


def _page_validators() -> tuple[str, datetime]:
    """The ETag and Last-Modified of the page asked for, before rendering it."""
    cache = pages.page_cache()
    comments, commented_at = cache.comments.current()
    content = library()
    parts = [
        cache.code_version,
        content.version,
        comments,
        current_app.config["SITE_URL"] or request.host_url,  # absolute links use it
        request.full_path,
        *(request.headers.get(name, "") for name in HTMX_HEADERS),
        str(int(time.time() // FORM_RENEWAL_SECONDS)),
    ]
    etag = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
    modified = max(content.loaded_at, commented_at)
    return etag, datetime.fromtimestamp(int(modified), UTC)


def _still_valid(etag: str, modified: datetime) -> str | None:
    """The validator the client sent, if it still holds."""
    # Flask-Compress appends the encoding to a strong ETag ("...:br"): any encoding matches.
    sent = request.if_none_match.as_set()
    if sent:
        return next((tag for tag in sent if tag.split(":", 1)[0] == etag), None)
    since = request.if_modified_since
    return etag if since is not None and modified <= since else None


def _encoding() -> str:
    return request.accept_encodings.best_match(ENCODINGS) or "identity"


def answer_from_cache() -> Response | None:
    """Before a reader page is rendered: 304, or the page as this worker sent it before."""
    if not (_is_reader_page() and _is_anonymous()):
        return None
    g.page_etag, g.page_modified = _page_validators()
    if matched := _still_valid(g.page_etag, g.page_modified):
        response = Response(status=304)
        response.set_etag(matched)
        return response
    if request.endpoint in RENDERED_EVERY_TIME:
        return None
    if kept := pages.page_cache().get(g.page_etag, _encoding()):
        body, headers = kept
        return Response(body, headers=headers)
    return None


def set_cache_headers(response: Response) -> Response:
    """Cache-Control on every answer; the validators on reader pages."""
    if "page_etag" in g and response.status_code not in (200, 304):
        # An error (a missing page, a failure) is not the page the validators describe.
        response.headers["Cache-Control"] = ERROR
    elif "page_etag" in g:
        if "ETag" not in response.headers:
            response.set_etag(g.page_etag)
        response.last_modified = g.page_modified
        response.vary.add("Cookie")
        response.headers.setdefault("Cache-Control", PUBLIC)
    elif request.blueprint == "admin" or request.method not in ("GET", "HEAD"):
        response.headers["Cache-Control"] = SENSITIVE
    elif _is_reader_page():
        response.headers.setdefault("Cache-Control", PERSONAL)
    return response


def keep_page(response: Response) -> Response:
    """After compression: keep a public answer (a page, a vCard, a CSV...) as sent, for the
    next reader who asks."""
    if (
        "page_etag" in g
        and response.status_code == 200
        and request.endpoint not in RENDERED_EVERY_TIME
        and response.headers.get("Content-Encoding", "identity") == _encoding()
    ):
        headers = {
            name: response.headers[name] for name in KEPT_HEADERS if name in response.headers
        }
        pages.page_cache().put(g.page_etag, _encoding(), response.get_data(), headers)
    return response


def init_app(app: Flask) -> None:
    """Flask runs after-request functions last registered first: set the headers, then
    compress, then keep the page as sent."""
    pages.init_app(app)
    app.before_request(answer_from_cache)
    app.after_request(keep_page)
    Compress(app)
    app.after_request(set_cache_headers)
