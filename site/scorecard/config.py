"""Settings, read from environment variables with embedded defaults."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _path(name: str, default: Path) -> Path:
    return Path(os.environ.get(name) or default)


class Config:
    """Defaults for one machine: everything lives beside the code or under instance/."""

    SECRET_KEY = os.environ.get("SECRET_KEY", "development-only-secret")
    INSTANCE_PATH = _path("SCORECARD_INSTANCE_PATH", PROJECT_ROOT / "instance")
    CONTENT_DIR = _path("SCORECARD_CONTENT_DIR", PROJECT_ROOT / "content")
    TEMPLATE_DIR = PROJECT_ROOT / "templates"
    TRANSLATIONS_DIR = PROJECT_ROOT / "translations"
    SITE_NAME = "Climate Scorecard"
    # The reader's language choice is kept for a year.
    LANGUAGE_COOKIE = "lang"
    LANGUAGE_COOKIE_MAX_AGE = 365 * 24 * 3600
    LANGUAGE_COOKIE_SECURE = os.environ.get("SCORECARD_SECURE_COOKIES", "") == "1"
