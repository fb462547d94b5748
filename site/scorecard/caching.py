"""Answers that clients revalidate: an ETag from the body, and 304 when If-None-Match matches."""

from flask import Response, request


def revalidated(response: Response) -> Response:
    response.add_etag()
    response = response.make_conditional(request)
    # make_conditional adds a Date header; the server (gunicorn, werkzeug) sends its own.
    response.headers.pop("Date", None)
    return response
