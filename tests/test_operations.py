"""/healthz for the operator's monitor, and the request id that joins logs together."""

import re
from pathlib import Path

from scorecard.core.database import db

from conftest import FIXTURE_CONTENT, build_app


def test_healthz_reports_database_and_index(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "checks": {"database": "ok", "index": "ok"}}
    assert "no-store" in response.headers["Cache-Control"]


def test_healthz_fails_when_the_database_is_unreachable(tmp_path):
    app = build_app(FIXTURE_CONTENT, tmp_path)
    with app.app_context():
        db.engine.dispose()
    (Path(app.instance_path) / "site.db").unlink()  # lost: a new, empty one would open
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json["checks"]["database"] == "unavailable"


def test_healthz_fails_when_the_index_is_gone(tmp_path):
    app = build_app(FIXTURE_CONTENT, tmp_path)
    app.extensions["publisher"].prepare_to_serve()  # as gunicorn does before its workers start
    (app.extensions["search"].root / "current").unlink()
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json == {
        "status": "failing",
        "checks": {"database": "ok", "index": "unavailable"},
    }


def test_every_response_has_a_request_id(client):
    made = client.get("/en/").headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", made)
    assert (
        client.get("/en/", headers={"X-Request-ID": "edge-1234abcd"}).headers["X-Request-ID"]
        == "edge-1234abcd"
    )
    assert client.get("/en/no-such-page").headers["X-Request-ID"] != made
