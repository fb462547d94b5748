"""Reader pages this worker has sent before, answered before Flask.

Flask's hooks (request id, caching, security headers, compression, logging) cost more
than sending a page already made: a kept page answered through them ran at a third of
"hello world", and answered here at about three quarters (benchmarks/kept_pages.py).
This layer answers a reader without cookies from the worker's page cache (page_cache.py)
under the ETag Flask would give the page (caching.validators), with the body and headers
Flask sent, or a 304 when the reader holds it; it adds the request id and writes the log
line. Everything else, and every page this worker has not kept, goes to Flask unchanged.
"""

import time
from collections.abc import Iterable

from flask import Flask
from sqlalchemy.exc import SQLAlchemyError
from werkzeug import Request, Response

from ..core.publisher import Publisher
from . import caching, live_reload, operations
from .page_cache import Headers, PageCache


class KeptPages:
    def __init__(self, app: Flask, wsgi_app):
        self.app = app
        self.wsgi_app = wsgi_app
        self.pages: PageCache = app.extensions["page_cache"]
        self.publisher: Publisher = app.extensions["publisher"]

    def __call__(self, environ: dict, start_response) -> Iterable[bytes]:
        if environ["REQUEST_METHOD"] not in ("GET", "HEAD"):
            return self.wsgi_app(environ, start_response)
        started = time.perf_counter()
        asked = Request(environ)
        try:
            answer = self._kept_answer(asked)
        except SQLAlchemyError:
            answer = None  # the comments' state is unknown: Flask answers, as it would
        if answer is None:
            return self.wsgi_app(environ, start_response)
        status, headers, body = answer
        request_id = operations.request_id(asked)
        start_response(status, [*headers, (operations.REQUEST_ID_HEADER, request_id)])
        operations.log_request(asked, int(status[:3]), started, request_id, kept=True)
        return [] if asked.method == "HEAD" else [body]

    def _kept_answer(self, asked: Request) -> tuple[str, Headers, bytes] | None:
        if not caching.is_anonymous(asked, self.app):
            return None
        if live_reload.enabled(self.app):
            self.publisher.check_for_changes()
        edition = self.publisher.edition
        etag, modified = caching.validators(caching.KEPT_READER_PAGE, asked, self.app, edition)
        kept = self.pages.get(etag, caching.encoding(asked))
        if kept is None:
            return None
        body, headers = kept
        if matched := caching.still_valid(etag, modified, asked):
            # As Flask answers it: werkzeug leaves out the body's own headers on a 304.
            not_modified = Response(status=304, headers=headers)
            not_modified.set_etag(matched)
            headers = not_modified.get_wsgi_headers(asked.environ).to_wsgi_list()
            return not_modified.status, headers, b""
        return "200 OK", headers, body


def init_app(app: Flask) -> None:
    app.wsgi_app = KeptPages(app, app.wsgi_app)  # type: ignore[method-assign]
