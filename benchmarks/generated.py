"""What a request costs for the answers derived from the whole archive, as the corpus grows.

    .venv/bin/python benchmarks/generated.py               # 1,000 and 10,000 documents
    .venv/bin/python benchmarks/generated.py 1000          # one size

For each size: the sitemap, a feed, the API's document list, a short link and an article,
asked for once (the first request, which may make the answer), then again and again as
new readers would (200), and with the ETag the first answer gave (If-None-Match, which
should be a 304). In one process, through Flask's test client, so
that the figures are the app's own work without a network or a server in between. Every
URL is asked for in turn, round after round, so that a busy moment of this shared machine
falls on every URL alike. Prints the median of each, in milliseconds.
"""

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "site"), str(ROOT / "benchmarks")]

from corpus import write_corpus  # noqa: E402
from flask_migrate import upgrade  # noqa: E402

from scorecard import create_app  # noqa: E402

ROUNDS = 15


def measure(documents: int, work: Path) -> dict[str, tuple[float, float, float]]:
    content = write_corpus(work / "content", documents)
    app = create_app(
        {
            "ENVIRONMENT": "development",
            "CONTENT_DIR": content,
            "INSTANCE_PATH": work / "instance",
            "RATELIMIT_ENABLED": False,
        }
    )
    with app.app_context():
        upgrade()
    client = app.test_client()
    listed = client.get("/api/v1/documents").get_json()["documents"]
    newest = listed[0]
    urls = {
        "sitemap": "/sitemap.xml",
        "feed": "/en/feed.xml",
        "API list": "/api/v1/documents",
        "short link": "/r/" + newest["short_url"].rsplit("/", 1)[1],
        "article": "/en/recommendations/" + newest["slug"],
    }
    etags, first = {}, {}
    for name, url in urls.items():  # whatever is worked out once is worked out now
        started = time.perf_counter()
        response = client.get(url)
        first[name] = (time.perf_counter() - started) * 1000
        etags[name] = response.headers.get("ETag")
    fresh: dict[str, list[float]] = {name: [] for name in urls}
    conditional: dict[str, list[float]] = {name: [] for name in urls}
    for _ in range(ROUNDS):
        for name, url in urls.items():
            started = time.perf_counter()
            client.get(url)
            fresh[name].append(time.perf_counter() - started)
            if etags[name]:
                started = time.perf_counter()
                answer = client.get(url, headers={"If-None-Match": etags[name]})
                conditional[name].append(time.perf_counter() - started)
                assert answer.status_code == 304, (url, answer.status_code)
    return {
        name: (
            first[name],
            statistics.median(fresh[name]) * 1000,
            statistics.median(conditional[name]) * 1000 if conditional[name] else float("nan"),
        )
        for name in urls
    }


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [1000, 10000]
    results = {}
    for documents in sizes:
        with tempfile.TemporaryDirectory() as work:
            results[documents] = measure(documents, Path(work))
        print(f"{documents} documents: {json.dumps(results[documents])}", file=sys.stderr)
    print("| documents | answer | first request (ms) | then (ms) | If-None-Match (ms) |")
    print("|---:|---|---:|---:|---:|")
    for documents, figures in results.items():
        for name, (once, fresh, conditional) in figures.items():
            print(f"| {documents:,} | {name} | {once:.1f} | {fresh:.1f} | {conditional:.1f} |")


if __name__ == "__main__":
    main()
