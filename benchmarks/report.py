"""The load benchmark's results as Markdown: tables, ratios to the references, and the
goals of issue 10 as met or missed (and by how much)."""

# Throughput ratios are "at least"; latency, growth, time and memory are "at most".
ARTICLE_VS_HELLO = 0.70
CACHED_VS_STATIC = 0.80
P99_MS = 50
GROWTH = 3.0
STARTUP_S = 3.0
WORKER_MB = 300


def _n(value: float, digits: int = 1) -> str:
    return f"{value:,.{digits}f}"


def _ratio(value: float | None, reference: float | None) -> str:
    if not (value and reference):
        return "-"
    return f"{value / reference:.0%}" if value >= reference / 10 else f"{value / reference:.1%}"


def _verdict(value: float, limit: float, at_least: bool = False) -> str:
    met = value >= limit if at_least else value <= limit
    if met:
        return "met"
    factor = limit / value if at_least else value / limit
    return f"missed, by {factor:.2f}x" if value else "missed"


def _rps(result: dict | None) -> float | None:
    return result.get("rps") if result else None


def _figures(result: dict) -> str:
    """req/s, p50, p99 and failures of one measured target, or why it was not loaded."""
    check = result["check"]
    if not check["ok"]:
        return f"not loaded: answered {check['status']} | - | - | - | -"
    failures = result["bad_status"] + result["socket_errors"]
    failed = (
        f"{result['bad_status']} bad status, {result['socket_errors']} socket" if failures else "0"
    )
    figures = (result["rps"], result["p50_ms"], result["p99_ms"])
    return f"{result['requests']:,} | " + " | ".join(map(_n, figures)) + f" | {failed}"


def _app_table(results: dict) -> list[str]:
    hello = _rps(results["references"].get("hello"))
    static = _rps(results["references"].get("static"))
    lines = [
        "| documents | target | requests | req/s | p50 (ms) | p99 (ms) | failed "
        "| of hello world | of nginx static |",
        "|---:|---|---:|---:|---:|---:|---|---:|---:|",
    ]
    for size in results["sizes"]:
        for r in size["app"]:
            lines.append(
                f"| {size['documents']:,} | {r['target']} | {_figures(r)} "
                f"| {_ratio(_rps(r), hello)} | {_ratio(_rps(r), static)} |"
            )
    return lines


def _cache_table(results: dict) -> list[str]:
    static = _rps(results["references"].get("static"))
    lines = [
        "| documents | target | requests | req/s | p50 (ms) | p99 (ms) | failed "
        "| X-Cache-Status | of nginx static |",
        "|---:|---|---:|---:|---:|---:|---|---|---:|",
    ]
    for size in results["sizes"]:
        for r in size["cached"]:
            status = r["check"]["x_cache_status"] or "(none)"
            lines.append(
                f"| {size['documents']:,} | {r['target']} | {_figures(r)} | {status} "
                f"| {_ratio(_rps(r), static)} |"
            )
    return lines


def _reference_table(results: dict) -> list[str]:
    lines = [
        "| reference | requests | req/s | p50 (ms) | p99 (ms) | failed |",
        "|---|---:|---:|---:|---:|---|",
    ]
    names = {
        "hello": 'Flask "hello world", same gunicorn settings',
        "static": "nginx, article as a file",
    }
    for key, name in names.items():
        if key in results["references"]:
            lines.append(f"| {name} | {_figures(results['references'][key])} |")
    return lines


def _headers_table(results: dict) -> list[str]:
    """What each page said about caching: why the nginx cache did or did not keep it."""
    lines = ["| target | status | Cache-Control | sets a cookie |", "|---|---:|---|---|"]
    for r in results["sizes"][-1]["app"]:
        c = r["check"]
        cookie = "yes" if c["sets_cookie"] else "no"
        lines.append(
            f"| {r['target']} | {c['status']} | {c['cache_control'] or '(none)'} | {cookie} |"
        )
    return lines


def _process_table(results: dict) -> list[str]:
    lines = [
        "| documents | start-up (s) | workers | RSS per worker (MB) | PSS per worker (MB) |",
        "|---:|---:|---:|---|---|",
    ]
    for size in results["sizes"]:
        rss = ", ".join(_n(w["rss"], 0) for w in size["workers"])
        pss = ", ".join(_n(w["pss"], 0) for w in size["workers"])
        lines.append(
            f"| {size['documents']:,} | {size['startup_s']:.2f} | {len(size['workers'])} "
            f"| {rss} | {pss} |"
        )
    return lines


def _by_target(size: dict, key: str, name: str) -> dict | None:
    found = next((r for r in size[key] if r["target"] == name), None)
    return found if found and found["check"]["ok"] else None


def goals(results: dict) -> list[tuple[str, str, str]]:
    """(goal, measured, verdict) for each goal the run has the figures for."""
    rows = []
    largest, smallest = results["sizes"][-1], results["sizes"][0]
    at = f"{largest['documents']:,} documents"
    refs = results["references"]
    article = _by_target(largest, "app", "article")
    if article and refs.get("hello"):
        ratio = article["rps"] / refs["hello"]["rps"]
        rows.append(
            (
                f"article from the app >= {ARTICLE_VS_HELLO:.0%} of hello world ({at})",
                f"{ratio:.0%}",
                _verdict(ratio, ARTICLE_VS_HELLO, at_least=True),
            )
        )
    cached = _by_target(largest, "cached", "article")
    if cached and refs.get("static"):
        ratio = cached["rps"] / refs["static"]["rps"]
        rows.append(
            (
                f"article behind the nginx cache >= {CACHED_VS_STATIC:.0%} of nginx static ({at})",
                f"{ratio:.0%}",
                _verdict(ratio, CACHED_VS_STATIC, at_least=True),
            )
        )
    for r in largest["app"]:
        if r["check"]["ok"]:
            rows.append(
                (
                    f"p99 under {P99_MS} ms, {r['target']} ({at})",
                    f"{r['p99_ms']:.1f} ms",
                    _verdict(r["p99_ms"], P99_MS),
                )
            )
    if largest is not smallest:
        for name in ("list", "search"):
            big, small = _by_target(largest, "app", name), _by_target(smallest, "app", name)
            if big and small:
                growth = big["p50_ms"] / small["p50_ms"]
                rows.append(
                    (
                        f"{name} p50 at {largest['documents']:,} <= {GROWTH:g}x at "
                        f"{smallest['documents']:,}",
                        f"{growth:.2f}x",
                        _verdict(growth, GROWTH),
                    )
                )
    rows.append(
        (
            f"start-up with an existing index under {STARTUP_S:g} s ({at})",
            f"{largest['startup_s']:.2f} s",
            _verdict(largest["startup_s"], STARTUP_S),
        )
    )
    if largest["workers"]:
        rss = max(w["rss"] for w in largest["workers"])
        pss = max(w["pss"] for w in largest["workers"])
        rows.append(
            (
                f"memory per worker under {WORKER_MB} MB, largest RSS ({at})",
                f"{rss:.0f} MB (PSS {pss:.0f} MB)",
                _verdict(rss, WORKER_MB),
            )
        )
    return rows


def markdown(results: dict) -> str:
    m = results["machine"]
    load = results["load"]
    lines = [
        f"## Site under load, {results['started']}",
        "",
        f"{m['cores']} cores, Python {m['python']}, {m['nginx']}, {m['wrk']}; load average "
        f"{m['load_before']} before the run, {m['load_after']} after. gunicorn: "
        f"{results['gunicorn_workers']} sync workers (gunicorn.conf.py). wrk: {load['threads']} "
        f"threads, {load['connections']} connections, {load['duration']:g} s per target.",
        "",
        "### The site, from gunicorn",
        "",
        *_app_table(results),
        "",
        "### The site behind nginx (deploy/nginx.conf)",
        "",
        *_cache_table(results),
        "",
        "### References",
        "",
        *_reference_table(results),
        "",
        f"### What the pages said about caching ({results['sizes'][-1]['documents']:,} documents)",
        "",
        *_headers_table(results),
        "",
        "### Start-up and memory",
        "",
        "Start-up: from launching gunicorn until /healthz answers, with the index built by a "
        "previous start. Memory: each worker after the load, from /proc/<pid>/smaps_rollup.",
        "",
        *_process_table(results),
        "",
        "### Goals",
        "",
        "| goal | measured | |",
        "|---|---:|---|",
        *(f"| {goal} | {measured} | {verdict} |" for goal, measured, verdict in goals(results)),
        "",
    ]
    return "\n".join(lines)
