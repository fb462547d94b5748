"""Static files under names that change with their content, so browsers keep them a year.

`url_for("static", filename="css/site.css")` gives /static/css/site.<12 hex digits>.css;
that address always means these bytes, and is cached as immutable. A page cached from
before a deploy may ask for an older fingerprint: it gets the current file, revalidated
as usual. Behind nginx, the same names are served from disk (deploy/nginx.conf).
"""

import hashlib
import re
from pathlib import Path, PurePosixPath

from flask import Flask

from .caching import IMMUTABLE

FINGERPRINTED = re.compile(r"^(?P<stem>.+)\.(?P<digest>[0-9a-f]{12})(?P<suffix>\.\w+)$")


def fingerprints(folder: Path) -> dict[str, str]:
    """Each static file with a suffix -> the first 12 hex digits of its SHA-256."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix
    }


def fingerprinted(filename: str, digest: str) -> str:
    path = PurePosixPath(filename)
    return str(path.with_name(f"{path.stem}.{digest}{path.suffix}"))


def init_app(app: Flask) -> None:
    digests = fingerprints(Path(str(app.static_folder)))

    @app.url_defaults
    def add_fingerprint(endpoint: str, values: dict) -> None:
        if endpoint == "static" and (digest := digests.get(values.get("filename", ""))):
            values["filename"] = fingerprinted(values["filename"], digest)

    def static(filename: str):
        match = FINGERPRINTED.match(filename)
        original = f"{match['stem']}{match['suffix']}" if match else filename
        response = app.send_static_file(original)
        if response.status_code == 200:
            # Read into memory (our files are small), so Flask-Compress compresses it whole
            # and the file is closed at once.
            response.direct_passthrough = False
            response.make_sequence()
        if match and digests.get(original) == match["digest"]:
            response.headers["Cache-Control"] = IMMUTABLE
        return response

    app.view_functions["static"] = static
