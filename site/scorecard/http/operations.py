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


def _start_request() -> None:
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = incoming if VALID_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
    g.request_started = time.perf_counter()


def _finish_request(response):
    if "request_id" not in g:  # a before_request handler ahead of ours refused the request
        _start_request()
    response.headers[REQUEST_ID_HEADER] = g.request_id
    log.info(
        "request",
        extra={
            "method": request.method,
            "path": request.path,
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - g.request_started) * 1000, 1),
            "remote_addr": request.remote_addr,
        },
    )
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
