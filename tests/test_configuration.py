"""Settings that fail safe: production is the default, and it refuses to start unsafely."""

import subprocess
import sys

import pytest

from scorecard import create_app
from scorecard.config import PROJECT_ROOT
from scorecard.http.security import UnsafeConfiguration
from servers import production_env

from conftest import FIXTURE_CONTENT


def production(tmp_path, **settings):
    return create_app(
        {"ENVIRONMENT": "production", "CONTENT_DIR": FIXTURE_CONTENT, "INSTANCE_PATH": tmp_path}
        | settings
    )


@pytest.mark.parametrize(
    "secret",
    [None, "", "development-only-secret", "short-secret"],
    ids=["unset", "empty", "the development value", "too short"],
)
def test_production_refuses_a_secret_key_that_is_not_its_own(tmp_path, secret):
    with pytest.raises(UnsafeConfiguration, match="SECRET_KEY"):
        production(tmp_path, SECRET_KEY=secret)


def test_production_refuses_the_debugger(tmp_path):
    with pytest.raises(UnsafeConfiguration, match="debugger"):
        production(tmp_path, SECRET_KEY="k" * 48, DEBUG=True)


def test_production_starts_with_a_secret_of_its_own(tmp_path):
    app = production(tmp_path, SECRET_KEY="k" * 48)
    assert not app.debug and app.config["SESSION_COOKIE_SECURE"]


def test_development_needs_no_secret(tmp_path):
    app = create_app(
        {"ENVIRONMENT": "development", "CONTENT_DIR": FIXTURE_CONTENT, "INSTANCE_PATH": tmp_path}
    )
    assert app.config["SECRET_KEY"] and not app.config["SESSION_COOKIE_SECURE"]


def load_wsgi(env: dict[str, str]) -> subprocess.CompletedProcess:
    """What gunicorn does first: import wsgi:app with the environment it was given."""
    return subprocess.run(
        [sys.executable, "-c", "import wsgi"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_server_refuses_to_start_when_nobody_chose_the_settings(tmp_path):
    env = production_env(tmp_path)
    del env["SECRET_KEY"]
    started = load_wsgi(env)
    assert started.returncode != 0
    assert "UnsafeConfiguration: SECRET_KEY must be set" in started.stderr


def test_the_server_refuses_flask_debug_in_production(tmp_path):
    started = load_wsgi(production_env(tmp_path, FLASK_DEBUG="1"))
    assert started.returncode != 0 and "debugger must never run" in started.stderr


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_error_shows_a_page_in_the_readers_language_never_a_traceback(tmp_path, lang):
    app = production(tmp_path, SECRET_KEY="k" * 48)

    def broken():
        raise RuntimeError("secret internals")

    app.add_url_rule(f"/{lang}/broken", view_func=broken)
    response = app.test_client().get(f"/{lang}/broken", headers={"Accept-Language": lang})
    page = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "secret internals" not in page and "Traceback" not in page
    assert {"en": "Something went wrong", "zh": "出错"}[lang] in page
