"""The SQL database: a SQLite file under instance/ by default, PostgreSQL when configured.

Comments are the only data readers write, so SQLite is set up not to lose an
acknowledged one: WAL with synchronous=FULL survives a power cut, a busy timeout
lets concurrent writers wait their turn, and write transactions start with
BEGIN IMMEDIATE (a deferred transaction that later upgrades to a write skips the
busy timeout and fails with "database is locked").
"""

import os
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from flask import Flask
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The largest id a table holds (its ids are 32-bit integers on PostgreSQL): a larger number
# in an address or a form is answered as "not there" before any query.
LARGEST_ID = 2**31 - 1
BUSY_TIMEOUT_MS = 10_000


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
migrate = Migrate(directory=str(MIGRATIONS_DIR))
# The base of the models: Flask-SQLAlchemy's db.Model, which type checkers see as Base.
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model

# gunicorn --preload forks workers from a process that may hold pooled connections: a
# child must open its own rather than share the parent's sockets or file locks.
_engines: "weakref.WeakSet[Engine]" = weakref.WeakSet()


def _dispose_in_child() -> None:
    for engine in _engines:
        engine.dispose(close=False)


os.register_at_fork(after_in_child=_dispose_in_child)


def utcnow() -> datetime:
    """Naive UTC, stored the same way by SQLite and PostgreSQL."""
    return datetime.now(UTC).replace(tzinfo=None)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy's "begin" event decide how each transaction starts.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection) -> None:
        immediate = connection.get_execution_options().get("sqlite_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def writing() -> Iterator[None]:
    """A write transaction: committed at the end, rolled back on error.

    On SQLite it takes the write lock at once, so concurrent writers queue on the
    busy timeout instead of failing.
    """
    session = db.session()  # the request's Session itself, not its scoped proxy
    if session.in_transaction():
        # A read earlier in the request opened a deferred transaction; end it, so that
        # this one can begin as a write.
        session.commit()
    session.connection(execution_options={"sqlite_write": True})
    try:
        yield
        session.commit()
    except BaseException:
        session.rollback()
        raise


def database_url(app: Flask) -> str:
    return app.config.get("DATABASE_URL") or f"sqlite:///{Path(app.instance_path) / 'site.db'}"


def init_app(app: Flask) -> None:
    url = database_url(app)
    # psycopg 3 is the driver for PostgreSQL; a bare postgresql:// URL would ask for psycopg2.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            url = "postgresql+psycopg://" + url[len(prefix) :]
    app.config["SQLALCHEMY_DATABASE_URI"] = url
    db.init_app(app)
    migrate.init_app(app, db)
    with app.app_context():
        engine = db.engine
    if url.startswith("sqlite"):
        _configure_sqlite(engine)
    _engines.add(engine)
