"""The kinds of document, and where each lives: the one list every part of the site uses."""

from typing import Literal, get_args

Kind = Literal["recommendation", "case-study", "page"]
# Every kind, in the order editors meet them (a slug used twice keeps the first kind's).
KINDS: tuple[Kind, ...] = get_args(Kind)
RECOMMENDATION, CASE_STUDY, PAGE = KINDS
# The kinds that are listed, fed, shared, searched and served by the API; pages (About)
# are only linked from the site's frame.
LISTED: tuple[str, ...] = (RECOMMENDATION, CASE_STUDY)
# URL section (and content folder) -> kind, for the listed kinds.
SECTIONS: dict[str, str] = {"recommendations": RECOMMENDATION, "case-studies": CASE_STUDY}
SECTION_OF_KIND: dict[str, str] = {kind: section for section, kind in SECTIONS.items()}
# Content folder -> kind, for every kind.
FOLDERS: dict[str, str] = SECTIONS | {"pages": PAGE}
FOLDER_OF_KIND: dict[str, str] = {kind: folder for folder, kind in FOLDERS.items()}
