"""While writing: a changed content file shows on the next request, without a restart.

Development only (`flask --debug run`, or SCORECARD_LIVE_RELOAD=1, which `make serve`
sets). Each request stats the content files (about half a millisecond for our eighteen,
see benchmarks/live_reload.py).
When Markdown files change, only those documents are read again; when a YAML file
(topics, ministries, metrics, glossary) changes, the whole library is. Then the search
index re-indexes the documents whose text changed (see search.index.ensure_index).
The content snapshot (content/snapshot.py) is not rewritten on each reload: the files
it was made from have changed, so the next start reads them again and saves a new one.
Production never does this: there, content only changes on deploy.
"""

import threading
from pathlib import Path

from flask import Flask

from . import content, search
from .content.loader import FOLDERS

WATCHED = (".md", ".yaml")


def _snapshot(content_dir: Path) -> dict[str, int]:
    return {
        str(path): path.stat().st_mtime_ns
        for path in content_dir.rglob("*")
        if path.suffix in WATCHED and path.is_file()
    }


class ContentWatcher:
    def __init__(self, app: Flask):
        self.app = app
        self.content_dir = Path(app.config["CONTENT_DIR"])
        self.seen = _snapshot(self.content_dir)
        self.lock = threading.Lock()

    def refresh(self) -> None:
        """Reload the content and re-index it if any file was added, changed or removed."""
        with self.lock:
            now = _snapshot(self.content_dir)
            if now == self.seen:
                return
            changed = sorted(
                path
                for path in now.keys() | self.seen.keys()
                if now.get(path) != self.seen.get(path)
            )
            self.seen = now
            library = self._reload([Path(path) for path in changed])
            self.app.extensions["library"] = library
            for problem in library.problems:
                self.app.logger.warning("content left out: %s", problem)
            search.rebuild()
            self.app.logger.info("content reloaded: %s", ", ".join(changed))

    def _reload(self, changed: list[Path]) -> content.Library:
        """Only the changed documents, unless a file they all depend on changed."""
        documents_only = all(
            path.suffix == ".md" and path.parent.name in FOLDERS for path in changed
        )
        if documents_only:
            return content.reload(self.app, self.app.extensions["library"], changed)
        return content.load(self.app)


def init_app(app: Flask) -> None:
    if not (app.debug or app.config.get("CONTENT_LIVE_RELOAD")):
        return
    watcher = ContentWatcher(app)
    # First of all: the page cache (caching.py) must already see the new content.
    app.before_request_funcs.setdefault(None, []).insert(0, watcher.refresh)
