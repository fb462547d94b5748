"""`flask db backup` and `flask db restore`: a consistent copy, taken while the site runs."""

import sqlite3
import threading
from contextlib import closing

import pytest
from sqlalchemy import func, select

from comment_helpers import post_comment
from scorecard.core.comments.models import Comment
from scorecard.core.database import db

from conftest import FIXTURE_CONTENT, build_app


@pytest.fixture
def app(tmp_path):
    app = build_app(FIXTURE_CONTENT, tmp_path / "instance", RATELIMIT_ENABLED=False)
    yield app
    with app.app_context():
        db.engine.dispose()


def comment_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Comment))


def test_backup_while_readers_post_then_restore(app, tmp_path):
    client = app.test_client()
    for n in range(5):
        assert post_comment(client, f"Before the backup {n}").status_code == 303
    # Readers keep posting while the backup runs.
    writing = threading.Thread(
        target=lambda: [post_comment(app.test_client(), f"During {n}") for n in range(20)]
    )
    writing.start()
    backup = tmp_path / "backup.db"
    result = app.test_cli_runner().invoke(args=["db", "backup", str(backup)])
    writing.join()
    assert result.exit_code == 0, result.output
    with closing(sqlite3.connect(backup)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        saved = copy.execute("SELECT count(*) FROM comments").fetchone()[0]
    assert 5 <= saved <= 25
    assert comment_count(app) == 25

    result = app.test_cli_runner().invoke(args=["db", "restore", str(backup), "--yes"])
    assert result.exit_code == 0, result.output
    assert comment_count(app) == saved
    assert post_comment(client, "After the restore").status_code == 303


def test_backup_refuses_to_overwrite_and_restore_refuses_a_damaged_file(app, tmp_path):
    existing = tmp_path / "existing.db"
    existing.write_bytes(b"keep me")
    runner = app.test_cli_runner()
    refused = runner.invoke(args=["db", "backup", str(existing)])
    assert refused.exit_code != 0 and "exists already" in refused.output
    assert existing.read_bytes() == b"keep me"
    post_comment(app.test_client(), "Still here")
    damaged = runner.invoke(args=["db", "restore", str(existing), "--yes"])
    assert damaged.exit_code != 0 and "not a SQLite database" in damaged.output
    assert comment_count(app) == 1


def test_postgresql_points_to_its_own_tools(tmp_path, postgres_database):
    app = build_app(FIXTURE_CONTENT, tmp_path, DATABASE_URL=postgres_database)
    result = app.test_cli_runner().invoke(args=["db", "backup", str(tmp_path / "b.db")])
    assert result.exit_code != 0 and "pg_dump" in result.output
    with app.app_context():
        db.engine.dispose()
