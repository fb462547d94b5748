"""The open data API: read-only JSON under /api/v1/, described by /api/v1/openapi.json.

Any site may read it from a browser (CORS open for GET); every answer carries an ETag, so a
client that sends If-None-Match gets 304 when nothing changed. Errors are JSON with a message
in the reader's language (Accept-Language).
"""

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from ...http.errors import answer_errors_under
from .errors import MESSAGES, OTHER
from .views import bp

PREFIX = "/api/"
# Browsers revalidate with If-None-Match, which needs a preflight from another origin.
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match, Accept-Language",
    "Access-Control-Expose-Headers": "ETag",
    "Access-Control-Max-Age": "86400",
}


def error_response(error: HTTPException) -> Response:
    """An error as JSON, {"error": {"status": 404, "message": "..."}}, with headers like Allow."""
    status = error.code or 500
    # Off the /<lang>/ pages, the locale is the reader's: cookie, then Accept-Language.
    message = getattr(error, "api_message", None) or MESSAGES.get(status, OTHER)
    response = jsonify({"error": {"status": status, "message": str(message)}})
    response.status_code = status
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    response.vary.add("Accept-Language")
    return response


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    answer_errors_under(app, PREFIX, error_response)

    @app.after_request
    def open_to_every_site(response: Response) -> Response:
        if request.path.startswith(PREFIX) and request.method in ("GET", "HEAD", "OPTIONS"):
            response.headers.update(CORS_HEADERS)
        return response
