"""What the site is asked for under load, a one-off check that each target answers as it
should (so that a broken page cannot pass as a fast one), and wrk's measurement of it:
alone, with a single client, or taking turns with a reference."""

import argparse
import http.client
import json
import os
import random
import secrets
import statistics
import subprocess
import tempfile
import time
import urllib.parse
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from itsdangerous import URLSafeTimedSerializer

LUA = Path(__file__).resolve().parent / "wrk" / "request.lua"
ARTICLE = "/en/recommendations/doc-00000"
# The first page of the list (20 documents a page once the list is paginated).
LIST = "/en/recommendations/?page=1"
# A word of the site's own English articles, so it is in every synthetic corpus.
SEARCH = "/en/search?q=employment"
PAGES = {"article": ARTICLE, "list": LIST, "search": SEARCH}
# Every browser asks for a compressed page. A returning reader also sends the language
# cookie an earlier visit set; a cookie-less one (a first visit, a crawler, a link preview)
# sends none. Pages whose address names their language set no cookie for either.
BROWSER = {"Accept-Encoding": "gzip, deflate, br"}
READERS = {"cookie-less": BROWSER, "returning": BROWSER | {"Cookie": "lang=en"}}
READER = READERS["returning"]


@dataclass
class Target:
    name: str
    path: str
    method: str = "GET"
    body: str | None = None
    headers: dict[str, str] = field(default_factory=lambda: dict(READER))
    expect: int = 200
    # Asked in turn instead of `path` under load (checked with `path`): searches that differ.
    paths: tuple[str, ...] = ()


@dataclass
class Load:
    """wrk's settings: threads, open connections, seconds per target."""

    threads: int = 2
    connections: int = 32
    duration: float = 10


def comment_target(url: str, secret: str) -> Target:
    """A new comment on the article, as the form sends it (the post answers 303)."""
    # What the form's hidden `started` field holds: when it was shown, signed with the
    # site's key (scorecard.comments.tokens.form_stamp). The site is told to accept a
    # comment sent at once (SCORECARD_COMMENT_MIN_SECONDS=0); the stamp lasts a day.
    stamp = URLSafeTimedSerializer(secret, salt="comment-form").dumps(time.time())
    fields = {
        "name": "Load Test",
        "email": "load-test@example.org",
        # wrk/request.lua makes each post's text its own: the site refuses the same twice.
        "body": "A comment sent by the load benchmark, number WRK_UNIQUE.",
        "parent": "",
        "started": stamp,
        "website": "",
    }
    # The site checks that a post comes from its own pages by its Origin header.
    headers = {"Origin": url, "Content-Type": "application/x-www-form-urlencoded"}
    body = urllib.parse.urlencode(fields)
    return Target("comment post", f"{ARTICLE}/comments", "POST", body, headers, expect=303)


def request(url: str, target: Target) -> tuple[int, http.client.HTTPMessage, str]:
    """One request, redirects not followed; the status, headers and body."""
    address = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    try:
        connection.request(target.method, target.path, target.body, target.headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def check(url: str, target: Target, twice: bool = False) -> dict:
    """The target's status and caching headers; `twice` asks again, to see a cache's answer."""
    for _ in range(2 if twice else 1):
        status, headers, _ = request(url, target)
    return {
        "status": status,
        "ok": status == target.expect,
        "cache_control": headers.get("Cache-Control"),
        "x_cache_status": headers.get("X-Cache-Status"),
        "sets_cookie": bool(headers.get_all("Set-Cookie")),
    }


WARM_UP_SECONDS = 2


@contextmanager
def _paths_file(paths: tuple[str, ...]):
    """The paths in a file, one a line, for wrk/request.lua (too many for a variable)."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", prefix="wrk-paths-") as file:
        file.write("".join(f"{path}\n" for path in paths))
        file.flush()
        yield file.name


def wrk(
    url: str, target: Target, load: Load, seconds: float | None = None, first_path: int = 0
) -> dict:
    """Load the target for load.duration seconds; throughput, latency and failures. With
    `target.paths`, the run asks them in turn from `first_path`."""
    env = {
        **os.environ,
        "WRK_METHOD": target.method,
        "WRK_BODY": target.body or "",
        "WRK_HEADERS": "\n".join(f"{name}: {value}" for name, value in target.headers.items()),
        "WRK_RUN": secrets.token_hex(4),
        "WRK_FIRST_PATH": str(first_path),
        "WRK_THREADS": str(load.threads),
    }
    if not target.body:
        del env["WRK_BODY"]
    command = ["wrk", "--threads", str(load.threads), "--connections", str(load.connections)]
    duration = load.duration if seconds is None else seconds
    command += ["--duration", f"{duration:g}s", "--timeout", "10s", "--script", str(LUA)]
    with ExitStack() as stack:
        if target.paths:
            env["WRK_PATHS_FILE"] = stack.enter_context(_paths_file(target.paths))
        output = subprocess.run(
            [*command, url + target.path], env=env, capture_output=True, text=True, check=True
        ).stdout
    line = next(line for line in output.splitlines() if line.startswith("WRK_JSON "))
    raw = json.loads(line.removeprefix("WRK_JSON "))
    return {
        "requests": raw["requests"],
        "rps": raw["requests"] / (raw["duration_us"] / 1e6),
        "p50_ms": raw["p50_us"] / 1000,
        "p90_ms": raw["p90_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "bad_status": raw["status"],
        "socket_errors": sum(raw[k] for k in ("connect", "read", "write", "timeout")),
        "bytes_per_response": raw["bytes"] / max(raw["requests"], 1),
    }


def measure(
    url: str, target: Target, load: Load, twice: bool = False, warm_up: float = WARM_UP_SECONDS
) -> dict:
    """Check the target once; if it answers as it should, load it."""
    result = {"target": target.name, "path": target.path, "check": check(url, target, twice)}
    if result["check"]["ok"]:
        # Unmeasured first: every worker renders its pages and fills its caches, as a
        # site that has been up a while has.
        wrk(url, target, load, seconds=warm_up)
        # Varied paths: the measured run starts halfway along them, past the warm-up's.
        measured = wrk(url, target, load, first_path=len(target.paths) // 2)
        result |= measured | {"load_average": os.getloadavg()[0]}
    return result


def varied_queries(count: int, seed: int = 11) -> list[tuple[str, str, int]]:
    """Different queries of one to three words, in English and in Chinese, drawn from the
    corpus's own vocabularies: (language, text, number of words)."""
    from corpus import chinese_vocabulary, english_vocabulary

    rng = random.Random(seed)
    english, chinese = english_vocabulary(random.Random(seed)), chinese_vocabulary()
    queries: dict[tuple[str, str], int] = {}
    while len(queries) < count:
        lang, vocabulary, space = rng.choice([("en", english, " "), ("zh", chinese, "")])
        size = rng.randint(1, 3)
        queries.setdefault((lang, space.join(vocabulary.draw(rng, size))), size)
    return sorted((lang, text, size) for (lang, text), size in queries.items())


def varied_searches(count: int = 6000, seed: int = 11) -> tuple[str, ...]:
    """Search pages for varied_queries, English and Chinese mixed in a fixed random order.
    A run asks each once (far more than the answers a worker keeps, 512): every request
    is a search."""
    paths = [f"/{lang}/search?q={quote(text)}" for lang, text, _ in varied_queries(count, seed)]
    random.Random(seed).shuffle(paths)
    return tuple(paths)


def popular_searches(requests: int = 20_000, seed: int = 11) -> tuple[str, ...]:
    """Searches as a site's readers make them: some queries far more often than others.
    The k-th most asked of varied_searches is asked in proportion to 1/k (Zipf's law, which
    the queries of search logs roughly follow), so the answers each worker keeps count."""
    queries = varied_searches(seed=seed)
    weights = [1 / rank for rank in range(1, len(queries) + 1)]
    return tuple(random.Random(seed).choices(queries, weights=weights, k=requests))


def single_client(url: str, target: Target, duration: float) -> dict:
    """One connection asking one request at a time: its latency is the work of a request,
    with no wait for a free worker in it (which is what latency under load mostly is)."""
    return measure(url, target, Load(threads=1, connections=1, duration=duration))


ROUNDS = 3


def turn_arguments(description: str) -> argparse.Namespace:
    """The settings of a benchmark made of turns: seconds per turn and open connections."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--duration", type=float, default=5, help="seconds per turn")
    parser.add_argument("--connections", type=int, default=32, help="wrk's open connections")
    return parser.parse_args()


def turns(
    target_url: str, target: Target, reference_url: str, reference: Target, load: Load
) -> dict:
    """The target and its reference loaded in turn (A, B, A, B, A, B), so that a busy moment
    of this shared machine falls on both alike: the median and range of their ratio."""
    for url, asked in ((target_url, target), (reference_url, reference)):
        wrk(url, asked, load, seconds=WARM_UP_SECONDS)
    measured, references = [], []
    for _ in range(ROUNDS):
        measured.append(wrk(target_url, target, load))
        references.append(wrk(reference_url, reference, load))
    ratios = [m["rps"] / r["rps"] for m, r in zip(measured, references, strict=True)]
    return {
        "target": target.name,
        "path": target.path,
        "reference": reference.name,
        "ratio_median": statistics.median(ratios),
        "ratio_range": (min(ratios), max(ratios)),
        "rps_median": statistics.median(m["rps"] for m in measured),
        "reference_rps_median": statistics.median(r["rps"] for r in references),
        "p50_ms_median": statistics.median(m["p50_ms"] for m in measured),
        "p99_ms_median": statistics.median(m["p99_ms"] for m in measured),
        "p99_ms_worst": max(m["p99_ms"] for m in measured),
        "bad": sum(m["bad_status"] + m["socket_errors"] for m in measured),
        "load_average": os.getloadavg()[0],
    }
