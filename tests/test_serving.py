"""The site as it is deployed: gunicorn with gunicorn.conf.py, production settings."""

import json
import socket
import time
import urllib.parse
import urllib.request

import pytest

from servers import Gunicorn, production_env


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory):
    server = Gunicorn(production_env(tmp_path_factory.mktemp("instance"))).start()
    yield server
    server.stop()


def test_gunicorn_serves_both_languages(gunicorn):
    with urllib.request.urlopen(f"{gunicorn.url}/zh/recommendations/", timeout=10) as response:
        page = response.read().decode()
    assert '<html lang="zh-Hans">' in page
    request = urllib.request.Request(f"{gunicorn.url}/", headers={"Accept-Language": "zh-CN"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.url.endswith("/zh/")


def test_each_request_is_logged_as_json_with_its_request_id(gunicorn):
    request = urllib.request.Request(
        f"{gunicorn.url}/en/about", headers={"X-Request-ID": "proxy-request-0001"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["X-Request-ID"] == "proxy-request-0001"
    records = [
        json.loads(line) for line in gunicorn.log.read_text().splitlines() if line.startswith("{")
    ]
    logged = [r for r in records if r.get("request_id") == "proxy-request-0001"]
    assert logged and logged[0]["path"] == "/en/about" and logged[0]["status"] == 200


def raw_status(server, request: bytes) -> int:
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        connection.sendall(request)
        return int(connection.recv(200).split(b" ", 2)[1])


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GET /en/search?q=" + b"a" * 5000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /en/ HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 9000 + b"\r\n\r\n",
        b"GET /en/ HTTP/1.1\r\nHost: x\r\n" + b"X-Many: 1\r\n" * 60 + b"\r\n",
    ],
    ids=["request line", "header size", "header count"],
)
def test_oversized_requests_are_refused_before_the_app(gunicorn, request_bytes):
    assert raw_status(gunicorn, request_bytes) in (400, 414, 431)
    # and the server goes on serving
    with urllib.request.urlopen(f"{gunicorn.url}/en/", timeout=10) as response:
        assert response.status == 200


def test_search_answers_in_every_worker(gunicorn):
    """The index is opened in the master before the workers fork (gunicorn.conf.py); each
    worker searches with it. Several requests, so that more than one worker is likely to
    answer."""
    for _ in range(6):
        with urllib.request.urlopen(f"{gunicorn.url}/en/search?q=employment", timeout=10) as r:
            page = r.read().decode()
        assert "/en/case-studies/ilo-green-jobs-pilots" in page


def test_each_worker_prepares_search_in_the_background(gunicorn):
    """jieba's dictionary and the "did you mean" vocabularies, read as a worker starts
    (gunicorn.conf.py, post_fork): each worker says it is done, and nothing failed."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        log = gunicorn.log.read_text()
        if log.count("search prepared in the background") >= gunicorn.workers:
            break
        time.sleep(0.2)
    assert log.count("search prepared in the background") >= gunicorn.workers
    assert "Traceback" not in log
    query = urllib.parse.quote("再就叶")
    with urllib.request.urlopen(f"{gunicorn.url}/zh/search?q={query}", timeout=10) as response:
        assert "再就业" in response.read().decode()
