"""Climate Scorecard: bilingual climate-policy recommendations and case studies."""

from pathlib import Path
from typing import Any

from flask import Flask

from . import cli
from .config import Config
from .core import database, publisher, search
from .extensions import csrf
from .http import (
    assets,
    bodies,
    caching,
    errors,
    kept_pages,
    limits,
    live_reload,
    operations,
    security,
)
from .web import (
    admin,
    api,
    citations,
    entry,
    feeds,
    following,
    i18n,
    licensing,
    metrics,
    ministries,
    pages,
    render,
    sharing,
    sitemap,
    templating,
    tracker,
    uploads,
)
from .web.comments import views as comments


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    """Build the app from Config, with `overrides` (a test's paths, say) applied on top.

    Nothing slow happens here: the content is loaded on first use (or before gunicorn
    forks its workers, gunicorn.conf.py), and the search index when a search first needs
    it. So every `flask` command starts in about a second.
    """
    settings = {k: v for k, v in vars(Config).items() if k.isupper()} | (overrides or {})
    app = Flask(
        __name__,
        instance_path=str(settings["INSTANCE_PATH"]),
        template_folder=str(settings["TEMPLATE_DIR"]),
    )
    app.config.update(settings)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    # The core: the database, the content's publisher, the search index.
    database.init_app(app)
    publisher.init_app(app)
    search.init_app(app)

    # HTTP, in the order its hooks must run.
    operations.init_app(app)  # first: every response gets its request id and log line
    live_reload.init_app(app)  # development: new content before anything reads it
    caching.init_app(app)  # early: a cached page skips every later before-request step
    kept_pages.init_app(app)  # a page this worker kept is answered before Flask
    security.init_app(app)
    assets.init_app(app)
    errors.init_app(app)
    bodies.init_app(app)  # before the CSRF check reads a form
    csrf.init_app(app)

    # The pages.
    i18n.init_app(app)
    render.init_app(app)
    templating.init_app(app)
    licensing.init_app(app)
    for blueprint in (
        entry.bp,
        pages.bp,
        ministries.bp,
        metrics.bp,
        citations.bp,
        feeds.bp,
        sharing.bp,
        sitemap.bp,
        comments.bp,
        following.bp,
        tracker.bp,
        uploads.bp,
    ):
        app.register_blueprint(blueprint)
    api.init_app(app)
    admin.init_app(app)
    limits.init_app(app)  # wraps the views that ask for a limit, so after every blueprint

    cli.init_app(app)
    return app
