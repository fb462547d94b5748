"""Search benchmark: build, incremental update, start-up and query latency.

    .venv/bin/python benchmarks/search.py            # 1,000 and 10,000 documents
    .venv/bin/python benchmarks/search.py 1000       # one size

Measured in-process after warm-up; prints a Markdown table for benchmarks/README.md.
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402
from whoosh.index import open_dir  # noqa: E402

from scorecard import create_app  # noqa: E402
from scorecard.core.content.loader import load_library  # noqa: E402
from scorecard.core.search.analysis import initialise_jieba  # noqa: E402
from scorecard.core.search.index import ensure_index  # noqa: E402
from scorecard.core.search.query import Searcher, SearchRequest  # noqa: E402

BACKLINKS = {"en": "{}", "zh": "{}"}
QUERIES = [
    SearchRequest(text="employment transition"),
    SearchRequest(text="workers", filters={"kind": "recommendation"}),
    SearchRequest(text='"climate policy"'),
    SearchRequest(text="industry", sort="date"),
    SearchRequest(text="就业", lang="zh"),
    SearchRequest(text="绿色 发展", lang="zh"),
    SearchRequest(text="碳", lang="zh"),
    SearchRequest(text="經濟", lang="zh"),
    SearchRequest(text="", filters={"language": "zh"}),
    SearchRequest(text="just transition"),
]


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def run(documents: int, work: Path) -> dict:
    content = write_corpus(work / "content", documents)
    instance = work / "instance"
    initialise_jieba(instance)
    load_seconds, library = timed(load_library, content, BACKLINKS)
    root = instance / "search"
    build_seconds, _ = timed(ensure_index, root, library, force=True)

    changed = next((content / "recommendations").glob("*.en.md"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nAn added sentence.\n")
    library = load_library(content, BACKLINKS)
    update_seconds, update = timed(ensure_index, root, library)
    assert update.changed == 1

    # Production settings, as startup.py has them, with a throwaway secret.
    config = {"CONTENT_DIR": content, "INSTANCE_PATH": instance, "SECRET_KEY": "x" * 48}

    def start_up() -> None:  # as gunicorn does before its workers fork
        create_app(config).extensions["publisher"].prepare_to_serve()

    startup_seconds, _ = timed(start_up)

    with open_dir(root / "current").searcher() as whoosh:
        searcher = Searcher(whoosh, (root / "current").resolve())
        for request in QUERIES:  # warm-up
            searcher.search(request, library)
        latencies = []
        for _ in range(20):
            for request in QUERIES:
                seconds, _ = timed(searcher.search, request, library)
                latencies.append(seconds * 1000)
    latencies.sort()
    return {
        "documents": documents,
        "load": load_seconds,
        "build": build_seconds,
        "update": update_seconds,
        "startup": startup_seconds,
        "p50": statistics.median(latencies),
        "p95": latencies[int(len(latencies) * 0.95) - 1],
    }


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [1000, 10000]
    print(
        "| documents | content load (s) | full build (s) | one-document update (s) "
        "| start-up with index (s) | query p50 (ms) | query p95 (ms) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        with tempfile.TemporaryDirectory() as work:
            r = run(size, Path(work))
        print(
            f"| {r['documents']:,} | {r['load']:.1f} | {r['build']:.1f} | {r['update']:.2f} "
            f"| {r['startup']:.1f} | {r['p50']:.1f} | {r['p95']:.1f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
