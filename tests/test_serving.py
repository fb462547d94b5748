"""The site as it is deployed: gunicorn serving wsgi:app."""

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from scorecard.config import PROJECT_ROOT


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def gunicorn(tmp_path):
    port = free_port()
    gunicorn_bin = Path(sys.executable).with_name("gunicorn")
    env = {"PATH": str(gunicorn_bin.parent), "SCORECARD_INSTANCE_PATH": str(tmp_path)}
    # As the README deploys it: migrate the database, then start gunicorn.
    flask_bin = Path(sys.executable).with_name("flask")
    subprocess.run(
        [flask_bin, "db", "upgrade"], cwd=PROJECT_ROOT, env=env, check=True, capture_output=True
    )
    process = subprocess.Popen(
        [gunicorn_bin, "--workers", "2", "--preload", "--bind", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/en/", timeout=1).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(process.stderr.read().decode())
            time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=10)
    process.stderr.close()


def test_gunicorn_serves_both_languages(gunicorn):
    with urllib.request.urlopen(f"{gunicorn}/zh/recommendations/", timeout=10) as response:
        page = response.read().decode()
    assert '<html lang="zh-Hans">' in page
    request = urllib.request.Request(f"{gunicorn}/", headers={"Accept-Language": "zh-CN"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.url.endswith("/zh/")
