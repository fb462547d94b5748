"""Security headers on every response, and the settings production insists on.

Flask-Talisman sends the Content-Security-Policy and most other headers. The policy
allows scripts and styles from this site's own files only: no inline script, no style
attribute, no eval (htmx is configured in full.html not to need them). Pages load
nothing from another host, so nothing else is allowed.
"""

from urllib.parse import urlsplit

from flask import Flask, current_app, request
from flask_talisman import DENY, Talisman

DEVELOPMENT_SECRET_KEY = "development-only-secret"
MIN_SECRET_KEY_LENGTH = 32

CONTENT_SECURITY_POLICY = {
    "default-src": "'none'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "font-src": "'self'",
    "connect-src": "'self'",
    "manifest-src": "'self'",
    "form-action": "'self'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
}
# Nothing on this site needs a device or a powerful feature.
PERMISSIONS_POLICY = {
    feature: "()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
}


class UnsafeConfiguration(RuntimeError):
    """Production settings that would expose readers or editors: the app will not start."""


def is_development(app: Flask) -> bool:
    return app.config["ENVIRONMENT"] == "development"


def check_configuration(app: Flask) -> None:
    """Refuse to start in production with a borrowed secret or with the debugger on."""
    if is_development(app):
        app.config["SECRET_KEY"] = app.config.get("SECRET_KEY") or DEVELOPMENT_SECRET_KEY
        return
    secret = app.config.get("SECRET_KEY") or ""
    if secret == DEVELOPMENT_SECRET_KEY or len(secret) < MIN_SECRET_KEY_LENGTH:
        raise UnsafeConfiguration(
            f"SECRET_KEY must be set to a random value of at least {MIN_SECRET_KEY_LENGTH} "
            'characters in production, e.g. python3 -c "import secrets; '
            'print(secrets.token_urlsafe(48))". For development, set SCORECARD_ENV=development.'
        )
    if app.debug:
        raise UnsafeConfiguration(
            "The debugger must never run in production: unset FLASK_DEBUG, "
            "or set SCORECARD_ENV=development on a development machine."
        )
    # Cookies travel over HTTPS only.
    app.config["SESSION_COOKIE_SECURE"] = True
    app.config["LANGUAGE_COOKIE_SECURE"] = True
    app.config["REMEMBER_COOKIE_SECURE"] = True


def same_origin_post() -> bool:
    """Whether a form was sent from a page of this site, by the headers browsers set
    themselves (OWASP's "verifying origin with standard headers"): Origin, else Referer.

    The comment form relies on this instead of a session token, so that the pages that
    carry it hold nothing personal and can be cached (caching.py)."""
    sent = request.headers.get("Origin") or request.headers.get("Referer") or ""
    host = urlsplit(sent).netloc
    own = {request.host, urlsplit(current_app.config["SITE_URL"]).netloc} - {""}
    return host in own


def _cross_origin_headers(response):
    response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    # Data others may fetch (CORS) may also be embedded by them; the pages may not.
    shared = "Access-Control-Allow-Origin" in response.headers
    response.headers.setdefault(
        "Cross-Origin-Resource-Policy", "cross-origin" if shared else "same-origin"
    )
    return response


def init_app(app: Flask) -> None:
    check_configuration(app)
    Talisman(
        app,
        content_security_policy=CONTENT_SECURITY_POLICY,
        permissions_policy=PERMISSIONS_POLICY,
        frame_options=DENY,
        referrer_policy="strict-origin-when-cross-origin",
        # HTTPS is the proxy's job; the app sends HSTS whenever it was reached over HTTPS.
        force_https=False,
        strict_transport_security=True,
        strict_transport_security_include_subdomains=False,
        session_cookie_secure=app.config["SESSION_COOKIE_SECURE"],
        session_cookie_samesite="Lax",
    )
    app.after_request(_cross_origin_headers)
