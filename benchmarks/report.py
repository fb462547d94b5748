"""The load benchmark's results as Markdown: each table with the machine's load beside it,
each ratio to a reference as the median (and range) of the turns, and the goals of issues
10 and 18 as met or missed (and by how much), judged on the medians."""

# Throughput ratios are "at least"; latency, growth, time and memory are "at most".
ARTICLE_VS_HELLO = 0.70
CACHED_VS_STATIC = 0.80
P99_MS = 50
# Searches that each search (issue 18): 32 connections queue for the workers.
SEARCH_P99_MS = 200
GROWTH = 3.0
STARTUP_S = 3.0
WORKER_MB = 300


def _n(value: float, digits: int = 1) -> str:
    return f"{value:,.{digits}f}"


def _share(value: float) -> str:
    return f"{value:.0%}" if value >= 0.1 else f"{value:.1%}"


def _ratio(result: dict) -> str:
    """The median ratio of the turns, and their range."""
    low, high = result["ratio_range"]
    return f"{_share(result['ratio_median'])} ({_share(low)}–{_share(high)})"


def _verdict(value: float, limit: float, at_least: bool = False) -> str:
    met = value >= limit if at_least else value <= limit
    if met:
        return "met"
    factor = limit / value if at_least else value / limit
    return f"missed, by {factor:.2f}x" if value else "missed"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _rule(alignments: list[str]) -> str:
    return "|" + "|".join(alignments) + "|"


def _not_loaded(result: dict, columns: int) -> list[str]:
    """The cells of a target that did not answer as it should: why, and dashes."""
    return [f"not loaded: answered {result['check']['status']}"] + ["-"] * (columns - 1)


def _load_line(rows: list[dict]) -> str:
    loads = [r["load_average"] for r in rows if "load_average" in r]
    if not loads:
        return "Nothing was loaded."
    return f"Load average (1 minute) during this table: {min(loads):.2f} to {max(loads):.2f}."


def _turns_table(results: dict, key: str, reference: str) -> list[str]:
    """Targets that took turns with a reference: the ratio, then the target's own figures."""
    cached = key == "cached"
    head = ["documents", "page", "reader", *(["X-Cache-Status"] if cached else [])]
    head += [f"of {reference}: median (range)", "req/s", f"{reference} req/s"]
    head += ["p50 (ms)", "p99 (ms)", "worst p99 (ms)", "failed", "load"]
    lines = [_row(head), _rule(["---:", "---", "---", *(["---"] if cached else [])] + ["---:"] * 8)]
    rows = [(size["documents"], r) for size in results["sizes"] for r in size[key]]
    for documents, r in rows:
        cells = [f"{documents:,}", r["target"], r["reader"]]
        if cached:
            cells.append(r["check"]["x_cache_status"] or "(none)")
        if not r["check"]["ok"]:
            lines.append(_row(cells + _not_loaded(r, 8)))
            continue
        figures = [r["rps_median"], r["reference_rps_median"]]
        times = [r["p50_ms_median"], r["p99_ms_median"], r["p99_ms_worst"]]
        cells += [_ratio(r), *(_n(x, 0) for x in figures), *map(_n, times)]
        lines.append(_row(cells + [str(r["bad"]), f"{r['load_average']:.2f}"]))
    return [_load_line([r for _, r in rows]), "", *lines]


def _plain_table(results: dict, key: str) -> list[str]:
    """Targets loaded on their own: requests, req/s, p50, p99, failures."""
    head = ["documents", "target", "requests", "req/s", "p50 (ms)", "p99 (ms)", "failed", "load"]
    lines = [_row(head), _rule(["---:", "---"] + ["---:"] * 6)]
    rows = [(size["documents"], r) for size in results["sizes"] for r in size[key]]
    for documents, r in rows:
        cells = [f"{documents:,}", r["target"]]
        if not r["check"]["ok"]:
            lines.append(_row(cells + _not_loaded(r, 6)))
            continue
        failed = r["bad_status"] + r["socket_errors"]
        cells += [f"{r['requests']:,}", *map(_n, (r["rps"], r["p50_ms"], r["p99_ms"]))]
        lines.append(_row(cells + [str(failed), f"{r['load_average']:.2f}"]))
    return [_load_line([r for _, r in rows]), "", *lines]


def _headers_table(results: dict) -> list[str]:
    """What each page said about caching: why the nginx cache did or did not keep it."""
    lines = [
        "| page | reader | status | Cache-Control | sets a cookie |",
        "|---|---|---:|---|---|",
    ]
    largest = results["sizes"][-1]
    for r in largest["app"] + largest["alone"]:
        c = r["check"]
        cookie = "yes" if c["sets_cookie"] else "no"
        reader = r.get("reader", "-")
        lines.append(
            _row([r["target"], reader, str(c["status"]), c["cache_control"] or "(none)", cookie])
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


def _loaded(results: list[dict], name: str) -> list[dict]:
    return [r for r in results if r["target"] == name and r["check"]["ok"]]


def _ratio_goals(largest: dict, at: str) -> list[tuple[str, str, str]]:
    rows = []
    for key, limit, reference in (
        ("app", ARTICLE_VS_HELLO, "hello world"),
        ("cached", CACHED_VS_STATIC, "nginx static"),
    ):
        where = "from the app" if key == "app" else "behind the nginx cache"
        for r in _loaded(largest[key], "article"):
            goal = f"article {where} >= {limit:.0%} of {reference}, {r['reader']} reader ({at})"
            rows.append((goal, _ratio(r), _verdict(r["ratio_median"], limit, at_least=True)))
    return rows


def _p99_goals(largest: dict, at: str) -> list[tuple[str, str, str]]:
    rows = []
    for r in largest["app"]:
        if r["check"]["ok"]:
            rows.append(
                (
                    f"p99 under {P99_MS} ms, {r['target']}, {r['reader']} reader ({at})",
                    f"{_n(r['p99_ms_median'])} ms (worst turn {_n(r['p99_ms_worst'])} ms)",
                    _verdict(r["p99_ms_median"], P99_MS),
                )
            )
    for r in largest["alone"]:
        if r["check"]["ok"]:
            limit = SEARCH_P99_MS if r["target"].startswith("search") else P99_MS
            rows.append(
                (
                    f"p99 under {limit} ms, {r['target']} ({at})",
                    f"{_n(r['p99_ms'])} ms",
                    _verdict(r["p99_ms"], limit),
                )
            )
    return rows


def _growth_goals(smallest: dict, largest: dict) -> list[tuple[str, str, str]]:
    """Single-client p50 at the largest size against the smallest: the work per request."""
    rows = []
    for small in smallest["latency"]:
        big = next(iter(_loaded(largest["latency"], small["target"])), None)
        if small["check"]["ok"] and big:
            growth = big["p50_ms"] / small["p50_ms"]
            rows.append(
                (
                    f"{small['target']}, single-client p50 at {largest['documents']:,} "
                    f"<= {GROWTH:g}x at {smallest['documents']:,}",
                    f"{growth:.2f}x ({small['p50_ms']:.1f} -> {big['p50_ms']:.1f} ms)",
                    _verdict(growth, GROWTH),
                )
            )
    return rows


def goals(results: dict) -> list[tuple[str, str, str]]:
    """(goal, measured, verdict) for each goal the run has the figures for."""
    largest, smallest = results["sizes"][-1], results["sizes"][0]
    at = f"{largest['documents']:,} documents"
    rows = _ratio_goals(largest, at) + _p99_goals(largest, at)
    if largest is not smallest:
        rows += _growth_goals(smallest, largest)
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
    largest = results["sizes"][-1]["documents"]
    lines = [
        f"## Site under load, {results['started']}",
        "",
        f"{m['cores']} cores, Python {m['python']}, {m['nginx']}, {m['wrk']}; load average "
        f"(1, 5, 15 minutes) {m['load_before']} before the run, {m['load_after']} after. "
        f"gunicorn: {results['gunicorn_workers']} sync workers (gunicorn.conf.py); search "
        f"engine: {results.get('search_engine', 'whoosh')}. wrk: "
        f"{load['threads']} threads, {load['connections']} connections, {load['duration']:g} s "
        f"a run; turns: {results['rounds']} rounds (A, B, A, B...). The load beside each row is "
        "the 1-minute load average just after it was measured; the benchmark itself (wrk and "
        "the server under load) accounts for up to the number of cores.",
        "",
        "### From the app, taking turns with hello world",
        "",
        *_turns_table(results, "app", "hello world"),
        "",
        "### Through deploy/nginx.conf, taking turns with nginx serving the page as a file",
        "",
        *_turns_table(results, "cached", "nginx static"),
        "",
        "### Search and the comment post, from the app (no reference)",
        "",
        *_plain_table(results, "alone"),
        "",
        "### One client: the work of a request, what growth is judged on",
        "",
        *_plain_table(results, "latency"),
        "",
        f"### What the pages said about caching ({largest:,} documents)",
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
        "### Goals (judged on the medians of the turns)",
        "",
        "| goal | measured | |",
        "|---|---:|---|",
        *(f"| {goal} | {measured} | {verdict} |" for goal, measured, verdict in goals(results)),
        "",
    ]
    return "\n".join(lines)
