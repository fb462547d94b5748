"""Long lists a page at a time: a page costs the same however large the archive grows."""

from collections.abc import Sequence
from dataclasses import dataclass
from math import ceil

from flask import abort, request

LIST_PAGE_SIZE = 20


@dataclass(frozen=True)
class Page:
    items: Sequence
    number: int
    count: int  # how many pages there are
    total: int  # how many items, on every page

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.count else None


def requested_page(items: Sequence, size: int = LIST_PAGE_SIZE) -> Page:
    """The page named by ?page= (the first without it); 404 for a page that does not exist."""
    count = max(1, ceil(len(items) / size))
    asked = request.args.get("page", "1")
    number = int(asked) if asked.isascii() and asked.isdigit() and len(asked) < 6 else 0
    if not 1 <= number <= count:
        abort(404)
    return Page(items[(number - 1) * size : number * size], number, count, len(items))
