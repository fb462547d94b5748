"""Which language a comment is written in, from its text: the page it was posted from is
only the tie-breaker (a Chinese reader may well comment from an English page)."""

import re

# Links and code are written in Latin letters whatever the language around them.
NOT_PROSE = re.compile(r"https?://\S+|`[^`]*`|\S+@\S+")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")


def language_of(text: str, page_language: str) -> str:
    """ "zh" or "en": whichever script carries more of the text. A Chinese character is
    counted against an English word, as each carries about as much."""
    prose = NOT_PROSE.sub(" ", text)
    han = len(HAN.findall(prose))
    latin = len(LATIN_WORD.findall(prose))
    if han == latin:
        return page_language
    return "zh" if han > latin else "en"
