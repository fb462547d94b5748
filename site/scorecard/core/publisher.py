"""The edition the site serves: loaded on first use, replaced whole when content changes,
and at the moment a scheduled document is due.

A request reads one edition from start to finish (http/current.py pins it); a new one is
built beside it, its search index brought up to date, and only then swapped in, in one
assignment, so that no reader sees half of a change.

Each process watches content/ on its own (a thread that stats the files every
CONTENT_WATCH_SECONDS), so a `git pull`, a deploy or an editor's change reaches every
gunicorn worker within seconds, without a restart. When only documents changed, each
process reads just those files again; when a reference file changed (or `flask content
reload` asked), the processes of one machine take turns under a file lock: the first reads
everything and saves the content snapshot, the others load that snapshot. Several machines
each watch their own checkout.
"""

import datetime as dt
import fcntl
import gc
import logging
import os
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask, current_app

from . import content, search
from .content import snapshot
from .content.snapshot import content_files
from .edition import Edition, build_edition
from .kinds import FOLDERS

log = logging.getLogger(__name__)
# Touched by `flask content reload`: every process that watches reads everything again.
RELOAD_REQUEST = "content-reload-request"
LOCK = "content.lock"

Files = dict[str, tuple[int, int]]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


_publishers: "weakref.WeakSet[Publisher]" = weakref.WeakSet()


def _after_fork_in_child() -> None:
    for each in _publishers:
        each._after_fork()


os.register_at_fork(after_in_child=_after_fork_in_child)


class Publisher:
    def __init__(self, app: Flask):
        self.app = app
        self.content_dir = Path(app.config["CONTENT_DIR"])
        self.instance = Path(app.instance_path)
        # What time it is for scheduled publishing; a test may set its own clock.
        self.clock: Callable[[], dt.datetime] = _utc_now
        self._edition: Edition | None = None
        self._lock = threading.RLock()
        self._seen: Files | None = None
        self._reload_requested: float | None = None
        self._watching_pid: int | None = None
        _publishers.add(self)

    @property
    def edition(self) -> Edition:
        """The edition being served; the first call loads it (from the snapshot if it can)."""
        if self._edition is None:
            with self._lock:
                if self._edition is None:
                    self._seen, self._reload_requested = self._stat(), self._requested()
                    self._edition = self._built(content.start_up_library(self.app))
        self._watch()
        edition = self._edition
        assert edition is not None
        if edition.expires_at and self.clock() >= edition.expires_at:
            edition = self._republished(edition)
        return edition

    def check_for_changes(self) -> bool:
        """Read again what changed in content/ since the last look; True if anything did."""
        now, requested = self._stat(), self._requested()
        # Under the lock: when another thread (the watcher) has seen these files and is
        # still reading them, this waits for its edition rather than serve the old one.
        with self._lock:
            unchanged = now == self._seen and requested == self._reload_requested
            if self._edition is None or unchanged:
                return False
            before = self._seen or {}
            changed = sorted(n for n in now.keys() | before.keys() if now.get(n) != before.get(n))
            everything = requested != self._reload_requested
            self._seen, self._reload_requested = now, requested
            self.reload([self.content_dir / name for name in changed], everything=everything)
        log.info("content reloaded: %s", ", ".join(changed) or "everything, as asked")
        return True

    def reload(self, changed: Iterable[Path], everything: bool = False) -> Edition:
        """Read the changed files again, then serve the new edition (its index up to date).

        Only the changed documents are read again, unless a file they all depend on (topics,
        ministries, metrics, glossary) changed, which means reading everything."""
        changed = [Path(path) for path in changed]
        with self._lock:
            current = self._edition
            documents_only = all(
                path.suffix == ".md" and path.parent.name in FOLDERS for path in changed
            )
            if current is not None and documents_only and not everything:
                library = content.reload(self.app, current.library, changed)
            else:
                library = self._load_everything(current.library if current else None)
            self._edition = self._built(library, refresh_search=True)
            return self._edition

    def prepare_to_serve(self) -> None:
        """Load the edition and open its search index now (in gunicorn's master, before
        the workers fork, so that they share both instead of each loading its own).

        Without the cyclic garbage collector: start-up makes millions of objects and frees
        none, and the collector would walk them again and again (a second of a 4 s start
        at 10,000 documents). gunicorn then freezes them before it forks (gunicorn.conf.py)."""
        collecting = gc.isenabled()
        gc.disable()
        try:
            edition = self.edition
            with self.app.app_context():
                search.search_index().searcher(edition)
        finally:
            if collecting:
                gc.enable()

    def _republished(self, edition: Edition) -> Edition:
        """The edition again, as of now: a scheduled document has come due."""
        with self._lock:
            if self._edition is edition:
                self._edition = self._built(edition.library, refresh_search=True)
            return self._edition or edition

    def _built(self, library: content.Library, refresh_search: bool = False) -> Edition:
        for problem in library.problems:
            log.warning("content problem: %s", problem)
        edition = build_edition(library, self.clock())
        if refresh_search:
            with self.app.app_context():
                search.search_index().refresh(edition)
        return edition

    def _load_everything(self, previous: content.Library | None) -> content.Library:
        """Every file read again, once per machine: the first process to get here saves the
        snapshot, the others load it."""
        with self._machine_lock():
            labels = content.labels(self.app)
            path = self.instance / snapshot.FILENAME
            key = snapshot.key(self.content_dir, labels)
            library = snapshot.load(path, key)
            if library is None:
                library = content.load(self.app, previous)
                snapshot.save(path, key, library)
            return library

    @contextmanager
    def _machine_lock(self) -> Iterator[None]:
        with open(self.instance / LOCK, "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _stat(self) -> Files:
        try:
            return {name: (size, mtime) for name, size, mtime in content_files(self.content_dir)}
        except OSError:  # the folder is being replaced (a deploy): look again next time
            return self._seen or {}

    def _requested(self) -> float | None:
        try:
            return (self.instance / RELOAD_REQUEST).stat().st_mtime
        except OSError:
            return None

    def _watch(self) -> None:
        """Start this process's watcher, once per process (gunicorn forks after loading).
        With live reload (development), each request looks instead."""
        seconds = self.app.config["CONTENT_WATCH_SECONDS"]
        if not seconds or self._watching_pid == os.getpid() or self._live_reload():
            return
        with self._lock:
            if self._watching_pid == os.getpid():
                return
            self._watching_pid = os.getpid()
            # A worker forked long ago answers its first request with what is there now,
            # not with the edition its parent loaded.
            self.check_for_changes()
            thread = threading.Thread(
                target=self._keep_watching, args=(seconds,), name="content-watcher", daemon=True
            )
            thread.start()

    def _live_reload(self) -> bool:
        return bool(self.app.debug or self.app.config["CONTENT_LIVE_RELOAD"])

    def _after_fork(self) -> None:
        # A lock the parent's watcher held at the fork would never be released here.
        self._lock = threading.RLock()

    def _keep_watching(self, seconds: float) -> None:
        while True:
            time.sleep(seconds)
            try:
                self.check_for_changes()
                edition = self._edition
                if edition and edition.expires_at and self.clock() >= edition.expires_at:
                    self._republished(edition)
            except Exception:  # never let the watcher die: the next look may succeed
                log.exception("content watcher")


def publisher() -> Publisher:
    return current_app.extensions["publisher"]


def request_reload(instance: Path) -> None:
    """Ask every process serving from this instance folder to read all content again."""
    marker = instance / RELOAD_REQUEST
    marker.touch()
    os.utime(marker)


def init_app(app: Flask) -> None:
    app.extensions["publisher"] = Publisher(app)
