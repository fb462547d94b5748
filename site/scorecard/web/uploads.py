"""The images editors upload, from content/images/. Their names are drawn from their
content (core/images.py), so each address always means the same bytes: kept for a year."""

from pathlib import Path

from flask import Blueprint, abort, current_app, send_from_directory

from ..core.images import FOLDER, NAME, URL_PREFIX
from ..http.caching import IMMUTABLE

bp = Blueprint("uploads", __name__)


@bp.get(f"{URL_PREFIX}<name>")
def image(name: str):
    if not NAME.match(name):
        abort(404)
    folder = Path(current_app.config["CONTENT_DIR"]) / FOLDER
    response = send_from_directory(folder, name, max_age=0)
    response.headers["Cache-Control"] = IMMUTABLE
    return response
