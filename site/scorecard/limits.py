"""Rate limits on posting comments and signing in.

Memory storage by default, which is per process: with several workers, the production
settings point RATELIMIT_STORAGE_URI at Redis so that a limit holds across them.
"""

from flask import Flask, current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from werkzeug.middleware.proxy_fix import ProxyFix

# endpoint -> config key of its limit
LIMITED = {
    "comments.post_comment": "COMMENT_RATE_LIMIT",
    "admin.login": "SIGNIN_RATE_LIMIT",
}


def init_app(app: Flask) -> None:
    proxies = int(app.config.get("TRUSTED_PROXY_COUNT") or 0)
    if proxies:
        # Only then is X-Forwarded-For believed: otherwise anyone could dodge a limit by
        # sending a different address in the header.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)
    limiter = Limiter(
        get_remote_address,
        app=app,
        storage_uri=app.config["RATELIMIT_STORAGE_URI"],
        key_prefix=app.config.get("RATELIMIT_KEY_PREFIX", "scorecard"),
        enabled=app.config.get("RATELIMIT_ENABLED", True),
    )
    for endpoint, key in LIMITED.items():
        view = app.view_functions[endpoint]
        limit = limiter.limit(lambda key=key: current_app.config[key], methods=["POST"])
        app.view_functions[endpoint] = limit(view)
    app.extensions["scorecard_limiter"] = limiter
