"""The two search engines behind one interface, chosen by SEARCH_ENGINE.

Whoosh is pure Python: nothing to install, and fast enough for a few hundred documents.
Tantivy (a Rust library, through its Python binding) answers in a millisecond or two at
10,000 documents and builds many times faster. Both index the same documents with the
same Chinese analysis (jieba, in Python) and answer the same questions: the ranked
versions that match, as ordinals into the index's records (`documents.Record`).
"""

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # this module is read at start-up, to check SEARCH_ENGINE: kept light
    from .asked import Asked
    from .documents import Indexed, Record

NAMES = ("whoosh", "tantivy")


class OpenIndex(Protocol):
    """One index on disk, open for searching."""

    def doc_count(self) -> int: ...

    def ranked(self, asked: "Asked", filters: dict[str, str], by_date: bool) -> list[int]:
        """Every version that matches, best (or newest) first, as record ordinals."""
        ...

    def analyse(self, lang: str, text: str) -> list[str]:
        """The terms a query's text becomes in a language's fields."""
        ...

    def chinese_words(self) -> Iterable[tuple[str, int]]:
        """Every indexed Chinese word with the number of versions that have it."""
        ...

    def english_words(self) -> Iterable[tuple[str, int]]:
        """Every indexed English word as typed (lower case), with its version count."""
        ...

    def close(self) -> None: ...


class Engine(Protocol):
    # Changes whenever the schema or the analysis does: the index is then built again.
    version: str

    def write_all(self, folder: Path, documents: "list[Indexed]") -> "dict[int, Record]":
        """A new index of the documents in an empty folder; its records by ordinal."""
        ...

    def update(
        self,
        folder: Path,
        records: "dict[int, Record]",
        changed: "list[Indexed]",
        removed: set[str],
    ) -> "dict[int, Record]":
        """The index in `folder` with `changed` written again and the `removed` keys gone."""
        ...

    def open(self, folder: Path) -> OpenIndex: ...


def check_name(name: str) -> None:
    if name not in NAMES:
        raise ValueError(f"SEARCH_ENGINE must be one of {', '.join(NAMES)}, not {name!r}")


def engine_named(name: str) -> Engine:
    """The engine, imported only now: a process that never searches never loads either."""
    check_name(name)
    if name == "tantivy":
        from .tantivy_engine import TantivyEngine

        return TantivyEngine()
    from .whoosh_engine import WhooshEngine

    return WhooshEngine()
