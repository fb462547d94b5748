"""Tantivy, for a large archive: a Rust library through its Python binding, embedded like
Whoosh, answering in a millisecond or two at 10,000 documents.

English is analysed by Tantivy itself (Snowball's English stemmer). Chinese is analysed
in Python by `analysis`, as for Whoosh, and handed over as words separated by spaces:
each text has a field of its words (with positions, for phrases) and a field of the parts
of its words (就业 in 再就业, 碳 in 碳排放). A full build segments the Chinese texts on
every core; jieba's segmentation is most of its time.
"""

import multiprocessing
import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import cast

import jieba
import tantivy

from .analysis import chinese_query_words, chinese_words, configure_jieba, parts
from .asked import AllOf, AnyOf, Asked, Everything, Number, Words
from .documents import BOOSTS, TEXT_FIELDS, Indexed, Record
from .results import FACETS

ENGLISH = "english"
WORDS = "words"  # Chinese, already segmented: split on spaces
SPELLING = "spelling"  # English words as typed, for "did you mean"
KEYWORDS = ("key", "kind", "language", "status", "topic", "ministry", "numbers")
CHINESE_FIELDS = ("title_zh", "body_zh")
# A Chinese build is split over processes only when it is this large: starting one costs
# about a second (jieba's dictionary).
PARALLEL_FROM = 500


def _analysers() -> dict[str, tantivy.TextAnalyzer]:
    built = tantivy.TextAnalyzerBuilder
    return {
        ENGLISH: built(tantivy.Tokenizer.regex(r"\w+"))
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.stopword("english"))
        .filter(tantivy.Filter.stemmer("english"))
        .build(),
        WORDS: built(tantivy.Tokenizer.whitespace()).build(),
        SPELLING: built(tantivy.Tokenizer.regex(r"[A-Za-z]{3,}"))
        .filter(tantivy.Filter.lowercase())
        .build(),
    }


ANALYSERS = _analysers()


def build_schema() -> tantivy.Schema:
    schema = tantivy.SchemaBuilder()
    for name in KEYWORDS:
        schema.add_text_field(name, tokenizer_name="raw", index_option="basic")
    schema.add_unsigned_field("ordinal", fast=True)
    schema.add_date_field("date", indexed=True, fast=True)
    for name in TEXT_FIELDS:
        schema.add_text_field(f"{name}_en", tokenizer_name=ENGLISH)
        schema.add_text_field(f"{name}_zh", tokenizer_name=WORDS)
        schema.add_text_field(f"{name}_zh_parts", tokenizer_name=WORDS, index_option="freq")
    schema.add_text_field("spelling_en", tokenizer_name=SPELLING, index_option="basic")
    return schema.build()


def _opened(folder: Path, schema: tantivy.Schema | None = None) -> tantivy.Index:
    ix = tantivy.Index(schema, path=str(folder)) if schema else tantivy.Index.open(str(folder))
    for name, analyser in ANALYSERS.items():
        ix.register_tokenizer(name, analyser)
    return ix


def segmented(texts: dict[str, str]) -> dict[str, str]:
    """A Chinese document's texts as its fields hold them: words, and their parts."""
    fields = {}
    for name, text in texts.items():
        words = [word for word, _ in chinese_words(text)]
        fields[f"{name}_zh"] = " ".join(words)
        fields[f"{name}_zh_parts"] = " ".join(part for w in words for part, _, _ in parts(w))
    return fields


def _segmented_everywhere(documents: list[Indexed]) -> list[dict[str, str]]:
    """Each Chinese document's fields, segmented on every core when there are many."""
    texts = [item.texts() for item in documents]
    processes = min(os.cpu_count() or 1, len(texts) // PARALLEL_FROM)
    if processes < 2:
        return [segmented(t) for t in texts]
    # Spawned, not forked: a web worker that builds has threads of its own.
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes, initializer=configure_jieba, initargs=(jieba.dt.tmp_dir,)) as pool:
        return pool.map(segmented, texts, chunksize=50)


def _document(item: Indexed, ordinal: int, chinese: dict[str, str] | None) -> tantivy.Document:
    record = item.record()
    doc = tantivy.Document()
    doc.add_unsigned("ordinal", ordinal)
    doc.add_date("date", item.date)
    for name in ("key", "kind", "language", "status"):
        if value := getattr(record, name):
            doc.add_text(name, value)
    for name, values in (("topic", record.topic), ("ministry", record.ministry)):
        for value in values:
            doc.add_text(name, value)
    for number in item.numbers:
        doc.add_text("numbers", number)
    if chinese is not None:
        for name, text in chinese.items():
            doc.add_text(name, text)
    else:
        texts = item.texts()
        for name, text in texts.items():
            doc.add_text(f"{name}_en", text)
        doc.add_text("spelling_en", f"{texts['title']} {texts['body']}")
    return doc


def _write(ix: tantivy.Index, documents: list[Indexed], first: int) -> dict[int, Record]:
    """Add the documents, numbered from `first`; their records by ordinal."""
    chinese = iter(_segmented_everywhere([item for item in documents if item.doc.lang == "zh"]))
    records = {}
    writer = ix.writer(heap_size=256_000_000)
    for ordinal, item in enumerate(documents, first):
        fields = next(chinese) if item.doc.lang == "zh" else None
        writer.add_document(_document(item, ordinal, fields))
        records[ordinal] = item.record()
    writer.commit()
    writer.wait_merging_threads()
    return records


class TantivyEngine:
    version = "tantivy-2"  # 2: the records hold the snippet texts

    def write_all(self, folder: Path, documents: list[Indexed]) -> dict[int, Record]:
        return _write(_opened(folder, build_schema()), documents, first=0)

    def update(
        self, folder: Path, records: dict[int, Record], changed: list[Indexed], removed: set[str]
    ) -> dict[int, Record]:
        ix = _opened(folder)
        gone = removed | {item.key for item in changed}
        writer = ix.writer(heap_size=64_000_000, num_threads=1)
        for key in gone:
            writer.delete_documents_by_term("key", key)
        writer.commit()
        writer.wait_merging_threads()
        kept = {ordinal: r for ordinal, r in records.items() if r.key not in gone}
        return kept | _write(ix, changed, first=max(records, default=-1) + 1)

    def open(self, folder: Path) -> "TantivyIndex":
        ix = _opened(folder)
        # An index folder never changes once built, so no thread watches it for commits
        # (gunicorn's master opens it, then forks its workers).
        ix.config_reader(reload_policy="manual")
        return TantivyIndex(ix)


class TantivyIndex:
    def __init__(self, ix: tantivy.Index):
        self.schema = ix.schema
        self.searcher = ix.searcher()

    def doc_count(self) -> int:
        return self.searcher.num_docs

    def ranked(self, asked: Asked, filters: dict[str, str], by_date: bool) -> list[int]:
        query = self._query(asked)
        if query is None:
            return []
        terms = [
            (tantivy.Occur.Must, self._term(name, value))
            for name, value in filters.items()
            if name in FACETS
        ]
        if terms:
            query = tantivy.Query.boolean_query([(tantivy.Occur.Must, query), *terms])
        hits = self.searcher.search(
            query,
            limit=max(1, self.searcher.num_docs),
            count=False,
            order_by_field="date" if by_date else None,
        ).hits
        if not hits:
            return []
        ordinals = self.searcher.fast_field_values("ordinal", [address for _, address in hits])
        return cast(list[int], ordinals)  # an unsigned field every document has

    def _term(self, field: str, value: str) -> tantivy.Query:
        return tantivy.Query.term_query(self.schema, field, value)

    def _query(self, asked: Asked) -> tantivy.Query | None:
        """None for what asks nothing (stop words alone): the parts around it are kept."""
        match asked:
            case Everything():
                return tantivy.Query.all_query()
            case Number(value):
                return self._term("numbers", value)
            case Words():
                return self._words(asked)
            case AllOf(parts):
                return self._combined(tantivy.Occur.Must, parts)
            case AnyOf(parts):
                return self._combined(tantivy.Occur.Should, parts)
        return None

    def _combined(self, occur: tantivy.Occur, parts: tuple[Asked, ...]) -> tantivy.Query | None:
        queries = [query for part in parts if (query := self._query(part)) is not None]
        if len(queries) < 2:
            return queries[0] if queries else None
        return tantivy.Query.boolean_query([(occur, query) for query in queries])

    def _words(self, words: Words) -> tantivy.Query | None:
        queries = []
        for lang in words.languages:
            terms = self.analyse(lang, words.text)
            for name in TEXT_FIELDS:
                field, boost = f"{name}_{lang}", BOOSTS[name]
                if len(terms) > 1:
                    words_in_order: list[str | tuple[int, str]] = [*terms]
                    query = tantivy.Query.phrase_query(self.schema, field, words_in_order)
                elif terms:
                    query = self._term(field, terms[0])
                    if lang == "zh":
                        part = self._term(f"{field}_parts", terms[0])
                        queries.append(tantivy.Query.boost_query(part, boost))
                else:
                    continue
                queries.append(tantivy.Query.boost_query(query, boost))
        if not queries:
            return None
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])

    def analyse(self, lang: str, text: str) -> list[str]:
        return list(_analyse(lang, text))

    def chinese_words(self) -> Iterable[tuple[str, int]]:
        for field in CHINESE_FIELDS:
            yield from self.searcher.terms_with_prefix(field, "", limit=None)

    def english_words(self) -> Iterable[tuple[str, int]]:
        return self.searcher.terms_with_prefix("spelling_en", "", limit=None)

    def close(self) -> None:
        pass  # Tantivy closes its files when the searcher is collected


@lru_cache(maxsize=65_536)
def _analyse(lang: str, text: str) -> tuple[str, ...]:
    if lang == "zh":
        return tuple(chinese_query_words(text))
    return tuple(ANALYSERS[ENGLISH].analyze(text))
