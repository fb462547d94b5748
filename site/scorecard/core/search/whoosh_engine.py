"""Whoosh, the default engine: pure Python, fast enough for a few hundred documents.

English is stemmed with Whoosh's Porter stemmer; Chinese is analysed by `analysis`, each
word's parts indexed at the word's own position. Each language has one text field: the
title (twice, so that it weighs more), the summary and headings, then the body. Whoosh
builds a matcher per word and field for every search, so one field instead of three
halved a search's time at 10,000 documents (benchmarks/README.md, "Search").
"""

import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from whoosh import index
from whoosh.analysis import LowercaseFilter, StemmingAnalyzer, Token, Tokenizer
from whoosh.fields import DATETIME, ID, KEYWORD, TEXT, Schema
from whoosh.query import And, Every, NullQuery, Or, Phrase, Query, Term

from .analysis import chinese_query_words, chinese_words, parts
from .asked import AllOf, AnyOf, Asked, Everything, Number, Words
from .documents import Indexed, Record
from .results import FACETS

# A title counts as this many times its words: a field boost would need a field of its own.
TITLE_WEIGHT = 2


class ChineseWordTokenizer(Tokenizer):
    """jieba's words with ordinal positions; when indexing, each word's parts too, at the
    word's position."""

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        mode="",
        **kwargs,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for position, (word, start) in enumerate(chinese_words(value), start_pos):
            pieces = [(word, 0, len(word))]
            if mode != "query":
                pieces += parts(word)
            for piece, offset, stop in pieces:
                token.text = piece
                token.boost = 1.0
                token.stopped = False
                if keeporiginal:
                    token.original = piece
                if positions:
                    token.pos = position
                if chars:
                    token.startchar = start_char + start + offset
                    token.endchar = start_char + start + stop
                yield token


def build_schema() -> Schema:
    fields = {
        "key": ID(stored=True, unique=True),
        "group": ID(stored=True),
        "digest": ID(stored=True),
        "kind": ID(stored=True),
        "language": ID(stored=True),
        "topic": KEYWORD(stored=True),
        "ministry": KEYWORD(stored=True),
        "status": ID(stored=True),
        "numbers": KEYWORD,
        "date": DATETIME(sortable=True),
    }
    fields["text_en"] = TEXT(analyzer=StemmingAnalyzer(), spelling=True)
    fields["text_zh"] = TEXT(analyzer=ChineseWordTokenizer() | LowercaseFilter())
    return Schema(**fields)


def _fields(item: Indexed) -> dict:
    texts = item.texts()
    record = item.record()
    text = " ".join([*[texts["title"]] * TITLE_WEIGHT, texts["outline"], texts["body"]])
    return {f"text_{item.doc.lang}": text} | {
        "key": record.key,
        "group": record.group,
        "digest": record.digest,
        "kind": record.kind,
        "language": record.language,
        "topic": " ".join(record.topic),
        "ministry": " ".join(record.ministry),
        "status": record.status,
        "numbers": " ".join(item.numbers),
        "date": item.date,
    }


def _records(folder: Path, running_texts: dict[str, str]) -> dict[int, Record]:
    """By Whoosh's document numbers, from the fields it stored, and each version's snippet
    text by its key (not stored in Whoosh: its stored fields are read on every update)."""
    with index.open_dir(folder).reader() as reader:
        return {
            docnum: Record(
                key=stored["key"],
                group=stored["group"],
                language=stored["language"],
                kind=stored["kind"],
                topic=tuple(stored.get("topic", "").split()),
                ministry=tuple(stored.get("ministry", "").split()),
                status=stored.get("status", ""),
                digest=stored["digest"],
                running_text=running_texts[stored["key"]],
            )
            for docnum, stored in reader.iter_docs()
        }


class WhooshEngine:
    version = "whoosh-9"  # 9: the records hold the snippet texts

    def write_all(self, folder: Path, documents: list[Indexed]) -> dict[int, Record]:
        ix = index.create_in(folder, build_schema())
        # One writer per core, each into its own segment: analysis is the bottleneck.
        processes = max(1, min(os.cpu_count() or 1, len(documents) // 500))
        options = {"procs": processes, "multisegment": True} if processes > 1 else {}
        with ix.writer(limitmb=128, **options) as writer:
            for item in documents:
                writer.add_document(**_fields(item))
        return _records(folder, {item.key: item.doc.running_text for item in documents})

    def update(
        self, folder: Path, records: dict[int, Record], changed: list[Indexed], removed: set[str]
    ) -> dict[int, Record]:
        with index.open_dir(folder).writer() as writer:
            for key in removed:
                writer.delete_by_term("key", key)
            for item in changed:
                writer.update_document(**_fields(item))
        kept = {record.key: record.running_text for record in records.values()}
        return _records(folder, kept | {item.key: item.doc.running_text for item in changed})

    def open(self, folder: Path) -> "WhooshIndex":
        return WhooshIndex(index.open_dir(folder).searcher())


class WhooshIndex:
    def __init__(self, searcher):
        self.whoosh = searcher
        self.schema = searcher.schema

    def doc_count(self) -> int:
        return self.whoosh.doc_count()

    def ranked(self, asked: Asked, filters: dict[str, str], by_date: bool) -> list[int]:
        terms = [Term(name, value) for name, value in filters.items() if name in FACETS]
        # One pass for the ranking, the count and the facets: building Whoosh's matchers
        # is most of a query's cost, so the query is not run a second time to count.
        hits = self.whoosh.search(
            self._query(asked),
            filter=And(terms) if terms else None,
            limit=None,
            sortedby="date" if by_date else None,
            reverse=by_date,
        )
        return [docnum for _, docnum in hits.top_n]

    def _query(self, asked: Asked) -> Query:
        match asked:
            case Everything():
                return Every()
            case Number(value):
                return Term("numbers", value)
            case Words():
                return self._words(asked)
            case AllOf(parts):
                return And([self._query(part) for part in parts]).normalize()
            case AnyOf(parts):
                return Or([self._query(part) for part in parts]).normalize()
        return NullQuery

    def _words(self, words: Words) -> Query:
        """NullQuery for words that ask nothing (stop words): And and Or leave it out."""
        queries: list[Query] = []
        for lang in words.languages:
            terms = self.analyse(lang, words.text)
            if len(terms) == 1:
                queries.append(Term(f"text_{lang}", terms[0]))
            elif terms:
                queries.append(Phrase(f"text_{lang}", terms))
        return Or(queries) if queries else NullQuery

    def analyse(self, lang: str, text: str) -> list[str]:
        return _analyse(lang, text)

    def chinese_words(self) -> Iterable[tuple[str, int]]:
        reader = self.whoosh.reader()
        for word in reader.field_terms("text_zh"):
            yield word, reader.doc_frequency("text_zh", word)

    def english_words(self) -> Iterable[tuple[str, int]]:
        reader = self.whoosh.reader()
        spelling = self.schema["text_en"].spelling_fieldname("text_en")
        for word in reader.field_terms(spelling):
            yield word, reader.doc_frequency(spelling, word)

    def close(self) -> None:
        self.whoosh.close()


_ENGLISH = StemmingAnalyzer()


@lru_cache(maxsize=65_536)
def _analyse_cached(lang: str, text: str) -> tuple[str, ...]:
    if lang == "zh":
        return tuple(chinese_query_words(text))
    return tuple(token.text for token in _ENGLISH(text, mode="query"))


def _analyse(lang: str, text: str) -> list[str]:
    return list(_analyse_cached(lang, text))
