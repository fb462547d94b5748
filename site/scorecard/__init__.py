"""Climate Scorecard: bilingual climate-policy recommendations and case studies."""

from pathlib import Path
from typing import Any

from flask import Flask
from flask_wtf import CSRFProtect

from . import (
    addresses,
    admin,
    api,
    assets,
    caching,
    citations,
    cli,
    comments,
    content,
    db,
    entry,
    errors,
    feeds,
    i18n,
    layout,
    limits,
    live_reload,
    metrics,
    ministries,
    operations,
    pages,
    quantities,
    search,
    security,
    sharing,
    sitemap,
)
from .config import Config


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    """Build the app from Config, with `overrides` (a test's paths, say) applied on top."""
    settings = {k: v for k, v in vars(Config).items() if k.isupper()} | (overrides or {})
    app = Flask(
        __name__,
        instance_path=str(settings["INSTANCE_PATH"]),
        template_folder=str(settings["TEMPLATE_DIR"]),
    )
    app.config.update(settings)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)

    operations.init_app(app)  # first: every response gets its request id and log line
    caching.init_app(app)  # early: a cached page skips every later before-request step
    security.init_app(app)
    i18n.init_app(app)
    layout.init_app(app)
    addresses.init_app(app)
    quantities.init_app(app)
    db.init_app(app)
    content.init_app(app)
    search.init_app(app)
    live_reload.init_app(app)
    assets.init_app(app)
    errors.init_app(app)
    CSRFProtect(app)
    app.register_blueprint(entry.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(ministries.bp)
    app.register_blueprint(metrics.bp)
    app.register_blueprint(citations.bp)
    app.register_blueprint(feeds.bp)
    app.register_blueprint(sharing.bp)
    app.register_blueprint(sitemap.bp)
    api.init_app(app)
    comments.init_app(app)
    admin.init_app(app)
    limits.init_app(app)  # wraps views, so after every blueprint
    cli.init_app(app)
    return app
