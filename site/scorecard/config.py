"""Settings, read from environment variables with embedded defaults."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _path(name: str, default: Path) -> Path:
    return Path(os.environ.get(name) or default)


class Config:
    """Defaults for one machine: everything lives beside the code or under instance/."""

    # Production unless told otherwise: it refuses to start without a SECRET_KEY of its
    # own. `flask` commands read .flaskenv, which says development.
    ENVIRONMENT = os.environ.get("SCORECARD_ENV", "production")
    SECRET_KEY = os.environ.get("SECRET_KEY")
    INSTANCE_PATH = _path("SCORECARD_INSTANCE_PATH", PROJECT_ROOT / "instance")
    CONTENT_DIR = _path("SCORECARD_CONTENT_DIR", PROJECT_ROOT / "content")
    # The git repository that holds content/, where editors' changes in the browser are
    # committed. Unset: the repository content/ is in (the project's own checkout).
    CONTENT_REPOSITORY = os.environ.get("SCORECARD_CONTENT_REPOSITORY") or None
    # whoosh (pure Python; a few hundred documents) or tantivy (thousands): docs/deploying.md.
    SEARCH_ENGINE = os.environ.get("SCORECARD_SEARCH_ENGINE") or "whoosh"
    # Unset: instance/search.
    SEARCH_INDEX_DIR = os.environ.get("SCORECARD_SEARCH_INDEX_DIR") or None
    # Development: re-read changed content files on the next request (also on with --debug).
    CONTENT_LIVE_RELOAD = os.environ.get("SCORECARD_LIVE_RELOAD", "") == "1"
    # Elsewhere: every process looks for changed content files this often, in the
    # background, and publishes them (0: never; then only a restart shows a change).
    CONTENT_WATCH_SECONDS = float(os.environ.get("SCORECARD_CONTENT_WATCH_SECONDS") or 2)
    TEMPLATE_DIR = PROJECT_ROOT / "templates"
    TRANSLATIONS_DIR = PROJECT_ROOT / "translations"
    # The font each document's link-preview picture is drawn in (one with Simplified
    # Chinese: Debian's fonts-noto-cjk). Without it, previews show the site's own picture.
    SHARE_PICTURE_FONT = _path(
        "SCORECARD_SHARE_PICTURE_FONT",
        Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
    )
    # The site's name, wherever it is shown: titles, previews, feeds, citations, letters.
    SITE_NAME = os.environ.get("SCORECARD_SITE_NAME") or "Climate Scorecard"
    # The licence of the site's text and data (an SPDX id from core/licences.py): shown in
    # the footer, on every document, in the feeds, the API and the downloads.
    LICENCE = os.environ.get("SCORECARD_LICENCE") or "CC-BY-4.0"
    # The public address, such as https://scorecard.example.org: canonical links, previews,
    # feeds, the sitemap and QR codes use it. Unset: the address the request came to.
    SITE_URL = os.environ.get("SCORECARD_SITE_URL", "").rstrip("/")
    # Mail to readers who follow comments (core/outbox.py; `flask mail send` sends it).
    MAIL_SERVER = os.environ.get("SCORECARD_MAIL_SERVER", "")
    MAIL_PORT = int(os.environ.get("SCORECARD_MAIL_PORT") or 587)
    MAIL_SECURITY = os.environ.get("SCORECARD_MAIL_SECURITY", "starttls")  # or ssl, none
    MAIL_USERNAME = os.environ.get("SCORECARD_MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("SCORECARD_MAIL_PASSWORD", "")
    MAIL_FROM = os.environ.get("SCORECARD_MAIL_FROM", "")
    # The reader's language choice is kept for a year.
    LANGUAGE_COOKIE = "lang"
    LANGUAGE_COOKIE_MAX_AGE = 365 * 24 * 3600
    # Production makes every cookie Secure (security.py).
    LANGUAGE_COOKIE_SECURE = False

    # Comments. Unset: a SQLite file under instance/. postgresql://... for PostgreSQL.
    DATABASE_URL = os.environ.get("DATABASE_URL")
    # memory:// is per process; with several workers, use redis://...
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    # Keys in the rate-limit storage start with this (several sites can share one Redis).
    RATELIMIT_KEY_PREFIX = os.environ.get("SCORECARD_RATELIMIT_PREFIX") or "scorecard"
    RATELIMIT_ENABLED = True
    COMMENT_RATE_LIMIT = os.environ.get("SCORECARD_COMMENT_RATE_LIMIT", "5 per minute;30 per hour")
    SIGNIN_RATE_LIMIT = os.environ.get("SCORECARD_SIGNIN_RATE_LIMIT", "5 per minute;30 per hour")
    # The longest comment accepted, in characters.
    COMMENT_MAX_CHARACTERS = 5000
    # How long an author can change or withdraw their comment.
    COMMENT_EDIT_MINUTES = 15
    # Top-level comments listed at first, and how many more each "show more" adds.
    COMMENTS_PER_PAGE = 20
    # A longer search is cut to this many characters (and the reader is told).
    SEARCH_MAX_CHARACTERS = 200
    # A person takes longer than this to write a comment; a bot usually does not.
    COMMENT_MIN_SECONDS = float(os.environ.get("SCORECARD_COMMENT_MIN_SECONDS") or 3)
    # Publish at once the comments of an author (by e-mail) whom an editor approved before.
    COMMENTS_AUTO_APPROVE_KNOWN = os.environ.get("SCORECARD_AUTO_APPROVE_KNOWN", "") == "1"
    # How many proxies in front of the app set X-Forwarded-For; 0 trusts none.
    TRUSTED_PROXY_COUNT = int(os.environ.get("SCORECARD_TRUSTED_PROXIES") or 0)
    MAX_CONTENT_LENGTH = 64 * 1024
    # An editor's document form (a long Chinese text is three times its length encoded).
    DOCUMENT_FORM_MAX_BYTES = 2 * 1024 * 1024
    # An uploaded image: a larger one is refused with the editor's form kept as typed. The
    # request may be larger still, so that the refusal can be a page with the form on it.
    IMAGE_MAX_BYTES = int(os.environ.get("SCORECARD_IMAGE_MAX_MB") or 20) * 1024 * 1024
    IMAGE_UPLOAD_MAX_BYTES = 64 * 1024 * 1024
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    # An editor's session ends after this long without a request.
    EDITOR_IDLE_MINUTES = int(os.environ.get("SCORECARD_EDITOR_IDLE_MINUTES") or 120)
    # Long enough to write a long comment; the text survives an expired token anyway.
    WTF_CSRF_TIME_LIMIT = 8 * 3600

    # Compression (Flask-Compress): brotli for the browsers that ask for it, else gzip.
    COMPRESS_ALGORITHM = ["br", "gzip"]
    # Streams would be compressed chunk by chunk, and their files left open (assets.py
    # sends static files whole instead).
    COMPRESS_STREAMS = False
