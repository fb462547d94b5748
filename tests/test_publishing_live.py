"""Publishing on the production server (gunicorn, several workers): content that changes
while readers read reaches every worker within seconds, without an error and without a page
that mixes two versions; and no mistake in a file stops the server or another page."""

import os
import re
import shutil
import threading
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from servers import Gunicorn, production_env

from conftest import SITE_CONTENT

MISTAKES = Path(__file__).parent / "mistakes"
DOCUMENT = "recommendations/community-employment.en.md"
PAGE = "/en/recommendations/community-employment"


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def serve(tmp_path: Path, content: Path, **settings: str) -> Gunicorn:
    env = production_env(tmp_path / "instance", SCORECARD_CONTENT_DIR=str(content), **settings)
    (tmp_path / "instance").mkdir(exist_ok=True)
    return Gunicorn(env, workers=3).start()


def sitemap_pages(server: Gunicorn) -> list[str]:
    _, body = get(f"{server.url}/sitemap.xml")
    locations = ET.fromstring(body).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    return [re.sub(r"^https?://[^/]+", "", loc.text or "") for loc in locations]


def test_every_mistake_at_once_leaves_every_other_page_answering(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SITE_CONTENT, content)
    for mistake in MISTAKES.glob("*.md"):
        shutil.copy(mistake, content / "recommendations" / mistake.name)
    server = serve(tmp_path, content)
    try:
        pages = sitemap_pages(server)
        assert len(pages) > 40
        for page in pages:
            assert get(f"{server.url}{page}")[0] == 200, page
        # Every document of the real content is still there, with its ministries.
        status, body = get(f"{server.url}{PAGE}")
        assert status == 200 and "Ministry of Human Resources and Social Security" in body
        # A broken reference file mid-run: one entry lost, the rest whole.
        text = (content / "ministries.yaml").read_text(encoding="utf-8")
        (content / "ministries.yaml").write_text(
            text.replace("  remit:", "   remit:", 1), encoding="utf-8"
        )
        time.sleep(4)
        for page in ("/en/", "/zh/", PAGE, "/en/ministries/", "/zh/case-studies/"):
            assert get(f"{server.url}{page}")[0] == 200, page
    finally:
        server.stop()


@pytest.fixture
def live_site(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SITE_CONTENT, content)
    revise(content, 0)
    server = serve(tmp_path, content, SCORECARD_CONTENT_WATCH_SECONDS="0.3")
    yield content, server
    server.stop()


def revise(content: Path, number: int) -> None:
    """A revision of the document that names its number in the title and in the text."""
    path = content / DOCUMENT
    text = path.read_text(encoding="utf-8")
    title = f"title: Revision {number} of the programme"
    text = re.sub(r"^title: .*$", title, text, count=1, flags=re.MULTILINE)
    text = re.sub(r"\n+Revision \d+ ends here\.\n*", "\n", text)
    path.write_text(text.rstrip("\n") + f"\n\nRevision {number} ends here.\n", encoding="utf-8")
    # Coarse file-system clocks: each revision is seen as newer than the last.
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000 * (number + 1)))


def test_changes_reach_every_worker_while_readers_read_without_errors_or_mixed_pages(live_site):
    content, server = live_site
    seen: list[tuple[int, int, int]] = []  # (status, revision in the title, in the text)
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            status, body = get(f"{server.url}{PAGE}")
            title = re.search(r"<h1>Revision (\d+)", body)
            text = re.search(r"Revision (\d+) ends here", body)
            seen.append((status, int(title[1]) if title else -1, int(text[1]) if text else -1))

    readers = [threading.Thread(target=reader) for _ in range(3)]
    for thread in readers:
        thread.start()
    try:
        for number in range(1, 6):
            time.sleep(0.8)
            revise(content, number)
        # Each process reloads within its watch interval plus the time to bring the shared
        # search index up to date, which the processes take turns at: seconds, not 0.3.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and {title for _, title, _ in seen[-9:]} != {5}:
            time.sleep(0.2)
        time.sleep(0.5)
    finally:
        stop.set()
        for thread in readers:
            thread.join()
    assert seen and all(status == 200 for status, _, _ in seen)
    assert all(title == text for _, title, text in seen), [s for s in seen if s[1] != s[2]]
    # Every worker reached the last revision: the last answers all show it.
    assert {title for _, title, _ in seen[-9:]} == {5}
    assert {title for _, title, _ in seen} >= {0, 5}
