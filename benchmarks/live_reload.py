"""What live reload costs per request in development: the stat scan, and a reload.

    .venv/bin/python benchmarks/live_reload.py

Measured on the site's own content/ (a copy, in a temporary folder).
"""

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "site"))

from scorecard import create_app  # noqa: E402
from scorecard.core import content  # noqa: E402
from scorecard.core.content.snapshot import content_files  # noqa: E402


def per_call_ms(function, rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        function()
    return (time.perf_counter() - start) / rounds * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        content_dir = Path(folder) / "content"
        shutil.copytree(ROOT / "content", content_dir)
        instance = Path(folder) / "instance"
        app = create_app({"CONTENT_DIR": content_dir, "INSTANCE_PATH": instance})
        library = app.extensions["publisher"].edition.library
        one = next(iter(library.documents.values())).path
        files = len(content_files(content_dir))
        print(f"{len(library.documents)} documents, {files} watched files")
        scan = per_call_ms(lambda: content_files(content_dir), 1000)
        single = per_call_ms(lambda: content.reload(app, library, [one]), 20)
        whole = per_call_ms(lambda: content.load(app), 5)
        print(f"stat scan, every request:    {scan:.2f} ms")
        print(f"one document read again:     {single:.1f} ms")
        print(f"whole library read again:    {whole:.1f} ms")


if __name__ == "__main__":
    main()
