"""HTTP caching: what browsers and shared caches may keep, 304s, compression, fingerprints."""

import gzip
import re

import brotli
import pytest
from sqlalchemy import update

from comment_helpers import DOCUMENT, comment_id, post_comment
from scorecard.core.comments.models import Comment, Status
from scorecard.core.database import db

from conftest import PASSWORD, soup

ARTICLE = "/en/recommendations/both-languages"
PUBLIC_PAGES = [ARTICLE, "/zh/recommendations/", "/en/", "/en/ministries/", "/en/search?q=coal"]


def without_form_stamp(page: bytes) -> bytes:
    """Each rendering stamps the comment form with its own time."""
    return re.sub(rb'name="started" type="hidden" value="[^"]*"', b"", page)


def approve(app, comment: int) -> None:
    with app.app_context():
        db.session.execute(
            update(Comment).where(Comment.id == comment).values(status=Status.APPROVED)
        )
        db.session.commit()


def sign_in(client) -> None:
    token = soup(client.get("/admin/login")).select_one('input[name="csrf_token"]')["value"]
    client.post("/admin/login", data={"csrf_token": token, "name": "mei", "password": PASSWORD})


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_public_page_may_be_kept_by_shared_caches_and_is_revalidated(client, path):
    response = client.get(path)
    assert response.status_code == 200
    cache_control = response.cache_control
    assert cache_control.public and cache_control.s_maxage == 60 and cache_control.max_age == 0
    etag, weak = response.get_etag()
    assert etag and not weak
    assert response.last_modified is not None
    assert "Cookie" in response.vary and "HX-Request" in response.vary


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_page_that_has_not_changed_is_answered_304_without_a_body(client, path):
    first = client.get(path)
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == first.headers["ETag"]
    since = client.get(path, headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert since.status_code == 304


def test_an_etag_from_another_page_gets_the_whole_page(client):
    other = client.get("/en/recommendations/").headers["ETag"]
    assert client.get(ARTICLE, headers={"If-None-Match": other}).status_code == 200


def test_an_error_page_is_never_reused_without_asking_again(client):
    missing = client.get("/en/recommendations/no-such-document")
    assert missing.status_code == 404
    assert "ETag" not in missing.headers
    assert missing.headers["Cache-Control"] == "no-cache"
    assert client.get("/en/recommendations/?page=99").status_code == 404


def test_the_htmx_fragment_and_the_page_have_different_etags(client):
    page = client.get("/en/search?q=coal")
    results = client.get(
        "/en/search?q=coal", headers={"HX-Request": "true", "HX-Target": "search-results"}
    )
    assert page.headers["ETag"] != results.headers["ETag"]
    assert "<html" in page.get_data(as_text=True)
    assert "<html" not in results.get_data(as_text=True)


@pytest.mark.parametrize(
    ("accept", "decode"),
    [
        ("br", brotli.decompress),
        ("gzip", gzip.decompress),
        ("gzip, deflate, br", brotli.decompress),
    ],
)
def test_pages_are_compressed_as_the_browser_asks(client, accept, decode):
    plain = client.get(ARTICLE, headers={"Accept-Encoding": "identity"})
    for _ in range(2):  # rendered, then sent again from memory
        packed = client.get(ARTICLE, headers={"Accept-Encoding": accept})
        assert packed.headers["Content-Encoding"] == accept.split(", ")[-1]
        assert len(packed.data) < len(plain.data) / 3
        assert without_form_stamp(decode(packed.data)) == without_form_stamp(plain.data)


@pytest.mark.parametrize(
    "path",
    [
        "/en/metrics/workers-reemployed.csv",
        "/en/metrics/workers-reemployed.json",
        "/en/ministries/mohrss.vcf",
        "/en/",
    ],
)
def test_an_answer_sent_again_from_memory_is_the_same_answer(client, path):
    first, again = client.get(path), client.get(path)
    assert again.status_code == first.status_code == 200
    for header in ("Content-Type", "Content-Disposition", "ETag"):
        assert again.headers.get(header) == first.headers.get(header), header


def test_approving_a_comment_shows_it_to_readers_at_once(db_app, db_client):
    new = comment_id(post_comment(db_client, "Worth reading."))
    reader = db_app.test_client()
    before = reader.get(DOCUMENT)
    assert "Worth reading." not in before.get_data(as_text=True)
    approve(db_app, new)
    after = reader.get(DOCUMENT, headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200
    assert "Worth reading." in after.get_data(as_text=True)


def test_a_readers_own_pending_comment_never_reaches_other_readers(db_app, db_client):
    post_comment(db_client, "Mine, awaiting an editor.")
    mine = db_client.get(DOCUMENT)
    assert "Mine, awaiting an editor." in mine.get_data(as_text=True)
    assert mine.cache_control.private
    stranger = db_app.test_client().get(DOCUMENT)
    assert "Mine, awaiting an editor." not in stranger.get_data(as_text=True)


def test_an_editors_pages_are_private_and_drafts_stay_with_editors(db_app, db_client, editor):
    draft = "/en/recommendations/draft-only"
    sign_in(db_client)
    seen = db_client.get(draft)
    assert seen.status_code == 200 and seen.cache_control.private
    assert db_client.get("/admin/").headers["Cache-Control"] == "no-store"
    assert db_app.test_client().get(draft).status_code == 404


def test_answers_to_forms_are_never_kept(db_client):
    response = post_comment(db_client, "A thought.")
    assert response.headers["Cache-Control"] == "no-store"


def test_static_files_have_fingerprinted_names_kept_a_year(client):
    page = client.get("/en/").get_data(as_text=True)
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page)[1]
    with client.get(stylesheet) as response:
        assert response.status_code == 200 and b"{" in response.data
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    # A name from before a change gets today's file, not kept as if it could not change.
    with client.get("/static/css/site.000000000000.css") as older:
        assert older.status_code == 200 and older.data == response.data
        assert "immutable" not in older.headers.get("Cache-Control", "")
    with client.get("/static/css/nothing.000000000000.css") as missing:
        assert missing.status_code == 404


def answered(app_log) -> list[tuple[str, int, bool]]:
    """Each request's log line: its request id, status, and whether it was a kept page."""
    return [
        (record.request_id, record.status, getattr(record, "kept", False))
        for record in app_log.records
        if record.name == "scorecard.requests"
    ]


def without_request_id(headers) -> list[tuple[str, str]]:
    """The headers that describe the page, not the request (its id, and today's Date)."""
    return sorted(
        (name, value) for name, value in headers.items() if name not in ("X-Request-ID", "Date")
    )


@pytest.mark.parametrize("accept", ["identity", "gzip", "br"])
@pytest.mark.parametrize(
    "path", [ARTICLE, "/zh/recommendations/", "/en/ministries/mohrss", "/zh/search?q=就业"]
)
def test_a_kept_page_answered_before_flask_is_the_page_flask_sent(app, path, accept, app_log):
    reader = app.test_client()
    reader.application.extensions["page_cache"].clear()
    asked = {"Accept-Encoding": accept}
    made = reader.get(path, headers=asked)
    kept = reader.get(path, headers=asked)
    assert kept.status_code == made.status_code == 200
    assert kept.data == made.data
    # Security headers, ETag, Cache-Control, Vary, encoding and length, all the same.
    assert without_request_id(kept.headers) == without_request_id(made.headers)
    assert answered(app_log) == [
        (made.headers["X-Request-ID"], 200, False),
        (kept.headers["X-Request-ID"], 200, True),
    ]


def test_a_flood_of_different_searches_pushes_out_only_other_searches(app):
    pages = app.extensions["page_cache"]
    pages.clear()
    pages.put("an article", "br", b"a" * 5000, [])
    for number in range(2000):  # 10 MB of search pages
        pages.put(f"search {number}", "br", b"s" * 5000, [], per_query=True)
    assert pages.get("an article", "br")
    assert pages.get("search 1999", "br") and not pages.get("search 0", "br")


def test_a_304_before_flask_is_the_304_flask_sends(app, app_log):
    reader = app.test_client()
    page_cache = reader.application.extensions["page_cache"]
    page_cache.clear()
    page = reader.get(ARTICLE, headers={"Accept-Encoding": "br"})
    holding = {"Accept-Encoding": "br", "If-None-Match": page.headers["ETag"]}
    kept = reader.get(ARTICLE, headers=holding)
    page_cache.clear()  # this worker forgot the page: Flask answers
    made = reader.get(ARTICLE, headers=holding)
    assert kept.status_code == made.status_code == 304
    assert kept.data == made.data == b""
    assert without_request_id(kept.headers) == without_request_id(made.headers)
    assert [kept_page for _, _, kept_page in answered(app_log)] == [False, True, False]


def test_a_head_request_for_a_kept_page_has_its_headers_and_no_body(client):
    page = client.get(ARTICLE)
    head = client.head(ARTICLE)
    assert head.status_code == 200 and head.data == b""
    assert without_request_id(head.headers) == without_request_id(page.headers)


def test_a_proxys_request_id_is_kept_by_a_page_answered_before_flask(client, app_log):
    client.get(ARTICLE)
    sent = client.get(ARTICLE, headers={"X-Request-ID": "edge-1234abcd"})
    assert sent.headers["X-Request-ID"] == "edge-1234abcd"
    assert answered(app_log)[-1] == ("edge-1234abcd", 200, True)
