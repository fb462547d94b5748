"""The site as it is deployed: gunicorn serving wsgi:app, started by a test."""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from scorecard.config import PROJECT_ROOT

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(instance: Path, **extra: str) -> dict[str, str]:
    """The production settings: only a secret key of its own and where to keep data."""
    return {
        "PATH": str(BIN),
        "SECRET_KEY": secrets.token_urlsafe(48),
        "SCORECARD_INSTANCE_PATH": str(instance),
        **extra,
    }


class Gunicorn:
    """gunicorn with the project's configuration file, after `flask db upgrade`."""

    def __init__(self, env: dict[str, str], workers: int = 2):
        self.env = env
        self.workers = workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.log = Path(env["SCORECARD_INSTANCE_PATH"]) / f"gunicorn-{self.port}.log"

    def start(self) -> "Gunicorn":
        # As the README deploys it: migrate the database, then start gunicorn.
        subprocess.run(
            [BIN / "flask", "db", "upgrade"],
            cwd=PROJECT_ROOT,
            env=self.env,
            check=True,
            capture_output=True,
        )
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [BIN / "gunicorn", "--workers", str(self.workers), "--bind", self.url[7:]],
                cwd=PROJECT_ROOT,
                env=self.env,
                stdout=log,
                stderr=log,
                start_new_session=True,  # its own process group, to kill it whole
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/healthz", timeout=2).close()
                return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"gunicorn exited:\n{self.log.read_text()}") from None
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not start:\n{self.log.read_text()}")

    def kill(self) -> None:
        """SIGKILL the whole server, master and workers, as a crash or power cut would."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
