"""While writing: a changed content file shows on the next request, without a restart.

Development only (`flask --debug run`, or SCORECARD_LIVE_RELOAD=1, which `make serve`
sets). Each request stats the content files (about half a millisecond for our eighteen,
see benchmarks/live_reload.py); when any was added, changed or removed, the publisher
reads them again and serves the new edition, its search index brought up to date first
(core/publisher.py). The content snapshot is not rewritten on each reload: the files it
was made from have changed, so the next start reads them again and saves a new one.
"""

import threading
from pathlib import Path

from flask import Flask

from ..core.content.snapshot import content_files
from ..core.publisher import publisher


class ContentWatcher:
    def __init__(self, app: Flask):
        self.app = app
        self.content_dir = Path(app.config["CONTENT_DIR"])
        self.seen = self._stat()
        self.lock = threading.Lock()

    def _stat(self) -> dict[str, tuple[int, int]]:
        return {name: (size, mtime) for name, size, mtime in content_files(self.content_dir)}

    def refresh(self) -> None:
        """Reload the content if any file was added, changed or removed."""
        with self.lock:
            now = self._stat()
            if now == self.seen:
                return
            changed = sorted(
                name
                for name in now.keys() | self.seen.keys()
                if now.get(name) != self.seen.get(name)
            )
            self.seen = now
            publisher().reload(self.content_dir / name for name in changed)
            self.app.logger.info("content reloaded: %s", ", ".join(changed))


def init_app(app: Flask) -> None:
    if not (app.debug or app.config["CONTENT_LIVE_RELOAD"]):
        return
    watcher = ContentWatcher(app)
    # Before every other step of the request, so that caching already sees the new edition.
    app.before_request_funcs.setdefault(None, []).insert(0, watcher.refresh)
