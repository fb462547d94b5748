"""What an operator needs: a request id, one JSON log line per request, and /healthz.

A request id sent by the proxy (X-Request-ID) is kept when it looks like one, so that the
proxy's log and ours can be joined; otherwise one is made. It is returned on the response
and carried by every log record written during the request.
"""

import logging
import re
import sys
import time
import uuid

from flask import Blueprint, Flask, current_app, g, has_request_context, jsonify, request
from pythonjsonlogger.json import JsonFormatter
from werkzeug import Request

from ..core import search
from ..core.comments import store
from .current import current_edition

REQUEST_ID_HEADER = "X-Request-ID"
# Only a plain token goes back into a header and into the log.
VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")

log = logging.getLogger("scorecard.requests")
bp = Blueprint("operations", __name__)


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        # A record written outside Flask (kept_pages.py) names its request id itself.
        if not getattr(record, "request_id", None):
            record.request_id = g.get("request_id") if has_request_context() else None
        return True


def configure_logging() -> None:
    """JSON lines on stderr for the app's loggers; once per process, however many apps."""
    logger = logging.getLogger("scorecard")
    if logger.handlers:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        JsonFormatter("{asctime}{levelname}{name}{message}", style="{", timestamp=False)
    )
    handler.addFilter(RequestIdFilter())
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def request_id(asked: Request) -> str:
    """The proxy's request id if it looks like one, else a new one."""
    incoming = asked.headers.get(REQUEST_ID_HEADER, "")
    return incoming if VALID_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex


def log_request(asked: Request, status: int, started: float, request_id: str, **more) -> None:
    """The request's log line: one per request, answered by Flask or before it."""
    log.info(
        "request",
        extra={
            "method": asked.method,
            "path": asked.path,
            "status": status,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            "remote_addr": asked.remote_addr,
            "request_id": request_id,
            **more,
        },
    )


def _start_request() -> None:
    g.request_id = request_id(request)
    g.request_started = time.perf_counter()


def _finish_request(response):
    if "request_id" not in g:  # a before_request handler ahead of ours refused the request
        _start_request()
    response.headers[REQUEST_ID_HEADER] = g.request_id
    log_request(request, response.status_code, g.request_started, g.request_id)
    return response


@bp.get("/healthz")
def healthz():
    """200 when the database answers and the search index opens; 503 and which part if not."""
    checks = {"database": _check_database, "index": lambda: search.health(current_edition())}
    results = {name: check() for name, check in checks.items()}
    healthy = all(result == "ok" for result in results.values())
    response = jsonify(status="ok" if healthy else "failing", checks=results)
    response.status_code = 200 if healthy else 503
    response.cache_control.no_store = True
    return response


def _check_database() -> str:
    try:
        store.check_readable()
        return "ok"
    except Exception:
        current_app.logger.exception("health check: database")
        return "unavailable"


def init_app(app: Flask) -> None:
    configure_logging()
    app.before_request(_start_request)
    app.after_request(_finish_request)
    app.register_blueprint(bp)
