"""Anything a stranger can send: no 500, nothing reflected unescaped, clear refusals.

Hypothesis draws path segments, query strings, form fields and headers for every route,
mixed with known attack strings (the OWASP XSS filter-evasion classes) and Unicode edge
cases. Each input carries a marker tag; the tag must never come back as markup.
"""

import re
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comment_helpers import SAME_ORIGIN, comment_form, post_comment

from conftest import PASSWORD, soup

MARKER = "<x-probe>"

# The OWASP filter-evasion classes, and breakouts from the places input could land.
ATTACKS = [
    "<script>alert(1)</script>",
    "<svg onload=alert(1)>",
    "<img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "\x01\x02java\tscript:alert(1)",
    "&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1)",
    "&#x6A&#x61&#x76&#x61script:alert(1)",
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    '"><svg/onload=alert(1)>',
    "'-alert(1)-'",
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "<<script>alert(1);//<</script>",
    "<iframe src=//example.com>",
    "{{7*7}}{% raw %}",
]
# Bidi controls, zero-width characters, half/full width forms, combining marks, NUL.
UNICODE_EDGES = [
    "\u202e\u2066evil\u2069",
    "zero\u200bwidth\u200d\ufeff",
    "ｆｕｌｌｗｉｄｔｈ＜ｓｃｒｉｐｔ＞",
    "ﾊﾝｶｸ",
    "e\u0301\u0301\u0301",
    "\x00nul\x00",
    "\r\nSet-Cookie: injected=1",
    "../../../../etc/passwd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "a" * 5000,
]
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
hostile = st.one_of(st.sampled_from(ATTACKS + UNICODE_EDGES), text).map(lambda s: MARKER + s)

PATHS = [
    "/{lang}/",
    "/{lang}/recommendations/",
    "/{lang}/case-studies/{any}",
    "/{lang}/recommendations/{any}",
    "/{lang}/ministries/{any}",
    "/{lang}/ministries/{any}.vcf",
    "/{lang}/metrics/{any}",
    "/{lang}/metrics/{any}.csv",
    "/{lang}/metrics/{any}.json",
    "/{lang}/search",
    "/{lang}/glossary",
    "/{lang}/comments/{any}/edit",
    "/{any}/",
    "/static/{any}",
    "/admin/",
    "/admin/login",
    "/",
]
QUERY_KEYS = [
    "q",
    "page",
    "sort",
    "kind",
    "ministry",
    "lang",
    "order",
    "comments",
    "shown",
    "reply_to",
    "next",
    "x",
]

RUN = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def header(value: str) -> str:
    """What can travel in an HTTP header: Latin-1, and no line break (it would end it)."""
    return value.encode("utf-8", "replace").decode("latin-1").replace("\r", "").replace("\n", "")


def assert_safe(response) -> None:
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    body = response.get_data(as_text=True)
    if response.mimetype == "text/html":
        assert MARKER not in body  # reflected input is always escaped
    for name, value in response.headers.items():
        assert "\r" not in value and "\n" not in value, name
    assert "injected" not in response.headers.get("Set-Cookie", "")


@RUN
@given(
    path=st.sampled_from(PATHS),
    lang=st.sampled_from(["en", "zh"]),
    segment=hostile,
    query=st.dictionaries(st.sampled_from(QUERY_KEYS), hostile, max_size=4),
    accept_language=st.one_of(hostile, st.sampled_from(["zh-CN,zh;q=0.9", "*;q=x", ";;,,"])),
    cookie=hostile,
    htmx=st.booleans(),
)
def test_no_get_request_breaks_the_site(
    client, path, lang, segment, query, accept_language, cookie, htmx
):
    url = path.format(lang=lang, any=quote(segment, safe=""))
    headers = {
        "Accept-Language": header(accept_language),
        "Cookie": f"lang={quote(cookie)}; comment_author={quote(cookie)}; session={quote(cookie)}",
        "X-Request-ID": quote(cookie),
    }
    if htmx:
        headers |= {
            "HX-Request": "true",
            "HX-Target": quote(cookie),
            "HX-Current-URL": quote(cookie),
        }
    with client.get(url, query_string=query, headers=headers) as response:
        assert_safe(response)


@RUN
@given(
    fields=st.fixed_dictionaries(
        {},
        optional={
            key: hostile for key in ("name", "email", "body", "parent", "started", "website")
        },
    ),
    htmx=st.booleans(),
)
def test_no_comment_breaks_the_site(db_client, fields, htmx):
    """Posts from the site's own page, so that the validation behind it is reached."""
    action, data = comment_form(db_client)
    data.update(fields)
    sent = {"HX-Request": "true", "HX-Target": "comments"} if htmx else {}
    sent |= SAME_ORIGIN
    response = db_client.post(action, data=data, headers=sent)
    assert_safe(response)
    if response.status_code in (400, 422):
        # Refused, and the reader's text is still in the form for them to fix.
        body = fields.get("body", "")
        kept = response.get_data(as_text=True)
        visible = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", body.removeprefix(MARKER))
        if visible.strip() and len(body) < 2000:
            assert "&lt;x-probe&gt;" in kept


@RUN
@given(name=hostile, password=hostile, next_page=hostile)
def test_no_sign_in_breaks_the_site(client, name, password, next_page):
    response = client.post(
        "/admin/login",
        query_string={"next": next_page},
        data={"name": name, "password": password},
    )
    assert_safe(response)


@pytest.mark.parametrize(
    "path",
    [
        "/static/../wsgi.py",
        "/static/%2e%2e/%2e%2e/wsgi.py",
        "/static/..%2f..%2fwsgi.py",
        "/en/recommendations/..%2f..%2fwsgi.py",
        "/en/recommendations/%00",
    ],
)
def test_path_traversal_is_refused(client, path):
    with client.get(path) as response:
        assert response.status_code in (400, 404)
        assert b"create_app" not in response.data


@pytest.mark.parametrize(
    "target",
    ["/admin/\r\nSet-Cookie: x=1", "//evil.example/", "https://evil.example/", "/\\evil.example"],
)
def test_sign_in_never_redirects_off_site_or_into_a_header(db_client, editor, target):
    page = soup(db_client.get("/admin/login"))
    token = page.select_one('input[name="csrf_token"]')["value"]
    response = db_client.post(
        "/admin/login",
        query_string={"next": target},
        data={"csrf_token": token, "name": editor, "password": PASSWORD},
    )
    assert response.status_code == 303
    assert response.headers["Location"] == "/admin/"


def test_a_request_id_that_is_not_a_plain_token_is_replaced(client):
    response = client.get("/en/", headers={"X-Request-ID": "<script>" + "a" * 20})
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-ID"])


def test_control_characters_are_dropped_and_the_comment_kept(db_client):
    """PostgreSQL cannot store NUL; the reader sees no difference without it."""
    response = post_comment(db_client, "clean\x00 air\x1b", name="Li\x00")
    assert response.status_code == 303
    page = db_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "clean air" in page


def test_invalid_utf8_in_the_address_and_the_form_is_answered(db_client):
    with db_client.get(b"/en/search?q=%ff%fe%c3%28".decode("latin-1")) as response:
        assert response.status_code == 200
    action, data = comment_form(db_client)
    body = "&".join(f"{k}={quote(v)}" for k, v in data.items()) + "&body=%ff%fe%c3%28ok"
    response = db_client.post(
        action, data=body, content_type="application/x-www-form-urlencoded", headers=SAME_ORIGIN
    )
    assert response.status_code in (303, 400, 422)
