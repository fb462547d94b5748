"""A page a worker has kept, straight from gunicorn (no nginx), against Flask's "hello
world" under the same gunicorn settings: what answering kept pages before Flask
(site/scorecard/http/kept_pages.py) leaves of the framework's ceiling.

The page and hello world take turns, three rounds (A, B, A, B, A, B), on the site's own
content; the median and range of the ratio are reported, with the page's latencies and the
machine's load. A reader without any cookie and a returning reader (the language cookie
set) are measured apart.

    .venv/bin/python benchmarks/kept_pages.py [--duration 5] [--connections 32]
"""

import os
import secrets
import shutil
import sys
import tempfile
from pathlib import Path

import load
import processes
from load import READERS, Load, Target

ROOT = processes.ROOT
PAGES = ["/zh/recommendations/community-employment", "/en/recommendations/"]


def main() -> None:
    args = load.turn_arguments(__doc__.split("\n")[0])
    if not processes.tool("wrk"):
        sys.exit("The benchmark needs wrk. On Debian: apt-get install -y wrk")
    settings = Load(connections=args.connections, duration=args.duration)
    work = Path(tempfile.mkdtemp(prefix="kept-pages-"))
    results = []
    try:
        shutil.copytree(ROOT / "content", work / "content")
        env = processes.site_env(work, secrets.token_urlsafe(48))
        processes.migrate(env)
        site, _ = processes.gunicorn("site", env, work / "gunicorn.log", timeout=600)
        hello, _ = processes.gunicorn(
            "hello world", processes.base_env(), work / "hello.log", app="hello:app"
        )
        reference = Target("hello world", "/", headers={})
        try:
            for path in PAGES:
                for reader, headers in READERS.items():
                    target = Target(reader, path, headers=headers)
                    checked = load.check(site.url, target, twice=True)
                    if not checked["ok"]:
                        sys.exit(f"{path}: {checked}")
                    results.append(load.turns(site.url, target, hello.url, reference, settings))
        finally:
            site.stop()
            hello.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"{os.cpu_count()} cores; wrk: {settings.connections} connections, ", end="")
    print(f"{settings.duration:g} s a turn; load: the 1-minute load average after the turns")
    print("| page | reader | to hello world: median (range) | req/s | hello world ", end="")
    print("| p50 | worst p99 | errors | load |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        low, high = r["ratio_range"]
        print(
            f"| {r['path']} | {r['target']} | {r['ratio_median']:.0%} ({low:.0%}–{high:.0%}) "
            f"| {r['rps_median']:,.0f} | {r['reference_rps_median']:,.0f} "
            f"| {r['p50_ms_median']:.1f} ms | {r['p99_ms_worst']:.1f} ms | {r['bad']} "
            f"| {r['load_average']:.2f} |"
        )


if __name__ == "__main__":
    main()
