"""Apps built from the real content/ and from the fixture corpus in tests/content/."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from scorecard import create_app
from scorecard.config import PROJECT_ROOT

FIXTURE_CONTENT = Path(__file__).parent / "content"
SITE_CONTENT = PROJECT_ROOT / "content"
ZH_CATALOGUE = PROJECT_ROOT / "translations" / "zh" / "LC_MESSAGES" / "messages.po"


def build_app(content_dir: Path, instance: Path):
    return create_app({"TESTING": True, "CONTENT_DIR": content_dir, "INSTANCE_PATH": instance})


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


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def zh_messages():
    """The Chinese catalogue's messages, header left out."""
    with ZH_CATALOGUE.open("rb") as po:
        return [m for m in read_po(po) if m.id]


def texts(value: str | tuple) -> tuple[str, ...]:
    """A message's forms: one, or singular and plural."""
    return value if isinstance(value, tuple) else (value,)
