"""Nothing lost: the server is killed mid-stream; every comment it acknowledged survives.

gunicorn serves the site; readers post comments from several threads; the whole server
(master and workers) gets SIGKILL, as in a crash or a power cut; after a restart, every
comment answered with "received" (303) must be in the database, which must be intact.
"""

import http.client
import http.cookiejar
import sqlite3
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import closing

import psycopg
import pytest
from bs4 import BeautifulSoup

from servers import Gunicorn, production_env

DOCUMENT = "/en/recommendations/community-employment"
READERS = 6


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def reader(base: str, number: int, acknowledged: list, stop: threading.Event) -> None:
    """Posts comment after comment until the server stops answering."""
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    sent = 0
    while not stop.is_set():
        try:
            page = BeautifulSoup(browser.open(base + DOCUMENT, timeout=10).read(), "html.parser")
            form = page.select_one("#comment-form")
            fields = {
                i["name"]: i.get("value", "")
                for i in form.select("input")
                if i.get("type") != "checkbox"  # left unticked, as a reader would
            }
            # What the page's script asks for as the reader starts to write.
            stamp = form.select_one('input[name="started"]')["hx-get"]
            answer = BeautifulSoup(browser.open(base + stamp, timeout=10).read(), "html.parser")
            fields["started"] = answer.select_one("input")["value"]
            text = f"Reader {number}, comment {sent}"
            fields.update(body=text, name=f"Reader {number}")
            data = urllib.parse.urlencode(fields).encode()
            # A browser says which site the form was sent from.
            post = urllib.request.Request(base + form["action"], data, {"Origin": base})
            browser.open(post, timeout=10)
        except urllib.error.HTTPError as answer:
            if answer.code == 303:  # received: the server has said the comment is stored
                acknowledged.append(text)
                sent += 1
        except (OSError, http.client.HTTPException):
            return  # the server is gone (killed mid-answer, the page is cut short)


def run_and_kill(server: Gunicorn) -> list[str]:
    acknowledged: list[str] = []
    stop = threading.Event()
    readers = [
        threading.Thread(target=reader, args=(server.url, n, acknowledged, stop))
        for n in range(READERS)
    ]
    for thread in readers:
        thread.start()
    deadline = time.monotonic() + 30
    while len(acknowledged) < 40 and time.monotonic() < deadline:
        time.sleep(0.05)
    server.kill()
    stop.set()
    for thread in readers:
        thread.join(timeout=30)
    return acknowledged


@pytest.mark.parametrize("database", ["sqlite", "postgresql"])
def test_every_acknowledged_comment_survives_sigkill(tmp_path, request, database):
    env = production_env(
        tmp_path,
        SCORECARD_ENV="development",  # plain HTTP here: production cookies need HTTPS
        SCORECARD_COMMENT_MIN_SECONDS="0",
        SCORECARD_COMMENT_RATE_LIMIT="100000 per minute",
    )
    if database == "postgresql":
        env["DATABASE_URL"] = request.getfixturevalue("postgres_database")
    server = Gunicorn(env, workers=3).start()
    acknowledged = run_and_kill(server)
    assert len(acknowledged) >= 40, server.log.read_text()[-2000:]

    restarted = Gunicorn(env, workers=2).start()
    try:
        with urllib.request.urlopen(restarted.url + "/healthz", timeout=10) as health:
            assert health.status == 200
    finally:
        restarted.stop()
    stored = stored_comments(env, tmp_path)
    missing = [text for text in acknowledged if text not in stored]
    assert missing == []


def stored_comments(env: dict, instance) -> set[str]:
    if "DATABASE_URL" in env:
        with psycopg.connect(env["DATABASE_URL"]) as connection:
            rows = connection.execute("SELECT body FROM comments").fetchall()
            connection.execute("DELETE FROM moderation_actions")
            connection.execute("DELETE FROM comments")
        return {row[0] for row in rows}
    with closing(sqlite3.connect(instance / "site.db")) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return {row[0] for row in connection.execute("SELECT body FROM comments")}
