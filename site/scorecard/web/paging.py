"""The page of a long list that the address asks for (?page=)."""

from collections.abc import Sequence
from typing import TypeVar

from flask import abort, request

from ..core.paging import Page, page_of
from ..core.text import small_number

T = TypeVar("T")
LIST_PAGE_SIZE = 20


def requested_page(items: Sequence[T], size: int = LIST_PAGE_SIZE) -> Page[T]:
    """The page named by ?page= (the first without it); 404 for a page that does not exist."""
    number = small_number(request.args.get("page", "1")) or 0
    return page_of(items, number, size) or abort(404)
