"""Memory per gunicorn worker: RSS, PSS and private memory, after start-up and after requests.

    .venv/bin/python benchmarks/memory.py             # 10,000 documents
    .venv/bin/python benchmarks/memory.py 1000
    .venv/bin/python benchmarks/memory.py --no-freeze # without gunicorn.conf.py's pre_fork
    .venv/bin/python benchmarks/memory.py --baseline  # as before: neither hook, no snapshot

Serves the cached corpus of benchmarks/startup.py with gunicorn.conf.py (the app preloaded,
cores + 1 workers) on a free local port, and reads /proc/<pid>/smaps_rollup of the master
and of each worker: once the workers are up, and again after a mix of requests (documents
in both languages, lists, searches). PSS shares each page among the processes that map
it, so the workers' PSS plus the master's is what the site costs; "private" is what a
worker has that no other process shares (what one more worker would add). Linux only.
"""

import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "site"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from startup import ENVIRONMENT, prepare  # noqa: E402

from scorecard.core.content.snapshot import FILENAME  # noqa: E402

REQUESTS = 600
FIELDS = ("Rss", "Pss", "Private_Clean", "Private_Dirty")


def free_port() -> int:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        return listener.getsockname()[1]


def memory(pid: int) -> dict[str, float]:
    """MB of each field of /proc/<pid>/smaps_rollup."""
    found = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in FIELDS:
            found[name] = int(rest.split()[0]) / 1024
    return {
        "rss": found["Rss"],
        "pss": found["Pss"],
        "private": found["Private_Clean"] + found["Private_Dirty"],
    }


def workers(master: int) -> list[int]:
    """The master's child processes (the parent pid is the second field after the name)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:  # gone meanwhile
            continue
        if int(fields[1]) == master:
            found.append(int(stat.parent.name))
    return sorted(found)


def pages(documents: int, rng: random.Random) -> list[str]:
    """A reader's mix: mostly documents, some lists and searches, in both languages."""
    mix = []
    for _ in range(REQUESTS):
        lang = rng.choice(("en", "zh"))
        roll = rng.random()
        number = rng.randrange(documents // 2)  # corpus.py: each slug in both languages
        if roll < 0.8:
            mix.append(f"/{lang}/recommendations/doc-{number:05d}")
        elif roll < 0.9:
            mix.append(f"/{lang}/recommendations/")
        else:
            mix.append(
                f"/{lang}/search?q=" + rng.choice(("workers", "transition", "%E5%B0%B1%E4%B8%9A"))
            )
    return mix


def report(label: str, master: int) -> None:
    rows = [("master", master)] + [(f"worker {n}", pid) for n, pid in enumerate(workers(master), 1)]
    print(f"\n{label}\n")
    print("| process | RSS (MB) | PSS (MB) | private (MB) |")
    print("|---|---:|---:|---:|")
    for name, pid in rows:
        m = memory(pid)
        print(f"| {name} | {m['rss']:.0f} | {m['pss']:.0f} | {m['private']:.0f} |")


def main() -> None:
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    documents = int(arguments[0]) if arguments else 10_000
    content, instance = prepare(documents)
    environment = ENVIRONMENT | {
        "SCORECARD_CONTENT_DIR": str(content),
        "SCORECARD_INSTANCE_PATH": str(instance),
    }
    subprocess.run(
        [ROOT / ".venv/bin/flask", "db", "upgrade"], cwd=ROOT, env=environment, check=True
    )
    port = free_port()
    with tempfile.NamedTemporaryFile("w", suffix=".py") as config:
        config.write(f"exec(open({str(ROOT / 'gunicorn.conf.py')!r}).read())\n")
        if "--no-freeze" in sys.argv or "--baseline" in sys.argv:
            config.write('globals().pop("pre_fork", None)\n')
        if "--baseline" in sys.argv:
            config.write('globals().pop("when_ready", None)\n')
            (instance / FILENAME).unlink(missing_ok=True)  # flask db upgrade wrote it
        config.flush()
        server = subprocess.Popen(
            [ROOT / ".venv/bin/gunicorn", "-c", config.name],
            cwd=ROOT,
            env=environment | {"SECRET_KEY": "x" * 48, "SCORECARD_BIND": f"127.0.0.1:{port}"},
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            began = time.perf_counter()
            while True:
                try:
                    urllib.request.urlopen(f"{base}/healthz", timeout=5).read()
                    break
                except OSError:
                    if server.poll() is not None or time.perf_counter() - began > 300:
                        raise SystemExit("gunicorn did not start") from None
                    time.sleep(0.5)
            time.sleep(3)  # every worker booted
            setting = next((a for a in sys.argv if a.startswith("--")), "as configured")
            print(f"{documents:,} documents, {len(workers(server.pid))} workers, {setting}")
            report("After start-up", server.pid)
            for path in pages(documents, random.Random(7)):
                urllib.request.urlopen(base + path, timeout=30).read()
            report(f"After {REQUESTS} requests", server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
