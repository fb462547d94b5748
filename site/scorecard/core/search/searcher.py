"""Turning what a reader typed into ranked, grouped, faceted and highlighted results, with
either engine: the engine ranks the versions that match; grouping, facets, snippets and
suggestions are the same for both."""

import re

from markupsafe import Markup, escape

from ..content import Library
from ..languages import LANGUAGES
from ..paging import Page, page_count
from .analysis import to_simplified
from .asked import LATIN, Asked, terms, understood, without_stop_words
from .documents import Record
from .engines import OpenIndex
from .facets import Counter
from .results import PAGE_SIZE, Result, Results, SearchRequest
from .snippets import snippet
from .suggestions import Suggester


def _first_occurrence(text: str, terms: set[str]) -> int | None:
    """Where the first term probably occurs: a stem's first letters, or a Chinese word."""
    positions = []
    for term in terms:
        prefix = term[:4] if LATIN.match(term) else to_simplified(term)
        match = re.search(re.escape(prefix), text, re.IGNORECASE)
        if match:
            positions.append(match.start())
    return min(positions, default=None)


class Searcher:
    """Searches one open index; the documents it names are looked up in the library each
    search is given (the edition the request reads), never in one kept from before."""

    def __init__(self, index: OpenIndex, records: dict[int, Record]):
        self.index = index
        self.records = records
        self.counter = Counter(records)  # made once per opened index
        self.suggester = Suggester(index)

    def search(self, request: SearchRequest, library: Library) -> Results:
        text, truncated = request.cleaned()
        asked = without_stop_words(understood(text, library), self.index.analyse)
        by_date = request.sort == "date" or not text
        ranked = self.index.ranked(asked, request.filters, by_date)
        matched = self.counter.matched(ranked)
        total = self.counter.total(matched)
        # A page past the end shows the last one: a live search narrows as the reader types.
        count = page_count(total, PAGE_SIZE)
        number = min(request.page, count)
        groups = self._groups(ranked, number * PAGE_SIZE)[(number - 1) * PAGE_SIZE :]
        results = [
            result
            for group, best in groups
            if (result := self._result(group, best, matched, asked, request.lang, library))
        ]
        facets = self.counter.counts(matched)
        for name, value in request.filters.items():
            if name in facets and value not in dict(facets[name]):
                facets[name].append((value, 0))  # a filter that left nothing can be removed
        return Results(
            request=request,
            page=Page(results, number, count, total),
            facets=facets,
            suggestion=self.suggester.suggest(text) if text and total < 3 else None,
            truncated=truncated,
        )

    def _groups(self, ranked: list[int], wanted: int) -> list[tuple[int, int]]:
        """The first `wanted` documents in the rank of their best version: (group, ordinal
        of that version)."""
        seen: dict[int, int] = {}
        for ordinal in ranked:
            seen.setdefault(self.counter.group(ordinal), ordinal)
            if len(seen) == wanted:
                break
        return list(seen.items())

    def _result(
        self, group: int, best: int, matched: list[int], asked: Asked, lang: str, library: Library
    ) -> Result | None:
        """The document in the reader's language, with a snippet from the reader's language
        version when it matched, else from the version that did; None if the library no
        longer has that version (its index is a step behind)."""
        ordinal = self.counter.version(matched, group, lang)
        record = self.records[best if ordinal is None else ordinal]
        kind, slug, matched_lang = record.key.split("/")
        versions = {
            code: doc
            for code in LANGUAGES
            if (doc := library.documents.get((kind, slug, code))) and doc.public
        }
        if matched_lang not in versions:
            return None
        doc = versions.get(lang) or versions[matched_lang]
        other = next((d for d in versions.values() if d is not doc), None)
        snippet = self._snippet(record.running_text, matched_lang, asked)
        if snippet is None:
            return Result(
                doc=doc, other=other, snippet=escape(doc.meta.summary), snippet_lang=doc.lang
            )
        return Result(doc=doc, other=other, snippet=snippet, snippet_lang=matched_lang)

    def _snippet(self, text: str, lang: str, asked: Asked) -> Markup | None:
        """The passage around the first match, with the matches marked and the rest escaped.

        Only a window of the text is analysed: analysing a whole document per result
        cost about 10 ms, and jieba alone about 5 ms for a few hundred characters.
        """
        wanted = terms(asked, lang, self.index.analyse)
        first = _first_occurrence(text, wanted)
        if first is None:
            return None
        return snippet(text, first, wanted, lang, self.index.analyse)
