"""The real site served by gunicorn on a free local port, as the README deploys it."""

import os
import re
import secrets
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from scorecard.config import PROJECT_ROOT

EDITOR_NAME = "editor"
# gunicorn reports the port the system chose for `--bind 127.0.0.1:0`.
LISTENING = re.compile(r"Listening at: (http://127\.0\.0\.1:\d+)")


@dataclass
class LiveSite:
    url: str
    editor_password: str
    process: subprocess.Popen
    log: Path

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def _environment(instance: Path, content: Path | None) -> dict[str, str]:
    """A fresh instance folder (SQLite database, index) and settings that let tests post;
    `content`, a content folder of the test's own (else the project's)."""
    return {
        **os.environ,
        **({"SCORECARD_CONTENT_DIR": str(content)} if content else {}),
        "SCORECARD_INSTANCE_PATH": str(instance),
        # Plain HTTP on loopback: production's Secure cookies would need HTTPS.
        "SCORECARD_ENV": "development",
        "SECRET_KEY": secrets.token_hex(32),
        # The journeys post several comments and sign in within seconds; the limits and
        # the too-quick check have tests of their own.
        "SCORECARD_COMMENT_MIN_SECONDS": "0",
        "SCORECARD_COMMENT_RATE_LIMIT": "1000 per minute",
        "SCORECARD_SIGNIN_RATE_LIMIT": "1000 per minute",
        "RATELIMIT_STORAGE_URI": "memory://",
        "DATABASE_URL": "",
    }


def _flask(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "flask", *args],
        cwd=PROJECT_ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )


def start(
    folder: Path, content: Path | None = None, workers: int = 1, timeout: float = 60
) -> LiveSite:
    """Migrate a new database, create an editor, start gunicorn; return once it listens."""
    env = _environment(folder / "instance", content)
    password = secrets.token_urlsafe(16)
    _flask(env, "db", "upgrade")
    _flask(env, "editors", "create", EDITOR_NAME, "--password", password)
    log = folder / "gunicorn.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--bind", "127.0.0.1:0", "--workers", str(workers)]
            + ["--worker-class", "gthread", "--threads", "4", "wsgi:app"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        found = LISTENING.search(log.read_text())
        if found and _answers(f"{found.group(1)}/en/"):
            return LiveSite(found.group(1), password, process, log)
        time.sleep(0.1)
    process.terminate()
    raise RuntimeError(f"gunicorn did not start:\n{log.read_text()}")


def _answers(url: str) -> bool:
    """Whether the worker has loaded the app (content, search index) and serves pages."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status == 200
    except OSError:
        return False
