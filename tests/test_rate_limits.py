"""Rate limits on posting and signing in, in one worker and across workers with Redis."""

import uuid

from comment_helpers import post_comment, textarea

from conftest import FIXTURE_CONTENT, build_app, server_url, soup

LIMIT = "3 per minute"


def limited_app(tmp_path, **settings):
    return build_app(
        FIXTURE_CONTENT, tmp_path, COMMENT_RATE_LIMIT=LIMIT, SIGNIN_RATE_LIMIT=LIMIT, **settings
    )


def test_too_many_comments_get_a_429_that_keeps_the_text(tmp_path):
    client = limited_app(tmp_path).test_client()
    assert [post_comment(client, f"Comment {n}").status_code for n in range(3)] == [303] * 3
    refused = post_comment(client, "The fourth, kept")
    assert refused.status_code == 429
    page = soup(refused)
    assert "several comments in a short time" in page.select_one(".comments__message").get_text()
    assert textarea(page) == "The fourth, kept"


def test_sign_in_attempts_are_limited(tmp_path):
    client = limited_app(tmp_path).test_client()

    def attempt():
        token = soup(client.get("/admin/login")).select_one('input[name="csrf_token"]')["value"]
        data = {"csrf_token": token, "name": "someone", "password": "guess"}
        return client.post("/admin/login", data=data).status_code

    assert [attempt() for _ in range(4)] == [401, 401, 401, 429]


def test_a_spoofed_forwarded_for_does_not_dodge_the_limit(tmp_path):
    client = limited_app(tmp_path).test_client()
    codes = [
        post_comment(client, "spoof", headers={"X-Forwarded-For": f"10.0.0.{n}"}).status_code
        for n in range(4)
    ]
    assert codes[-1] == 429


def test_the_limit_holds_across_two_workers_sharing_redis(tmp_path):
    redis = server_url("TEST_REDIS_URL", "Redis")
    shared = {"RATELIMIT_STORAGE_URI": redis, "RATELIMIT_KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
    first = limited_app(tmp_path / "one", **shared).test_client()
    second = limited_app(tmp_path / "two", **shared).test_client()
    codes = [post_comment(client, "hello").status_code for client in (first, second, first)]
    assert codes == [303, 303, 303]
    assert post_comment(second, "one too many").status_code == 429


def test_behind_a_trusted_proxy_the_address_it_adds_is_the_one_counted(tmp_path):
    client = limited_app(tmp_path, TRUSTED_PROXY_COUNT=1).test_client()

    def post_via_proxy(forwarded_for: str) -> int:
        headers = {"X-Forwarded-For": forwarded_for}
        return post_comment(client, "via proxy", headers=headers).status_code

    # The proxy appends the reader's real address; what the reader wrote before it is ignored.
    spoofed = [post_via_proxy(f"10.0.0.{n}, 203.0.113.7") for n in range(4)]
    assert spoofed == [303, 303, 303, 429]
    # Different readers behind the same proxy each have a limit of their own.
    assert [post_via_proxy(f"198.51.100.{n}") for n in range(4)] == [303] * 4
