"""Search benchmark: both engines side by side, in one run, on the same corpus.

    .venv/bin/python benchmarks/search.py                    # 1,000 and 10,000 documents
    .venv/bin/python benchmarks/search.py 10000              # one size
    .venv/bin/python benchmarks/search.py --queries 100 1000 # a quick look

For each engine: a full build, a one-document update, opening the index as a worker does
(the engine's files, the records and the facet arrays), and the latency of searches
through the same `Searcher` the site uses. The searches are different queries of one to
three words in each language, drawn from the corpus's vocabularies (`load.varied_queries`),
each asked without and with a facet filter; a tenth are sorted by date. The engines take
turns on every query (A then B, then B then A), so that a busy moment of this shared
machine falls on both. Prints Markdown tables for benchmarks/README.md.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "site"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402
from load import varied_queries  # noqa: E402

from scorecard.core.content.loader import load_library  # noqa: E402
from scorecard.core.search.analysis import initialise_jieba  # noqa: E402
from scorecard.core.search.engines import NAMES, engine_named  # noqa: E402
from scorecard.core.search.searcher import Searcher, SearchRequest  # noqa: E402
from scorecard.core.search.store import ensure_index, read_records  # noqa: E402

BACKLINKS = {"en": "{}", "zh": "{}"}


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def requests(count: int, topic: str) -> list[tuple[str, SearchRequest]]:
    """(kind of query, request): each query without and with a facet filter."""
    asked = []
    for n, (lang, text, words) in enumerate(varied_queries(count)):
        sort = "date" if n % 10 == 0 else "relevance"
        plain = SearchRequest(text=text, lang=lang, sort=sort)
        asked.append((f"{lang}, {words} word{'s' if words > 1 else ''}", plain))
        faceted = SearchRequest(text=text, lang=lang, sort=sort, filters={"topic": topic})
        asked.append((f"{lang}, {words} word{'s' if words > 1 else ''}, filtered", faceted))
    return asked


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def run(documents: int, work: Path, engines: list[str], queries: int) -> dict:
    content = write_corpus(work / "content", documents)
    instance = work / "instance"
    initialise_jieba(instance)
    load_seconds, library = timed(load_library, content, BACKLINKS)
    figures: dict[str, dict] = {name: {} for name in engines}
    for name in engines:
        root = instance / name
        seconds, _ = timed(ensure_index, root, library, engine_named(name), force=True)
        figures[name]["build"] = seconds

    changed = next((content / "recommendations").glob("*.en.md"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nAn added sentence.\n")
    library = load_library(content, BACKLINKS)
    searchers = {}
    for name in engines:
        engine, root = engine_named(name), instance / name
        seconds, update = timed(ensure_index, root, library, engine)
        assert update.changed == 1, update
        figures[name]["update"] = seconds
        folder = (root / "current").resolve()
        seconds, searchers[name] = timed(
            lambda: Searcher(engine.open(folder), read_records(folder))  # noqa: B023
        )
        figures[name]["open"] = seconds

    topic = sorted(library.topics)[0]
    asked = requests(queries, topic)
    for name in engines:  # warm-up: jieba's first words, the suggestions' vocabularies
        for _, request in asked[:: max(1, len(asked) // 40)]:
            searchers[name].search(request, library)
    latencies: dict[str, dict[str, list[float]]] = {name: defaultdict(list) for name in engines}
    for n, (kind, request) in enumerate(asked):
        for name in engines if n % 2 == 0 else engines[::-1]:
            seconds, _ = timed(searchers[name].search, request, library)
            latencies[name][kind].append(seconds * 1000)
            latencies[name]["all"].append(seconds * 1000)
    for name in engines:
        figures[name]["latency"] = {
            kind: (statistics.median(values), percentile(values, 0.95), len(values))
            for kind, values in latencies[name].items()
        }
    return {"documents": documents, "load": load_seconds, "engines": figures}


def report(result: dict, engines: list[str]) -> None:
    documents = result["documents"]
    print(f"\n{documents:,} documents (content load {result['load']:.1f} s)\n")
    print("| engine | full build (s) | one-document update (s) | open (s) |")
    print("|---|---:|---:|---:|")
    for name in engines:
        f = result["engines"][name]
        print(f"| {name} | {f['build']:.1f} | {f['update']:.2f} | {f['open']:.2f} |")
    print("\n| query | searches | " + " | ".join(f"{n} p50 / p95 (ms)" for n in engines) + " |")
    print("|---|---:|" + "---:|" * len(engines))
    kinds = sorted(result["engines"][engines[0]]["latency"], key=lambda k: (k == "all", k))
    for kind in kinds:
        cells = []
        for name in engines:
            p50, p95, count = result["engines"][name]["latency"][kind]
            cells.append(f"{p50:.1f} / {p95:.1f}")
        print(f"| {kind} | {count} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--engines", nargs="+", choices=NAMES, default=list(NAMES))
    parser.add_argument("--queries", type=int, default=600, help="different queries")
    arguments = parser.parse_args()
    print(f"load average at the start: {os.getloadavg()[0]:.1f}")
    for size in arguments.sizes:
        with tempfile.TemporaryDirectory() as work:
            result = run(size, Path(work), arguments.engines, arguments.queries)
        report(result, arguments.engines)
        print(f"\nload average at the end: {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
