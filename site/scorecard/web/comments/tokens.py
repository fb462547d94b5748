"""Signed values kept in the reader's browser: which comments they wrote, when a form was shown."""

import time

from flask import current_app
from itsdangerous import BadData, URLSafeTimedSerializer

AUTHOR_COOKIE = "comment_author"
# How long the browser remembers its comments (to show them while they await moderation).
AUTHOR_COOKIE_MAX_AGE = 30 * 24 * 3600
REMEMBERED = 50  # the newest comments a browser can prove it wrote


def _serializer(salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt)


def authored_ids(cookie: str | None) -> list[int]:
    """The comments this browser wrote, from its signed cookie; nothing if it was tampered with."""
    if not cookie:
        return []
    try:
        ids = _serializer("comment-author").loads(cookie, max_age=AUTHOR_COOKIE_MAX_AGE)
    except BadData:
        return []
    return [i for i in ids if isinstance(i, int)] if isinstance(ids, list) else []


def author_cookie(ids: list[int]) -> str:
    return _serializer("comment-author").dumps(ids[-REMEMBERED:])


def form_stamp() -> str:
    """When the form was shown, signed, so that a bot cannot claim it took its time."""
    return _serializer("comment-form").dumps(time.time())


def seconds_since_stamp(stamp: str | None) -> float | None:
    """Seconds since the form was shown; None if the stamp is missing, forged or a day old."""
    try:
        shown = _serializer("comment-form").loads(stamp or "", max_age=24 * 3600)
    except BadData:
        return None
    return time.time() - shown if isinstance(shown, float | int) else None
