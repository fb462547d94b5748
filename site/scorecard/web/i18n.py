"""Which language a request is in, and the interface catalogues for each."""

import os
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, current_app, g, request
from markupsafe import Markup

from ..core.languages import DEFAULT_LANGUAGE, LANGUAGES
from ..extensions import babel


def preferred_language() -> str:
    """The reader's language where the URL has none: cookie, then browser, then default."""
    chosen = request.cookies.get(current_app.config["LANGUAGE_COOKIE"])
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(LANGUAGES) or DEFAULT_LANGUAGE


def remember_language(response, lang: str):
    """Keep the reader's choice for / in a cookie, where it is not kept already. Only the
    language toggle and / do this: a page whose address names its language sets no cookie,
    so that every cache may keep it for every reader."""
    config = current_app.config
    if request.cookies.get(config["LANGUAGE_COOKIE"]) != lang:
        response.set_cookie(
            config["LANGUAGE_COOKIE"],
            lang,
            max_age=config["LANGUAGE_COOKIE_MAX_AGE"],
            secure=config["LANGUAGE_COOKIE_SECURE"],
            httponly=True,
            samesite="Lax",
        )
    return response


def current_language() -> str:
    """The language of the page being rendered: the URL's, even on a 404, else the reader's."""
    if "lang" in g:
        return g.lang
    prefix = request.path.split("/")[1]
    return prefix if prefix in LANGUAGES else preferred_language()


def bracketed(text) -> Markup:
    """A remark in brackets after what it qualifies, as each language writes it: " (2)" on
    an English page, "（2）" with full-width brackets and no space on a Chinese one."""
    pattern = "（{}）" if current_language() == "zh" else " ({})"
    return Markup(pattern).format(text)


# The zone each language's pages show times in: flask-babel converts stored UTC to it.
PAGE_TIME_ZONE = {"en": "UTC", "zh": "Asia/Shanghai"}


def page_time_zone() -> str:
    return PAGE_TIME_ZONE[current_language()]


def compile_catalogues(source: Path, target: Path) -> None:
    """Compile translations/*.po into target/ when missing or older, so a fresh clone just works."""
    for po_path in source.glob("*/LC_MESSAGES/*.po"):
        mo_path = target / po_path.relative_to(source).with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file)
        # Written aside and renamed, so a worker starting at the same time never reads half a file.
        partial = mo_path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as mo_file:
            write_mo(mo_file, catalog)
        partial.replace(mo_path)


def init_app(app: Flask) -> None:
    compiled = Path(app.instance_path) / "translations"
    compile_catalogues(Path(app.config["TRANSLATIONS_DIR"]), compiled)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(compiled)
    app.config["BABEL_DEFAULT_LOCALE"] = DEFAULT_LANGUAGE
    babel.init_app(app, locale_selector=current_language, timezone_selector=page_time_zone)
