"""Start-up benchmark: the app made ready to serve in a fresh process, as gunicorn's master
does before forking (create_app, then the content loaded and the search index opened),
without and with the content snapshot.

    .venv/bin/python benchmarks/startup.py            # 1,000 and 10,000 documents
    .venv/bin/python benchmarks/startup.py 1000       # one size

The corpus (benchmarks/corpus.py) and its instance folder, search index included, are
kept under build/benchmarks/startup-<n>/, so the index is built once (about two and a
half minutes at 10,000 documents) and later runs only measure start-up.

- cold: no content snapshot, the search index up to date (every file is rendered);
- warm: the snapshot written by the cold start is there and valid;
- gunicorn to /healthz: as production starts, gunicorn with gunicorn.conf.py from its
  launch until /healthz answers 200 (its workers forked, the database and the index
  checked), the snapshot and the index there: the median and range of three starts.

Each start is a new Python process: "process" is from starting it until the app is
ready (Python's start and the imports included), "create_app" the making ready alone. Prints a
Markdown table for benchmarks/README.md.
"""

import json
import os
import secrets
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "site"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import processes  # noqa: E402
from corpus import fingerprint, write_corpus  # noqa: E402

from scorecard.core.content.snapshot import FILENAME  # noqa: E402

ROUNDS = 3
# Nothing from the shell that would change the settings (such as SCORECARD_ENV).
ENVIRONMENT = {
    name: value
    for name, value in os.environ.items()
    if not name.startswith(("SCORECARD_", "FLASK_")) and name not in ("SECRET_KEY", "DATABASE_URL")
} | {"PYTHONPATH": str(ROOT / "site")}
# Production settings (live reload off), with a throwaway secret.
CHILD = """
import json, os, sys, time
started = time.perf_counter()
from scorecard import create_app
imported = time.perf_counter()
app = create_app({
    "CONTENT_DIR": sys.argv[1], "INSTANCE_PATH": sys.argv[2], "SECRET_KEY": "x" * 48,
})
app.extensions["publisher"].prepare_to_serve()
done = time.perf_counter()
print(json.dumps({"create_app": done - imported}), flush=True)
os._exit(0)  # a server would go on serving: freeing every object at exit is not start-up
"""


def prepare(documents: int) -> tuple[Path, Path]:
    """The cached corpus and instance for this size; written and indexed on first use."""
    work = ROOT / "build" / "benchmarks" / f"startup-{documents}"
    content, instance = work / "content", work / "instance"
    ready = work / "ready"  # written once indexed, with the corpus it was made from
    if not ready.exists() or ready.read_text() != fingerprint():
        print(f"writing and indexing {documents:,} documents (once)...", file=sys.stderr)
        write_corpus(content, documents)
        start(content, instance)
        ready.write_text(fingerprint())
    return content, instance


def start(content: Path, instance: Path) -> tuple[float, float]:
    """One start-up in a fresh process: (whole process, create_app alone), in seconds."""
    began = time.perf_counter()
    finished = subprocess.run(
        [sys.executable, "-c", CHILD, str(content), str(instance)],
        cwd=ROOT,
        env=ENVIRONMENT,
        capture_output=True,
        text=True,
        check=True,
    )
    process = time.perf_counter() - began
    return process, json.loads(finished.stdout.splitlines()[-1])["create_app"]


def run(documents: int) -> dict:
    content, instance = prepare(documents)
    snapshot = instance / FILENAME
    cold, warm = [], []
    for _ in range(ROUNDS):
        snapshot.unlink(missing_ok=True)
        cold.append(start(content, instance))
        assert snapshot.exists(), "a cold start writes the snapshot"
        warm.append(start(content, instance))
    served = [serve(content.parent) for _ in range(ROUNDS)]
    return {
        "documents": documents,
        "cold": [statistics.median(run[i] for run in cold) for i in (0, 1)],
        "warm": [statistics.median(run[i] for run in warm) for i in (0, 1)],
        "served": (statistics.median(served), min(served), max(served)),
        "snapshot_mb": snapshot.stat().st_size / 1e6,
    }


def serve(folder: Path) -> float:
    """As production starts: gunicorn (gunicorn.conf.py) from its launch until /healthz
    answers 200, with the snapshot and the index there."""
    env = processes.site_env(folder, secrets.token_urlsafe(48))
    processes.migrate(env)
    server, seconds = processes.gunicorn("site", env, folder / "gunicorn.log", timeout=300)
    server.stop()
    return seconds


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [1000, 10000]
    print(f"median of {ROUNDS} starts each\n")
    print(
        "| documents | cold: create_app (s) | cold: process (s) "
        "| warm: create_app (s) | warm: process (s) | gunicorn to /healthz (s) "
        "| snapshot (MB) | load |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        r = run(size)
        median, low, high = r["served"]
        print(
            f"| {r['documents']:,} | {r['cold'][1]:.1f} | {r['cold'][0]:.1f} "
            f"| {r['warm'][1]:.2f} | {r['warm'][0]:.2f} | {median:.2f} ({low:.2f}–{high:.2f}) "
            f"| {r['snapshot_mb']:.0f} | {os.getloadavg()[0]:.2f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
