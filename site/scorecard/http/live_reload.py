"""While writing: a changed content file shows on the next request, without a restart.

Development only (`flask --debug run`, or SCORECARD_LIVE_RELOAD=1, which `make serve`
sets). Each request stats the content files (about half a millisecond for our eighteen,
see benchmarks/live_reload.py) before anything else reads the content; when any was
added, changed or removed, the publisher reads them again and serves the new edition
(core/publisher.py). Elsewhere, each process's watcher looks every few seconds instead.
"""

from flask import Flask

from ..core.publisher import publisher


def enabled(app: Flask) -> bool:
    return app.debug or app.config["CONTENT_LIVE_RELOAD"]


def _look() -> None:
    publisher().check_for_changes()


def init_app(app: Flask) -> None:
    if not enabled(app):
        return
    # Before every other step of the request, so that caching already sees the new edition.
    app.before_request_funcs.setdefault(None, []).insert(0, _look)
