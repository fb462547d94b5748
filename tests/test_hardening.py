"""What an attacker from outside tried: every route fuzzed (url_for's reserved names, repeated
keys, huge numbers, bytes that are not UTF-8) never answers 500; an editor's session ends
everywhere when they sign out, change password or are disabled; sign-in renews the session
and takes as long for a name that exists as for one that does not; and a comment's author
edits it only within its window, counted by the database."""

import re
import statistics
import time
from datetime import timedelta
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import update
from werkzeug.routing import IntegerConverter

from comment_helpers import comment_id, post_comment
from scorecard.core.comments.models import Comment
from scorecard.core.database import db

from conftest import PASSWORD, soup, toggled

RESERVED = ["_scheme", "_anchor", "_method", "_external"]
KNOWN = ["q", "page", "sort", "kind", "topic", "ministry", "order", "comments", "shown"]
KNOWN += ["reply_to", "next", "lang", "section", "slug"]
VALUES = st.one_of(
    st.sampled_from(["*a*", "a*b*c", "", "-1", "0", "99999999999999999999", "%ff%fe", "\x00"]),
    st.text(max_size=20),
)


def _routes(app) -> list:
    return [
        rule
        for rule in app.url_map.iter_rules()
        if "GET" in (rule.methods or ()) and rule.endpoint != "static"
    ]


def _value(rule, name: str, draw) -> str:
    converter = rule._converters[name]
    if isinstance(converter, IntegerConverter):
        return draw(st.sampled_from(["0", "1", "2147483648", "99999999999999999999"]))
    if hasattr(converter, "items"):  # any(...): one of its choices, or not
        return draw(st.sampled_from([*converter.items, "nope"]))
    return quote(draw(st.one_of(st.text(min_size=1, max_size=12), st.just("%ff"))), safe="%")


PLACEHOLDER = re.compile(r"<(?:[^>:]+:)?(\w+)>")


@st.composite
def requests(draw, rules):
    rule = draw(st.sampled_from(rules))
    values = {name: _value(rule, name, draw) for name in rule.arguments}
    path = PLACEHOLDER.sub(lambda match: values[match.group(1)], rule.rule)
    keys = draw(st.lists(st.sampled_from(RESERVED + KNOWN), max_size=5))
    query = "&".join(f"{quote(key)}={quote(draw(VALUES))}" for key in keys)
    return path, query


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_no_route_answers_500_whatever_the_address_says(app, client, data):
    path, query = data.draw(requests(_routes(app)))
    # A 500 would raise here (the app runs with TESTING on, so its errors propagate).
    response = client.get(f"{path}?{query}")
    assert response.status_code < 500, (path, query)


@pytest.mark.parametrize(
    "query",
    ["_scheme=*a*", "_scheme=a*b*c", "_anchor=x&_anchor=y", "_method=POST&_method=GET"],
)
@pytest.mark.parametrize("path", ["/en/recommendations/both-languages", "/zh/search", "/en/"])
def test_url_fors_reserved_names_never_come_from_the_request(client, path, query):
    page = client.get(f"{path}?{query}")
    assert page.status_code == 200
    toggle = toggled(soup(page))
    assert "_scheme" not in toggle and "_anchor" not in toggle and "_method" not in toggle


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/en/comments/99999999999999999999/edit"),
        ("post", "/en/comments/2147483648/delete"),
        ("post", "/admin/comments/99999999999999999999/approve"),
    ],
)
def test_an_id_too_large_for_the_database_is_a_404(db_client, method, path):
    response = getattr(db_client, method)(path)
    assert response.status_code == 404


def test_a_reply_to_a_huge_id_is_a_page_without_a_reply(db_client):
    page = db_client.get("/en/recommendations/both-languages?reply_to=99999999999999999999")
    assert page.status_code == 200


def sign_in(client, name=None, password=PASSWORD):
    page = soup(client.get("/admin/login"))
    token = page.select_one('input[name="csrf_token"]')["value"]
    response = client.post(
        "/admin/login", data={"csrf_token": token, "name": name, "password": password}
    )
    return token, response


def session_cookie(client) -> str:
    return client.get_cookie("session").value


def replayed(app, cookie: str, agent: str = "another browser") -> int:
    """The status of the queue for a stranger's browser that sends a captured cookie."""
    stranger = app.test_client()
    stranger.set_cookie("session", cookie)
    return stranger.get("/admin/", headers={"User-Agent": agent}).status_code


def test_signing_out_ends_every_session_of_the_editor(db_app, db_client, editor):
    sign_in(db_client, editor)
    captured = session_cookie(db_client)
    assert replayed(db_app, captured) == 200  # the cookie works from anywhere, until...
    other = db_app.test_client()
    sign_in(other, editor)
    token = soup(db_client.get("/admin/")).select_one('form[action="/admin/logout"] input')
    db_client.post("/admin/logout", data={"csrf_token": token["value"]})
    assert replayed(db_app, captured) == 302  # the signed-out session
    assert other.get("/admin/").status_code == 302  # and the one in the other browser


@pytest.mark.parametrize(
    ("command", "stdin"),
    [(["password"], f"{PASSWORD} again\n{PASSWORD} again\n"), (["disable"], "")],
)
def test_a_new_password_or_disabling_ends_the_sessions(db_app, db_client, editor, command, stdin):
    sign_in(db_client, editor)
    captured = session_cookie(db_client)
    result = db_app.test_cli_runner().invoke(args=["editors", *command, editor], input=stdin)
    assert result.exit_code == 0, result.output
    assert replayed(db_app, captured) == 302
    assert db_client.get("/admin/").status_code == 302
    if command == ["disable"]:
        _, again = sign_in(db_app.test_client(), editor)
        assert again.status_code == 401  # a disabled account cannot sign in


def test_signing_in_gives_a_new_session_and_a_new_csrf_token(db_client, editor):
    before, response = sign_in(db_client, editor)
    assert response.status_code == 303
    after = soup(db_client.get("/admin/")).select_one('input[name="csrf_token"]')["value"]
    # The raw token is what the session holds; the form shows it signed, so compare those.
    assert before.split(".")[0] != after.split(".")[0]


def test_an_editors_session_ends_after_the_idle_time(db_app, db_client, editor):
    lifetime = db_app.permanent_session_lifetime
    db_app.permanent_session_lifetime = timedelta(seconds=1)
    try:
        sign_in(db_client, editor)
        assert db_client.get("/admin/").status_code == 200
        time.sleep(2.1)
        assert db_client.get("/admin/").status_code == 302
    finally:
        db_app.permanent_session_lifetime = lifetime


def test_a_failed_sign_in_takes_as_long_for_a_real_name_as_for_an_unknown_one(db_app, editor):
    client = db_app.test_client()
    token = soup(client.get("/admin/login")).select_one('input[name="csrf_token"]')["value"]

    def attempt(name: str) -> float:
        started = time.perf_counter()
        response = client.post(
            "/admin/login", data={"csrf_token": token, "name": name, "password": "wrong guess!"}
        )
        assert response.status_code == 401
        return time.perf_counter() - started

    real, unknown = [], []
    for _ in range(5):  # taking turns, so that a busy moment falls on both alike
        real.append(attempt(editor))
        unknown.append(attempt("nobody-by-this-name"))
    ratio = statistics.median(real) / statistics.median(unknown)
    assert 0.5 < ratio < 2, (real, unknown)


def _age(app, comment: int, minutes: int) -> None:
    with app.app_context():
        created = db.session.get(Comment, comment).created_at - timedelta(minutes=minutes)
        db.session.execute(update(Comment).where(Comment.id == comment).values(created_at=created))
        db.session.commit()


def test_the_edit_window_is_counted_from_the_comments_own_time(db_app, db_client):
    new = comment_id(post_comment(db_client, "Written in haste"))
    form = soup(db_client.get(f"/en/comments/{new}/edit")).select_one("form.comment-form")
    token = form.select_one('input[name="csrf_token"]')["value"]
    _age(db_app, new, 16)  # the form was opened in time, but is sent too late
    response = db_client.post(
        f"/en/comments/{new}/edit", data={"csrf_token": token, "body": "Changed too late"}
    )
    assert response.status_code == 403
    assert "15 minutes" in response.get_data(as_text=True)
    deleted = db_client.post(f"/zh/comments/{new}/delete", data={"csrf_token": token})
    assert deleted.status_code == 403 and "15 分钟" in deleted.get_data(as_text=True)


def test_a_form_without_its_token_is_refused_in_the_readers_language(db_client):
    new = comment_id(post_comment(db_client, "Mine, for now"))
    edit = db_client.post(f"/zh/comments/{new}/edit", data={"body": "没有令牌的修改"})
    assert edit.status_code == 400
    assert "没有令牌的修改" in edit.get_data(as_text=True)  # the text is kept
    cross_site = db_client.post(
        f"/zh/comments/{new}/delete", headers={"Origin": "https://evil.example"}
    )
    assert cross_site.status_code == 403
    assert "此表单已过期" in cross_site.get_data(as_text=True)


def test_the_language_toggle_keeps_only_what_the_page_reads(client):
    page = client.get("/en/search?q=coal&kind=recommendation&evil=1&page=1&section=x")
    toggle = toggled(soup(page))
    assert toggle.startswith("/zh/search?")
    assert "q=coal" in toggle and "kind=recommendation" in toggle
    assert "evil" not in toggle and "section" not in toggle
