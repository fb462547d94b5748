"""Security headers and cookies, one test per rule of Mozilla's HTTP Observatory."""

import re

import pytest

from comment_helpers import post_comment
from test_site import LANGS, PAGES

from conftest import FIXTURE_CONTENT, build_app, soup

# A page of each kind, an error page, a static file, a download and a redirect.
RESPONSES = ["/en/", "/zh/about", "/en/no-such-page", "/static/css/site.css", "/", "/healthz"]


def headers(client, path: str, **kwargs):
    with client.get(path, **kwargs) as response:  # closes a static file's handle
        return response.headers


def policy(client, path: str) -> dict[str, str]:
    header = headers(client, path)["Content-Security-Policy"]
    assert "unsafe" not in header
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


@pytest.mark.parametrize("path", RESPONSES)
def test_content_security_policy_allows_only_our_own_files(client, path):
    csp = policy(client, path)
    assert csp["default-src"] == "'none'"
    for directive in ("script-src", "style-src", "img-src", "connect-src", "form-action"):
        assert csp[directive] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["base-uri"] == "'none'"


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
    ],
)
@pytest.mark.parametrize("path", RESPONSES)
def test_every_response_carries_the_header(client, path, header, value):
    assert headers(client, path)[header] == value


def test_permissions_policy_turns_off_devices_and_tracking(client):
    header = client.get("/en/").headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "interest-cohort"):
        assert f"{feature}=()" in header


def test_hsts_is_sent_over_https_only(client):
    assert "Strict-Transport-Security" not in client.get("/en/").headers
    secure = client.get("/en/", base_url="https://localhost")
    max_age = re.search(r"max-age=(\d+)", secure.headers["Strict-Transport-Security"])
    assert int(max_age.group(1)) >= 180 * 24 * 3600  # the Observatory asks for six months


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_inline_script_style_or_handler(site_client, lang, path):
    """What the policy would block: the page must not need any of it."""
    page = soup(site_client.get(f"/{lang}{path}"))
    assert [s for s in page.find_all("script") if not s.get("src")] == []
    assert page.find_all("style") == []
    assert page.find_all(style=True) == []
    handlers = [
        (tag.name, attribute)
        for tag in page.find_all(True)
        for attribute in tag.attrs
        if attribute.lower().startswith("on")
    ]
    assert handlers == []


def cookie_attributes(response, name: str) -> set[str]:
    header = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith(f"{name}="))
    return {part.strip().lower() for part in header.split(";")[1:]}


@pytest.mark.parametrize("environment", ["development", "production"])
def test_cookies_are_httponly_samesite_lax_and_secure_outside_development(tmp_path, environment):
    app = build_app(FIXTURE_CONTENT, tmp_path, ENVIRONMENT=environment, SECRET_KEY="s" * 48)
    client = app.test_client()
    page = client.get("/language/en?next=/en/recommendations/both-languages")  # the toggle
    sign_in_form = client.get("/admin/login")  # the session holds its token
    posted = post_comment(client, "A comment from a reader.", name="Li", email="")
    assert posted.status_code == 303
    cookies = [(sign_in_form, "session"), (page, "lang"), (posted, "comment_author")]
    for response, name in cookies:
        attributes = cookie_attributes(response, name)
        assert {"httponly", "samesite=lax"} <= attributes, name
        assert ("secure" in attributes) is (environment == "production"), name


def test_open_data_may_be_read_by_other_sites_and_pages_may_not(client):
    api = headers(client, "/api/v1/ministries")
    assert api["Access-Control-Allow-Origin"] == "*"
    assert api["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert headers(client, "/en/")["Cross-Origin-Resource-Policy"] == "same-origin"
