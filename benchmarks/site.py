"""The site under load: gunicorn on loopback, driven by wrk, against two references.

    make benchmark                                  # 1,000 and 10,000 documents, 10 s a target
    make benchmark ARGS="--sizes 1000 --duration 3" # a quick run
    .venv/bin/python benchmarks/site.py --help

For each size: the synthetic corpus (benchmarks/corpus.py) with its instance folder, kept
under build/benchmarks/corpus-<size>/ so that the search index is built only once; a fresh
SQLite database; a warm-up start; a timed start; then wrk against an article, a list page,
a search and a comment post, and the same pages through deploy/nginx.conf; each worker's
memory. Then the references: Flask's "hello world" under the same gunicorn settings, and
nginx serving the article saved as a file. The Markdown report is printed and saved, with
the figures as JSON, under build/benchmarks/<timestamp>/.
"""

import argparse
import hashlib
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import load
import processes
import report
from corpus import write_corpus
from load import ARTICLE, Load, Target

ROOT = processes.ROOT
BUILD = ROOT / "build" / "benchmarks"
INSTALL = "apt-get install -y wrk nginx"


def corpus(documents: int) -> Path:
    """The corpus and instance folder for this size, written again only if corpus.py changed."""
    folder = BUILD / f"corpus-{documents}"
    stamp = hashlib.sha256((ROOT / "benchmarks" / "corpus.py").read_bytes()).hexdigest()
    marker = folder / "corpus.sha256"
    if not marker.exists() or marker.read_text() != stamp:
        print(f"Writing a corpus of {documents:,} documents...", file=sys.stderr, flush=True)
        shutil.rmtree(folder, ignore_errors=True)
        write_corpus(folder / "content", documents)
        marker.write_text(stamp)
    return folder


def fresh_database(env: dict[str, str]) -> None:
    """Comments from an earlier run would make the runs differ: start from an empty database."""
    instance = Path(env["SCORECARD_INSTANCE_PATH"])
    for suffix in ("", "-wal", "-shm"):
        (instance / f"site.db{suffix}").unlink(missing_ok=True)
    processes.migrate(env)


def measure_size(documents: int, load_settings: Load, work: Path) -> dict:
    folder = corpus(documents)
    env = processes.site_env(folder, secrets.token_urlsafe(48))
    log = work / f"gunicorn-{documents}.log"
    print(f"{documents:,} documents: database, warm-up start...", file=sys.stderr, flush=True)
    fresh_database(env)
    # The first start builds the search index (minutes at 10,000 documents); the timed
    # start after it finds the index, as a restart in production does.
    warm, _ = processes.gunicorn("site (warm-up)", env, log, timeout=1800)
    warm.stop()
    site, startup = processes.gunicorn("site", env, log, timeout=300)
    try:
        print(f"{documents:,} documents: loading the site...", file=sys.stderr, flush=True)
        targets = [*load.page_targets(), load.comment_target(site.url, env["SECRET_KEY"])]
        app = [load.measure(site.url, t, load_settings) for t in targets]
        cached = behind_nginx(site, load_settings, work / f"nginx-cache-{documents}")
        workers = [processes.memory(pid) for pid in site.worker_pids()]
        _, _, article = load.request(site.url, Target("article", ARTICLE))
    finally:
        site.stop()
    return {
        "documents": documents,
        "startup_s": startup,
        "app": app,
        "cached": cached,
        "workers": workers,
        "article_html": article,
    }


def behind_nginx(site: processes.Server, load_settings: Load, prefix: Path) -> list[dict]:
    """The pages again, through deploy/nginx.conf in front of the same gunicorn."""
    port = processes.free_port()
    config = processes.deploy_config(
        f"127.0.0.1:{port}", site.url.removeprefix("http://"), prefix / "cache"
    )
    proxy = processes.nginx("nginx cache", prefix, config, port)
    try:
        # Asked twice before the load, so that the check shows what the cache made of it.
        return [load.measure(proxy.url, t, load_settings, twice=True) for t in load.page_targets()]
    finally:
        proxy.stop()


def measure_references(article_html: str, load_settings: Load, work: Path) -> dict:
    print("References: hello world, nginx static...", file=sys.stderr, flush=True)
    env = processes.base_env()
    hello, _ = processes.gunicorn("hello world", env, work / "hello.log", app="hello:app")
    try:
        hello_result = load.measure(
            hello.url, Target("hello world", "/", headers={}), load_settings
        )
    finally:
        hello.stop()
    prefix = work / "nginx-static"
    page = prefix / "html" / ARTICLE.lstrip("/")
    page.parent.mkdir(parents=True)
    page.write_text(article_html, encoding="utf-8")
    port = processes.free_port()
    static = processes.nginx(
        "nginx static", prefix, processes.static_config(f"127.0.0.1:{port}", prefix), port
    )
    try:
        static_result = load.measure(static.url, Target("article (file)", ARTICLE), load_settings)
    finally:
        static.stop()
    return {"hello": hello_result, "static": static_result}


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
    parser.add_argument("--duration", type=float, default=10, help="seconds per target")
    parser.add_argument("--connections", type=int, default=32, help="wrk's open connections")
    parser.add_argument("--threads", type=int, default=2, help="wrk's threads")
    return parser.parse_args()


def main() -> None:
    args = arguments()
    missing = [name for name in ("wrk", "nginx") if not processes.tool(name)]
    if missing:
        sys.exit(f"The benchmark needs {' and '.join(missing)}. On Debian: {INSTALL}")
    sizes = sorted(int(size) for size in args.sizes.split(","))
    load_settings = Load(args.threads, args.connections, args.duration)
    started = datetime.now()
    results = {
        "started": started.strftime("%Y-%m-%d %H:%M"),
        "machine": machine(),
        "load": vars(load_settings),
        "gunicorn_workers": gunicorn_workers(),
    }
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="scorecard-benchmark-") as folder:
        work = Path(folder)
        results["sizes"] = [measure_size(n, load_settings, work) for n in sizes]
        article = results["sizes"][-1]["article_html"]
        results["references"] = measure_references(article, load_settings, work)
    results["machine"]["load_after"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    results["seconds"] = round(time.monotonic() - began)
    for size in results["sizes"]:
        del size["article_html"]
    text = report.markdown(results)
    print(text)
    out = BUILD / started.strftime("%Y%m%d-%H%M%S")
    out.mkdir(parents=True)
    (out / "results.json").write_text(json.dumps(results, indent=2))
    (out / "report.md").write_text(text)
    print(f"Saved in {out.relative_to(ROOT)}/ ({results['seconds']} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
