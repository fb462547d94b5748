"""What a reader's search asks, understood once for either engine.

The text becomes official document numbers (found exactly), words, and "quoted phrases";
every word must match, in any field of a language that can hold it. A run of Chinese is
cut into words by jieba, as the text was when indexed. A glossary term also searches for
its other-language terms, as phrases. Operators and field names are not understood:
readers type words, and whatever else they type is only punctuation.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..content import Library
from ..content.numbers import find_document_numbers
from ..text import CJK, has_chinese
from .analysis import chinese_query_words, to_simplified

LATIN = re.compile(r"[^\W\d_]", re.ASCII)
PHRASE_OR_WORD = re.compile(r'"([^"]*)"|(\S+)')
CHINESE_OR_OTHER = re.compile(f"((?:{CJK.pattern})+)")
# What joins a word's parts (10.3%, low-carbon, don't) is kept; the rest is punctuation.
NOT_WORD = re.compile(r"[^\w.'’\-%]+")
LETTER_OR_DIGIT = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class Words:
    """A word, or a phrase's words in order. Chinese-only text can only match Chinese
    fields; other text may match either language's."""

    text: str
    phrase: bool = False

    @property
    def languages(self) -> tuple[str, ...]:
        chinese_only = has_chinese(self.text) and not LATIN.search(self.text)
        return ("zh",) if chinese_only else ("en", "zh")


@dataclass(frozen=True)
class Number:
    """An official document number, normalised (`content.numbers`)."""

    value: str


@dataclass(frozen=True)
class AllOf:
    parts: tuple["Asked", ...]


@dataclass(frozen=True)
class AnyOf:
    parts: tuple["Asked", ...]


@dataclass(frozen=True)
class Everything:
    """An empty search: every document, newest first."""


Asked = Words | Number | AllOf | AnyOf | Everything


def understood(text: str, library: Library) -> Asked:
    if not text:
        return Everything()
    numbers, rest = find_document_numbers(text)
    parts: list[Asked] = [Number(n) for n in numbers]
    if rest.strip():
        words = to_simplified(rest)
        main = AllOf(tuple(_words(words)))
        translations = [Words(term, phrase=True) for term in glossary_translations(library, words)]
        parts.append(AnyOf((main, *translations)) if translations else main)
    return AllOf(tuple(parts))


def _words(text: str) -> list[Words]:
    found = []
    for match in PHRASE_OR_WORD.finditer(text):
        phrase, word = match.groups()
        if phrase is not None:
            if phrase.strip():
                found.append(Words(phrase.strip(), phrase=True))
            continue
        for piece in CHINESE_OR_OTHER.split(word.strip('"')):
            if CJK.match(piece):
                found += [Words(w) for w in chinese_query_words(piece)]
            else:
                words = NOT_WORD.sub(" ", piece).split()
                found += [Words(w) for w in words if LETTER_OR_DIGIT.search(w)]
    return found


def glossary_translations(library: Library, text: str) -> list[str]:
    """The other language's glossary terms for each glossary term the text contains."""
    lowered = text.lower()
    found: list[str] = []
    for entry in library.glossary.values():
        if any(_has_phrase(lowered, term.lower()) for term in entry.terms.en):
            found += entry.terms.zh
        if any(t in text for t in entry.terms.zh):
            found += entry.terms.en
    return found


def _has_phrase(text: str, phrase: str) -> bool:
    """The phrase as whole words: "job" is not in "jobs". Most terms are not in the text at
    all, which a plain search for the characters tells without a regular expression (the
    80 glossary entries: 0.5 ms a query before, 0.14 ms after)."""
    return phrase in text and re.search(rf"\b{re.escape(phrase)}\b", text) is not None


Analyse = Callable[[str, str], list[str]]


def without_stop_words(asked: Asked, analyse: Analyse) -> Asked:
    """The search less the words that ask nothing: an English stop word ("the", "and")
    would otherwise have to match as it is in the Chinese fields, which have no stop words."""
    match asked:
        case Words() if "en" in asked.languages and not analyse("en", asked.text):
            return AllOf(())
        case AllOf(parts):
            return AllOf(tuple(without_stop_words(part, analyse) for part in parts))
        case AnyOf(parts):
            return AnyOf(tuple(without_stop_words(part, analyse) for part in parts))
    return asked


def terms(asked: Asked, lang: str, analyse: Analyse) -> set[str]:
    """Every term the search looks for in a language's fields (snippets mark them)."""
    match asked:
        case Words() if lang in asked.languages:
            return set(analyse(lang, asked.text))
        case AllOf(parts) | AnyOf(parts):
            return set().union(*(terms(part, lang, analyse) for part in parts))
    return set()
