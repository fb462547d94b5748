"""Apps built from the real content/ and from the fixture corpus in tests/content/.

Database tests run on SQLite always, and on PostgreSQL when TEST_DATABASE_URL names a
server (CI sets it; there, a missing server is a failure, not a skip).
"""

import copy
import logging
import os
import shutil
import subprocess
import uuid
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import psycopg
import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from flask_migrate import upgrade
from sqlalchemy import text

from scorecard import create_app
from scorecard.config import PROJECT_ROOT
from scorecard.core.database import db
from scorecard.core.search.engines import NAMES as ENGINES

FIXTURE_CONTENT = Path(__file__).parent / "content"
SITE_CONTENT = PROJECT_ROOT / "content"
ZH_CATALOGUE = PROJECT_ROOT / "translations" / "zh" / "LC_MESSAGES" / "messages.po"


class Recorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        self.messages.append(record.getMessage())


@pytest.fixture
def app_log():
    """What the app logs. (Not caplog: the migrations' logging set-up removes its handler.)"""
    recorder = Recorder()
    logger = logging.getLogger("scorecard")
    level = logger.level
    logger.setLevel(logging.INFO)
    logger.addHandler(recorder)
    yield recorder
    logger.removeHandler(recorder)
    logger.setLevel(level)


def build_app(content_dir: Path, instance: Path, **settings):
    """An app with its database migrated, as `make serve` leaves it."""
    app = create_app(
        {
            "TESTING": True,
            "ENVIRONMENT": "development",
            "CONTENT_DIR": content_dir,
            "INSTANCE_PATH": instance,
            "COMMENT_MIN_SECONDS": 0,
            # Tests publish changes themselves (live reload, or the publisher's reload).
            "CONTENT_WATCH_SECONDS": 0,
            "RATELIMIT_KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            **settings,
        }
    )
    with app.app_context():
        upgrade()
    return app


def unavailable(reason: str, ci_must: str):
    """Skip on a developer's machine without a tool; in CI (CI set), fail instead."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: CI must {ci_must}")
    pytest.skip(f"{reason} (CI runs these tests)")


def server_url(variable: str, what: str) -> str:
    """A service's address from the environment; in CI its absence fails the test."""
    url = os.environ.get(variable)
    if not url:
        unavailable(f"{variable} is not set: these tests need {what}", f"run them against {what}")
    return url


@pytest.fixture(scope="session")
def postgres_database():
    """A database of the tests' own on the PostgreSQL server, dropped afterwards."""
    server = server_url("TEST_DATABASE_URL", "PostgreSQL")
    name = f"scorecard_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    base = server.rsplit("/", 1)[0] if server.count("/") > 2 else server
    yield f"{base}/{name}"
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def db_app(request, tmp_path_factory):
    """The fixture-corpus app on each database."""
    settings = {}
    if request.param == "postgresql":
        settings["DATABASE_URL"] = request.getfixturevalue("postgres_database")
    # Rate limits have tests of their own, on apps of their own.
    settings["RATELIMIT_ENABLED"] = False
    app = build_app(FIXTURE_CONTENT, tmp_path_factory.mktemp("instance"), **settings)
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def db_client(db_app):
    """A reader's browser on db_app; every test starts with no comments and no editors."""
    yield db_app.test_client()
    with db_app.app_context():
        tables = ("outgoing_mail", "subscriptions", "moderation_actions", "comments")
        for table in (*tables, "editors", "audit_events"):
            db.session.execute(text(f"DELETE FROM {table}"))
        db.session.commit()


PASSWORD = "a long enough secret"


@pytest.fixture
def editor(db_app, db_client):
    """An editor's account, made as the README says, with the CLI."""
    result = db_app.test_cli_runner().invoke(
        args=["editors", "create", "mei"], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert result.exit_code == 0, result.output
    return "mei"


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    """The app over the fixture corpus: good files, bad files and edge cases."""
    return build_app(FIXTURE_CONTENT, tmp_path_factory.mktemp("instance"))


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def site_app(tmp_path_factory):
    """The app over the site's real content."""
    return build_app(SITE_CONTENT, tmp_path_factory.mktemp("instance"))


@pytest.fixture
def site_client(site_app):
    return site_app.test_client()


# The search suite runs on each engine: tests/test_search*.py ask for these.
@pytest.fixture(scope="session", params=ENGINES)
def search_engine(request) -> str:
    return request.param


@pytest.fixture(scope="session")
def search_app(search_engine, tmp_path_factory):
    """The fixture-corpus app, searching with each engine."""
    instance = tmp_path_factory.mktemp(f"instance-{search_engine}")
    return build_app(FIXTURE_CONTENT, instance, SEARCH_ENGINE=search_engine)


@pytest.fixture(scope="session")
def search_site_app(search_engine, tmp_path_factory):
    """The app over the site's real content, searching with each engine."""
    instance = tmp_path_factory.mktemp(f"site-instance-{search_engine}")
    return build_app(SITE_CONTENT, instance, SEARCH_ENGINE=search_engine)


@pytest.fixture
def search_client(search_app):
    return search_app.test_client()


@pytest.fixture
def search_site_client(search_site_app):
    return search_site_app.test_client()


def edit(path, old: str, new: str) -> None:
    """An editor's change to a content file."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    # Some file systems keep coarse times: make sure the edit is seen as newer.
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def words(element) -> str:
    """An element's text as a reader reads it: without the permalink anchors beside each
    heading and paragraph (and the link to the other language, shown only on a target)."""
    element = copy.copy(element)
    for anchor in element.select(".permalink, .in-other-language"):
        anchor.decompose()
    return element.get_text(strip=True)


def toggled(page: BeautifulSoup) -> str:
    """Where the page's language toggle takes the reader (it goes through /language/<lang>,
    which remembers the choice)."""
    href = page.select_one(".language-toggle")["href"]
    address = urlsplit(href)
    assert address.path in ("/language/en", "/language/zh"), href
    return parse_qs(address.query)["next"][0]


def zh_messages():
    """The Chinese catalogue's messages, header left out."""
    with ZH_CATALOGUE.open("rb") as po:
        return [m for m in read_po(po) if m.id]


def texts(value: str | tuple) -> tuple[str, ...]:
    """A message's forms: one, or singular and plural."""
    return value if isinstance(value, tuple) else (value,)


def library_of(app):
    """The library the app serves now (its current edition's)."""
    return app.extensions["publisher"].edition.library


def sign_in(client, name: str, password: str):
    """Sign in at /admin/login as an editor would."""
    page = soup(client.get("/admin/login"))
    token = page.select_one('input[name="csrf_token"]')["value"]
    return client.post(
        "/admin/login", data={"csrf_token": token, "name": name, "password": password}
    )


def git(folder, *args) -> str:
    identity = ["-c", "user.name=Setup", "-c", "user.email=setup@example.org"]
    done = subprocess.run(
        ["git", *identity, *args], cwd=folder, check=True, capture_output=True, text=True
    )
    return done.stdout


def content_repository(folder: Path) -> Path:
    """A copy of the site's content in `folder`/content, a git repository of its own."""
    content = folder / "content"
    shutil.copytree(SITE_CONTENT, content)
    git(content, "init", "-q")
    git(content, "add", "-A")
    git(content, "commit", "-q", "-m", "content as published")
    return content


@pytest.fixture
def workspace(tmp_path):
    """The site's content in a git repository of its own, an app over it, an editor signed in."""
    content = content_repository(tmp_path)
    app = build_app(content, tmp_path / "instance")
    created = app.test_cli_runner().invoke(
        args=["editors", "create", "lin"], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert created.exit_code == 0, created.output
    client = app.test_client()
    sign_in(client, "lin", PASSWORD)
    return content, app, client
