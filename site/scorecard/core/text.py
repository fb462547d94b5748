"""Small rules about text that several parts of the site share."""

import re

# A Chinese character: the unified ideographs, extension A, the compatibility ideographs
# and the supplementary planes' extensions.
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")


# Invisible characters that keep text on one line: a word joiner (no width; ties a mark or
# a unit to the word before it) and a no-break space.
WORD_JOINER, NO_BREAK_SPACE = "\u2060", "\u00a0"


def has_chinese(text: str) -> bool:
    return CJK.search(text) is not None


def small_number(value: str | None, digits: int = 5) -> int | None:
    """A non-negative whole number written with at most `digits` ASCII digits, else None.

    For numbers that arrive in addresses and forms (a page, a count, an id): anything
    longer is not a number the site has, and never reaches a query or a slice."""
    if value and len(value) <= digits and value.isascii() and value.isdigit():
        return int(value)
    return None
