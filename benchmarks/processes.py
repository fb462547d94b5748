"""The processes a load benchmark runs on loopback: gunicorn (the site, or hello world) and
nginx, each on a free port, and what they use in memory."""

import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DEPLOY_CONFIG = ROOT / "deploy" / "nginx.conf"
STATIC = ROOT / "site" / "scorecard" / "static"
# nginx lives in /usr/sbin, which is not on every user's PATH.
TOOL_PATH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])


def base_env() -> dict[str, str]:
    env = {
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": os.environ.get("HOME", "/tmp"),
    }
    if "WEB_CONCURRENCY" in os.environ:  # gunicorn.conf.py's worker count, to try others
        env["WEB_CONCURRENCY"] = os.environ["WEB_CONCURRENCY"]
    return env


def site_env(folder: Path, secret: str) -> dict[str, str]:
    """Production settings, with the comment checks a load test cannot pass turned down."""
    return base_env() | {
        "SCORECARD_ENV": "production",
        "SECRET_KEY": secret,
        "SCORECARD_CONTENT_DIR": str(folder / "content"),
        "SCORECARD_INSTANCE_PATH": str(folder / "instance"),
        # One client posts many comments from one address, at once.
        "SCORECARD_COMMENT_MIN_SECONDS": "0",
        "SCORECARD_COMMENT_RATE_LIMIT": "1000000 per minute",
    }


def tool(name: str) -> str | None:
    return shutil.which(name, path=TOOL_PATH)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    name: str
    url: str
    process: subprocess.Popen
    log: Path

    def worker_pids(self) -> list[int]:
        """The master's children: gunicorn's workers, or nginx's."""
        children = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                # The command name may hold spaces and parentheses: fields follow the last ")".
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.process.pid:
                    children.append(int(entry.name))
        return sorted(children)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def memory(pid: int) -> dict[str, float]:
    """Resident and proportional set size in MB (PSS divides shared pages among their users)."""
    sizes = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("Rss", "Pss"):
            sizes[name.lower()] = int(value.split()[0]) / 1024
    return sizes


def _launch(name: str, command: list, env: dict, log: Path, url: str) -> Server:
    with log.open("ab") as output:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=output,
            start_new_session=True,  # its own process group, to kill it whole if need be
        )
    return Server(name, url, process, log)


def wait_until_answers(server: Server, path: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(server.url + path, timeout=timeout) as response:
                if response.status == 200:
                    return
        except OSError:
            if server.process.poll() is not None:
                raise RuntimeError(f"{server.name} exited:\n{server.log.read_text()}") from None
        time.sleep(0.02)
    raise RuntimeError(f"{server.name} did not answer {path}:\n{server.log.read_text()}")


def migrate(env: dict) -> None:
    """As the README deploys it: the database's migrations before gunicorn starts."""
    subprocess.run(
        [BIN / "flask", "db", "upgrade"], cwd=ROOT, env=env, check=True, capture_output=True
    )


def gunicorn(
    name: str, env: dict, log: Path, app: str | None = None, timeout: float = 60
) -> tuple[Server, float]:
    """gunicorn with gunicorn.conf.py (read from the project folder), on a free port.

    `app` replaces the config's wsgi_app (hello world); everything else is the same.
    Returns the server and the seconds from launch until /healthz (or /) answered.
    """
    url = f"http://127.0.0.1:{free_port()}"
    command = [BIN / "gunicorn", "--bind", url.removeprefix("http://")]
    if app:
        command += ["--pythonpath", str(ROOT / "benchmarks"), app]
    started = time.perf_counter()
    server = _launch(name, command, env, log, url)
    with _stopped_on_failure(server):
        wait_until_answers(server, "/" if app else "/healthz", timeout)
    return server, time.perf_counter() - started


@contextmanager
def _stopped_on_failure(server: Server):
    """Stop a server that did not come up, or whose wait was interrupted (Ctrl-C)."""
    try:
        yield
    except BaseException:
        server.stop()
        raise


# What a distribution's /etc/nginx/nginx.conf provides around a site's file, for an
# unprivileged run in a folder of its own. Run as root, the workers would otherwise
# become "nobody" and could not read that folder. Debian's file turns gzip on, so nginx
# serving a page as a file compresses it for a browser, as deploy/nginx.conf does.
MAIN_CONFIG = """\
{user}
worker_processes auto;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{
    worker_connections 1024;
}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    gzip on;
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    include {prefix}/site.conf;
}}
"""

# The reference: the article page saved as a file, at the same address it has on the site.
STATIC_SITE = """\
server {{
    listen {listen};
    root {prefix}/html;
    default_type text/html;
    charset utf-8;
}}
"""


def deploy_config(listen: str, app: str, cache: Path) -> str:
    """deploy/nginx.conf with its placeholders filled in: the file README documents."""
    text = DEPLOY_CONFIG.read_text()
    for token, value in {
        "@LISTEN@": listen,
        "@SERVER_NAME@": "_",
        "@APP@": app,
        "@STATIC@": str(STATIC),
        "@CACHE@": str(cache),
    }.items():
        text = text.replace(token, value)
    if "@" in "".join(line.split("#")[0] for line in text.splitlines()):
        raise ValueError("deploy/nginx.conf has a placeholder the benchmark does not fill")
    return text


def static_config(listen: str, prefix: Path) -> str:
    return STATIC_SITE.format(listen=listen, prefix=prefix)


def nginx(name: str, prefix: Path, site_config: str, listen_port: int) -> Server:
    """nginx in the foreground with `site_config` as its only server, in folder `prefix`."""
    for folder in ("tmp", "html"):
        (prefix / folder).mkdir(parents=True, exist_ok=True)
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
    (prefix / "nginx.conf").write_text(MAIN_CONFIG.format(user=user, prefix=prefix))
    (prefix / "site.conf").write_text(site_config)
    command = [tool("nginx"), "-p", str(prefix), "-c", str(prefix / "nginx.conf")]
    command += ["-e", str(prefix / "error.log")]
    check = subprocess.run([*command, "-t"], capture_output=True, text=True)
    if check.returncode:
        raise RuntimeError(f"{name}: nginx refused its configuration:\n{check.stderr}")
    url = f"http://127.0.0.1:{listen_port}"
    server = _launch(name, command, dict(os.environ), prefix / "nginx.log", url)
    with _stopped_on_failure(server):
        _wait_for_port(server, listen_port)
    return server


def _wait_for_port(server: Server, port: int, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if server.process.poll() is not None:
                break
            time.sleep(0.02)
    raise RuntimeError(f"{server.name} did not listen on {port}:\n{server.log.read_text()}")
