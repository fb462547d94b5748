"""One live site and one Chromium for the whole run; a fresh browser context per reader.

Every context records each request its pages make and each console error: a request to
another host, or an error, fails the test that caused it (at its teardown).
"""

import datetime as dt
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from scorecard.config import PROJECT_ROOT

from . import live_site
from conftest import unavailable

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
WIDTHS = {"desktop": DESKTOP, "phone": PHONE}
LOCALES = {"en": "en-GB", "zh": "zh-CN"}
AXE_SCRIPT = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"

EXPECTED_REFUSAL = "Failed to load resource: the server responded with a status of 422 "

_screenshots: list[Path] = []


class Watch:
    """What the pages of one browser context asked for and complained about."""

    def __init__(self, context: BrowserContext, origin: str):
        self.origin = urlsplit(origin).netloc
        self.foreign: list[str] = []
        self.errors: list[str] = []
        context.on("request", self._request)
        context.on("console", self._console)
        context.on("weberror", lambda error: self.errors.append(f"uncaught: {error.error}"))

    def _request(self, request) -> None:
        address = urlsplit(request.url)
        if address.scheme in ("http", "https", "ws", "wss") and address.netloc != self.origin:
            self.foreign.append(request.url)

    def _console(self, message) -> None:
        # Chromium logs every 4xx answer as an error, but 422 is how the site answers a
        # form with mistakes (the page then shows them): that one is expected.
        if message.type == "error" and not message.text.startswith(EXPECTED_REFUSAL):
            self.errors.append(f"{message.text} ({message.location.get('url')})")

    def clear(self) -> None:
        self.foreign.clear()
        self.errors.clear()

    def problems(self) -> list[str]:
        return [f"request to another host: {url}" for url in self.foreign] + [
            f"console error: {error}" for error in self.errors
        ]


@pytest.fixture(scope="session")
def chromium() -> str:
    path = shutil.which("chromium")
    if not path:
        unavailable(
            "Chromium is not installed (apt-get install chromium chromium-driver)",
            "install it (.ci/run does)",
        )
    return path


@pytest.fixture(scope="session")
def browser(chromium) -> Browser:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site(chromium, tmp_path_factory) -> live_site.LiveSite:
    live = live_site.start(tmp_path_factory.mktemp("live-site"))
    yield live
    live.stop()


class Readers:
    """Opens pages, each in a new browser context: a reader with no cookies and no history."""

    def __init__(self, browser: Browser, origin: str):
        self.browser = browser
        self.origin = origin
        self.watches: dict[BrowserContext, Watch] = {}

    def __call__(
        self,
        lang: str = "en",
        viewport: dict = DESKTOP,
        javascript: bool = True,
        bypass_csp: bool = False,
        zone: str = "UTC",
    ) -> Page:
        """A page for a reader whose browser prefers `lang`, in time zone `zone`; bypass_csp
        only to inject axe-core."""
        context = self.browser.new_context(
            base_url=self.origin,
            locale=LOCALES[lang],
            timezone_id=zone,
            viewport=viewport,
            java_script_enabled=javascript,
            bypass_csp=bypass_csp,
        )
        context.set_default_timeout(10_000)
        self.watches[context] = Watch(context, self.origin)
        return context.new_page()

    def problems(self, page: Page) -> list[str]:
        """What the page's context has requested from other hosts or logged as errors."""
        return self.watches[page.context].problems()

    def close(self) -> list[str]:
        problems = []
        for context, watch in self.watches.items():
            context.close()
            problems += watch.problems()
        return problems


@pytest.fixture
def new_reader(browser, site) -> Readers:
    readers = Readers(browser, site.url)
    yield readers
    problems = readers.close()
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="session")
def _visitors(browser, site):
    """The pages that `visitor` hands out, kept for the whole run."""
    readers = Readers(browser, site.url)
    yield readers, {}
    readers.close()


@pytest.fixture
def visitor(_visitors) -> Callable[..., Page]:
    """A page for tests that only look at pages: one per (lang, width, bypass_csp), reused,
    since a new browser context costs about as much as a visit. Same checks as new_reader."""
    readers, pages = _visitors
    used: list[Page] = []

    def open_page(lang: str = "en", viewport: dict = DESKTOP, bypass_csp: bool = False) -> Page:
        key = (lang, viewport["width"], bypass_csp)
        if key not in pages:
            pages[key] = readers(lang, viewport=viewport, bypass_csp=bypass_csp)
        used.append(pages[key])
        return pages[key]

    yield open_page
    problems = []
    for page in used:
        problems += readers.problems(page)
        readers.watches[page.context].clear()
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """SCREENSHOT_DIR, else build/screenshots/<the run's start time>/."""
    default = PROJECT_ROOT / "build" / "screenshots" / dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = Path(os.environ.get("SCREENSHOT_DIR") or default)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def screenshot(screenshot_dir) -> Callable[[Page, str], Path]:
    def save(page: Page, name: str) -> Path:
        path = screenshot_dir / f"{name}.png"
        page.screenshot(path=path, full_page=True)
        _screenshots.append(path)
        return path

    return save


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE_SCRIPT.exists():
        unavailable(
            "axe-core is not installed (make test installs it with npm ci)",
            "install it with `npm ci --prefix tests/browser`",
        )
    return AXE_SCRIPT


def pytest_terminal_summary(terminalreporter) -> None:
    if _screenshots:
        folder = _screenshots[0].parent
        terminalreporter.write_line(f"{len(_screenshots)} screenshots in {folder}")
