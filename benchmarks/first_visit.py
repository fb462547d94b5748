"""A reader's first visit (no cookie at all) through deploy/nginx.conf, against nginx
serving the same page as a file: do first visits come from the cache?

The two take turns, three rounds (A, B, A, B, A, B), on the site's own content, so that a
busy moment of this shared machine falls on both alike; the median and the range of the
ratio are reported, with the target's p99 and the machine's load beside them.

    .venv/bin/python benchmarks/first_visit.py [--duration 5] [--connections 32]

Needs wrk and nginx (apt-get install -y wrk nginx).
"""

import os
import secrets
import shutil
import sys
import tempfile
from pathlib import Path

import load
import processes
from load import Load, Target

ROOT = processes.ROOT
# Pages of the site's own content a first visitor lands on: an article (from a shared
# link) and a list (from a search engine).
PAGES = ["/zh/recommendations/community-employment", "/en/recommendations/"]
FIRST_VISIT: dict[str, str] = {}  # no cookie, as a crawler, a link preview or a new reader


def main() -> None:
    args = load.turn_arguments(__doc__.split("\n")[0])
    settings = Load(connections=args.connections, duration=args.duration)
    work = Path(tempfile.mkdtemp(prefix="first-visit-"))
    try:
        shutil.copytree(ROOT / "content", work / "content")
        env = processes.site_env(work, secrets.token_urlsafe(48))
        processes.migrate(env)
        site, _ = processes.gunicorn("site", env, work / "gunicorn.log", timeout=600)
        port = processes.free_port()
        config = processes.deploy_config(
            f"127.0.0.1:{port}", site.url.removeprefix("http://"), work / "cache"
        )
        proxy = processes.nginx("nginx cache", work / "proxy", config, port)
        static_port = processes.free_port()
        static = processes.nginx(
            "nginx static",
            work / "static",
            processes.static_config(f"127.0.0.1:{static_port}", work / "static"),
            static_port,
        )
        results = []
        try:
            for path in PAGES:
                target = Target("first visit", path, headers=FIRST_VISIT)
                checked = load.check(proxy.url, target, twice=True)
                if not checked["ok"] or checked["sets_cookie"]:
                    sys.exit(f"{path}: {checked} (a page a cache can keep answers 200, no cookie)")
                _, _, html = load.request(site.url, target)
                file = work / "static" / "html" / path.lstrip("/")
                if path.endswith("/"):
                    file = file / "index.html"
                file.parent.mkdir(parents=True, exist_ok=True)
                file.write_text(html, encoding="utf-8")
                file_target = Target("file", path, headers=FIRST_VISIT)
                results.append(
                    load.turns(proxy.url, target, static.url, file_target, settings) | checked
                )
        finally:
            proxy.stop()
            static.stop()
            site.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"load average: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} cores")
    print(f"wrk: {settings.connections} connections, {settings.duration:g} s a turn")
    print("| page | cache | to nginx's file: median (range) | req/s | file | worst p99 | errors |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for r in results:
        low, high = r["ratio_range"]
        ratio = f"{r['ratio_median']:.0%} ({low:.0%}–{high:.0%})"
        rates = f"{r['rps_median']:,.0f} | {r['reference_rps_median']:,.0f}"
        print(
            f"| {r['path']} | {r['x_cache_status']} | {ratio} | {rates} "
            f"| {r['p99_ms_worst']:.1f} ms | {r['bad']} |"
        )


if __name__ == "__main__":
    main()
