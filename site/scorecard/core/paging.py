"""Long lists a page at a time: a page costs the same however large the archive grows."""

from collections.abc import Sequence
from dataclasses import dataclass
from math import ceil
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: Sequence[T]
    number: int
    count: int  # how many pages there are
    total: int  # how many items, on every page

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.count else None


def page_count(total: int, size: int) -> int:
    return max(1, ceil(total / size))


def page_of(items: Sequence[T], number: int, size: int) -> Page[T] | None:
    """Page `number` (from 1) of `items`; None for a page that does not exist."""
    count = page_count(len(items), size)
    if not 1 <= number <= count:
        return None
    return Page(items[(number - 1) * size : number * size], number, count, len(items))
