"""The site under load: gunicorn on loopback, driven by wrk, each ratio taken in turns with
its reference.

    make benchmark                                  # 1,000 and 10,000 documents, 5 s a turn
    make benchmark ARGS="--sizes 1000 --duration 2" # a quick run
    make benchmark ARGS="--engine tantivy"          # with the other search engine
    .venv/bin/python benchmarks/site.py --help

For each size: the synthetic corpus (benchmarks/corpus.py) with its instance folder, kept
under build/benchmarks/corpus-<size>/ so that the search index is built only once; a fresh
SQLite database; a warm-up start; a timed start. Then, with the site, Flask's "hello world"
(same gunicorn settings), nginx serving the pages as files and deploy/nginx.conf in front
of the site all running side by side:

- the article and the list from the app take turns with hello world, and the article, the
  list and a search through deploy/nginx.conf take turns with nginx serving the same page as
  a file (load.turns: A, B, A, B, A, B), each for a cookie-less and a returning reader;
- a search and a comment post are loaded alone;
- the article, the list and a search are asked by a single client, whose latency is the
  work of one request: what growth with the corpus is judged on;
- each worker's memory.

The Markdown report is printed and saved, with the figures as JSON, under
build/benchmarks/<timestamp>/.
"""

import argparse
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path

import corpus as synthetic
import load
import processes
import report
from load import PAGES, READERS, Load, Target

ROOT = processes.ROOT
BUILD = ROOT / "build" / "benchmarks"
INSTALL = "apt-get install -y wrk nginx"
# Pages from the app against hello world; the search is left out (it is no kept page:
# its figures are in the "alone" table).
APP_PAGES = ("article", "list")
# Pages through deploy/nginx.conf against the same page as a file: nginx keeps all three.
CACHED_PAGES = ("article", "list", "search")
SEARCH_WARM_UP_SECONDS = 10


def corpus(documents: int) -> Path:
    """The corpus and instance folder for this size, written again only if the corpus changed."""
    folder = BUILD / f"corpus-{documents}"
    marker = folder / "corpus.sha256"
    if not marker.exists() or marker.read_text() != synthetic.fingerprint():
        print(f"Writing a corpus of {documents:,} documents...", file=sys.stderr, flush=True)
        shutil.rmtree(folder, ignore_errors=True)
        synthetic.write_corpus(folder / "content", documents)
        marker.write_text(synthetic.fingerprint())
    return folder


def fresh_database(env: dict[str, str]) -> None:
    """Comments from an earlier run would make the runs differ: start from an empty database."""
    instance = Path(env["SCORECARD_INSTANCE_PATH"])
    for suffix in ("", "-wal", "-shm"):
        (instance / f"site.db{suffix}").unlink(missing_ok=True)
    processes.migrate(env)


def static_server(site_url: str, prefix: Path) -> processes.Server:
    """nginx serving each page of CACHED_PAGES as a file, at the address it has on the site:
    the page a cookie-less reader gets, saved uncompressed (nginx compresses it)."""
    for address in (PAGES[page] for page in CACHED_PAGES):
        _, _, html = load.request(site_url, Target("file", address, headers={}))
        path = urllib.parse.urlsplit(address).path  # nginx looks a file up without the query
        file = prefix / "html" / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(html, encoding="utf-8")
    port = processes.free_port()
    config = processes.static_config(f"127.0.0.1:{port}", prefix)
    return processes.nginx("nginx static", prefix, config, port)


def proxy_server(site: processes.Server, prefix: Path) -> processes.Server:
    """deploy/nginx.conf in front of the site, as production runs it."""
    port = processes.free_port()
    app = site.url.removeprefix("http://")
    config = processes.deploy_config(f"127.0.0.1:{port}", app, prefix / "cache")
    return processes.nginx("nginx cache", prefix, config, port)


def compare(
    url: str,
    target: Target,
    reference_url: str,
    reference: Target,
    settings: Load,
    twice: bool = False,
) -> dict:
    """Check the target once (`twice` shows a cache's answer), then load it in turns with
    its reference; a target that does not answer as it should is not loaded."""
    result: dict = {
        "target": target.name,
        "path": target.path,
        "check": load.check(url, target, twice),
    }
    if result["check"]["ok"]:
        result |= load.turns(url, target, reference_url, reference, settings)
    return result


def against_hello(site: str, hello: str, settings: Load) -> list[dict]:
    results = []
    for page in APP_PAGES:
        for reader, headers in READERS.items():
            target = Target(page, PAGES[page], headers=headers)
            reference = Target("hello world", "/", headers=headers)
            results.append(compare(site, target, hello, reference, settings) | {"reader": reader})
    return results


def against_static(proxy: str, static: str, settings: Load) -> list[dict]:
    results = []
    for page in CACHED_PAGES:
        for reader, headers in READERS.items():
            target = Target(page, PAGES[page], headers=headers)
            reference = Target(f"{page} (file)", PAGES[page], headers=headers)
            result = compare(proxy, target, static, reference, settings, twice=True)
            results.append(result | {"reader": reader})
    return results


def measure_size(documents: int, settings: Load, work: Path, engine: str) -> dict:
    folder = corpus(documents)
    env = processes.site_env(folder, secrets.token_urlsafe(48))
    env["SCORECARD_SEARCH_ENGINE"] = engine
    log = work / f"gunicorn-{documents}.log"
    print(f"{documents:,} documents: database, warm-up start...", file=sys.stderr, flush=True)
    fresh_database(env)
    # The first start builds the search index (minutes at 10,000 documents); the timed
    # start after it finds the index, as a restart in production does.
    warm, _ = processes.gunicorn("site (warm-up)", env, log, timeout=1800)
    warm.stop()
    with ExitStack() as running:
        site, startup = processes.gunicorn("site", env, log, timeout=300)
        running.callback(site.stop)
        hello, _ = processes.gunicorn(
            "hello world", processes.base_env(), work / "hello.log", app="hello:app"
        )
        running.callback(hello.stop)
        static = static_server(site.url, work / f"nginx-static-{documents}")
        running.callback(static.stop)
        proxy = proxy_server(site, work / f"nginx-cache-{documents}")
        running.callback(proxy.stop)

        print(f"{documents:,} documents: taking turns...", file=sys.stderr, flush=True)
        app = against_hello(site.url, hello.url, settings)
        cached = against_static(proxy.url, static.url, settings)
        print(f"{documents:,} documents: alone, one client...", file=sys.stderr, flush=True)
        # Searches that all differ: each request is a search (a single query would be
        # answered from the worker's kept answers after its first request). Then readers'
        # mix, where popular queries come back and the kept answers count.
        # Each with a longer warm-up: a worker makes a document's snippet text the first
        # time it shows it, and a site up a while has shown most of them.
        searches = Target("search", PAGES["search"], paths=load.varied_searches())
        search = load.measure(site.url, searches, settings, warm_up=SEARCH_WARM_UP_SECONDS)
        popular = Target("search, popular", PAGES["search"], paths=load.popular_searches())
        popular_search = load.measure(site.url, popular, settings, warm_up=SEARCH_WARM_UP_SECONDS)
        latency = [
            load.single_client(
                site.url, searches if page == "search" else Target(page, path), settings.duration
            )
            for page, path in PAGES.items()
        ]
        # Last: the comments it posts change the article's page.
        post = load.measure(site.url, load.comment_target(site.url, env["SECRET_KEY"]), settings)
        workers = [processes.memory(pid) for pid in site.worker_pids()]
    return {
        "documents": documents,
        "startup_s": startup,
        "app": app,
        "cached": cached,
        "alone": [search, popular_search, post],
        "latency": latency,
        "workers": workers,
    }


def machine() -> dict:
    def version(command: list[str]) -> str:
        done = subprocess.run(command, capture_output=True, text=True)
        return (done.stdout + done.stderr).strip().splitlines()[0]

    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "nginx": version([processes.tool("nginx"), "-v"]).replace("nginx version: ", ""),
        "wrk": " ".join(version(["wrk", "--version"]).split()[:2]),
        "load_before": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def gunicorn_workers() -> int:
    """The worker count gunicorn.conf.py gives (it reads WEB_CONCURRENCY)."""
    namespace: dict = {}
    exec((ROOT / "gunicorn.conf.py").read_text(), namespace)
    return namespace["workers"]


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="documents, comma-separated")
    parser.add_argument("--duration", type=float, default=5, help="seconds per run of wrk")
    parser.add_argument("--connections", type=int, default=32, help="wrk's open connections")
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads")
    parser.add_argument("--engine", choices=("whoosh", "tantivy"), default="whoosh")
    return parser.parse_args()


def main() -> None:
    args = arguments()
    missing = [name for name in ("wrk", "nginx") if not processes.tool(name)]
    if missing:
        sys.exit(f"The benchmark needs {' and '.join(missing)}. On Debian: {INSTALL}")
    sizes = sorted(int(size) for size in args.sizes.split(","))
    settings = Load(args.threads, args.connections, args.duration)
    started = datetime.now()
    results = {
        "started": started.strftime("%Y-%m-%d %H:%M"),
        "machine": machine(),
        "load": vars(settings),
        "rounds": load.ROUNDS,
        "gunicorn_workers": gunicorn_workers(),
        "search_engine": args.engine,
    }
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="scorecard-benchmark-") as folder:
        results["sizes"] = [measure_size(n, settings, Path(folder), args.engine) for n in sizes]
    results["machine"]["load_after"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    results["seconds"] = round(time.monotonic() - began)
    text = report.markdown(results)
    print(text)
    out = BUILD / started.strftime("%Y%m%d-%H%M%S")
    out.mkdir(parents=True)
    (out / "results.json").write_text(json.dumps(results, indent=2))
    (out / "report.md").write_text(text)
    print(f"Saved in {out.relative_to(ROOT)}/ ({results['seconds']} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
