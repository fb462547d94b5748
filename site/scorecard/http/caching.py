"""HTTP caching and compression: what each answer may be kept for, ETags and 304s.

A view says what its answer depends on, with one of two decorators:

- `@reader_page`: the edition, the approved comments and the address (articles, lists,
  ministries, metrics, search). For a reader without cookies (nothing personal can be
  in the answer) its ETag is derived from those before anything is rendered, so a
  conditional request is answered 304 without rendering, and a page this worker sent
  already is sent again from memory (page_cache.py), compressed as it was. Shared caches
  (nginx, see deploy/) may keep it for a minute; browsers revalidate it each time.
  `@reader_page(kept=False)` renders every time (search results depend on what strangers
  type, which would fill the memory).
- `@from_edition`: the edition and the address only (feeds, the sitemap, the API,
  downloads). The same for everyone, so its ETag holds for every request; the body is
  made once per edition, address and encoding (`made_answer`), and kept in the edition.

A request with a session or a comment author's cookie may see something personal on a
reader page (an editor's drafts, the reader's own comment awaiting moderation): its answer
is private, and never comes from or goes into a cache.
"""

import gzip
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

import brotli
from flask import Flask, Response, current_app, g, request
from flask_compress import Compress

from . import page_cache
from .current import current_edition

# The htmx headers that choose between the page and a part of it (web/render.py).
HTMX_HEADERS = ("HX-Request", "HX-Target", "HX-History-Restore-Request")
ENCODINGS = ["br", "gzip"]  # Flask-Compress's, in the order it prefers them
# What a kept answer is sent again with: the rest is added per request by the hooks.
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Encoding", "ETag")

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


def _marked(policy: Policy) -> Callable:
    def mark(view: Callable) -> Callable:
        view.cache_policy = policy  # type: ignore[attr-defined]
        return view

    return mark


def reader_page(view: Callable | None = None, *, kept: bool = True) -> Callable:
    """The view's answer depends on the edition, the approved comments and the address."""
    mark = _marked(Policy(comments=True, kept=kept))
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


def _is_anonymous() -> bool:
    """No cookie but the language choice: nothing personal can be in the answer."""
    return set(request.cookies) <= {current_app.config["LANGUAGE_COOKIE"]}


def _site_address() -> str:
    return current_app.config["SITE_URL"] or request.host_url


def _validators(policy: Policy) -> tuple[str, datetime]:
    """The ETag and Last-Modified of the answer asked for, before making it."""
    edition = current_edition()
    modified = edition.library.loaded_at
    parts = [
        page_cache.page_cache().code_version,
        edition.version,
        _site_address(),  # absolute links use it
        request.full_path,
    ]
    if policy.comments:
        comments, commented_at = page_cache.page_cache().comments.current()
        modified = max(modified, commented_at)
        parts += [
            comments,
            *(request.headers.get(name, "") for name in HTMX_HEADERS),
        ]
    if policy.daily:
        parts.append(date.today().isoformat())
    etag = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
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
    """Before a cacheable answer is made: 304, or the page as this worker sent it before."""
    policy = _policy()
    if policy is None or (policy.comments and not _is_anonymous()):
        return None
    g.cache_policy = policy
    g.page_etag, g.page_modified = _validators(policy)
    if matched := _still_valid(g.page_etag, g.page_modified):
        response = Response(status=304)
        response.set_etag(matched)
        return response
    if policy.kept and (kept := page_cache.page_cache().get(g.page_etag, _encoding())):
        body, headers = kept
        return Response(body, headers=headers)
    return None


def _compressed(body: bytes, encoding: str) -> bytes:
    if encoding == "br":
        return brotli.compress(body, quality=current_app.config["COMPRESS_BR_LEVEL"])
    return gzip.compress(body, compresslevel=current_app.config["COMPRESS_LEVEL"], mtime=0)


def made_answer(key: tuple, make: Callable[[], bytes], content_type: str) -> Response:
    """An answer made once per edition and site address, and compressed once per encoding:
    the second request for it costs a lookup, however large the archive."""
    made = current_edition().made
    key = (*key, _site_address())
    body = made.get(key, make)
    response = Response(content_type=content_type)
    encoding = _encoding()
    if encoding != "identity" and len(body) >= current_app.config["COMPRESS_MIN_SIZE"]:
        body = made.get((*key, encoding), lambda: _compressed(body, encoding))
        response.headers["Content-Encoding"] = encoding
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
    """After compression: keep a public answer (a page, a vCard, a CSV...) as sent, for the
    next reader who asks."""
    policy = g.get("cache_policy")
    if (
        policy
        and policy.kept
        and response.status_code == 200
        and response.headers.get("Content-Encoding", "identity") == _encoding()
    ):
        headers = {
            name: response.headers[name] for name in KEPT_HEADERS if name in response.headers
        }
        page_cache.page_cache().put(g.page_etag, _encoding(), response.get_data(), headers)
    return response


def init_app(app: Flask) -> None:
    """Flask runs after-request functions last registered first: set the headers, then
    compress, then keep the page as sent."""
    page_cache.init_app(app)
    app.before_request(answer_from_cache)
    app.after_request(keep_page)
    Compress(app)
    app.after_request(set_cache_headers)
