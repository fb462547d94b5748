"""HTTP caching and compression: what each answer may be kept for, ETags and 304s.

A view says what its answer depends on, with one of two decorators:

- `@reader_page`: the edition, the approved comments and the address (articles, lists,
  ministries, metrics, search). For a reader without cookies (nothing personal can be
  in the answer) its ETag is derived from those before anything is rendered, so a
  conditional request is answered 304 without rendering, and a page this worker sent
  already is sent again from memory (page_cache.py), compressed as it was, before the
  request reaches Flask (kept_pages.py). Shared caches
  (nginx, see deploy/) may keep it for a minute; browsers revalidate it each time.
  `@reader_page(per_query=True)` marks a page whose addresses are as many as readers'
  queries (search): it is kept apart, in less memory, so that a flood of different
  searches cannot push the articles out.
- `@from_edition`: the edition and the address only (feeds, the sitemap, the API,
  downloads). The same for everyone, so its ETag holds for every request; the body is
  made once per edition, address and encoding (`made_answer`), and kept in the edition.

A request with a session or a comment author's cookie may see something personal on a
reader page (an editor's drafts, the reader's own comment awaiting moderation): its answer
is private, and never comes from or goes into a cache.
"""

import functools
import gzip
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

import brotli
from flask import Flask, Response, current_app, g, request
from flask_compress import Compress
from werkzeug import Request
from werkzeug.http import parse_accept_header, parse_cookie

from ..core.edition import Edition
from . import page_cache
from .current import current_edition

# The htmx headers that choose between the page and a part of it (web/render.py), as the
# WSGI environ names them (read there directly: it is on every kept page's path).
HTMX_HEADERS = ("HTTP_HX_REQUEST", "HTTP_HX_TARGET", "HTTP_HX_HISTORY_RESTORE_REQUEST")
ENCODINGS = ["br", "gzip"]  # Flask-Compress's, in the order it prefers them
# Headers of a kept answer that belong to one request, not to the page.
PER_REQUEST_HEADERS = {"Date", "Set-Cookie", "X-Request-ID"}

PUBLIC = "public, max-age=0, s-maxage=60"  # browsers revalidate; shared caches keep 60 s
MADE = "public, max-age=300"  # feeds, the sitemap, the API: content changes rarely
PERSONAL = "private, no-cache"
SENSITIVE = "no-store"  # editors' pages (web/admin) and the answers to forms
ERROR = "no-cache"  # may be stored, never reused without asking again
IMMUTABLE = "public, max-age=31536000, immutable"  # fingerprinted static files


@dataclass(frozen=True)
class Policy:
    comments: bool  # the answer shows approved comments (and so is public only without cookies)
    kept: bool  # this worker keeps the rendered answer, by its ETag
    daily: bool = False  # the answer names today's date (a citation's access date)
    per_query: bool = False  # the address holds what a reader typed (page_cache.py)


def _marked(policy: Policy) -> Callable:
    def mark(view: Callable) -> Callable:
        view.cache_policy = policy  # type: ignore[attr-defined]
        return view

    return mark


KEPT_READER_PAGE = Policy(comments=True, kept=True)


def reader_page(view: Callable | None = None, *, per_query: bool = False) -> Callable:
    """The view's answer depends on the edition, the approved comments and the address."""
    mark = _marked(Policy(comments=True, kept=True, per_query=per_query))
    return mark(view) if view else mark


def from_edition(view: Callable | None = None, *, daily: bool = False) -> Callable:
    """The view's answer depends on the edition and the address only."""
    mark = _marked(Policy(comments=False, kept=False, daily=daily))
    return mark(view) if view else mark


def _policy() -> Policy | None:
    if request.method not in ("GET", "HEAD") or request.endpoint is None:
        return None
    view = current_app.view_functions.get(request.endpoint)
    return getattr(view, "cache_policy", None)


# The functions below take the app and the request as arguments: kept_pages.py calls them
# before Flask, outside any app or request context.


def is_anonymous(asked: Request, app: Flask) -> bool:
    """No cookie but the language choice: nothing personal can be in the answer."""
    return _only_language(asked.environ.get("HTTP_COOKIE", ""), app.config["LANGUAGE_COOKIE"])


@functools.lru_cache(maxsize=256)
def _only_language(cookies: str, language_cookie: str) -> bool:
    """Returning readers send one of a few Cookie headers ("lang=zh"): each is parsed once."""
    return set(parse_cookie(cookies)) <= {language_cookie}


def _site_address(asked: Request, app: Flask) -> str:
    return app.config["SITE_URL"] or f"{asked.scheme}://{asked.host}/"


def validators(
    policy: Policy, asked: Request, app: Flask, edition: Edition
) -> tuple[str, datetime]:
    """The ETag and Last-Modified of the answer asked for, before making it."""
    pages: page_cache.PageCache = app.extensions["page_cache"]
    modified = edition.library.loaded_at
    parts = [
        pages.code_version,
        edition.version,
        _site_address(asked, app),  # absolute links use it
        asked.scheme,  # security headers differ: HSTS goes over HTTPS only
        asked.full_path,
    ]
    if policy.comments:
        comments, commented_at = pages.comments.current()
        modified = max(modified, commented_at)
        parts += [
            comments,
            *(asked.environ.get(name, "") for name in HTMX_HEADERS),
        ]
    if policy.daily:
        parts.append(date.today().isoformat())
    etag = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
    return etag, datetime.fromtimestamp(int(modified), UTC)


def still_valid(etag: str, modified: datetime, asked: Request) -> str | None:
    """The validator the client sent, if it still holds."""
    # Flask-Compress appends the encoding to a strong ETag ("...:br"): any encoding matches.
    sent = asked.if_none_match.as_set()
    if sent:
        return next((tag for tag in sent if tag.split(":", 1)[0] == etag), None)
    since = asked.if_modified_since
    return etag if since is not None and modified <= since else None


def encoding(asked: Request) -> str:
    return _best_encoding(asked.environ.get("HTTP_ACCEPT_ENCODING", ""))


@functools.lru_cache(maxsize=256)
def _best_encoding(accepted: str) -> str:
    """Browsers send a handful of Accept-Encoding values: each is parsed once."""
    return parse_accept_header(accepted).best_match(ENCODINGS) or "identity"


def answer_from_cache() -> Response | None:
    """Before a cacheable answer is made: 304 if the client holds it. (A kept page was
    answered before Flask, if this worker had it: kept_pages.py.)"""
    policy = _policy()
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    if policy is None or (policy.comments and not is_anonymous(request, app)):
        return None
    g.cache_policy = policy
    g.page_etag, g.page_modified = validators(policy, request, app, current_edition())
    if matched := still_valid(g.page_etag, g.page_modified, request):
        response = Response(status=304)
        response.set_etag(matched)
        return response
    return None


def _compressed(body: bytes, encoding: str) -> bytes:
    if encoding == "br":
        return brotli.compress(body, quality=current_app.config["COMPRESS_BR_LEVEL"])
    return gzip.compress(body, compresslevel=current_app.config["COMPRESS_LEVEL"], mtime=0)


def made_answer(key: tuple, make: Callable[[], bytes], content_type: str) -> Response:
    """An answer made once per edition and site address, and compressed once per encoding:
    the second request for it costs a lookup, however large the archive."""
    made = current_edition().made
    key = (*key, _site_address(request, current_app))
    body = made.get(key, make)
    response = Response(content_type=content_type)
    accepted = encoding(request)
    if accepted != "identity" and len(body) >= current_app.config["COMPRESS_MIN_SIZE"]:
        body = made.get((*key, accepted), lambda: _compressed(body, accepted))
        response.headers["Content-Encoding"] = accepted
    response.set_data(body)
    response.vary.add("Accept-Encoding")
    return response


def set_cache_headers(response: Response) -> Response:
    """Cache-Control on every answer; the validators on cacheable ones."""
    policy = g.get("cache_policy")
    if policy and response.status_code not in (200, 304):
        # An error (a missing page, a failure) is not the answer the validators describe.
        response.headers["Cache-Control"] = ERROR
    elif policy:
        if "ETag" not in response.headers:
            response.set_etag(g.page_etag)
        response.last_modified = g.page_modified
        if policy.comments:
            response.vary.add("Cookie")
        response.headers.setdefault("Cache-Control", PUBLIC if policy.comments else MADE)
    elif request.method not in ("GET", "HEAD"):
        response.headers["Cache-Control"] = SENSITIVE
    elif _policy():
        response.headers.setdefault("Cache-Control", PERSONAL)
    return response


def keep_page(response: Response) -> Response:
    """After every other step but the request id: keep a public answer (a page, a vCard, a
    CSV...) as sent, with its headers, for the next reader who asks."""
    policy = g.get("cache_policy")
    accepted = encoding(request)
    if (
        policy
        and policy.kept
        and response.status_code == 200
        and response.headers.get("Content-Encoding", "identity") == accepted
    ):
        headers = [
            (name, value)
            for name, value in response.headers.items()
            if name not in PER_REQUEST_HEADERS
        ]
        page_cache.page_cache().put(
            g.page_etag, accepted, response.get_data(), headers, per_query=policy.per_query
        )
    return response


def init_app(app: Flask) -> None:
    """Flask runs after-request functions last registered first: set the headers, then
    compress, then keep the page as sent (every later module's headers included)."""
    page_cache.init_app(app)
    app.before_request(answer_from_cache)
    app.after_request(keep_page)
    Compress(app)
    app.after_request(set_cache_headers)
