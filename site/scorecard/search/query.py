"""Turning what a reader typed into ranked, grouped, faceted and highlighted results."""

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from math import ceil

from markupsafe import Markup, escape
from whoosh import highlight, qparser
from whoosh.query import And, Every, NullQuery, Or, Query, Term

from ..content import Document, Library
from ..content.numbers import find_document_numbers
from .analysis import CJK, to_simplified
from .index import SPELLING_FIELDS, TEXT_FIELDS

MAX_QUERY_LENGTH = 200
PAGE_SIZE = 10
FACETS = ("kind", "language", "topic", "ministry")
SORTS = ("relevance", "date")
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
LATIN = re.compile(r"[^\W\d_]", re.ASCII)
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


@dataclass(frozen=True)
class SearchRequest:
    text: str = ""
    lang: str = "en"
    filters: dict[str, str] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1

    @classmethod
    def from_args(cls, args, lang: str) -> "SearchRequest":
        """From a query string; unknown or malformed values fall back to defaults."""
        page = args.get("page", "1")
        return cls(
            text=args.get("q", ""),
            lang=lang,
            filters={name: args[name] for name in FACETS if args.get(name)},
            sort=args.get("sort") if args.get("sort") in SORTS else "relevance",
            page=int(page) if page.isascii() and page.isdigit() and len(page) < 6 else 1,
        )

    def args(self, **changes) -> dict[str, str | int]:
        """This search's query string, with changes (None removes a key)."""
        current = {"q": self.text, "sort": self.sort, "page": self.page, **self.filters}
        merged = {**current, **changes}
        return {
            k: v
            for k, v in merged.items()
            if v not in (None, "") and (k, v) not in (("sort", "relevance"), ("page", 1))
        }


@dataclass(frozen=True)
class Result:
    doc: Document  # in the reader's language when it exists
    other: Document | None  # its translation, if any
    snippet: Markup
    snippet_lang: str  # the snippet comes from the version that matched


@dataclass
class Results:
    request: SearchRequest
    results: list[Result]
    total: int
    page: int
    pages: int
    facets: dict[str, list[tuple[str, int]]]
    suggestion: str | None = None
    truncated: bool = False


def clean_query(text: str) -> tuple[str, bool]:
    """Drop control and invisible characters, fold full-width letters, cap the length."""
    text = unicodedata.normalize("NFKC", CONTROL.sub(" ", text)).strip()
    return text[:MAX_QUERY_LENGTH], len(text) > MAX_QUERY_LENGTH


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
    found = []
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


def _mark_words(text: str, words: set[str]) -> Markup | None:
    """Chinese words are substrings of the text, so marking them needs no analyser."""
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    marked, last = Markup(), 0
    for match in pattern.finditer(text):
        marked += escape(text[last : match.start()]) + Markup("<mark>%s</mark>") % match.group()
        last = match.end()
    return marked + escape(text[last:]) if last else None


class Searcher:
    """Searches one open index against the library it was built from."""

    def __init__(self, whoosh_searcher, library: Library):
        self.whoosh = whoosh_searcher
        self.library = library
        schema = whoosh_searcher.schema
        # Only the fields a query's script can match: fewer fields, fewer matchers.
        self.parsers = {"chinese": _parser(schema, ("zh",)), "any": _parser(schema, ("en", "zh"))}
        # docnum -> stored fields, read once per opened index: facets count from it.
        self.stored = dict(whoosh_searcher.reader().iter_docs())

    def build_query(self, text: str) -> Query:
        if not text:
            return Every()
        numbers, rest = find_document_numbers(text)
        parts = [Term("numbers", n) for n in numbers]
        if rest:
            words = to_simplified(rest)
            translations = glossary_translations(self.library, words)
            expansions = [_parse(self._parser_for(t), f'"{t}"') for t in translations]
            parsed = _parse(self._parser_for(words), words)
            parts.append(Or([parsed, *expansions]) if expansions else parsed)
        return And(parts) if len(parts) > 1 else parts[0]

    def _parser_for(self, text: str) -> qparser.QueryParser:
        """Chinese-only text can only match Chinese fields; other text may match either."""
        chinese_only = CJK.search(text) and not LATIN.search(text)
        return self.parsers["chinese" if chinese_only else "any"]

    def filter_query(self, filters: dict[str, str]) -> Query | None:
        terms = [Term(name, value) for name, value in filters.items() if name in FACETS]
        return And(terms) if terms else None

    def search(self, request: SearchRequest) -> Results:
        text, truncated = clean_query(request.text)
        query = self.build_query(text)
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
        groups = self._best_per_group(ranked)
        total = len(groups)
        pages = max(1, ceil(total / PAGE_SIZE))
        page = min(max(request.page, 1), pages)
        shown = groups[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        return Results(
            request=request,
            results=[self._result(docnum, query, request.lang) for docnum in shown],
            total=total,
            page=page,
            pages=pages,
            facets=self._facets(ranked),
            suggestion=self._suggestion(text) if text and total < 3 else None,
            truncated=truncated,
        )

    def _best_per_group(self, ranked: list[int]) -> list[int]:
        """One hit per document, in rank order: its language versions share a group."""
        best: dict[str, int] = {}
        for docnum in ranked:
            best.setdefault(self.stored[docnum]["group"], docnum)
        return list(best.values())

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

    def _result(self, docnum: int, query: Query, lang: str) -> Result:
        """The document in the reader's language, with a snippet from the version that matched."""
        kind, slug, matched_lang = self.stored[docnum]["key"].split("/")
        versions = {
            code: doc
            for code in ("en", "zh")
            if (doc := self.library.documents.get((kind, slug, code))) and doc.public
        }
        doc = versions.get(lang) or versions[matched_lang]
        other = next((d for d in versions.values() if d is not doc), None)
        matched = versions[matched_lang]
        snippet = self._snippet(matched, query)
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
        start = _first_occurrence(doc.text, terms)
        if start is None:
            return None
        window = doc.text[max(0, start - 60) : start + 180]
        if doc.lang == "zh":
            return _mark_words(window, terms)
        found = highlight.highlight(
            window,
            terms,
            self.whoosh.schema[fieldname].analyzer,
            highlight.ContextFragmenter(maxchars=240, surround=60),
            highlight.HtmlFormatter(tagname="mark", between=" … "),
            top=1,
        )
        return Markup(found) if found else None

    def _suggestion(self, text: str) -> str | None:
        """The query with each unknown English word replaced by the nearest indexed word."""
        reader = self.whoosh.reader()
        fields = [f"{name}_en" for name in SPELLING_FIELDS]
        spelling = [self.whoosh.schema[name].spelling_fieldname(name) for name in fields]

        def correct(match: re.Match) -> str:
            word = match.group().lower()
            if any((name, word) in reader for name in spelling):
                return match.group()
            candidates = {s for name in fields for s in self.whoosh.suggest(name, word, limit=1)}
            best = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
            return best[0] if best else match.group()

        corrected = ENGLISH_WORD.sub(correct, text)
        return corrected if corrected != text else None
