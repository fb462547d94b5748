"""Official document numbers (文号), such as 国发〔2021〕23号, in any bracket style."""

import re

# 〔2021〕, [2021], 【2021】, (2021), （2021）, ﹝2021﹞ are all written for the same number.
_OPEN, _CLOSE = "〔[【(（﹝［", "〕]】)）﹞］"
PATTERN = re.compile(
    rf"(?P<issuer>[\u4e00-\u9fff]+)\s*[{re.escape(_OPEN)}]\s*(?P<year>\d{{4}})\s*"
    rf"[{re.escape(_CLOSE)}]\s*(?P<number>\d+)\s*号"
)


def normalise_document_number(text: str) -> str:
    """The canonical form, 国发〔2021〕23号; text that is not a 文号 is returned trimmed."""
    match = PATTERN.search(text)
    if not match:
        return text.strip()
    return f"{match['issuer']}〔{match['year']}〕{match['number']}号"


def find_document_numbers(text: str) -> tuple[list[str], str]:
    """The 文号 in a query, normalised, and the query without them."""
    found = [normalise_document_number(m.group()) for m in PATTERN.finditer(text)]
    return found, PATTERN.sub(" ", text).strip()
