"""The languages the site is written in."""

LANGUAGES = ("en", "zh")
DEFAULT_LANGUAGE = "en"
# BCP 47 tags for lang attributes: our Chinese is Simplified.
HTML_LANG = {"en": "en", "zh": "zh-Hans"}
# Each language's name in itself, as the toggle shows it.
NATIVE_NAMES = {"en": "English", "zh": "中文"}


def other_language(lang: str) -> str:
    return next(other for other in LANGUAGES if other != lang)
