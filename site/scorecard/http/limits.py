"""Rate limits on posting comments and signing in.

A view asks for a limit with `@rate_limited("COMMENT_RATE_LIMIT")`, naming the setting
that holds it; the limit applies to its POST requests. Memory storage by default, which
is per process: with several workers, the production settings point
RATELIMIT_STORAGE_URI at Redis so that a limit holds across them.
"""

from collections.abc import Callable
from typing import Any

from flask import Flask, current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from werkzeug.middleware.proxy_fix import ProxyFix


def rate_limited(setting: str) -> Callable:
    """Mark a view as limited by the configuration key `setting`."""

    def mark(view: Callable) -> Callable:
        view.rate_limit_setting = setting  # type: ignore[attr-defined]
        return view

    return mark


def init_app(app: Flask) -> None:
    """After every blueprint: the limiter wraps the views that asked for a limit."""
    proxies = app.config["TRUSTED_PROXY_COUNT"]
    if proxies:
        # Only then is X-Forwarded-For believed: otherwise anyone could dodge a limit by
        # sending a different address in the header.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)  # type: ignore[method-assign]
    limiter = Limiter(get_remote_address, app=app)
    # The limits hold the limiter only weakly, and a disabled limiter (RATELIMIT_ENABLED
    # off, as in most tests) does not register itself with the app: keep it alive here.
    app.extensions["rate_limiter"] = limiter
    for endpoint, view in list(app.view_functions.items()):
        setting = getattr(view, "rate_limit_setting", None)
        if setting:
            limited: Any = limiter.limit(_read(setting), methods=["POST"])(view)
            app.view_functions[endpoint] = limited


def _read(setting: str) -> Callable[[], str]:
    """The limit as configured when the request comes (tests change it)."""
    return lambda: current_app.config[setting]
