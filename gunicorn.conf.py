"""gunicorn settings for production: `gunicorn` run in this folder reads this file.

Override any of them on the command line (e.g. --bind, --workers).
"""

import gc
import multiprocessing
import os

wsgi_app = "wsgi:app"
bind = os.environ.get("SCORECARD_BIND", "127.0.0.1:8000")
# Pages are rendered from memory and comments are small writes: a process per core and one
# more covers the time a worker spends waiting on the database.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
# Load the content and the index once, before the workers fork (when_ready below).
preload_app = True

# No page takes more than a fraction of a second; a worker stuck for 30 s is restarted.
timeout = 30
graceful_timeout = 20
keepalive = 5
# Refuse oversized request lines and headers before the app sees them (gunicorn's
# defaults are 4094 bytes for the request line, 100 headers of 8190 bytes each).
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190
# Recycle workers now and then, so that a slow leak cannot grow without bound. Not too
# often: a new worker has lost its kept pages and spends 2 to 3 s of CPU preparing search
# (post_fork), and a kept page costs half a millisecond, so at 10,000 requests a busy
# worker was recycled every few seconds (benchmarks/README.md, "Search under load").
max_requests = 100_000
max_requests_jitter = 10_000
# The app logs every request itself, as JSON with its request id (operations.py).
accesslog = None
errorlog = "-"


def when_ready(server):
    """Once the preloaded app is ready, before the first fork: load the content and open
    the search index, so that the workers share both (see core/publisher.py)."""
    app = server.app.wsgi() if server.cfg.preload_app else None
    # Another app under these settings (benchmarks/hello.py) has no content to load.
    if app is not None and "publisher" in getattr(app, "extensions", {}):
        app.extensions["publisher"].prepare_to_serve()


def post_fork(server, worker):
    """In each new worker: read jieba's dictionary and make the "did you mean" vocabularies
    in the background (a second or two each), so that the worker answers at once and a
    search rarely waits for them."""
    app = server.app.wsgi() if server.cfg.preload_app else None
    if app is not None and "search" in getattr(app, "extensions", {}):
        app.extensions["search"].prepare_in_background()


def pre_fork(server, worker):
    """Move every object the master holds (the library above all) out of the garbage
    collector's reach before a worker forks. A worker's collections then never walk
    them, so they never write to the pages holding them, which stay shared with the
    master (copy-on-write) instead of being copied into each worker. Cheap to repeat
    for each worker that is started or restarted."""
    gc.freeze()
