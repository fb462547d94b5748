"""Turning what a reader typed into ranked, grouped, faceted and highlighted results."""

import re
from pathlib import Path

from markupsafe import Markup, escape
from whoosh import qparser
from whoosh.query import And, Every, NullQuery, Or, Query, Term

from ..content import Document, Library
from ..content.numbers import find_document_numbers
from ..languages import LANGUAGES
from ..paging import Page, page_count, page_of
from ..text import has_chinese
from .analysis import to_simplified
from .index import TEXT_FIELDS, stored_fields
from .results import FACETS, PAGE_SIZE, Result, Results, SearchRequest
from .snippets import snippet
from .suggestions import Suggester

LATIN = re.compile(r"[^\W\d_]", re.ASCII)


def _parser(schema, languages: tuple[str, ...]) -> qparser.QueryParser:
    fields = [f"{name}_{lang}" for name in TEXT_FIELDS for lang in languages]
    parser = qparser.MultifieldParser(fields, schema)
    # Readers type words, not field names or ranges.
    parser.remove_plugin_class(qparser.FieldsPlugin)
    parser.remove_plugin_class(qparser.RangePlugin)
    return parser


def _parse(parser, text: str) -> Query:
    try:
        return parser.parse(text)
    except Exception:  # the parser gave up on odd syntax: search the words alone
        words = re.sub(r"[^\w\s]", " ", text)
        return parser.parse(words) if words.strip() else NullQuery


def glossary_translations(library: Library, text: str) -> list[str]:
    """The other language's glossary terms for each glossary term the text contains."""
    lowered = text.lower()
    found: list[str] = []
    for entry in library.glossary.values():
        if any(re.search(rf"\b{re.escape(t.lower())}\b", lowered) for t in entry.terms.en):
            found += entry.terms.zh
        if any(t in text for t in entry.terms.zh):
            found += entry.terms.en
    return found


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

    def __init__(self, whoosh_searcher, folder: Path):
        self.whoosh = whoosh_searcher
        schema = whoosh_searcher.schema
        # Only the fields a query's script can match: fewer fields, fewer matchers.
        self.parsers = {"chinese": _parser(schema, ("zh",)), "any": _parser(schema, ("en", "zh"))}
        # docnum -> stored fields, read once per opened index: facets count from it.
        self.stored = stored_fields(folder, whoosh_searcher.reader())
        self.suggester = Suggester(whoosh_searcher)

    def build_query(self, text: str, library: Library) -> Query:
        if not text:
            return Every()
        numbers, rest = find_document_numbers(text)
        parts: list[Query] = [Term("numbers", n) for n in numbers]
        if rest:
            words = to_simplified(rest)
            translations = glossary_translations(library, words)
            expansions = [_parse(self._parser_for(t), f'"{t}"') for t in translations]
            parsed = _parse(self._parser_for(words), words)
            parts.append(Or([parsed, *expansions]) if expansions else parsed)
        return And(parts) if len(parts) > 1 else parts[0]

    def _parser_for(self, text: str) -> qparser.QueryParser:
        """Chinese-only text can only match Chinese fields; other text may match either."""
        chinese_only = has_chinese(text) and not LATIN.search(text)
        return self.parsers["chinese" if chinese_only else "any"]

    def filter_query(self, filters: dict[str, str]) -> Query | None:
        terms = [Term(name, value) for name, value in filters.items() if name in FACETS]
        return And(terms) if terms else None

    def search(self, request: SearchRequest, library: Library) -> Results:
        text, truncated = request.cleaned()
        query = self.build_query(text, library)
        filter_query = self.filter_query(request.filters)
        by_date = request.sort == "date" or not text
        # One pass for the ranking, the count and the facets: building Whoosh's matchers
        # is most of a query's cost, so the query is not run a second time to count.
        hits = self.whoosh.search(
            query,
            filter=filter_query,
            limit=None,
            sortedby="date" if by_date else None,
            reverse=by_date,
        )
        ranked = [docnum for _, docnum in hits.top_n]
        groups = self._groups(ranked)
        # A page past the end shows the last one: a live search narrows as the reader types.
        number = min(request.page, page_count(len(groups), PAGE_SIZE))
        hits_page = page_of(groups, number, PAGE_SIZE)
        assert hits_page is not None  # number is within range
        results = [
            result
            for matched in hits_page.items
            if (result := self._result(matched, query, request.lang, library))
        ]
        return Results(
            request=request,
            page=Page(results, hits_page.number, hits_page.count, hits_page.total),
            facets=self._facets(ranked),
            suggestion=self.suggester.suggest(text) if text and len(groups) < 3 else None,
            truncated=truncated,
        )

    def _groups(self, ranked: list[int]) -> list[dict[str, int]]:
        """One entry per document, in the rank of its best version: each language version
        that matched (language -> docnum), best first."""
        groups: dict[str, dict[str, int]] = {}
        for docnum in ranked:
            stored = self.stored[docnum]
            groups.setdefault(stored["group"], {}).setdefault(stored["language"], docnum)
        return list(groups.values())

    def _facets(self, matched: list[int]) -> dict[str, list[tuple[str, int]]]:
        """For each facet value, how many documents (not language versions) match."""
        groups_by_value: dict[str, dict[str, set]] = {name: {} for name in FACETS}
        for docnum in matched:
            stored = self.stored[docnum]
            for name in FACETS:
                for value in stored.get(name, "").split():
                    groups_by_value[name].setdefault(value, set()).add(stored["group"])
        return {
            name: sorted(((v, len(g)) for v, g in values.items()), key=lambda vc: (-vc[1], vc[0]))
            for name, values in groups_by_value.items()
        }

    def _result(
        self, matched: dict[str, int], query: Query, lang: str, library: Library
    ) -> Result | None:
        """The document in the reader's language, with a snippet from the reader's language
        version when it matched, else from the version that did; None if the library no
        longer has that version (its index is a step behind)."""
        docnum = matched.get(lang, next(iter(matched.values())))
        kind, slug, matched_lang = self.stored[docnum]["key"].split("/")
        versions = {
            code: doc
            for code in LANGUAGES
            if (doc := library.documents.get((kind, slug, code))) and doc.public
        }
        if matched_lang not in versions:
            return None
        doc = versions.get(lang) or versions[matched_lang]
        other = next((d for d in versions.values() if d is not doc), None)
        snippet = self._snippet(versions[matched_lang], query)
        if snippet is None:
            return Result(
                doc=doc, other=other, snippet=escape(doc.meta.summary), snippet_lang=doc.lang
            )
        return Result(doc=doc, other=other, snippet=snippet, snippet_lang=matched_lang)

    def _snippet(self, doc: Document, query: Query) -> Markup | None:
        """The passage around the first match, with the matches marked and the rest escaped.

        Only a window of the text is analysed: analysing a whole document per result
        cost about 10 ms, and jieba alone about 5 ms for a few hundred characters.
        """
        fieldname = f"body_{doc.lang}"
        terms = {word for name, word in query.iter_all_terms() if name == fieldname}
        text = doc.running_text
        first = _first_occurrence(text, terms)
        if first is None:
            return None
        analyzer = self.whoosh.schema[fieldname].analyzer
        return snippet(text, first, terms, doc.lang, analyzer)
