"""The comment database itself: durability settings, concurrency, backups."""

import json
import threading
import uuid
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import event, func, select, text

from comment_helpers import comment_id, post_comment
from scorecard.core.comments import store
from scorecard.core.comments.models import Comment, Status
from scorecard.core.database import db
from scorecard.core.editors import Editor

from conftest import FIXTURE_CONTENT, PASSWORD, build_app, server_url, sign_in, soup

DOCUMENT_KEY = "recommendation/both-languages"


def test_sqlite_is_set_up_not_to_lose_an_acknowledged_comment(tmp_path):
    app = build_app(FIXTURE_CONTENT, tmp_path)
    with app.app_context():
        pragma = {
            name: db.session.execute(text(f"PRAGMA {name}")).scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    assert pragma == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": 10000,
    }


def test_twenty_writers_posting_fifty_comments_each_lose_nothing(db_app, db_client):
    errors = []

    def writer(number: int) -> None:
        try:
            with db_app.app_context():
                for n in range(50):
                    store.post(
                        "recommendation/both-languages", "en", f"writer {number}, comment {n}"
                    )
                db.session.remove()
        except Exception as error:  # noqa: BLE001 - reported below with the thread's number
            errors.append((number, error))

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with db_app.app_context():
        count = db.session.scalar(select(func.count()).select_from(Comment))
        distinct = db.session.scalar(select(func.count(func.distinct(Comment.body))))
    assert count == distinct == 1000


def export(app) -> dict:
    result = app.test_cli_runner().invoke(args=["comments", "export"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_export_and_import_round_trip_between_databases(db_app, db_client, tmp_path):
    parent = comment_id(
        post_comment(db_client, "引用与*强调*", name="王芳", email="wf@example.org")
    )
    with db_app.app_context():
        store.moderate(db.session.get(Comment, parent), Status.APPROVED, None)
    reply = comment_id(post_comment(db_client, "A reply", parent=str(parent)))
    with db_app.app_context():
        store.moderate(db.session.get(Comment, reply), Status.SPAM, None)
    exported = export(db_app)
    backup = tmp_path / "comments.json"
    backup.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")

    # Into a fresh SQLite database, whichever database the export came from.
    target = build_app(FIXTURE_CONTENT, tmp_path / "target")
    result = target.test_cli_runner().invoke(args=["comments", "import", str(backup)])
    assert result.exit_code == 0, result.output
    assert export(target) == exported
    # Ids carry over, and new comments number on from them.
    with target.app_context():
        new = store.post(DOCUMENT_KEY, "en", "after the import")
        assert new.id > reply
    again = target.test_cli_runner().invoke(args=["comments", "import", str(backup)])
    assert again.exit_code == 1 and "empty" in again.output


@pytest.fixture
def empty_like(db_app, tmp_path):
    """An app on a new, empty database of the same kind as db_app's."""
    with db_app.app_context():
        kind = db.engine.dialect.name
    settings, made = {}, None
    if kind == "postgresql":
        server = server_url("TEST_DATABASE_URL", "PostgreSQL")
        made = f"scorecard_import_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{made}"')
        settings["DATABASE_URL"] = f"{server.rsplit('/', 1)[0]}/{made}"
    app = build_app(FIXTURE_CONTENT, tmp_path / "empty", **settings)
    yield app
    with app.app_context():
        db.engine.dispose()
    if made:
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{made}" WITH (FORCE)')


def test_export_import_export_gives_the_same_file_with_the_moderators_names(
    db_app, db_client, editor, empty_like, tmp_path
):
    new = comment_id(post_comment(db_client, "Moderated by a person"))
    sign_in(db_client, editor, PASSWORD)
    token = soup(db_client.get("/admin/")).select_one('input[name="csrf_token"]')["value"]
    db_client.post(f"/admin/comments/{new}/approve", data={"csrf_token": token})
    exported = export(db_app)
    assert exported["editors"] == [editor]
    assert "password" not in json.dumps(exported) and "scrypt" not in json.dumps(exported)
    backup = tmp_path / "comments.json"
    backup.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")

    # Into an empty database that has no accounts at all.
    result = empty_like.test_cli_runner().invoke(args=["comments", "import", str(backup)])
    assert result.exit_code == 0, result.output
    assert f"flask editors enable {editor}" in result.output
    assert export(empty_like) == exported
    # The account is there for the record, disabled, and opens with no password.
    with empty_like.app_context():
        [account] = db.session.scalars(select(Editor)).all()
        assert (account.name, account.active) == (editor, False)
        assert not account.check_password(PASSWORD) and not account.check_password("")


def test_import_refuses_a_file_that_is_not_an_export(db_app, db_client, tmp_path):
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"comments": []}', encoding="utf-8")
    result = db_app.test_cli_runner().invoke(args=["comments", "import", str(wrong)])
    assert result.exit_code == 1 and "not a comments export" in result.output


def _thread_of(app, top_level: int) -> None:
    """`top_level` approved comments on the document, each with an approved reply."""
    with app.app_context():
        for n in range(top_level):
            comment = store.post(DOCUMENT_KEY, "en", f"Comment {n}")
            store.moderate(comment, Status.APPROVED, None)
            reply = store.post(DOCUMENT_KEY, "en", f"Reply {n}", parent=comment)
            store.moderate(reply, Status.APPROVED, None)


def _statements_for_the_page(app, client) -> tuple[int, int]:
    """(SQL statements, comments shown) for a reader opening the document."""
    statements = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        page = client.get("/en/recommendations/both-languages")
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert page.status_code == 200
    return len(statements), page.get_data(as_text=True).count('class="comment"')


def test_a_thread_costs_the_same_queries_however_many_comments_it_has(db_app, db_client):
    _thread_of(db_app, 2)
    few, shown = _statements_for_the_page(db_app, db_client)
    assert shown == 4
    _thread_of(db_app, 18)
    many, shown = _statements_for_the_page(db_app, db_client)
    assert shown == 40  # 20 comments, each with its reply
    # The comment state in the page's ETag, read before Flask in a transaction of its own
    # (SQLite's BEGIN and two), then the thread in the request's: BEGIN, its count, its
    # comments and all their replies.
    assert many == few <= 7


WORDPRESS = Path(__file__).parent / "wordpress"


def import_from_wordpress(app, mapping: Path = WORDPRESS / "mapping.yaml"):
    command = ["comments", "import", "--from", "wordpress", str(WORDPRESS / "export.xml")]
    return app.test_cli_runner().invoke(args=[*command, "--map", str(mapping)])


def test_comments_come_over_from_a_wordpress_export(db_app, db_client):
    result = import_from_wordpress(db_app)
    assert result.exit_code == 0, result.output
    assert "5 comment(s) imported on recommendation/both-languages" in result.output
    assert "NOT imported: 2 comment(s) on https://blog.example.org/2021/06/elsewhere/" in (
        result.output
    )
    assert "1 pingback(s)" in result.output and "1 reply(ies) to a reply" in result.output

    page = soup(db_client.get("/en/recommendations/both-languages"))
    first = page.select_one(".comment-list > li > .comment, #comments .comment")
    assert "Li Wei" in first.get_text()
    link = first.select_one(".comment__body a")
    assert link["href"] == "https://www.ilo.org/" and link.get_text() == "as the ILO found"
    assert first.select_one(".comment__body strong").get_text() == "before"
    assert first.select_one("time")["datetime"] == "2021-05-04T08:12:00Z"  # GMT kept
    replies = page.select(".comment-list--replies .comment")
    assert [r["lang"] for r in replies] == ["zh-Hans", "en"]  # found from each text
    assert "Not moderated yet." not in page.get_text()
    with db_app.app_context():
        statuses = dict(db.session.execute(select(Comment.body, Comment.status)).all())
        li_wei = db.session.scalars(select(Comment).where(Comment.author_name == "Li Wei")).one()
    assert statuses["Not moderated yet."] == Status.PENDING
    assert statuses["Buy now at https://spam.example"] == Status.SPAM
    assert li_wei.author_email == "Li.Wei@example.org"

    again = import_from_wordpress(db_app)
    assert "0 comment(s) imported in all" in again.output
    assert "Skipped: 5 comment(s) already here" in again.output


def test_a_bad_wordpress_mapping_or_file_imports_nothing(db_app, db_client, tmp_path):
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("https://blog.example.org/2021/05/coal-jobs/: recommendation/nowhere\n")
    result = import_from_wordpress(db_app, mapping)
    assert result.exit_code == 1 and "recommendation/nowhere" in result.output
    not_an_export = tmp_path / "export.xml"
    not_an_export.write_text("<html><body>not an export</body></html>")
    command = ["comments", "import", "--from", "wordpress", str(not_an_export)]
    valid = WORDPRESS / "mapping.yaml"
    refused = db_app.test_cli_runner().invoke(args=[*command, "--map", str(valid)])
    assert refused.exit_code == 1 and "not a WordPress export" in refused.output
    with db_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Comment)) == 0
