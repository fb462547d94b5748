"""What a search asks and what it answers: plain data, with no search engine in it, so
that the pages can name them without loading Whoosh or jieba."""

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from ..content import Document
from ..paging import Page
from ..text import small_number

PAGE_SIZE = 10
FACETS = ("kind", "language", "topic", "ministry", "status")
SORTS = ("relevance", "date")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


@dataclass(frozen=True)
class SearchRequest:
    text: str = ""
    lang: str = "en"
    filters: dict[str, str] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    # Longer queries are cut to this many characters (and the reader is told).
    max_length: int = 200

    @classmethod
    def from_args(cls, args: Mapping[str, str], lang: str, max_length: int) -> "SearchRequest":
        """From a query string; unknown or malformed values fall back to defaults."""
        sort = args.get("sort", "")
        return cls(
            text=args.get("q", ""),
            lang=lang,
            filters={name: args[name] for name in FACETS if args.get(name)},
            sort=sort if sort in SORTS else "relevance",
            page=small_number(args.get("page")) or 1,
            max_length=max_length,
        )

    def args(self, **changes: Any) -> dict[str, Any]:
        """This search's query string, with changes (None removes a key)."""
        current = {"q": self.text, "sort": self.sort, "page": self.page, **self.filters}
        merged = {**current, **changes}
        return {
            k: v
            for k, v in merged.items()
            if v not in (None, "") and (k, v) not in (("sort", "relevance"), ("page", 1))
        }

    def cleaned(self) -> tuple[str, bool]:
        """The text without control and invisible characters, full-width letters folded,
        cut to max_length; and whether it was cut."""
        text = unicodedata.normalize("NFKC", CONTROL.sub(" ", self.text)).strip()
        return text[: self.max_length], len(text) > self.max_length


@dataclass(frozen=True)
class Result:
    doc: Document  # in the reader's language when it exists
    other: Document | None  # its translation, if any
    snippet: Markup
    snippet_lang: str  # the snippet comes from the version that matched


@dataclass
class Results:
    request: SearchRequest
    page: Page[Result]
    facets: dict[str, list[tuple[str, int]]]
    suggestion: str | None = None
    truncated: bool = False

    @property
    def total(self) -> int:
        """How many documents match (not language versions)."""
        return self.page.total
