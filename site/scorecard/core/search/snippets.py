"""Search snippets: a passage of the matching version, cut where a reader would cut it.

A passage starts at the start of the sentence the first match is in (or, far from one, at
the next word), and ends on a word: never inside a number ("020年" from 2020) or a word
("hou, Jiangsu"). Whole words are marked: in English the analyser's words, whose stems the
query's terms are; in Chinese jieba's words, and the dictionary words inside one, but a
single character inside a longer word only when the query is made of single characters
(人 is not marked in 人们 for a query of 人社部).
"""

import re

import jieba
from markupsafe import Markup, escape

from .analysis import to_simplified
from .asked import Analyse

BEFORE = 60  # characters of context before the first match, at most
# Where a passage was cut from a longer text: in Chinese, the ellipsis is two of them.
ELLIPSIS = {"en": ("… ", " …"), "zh": ("……", "……")}
# Characters in a snippet, about: three lines on a phone (a Chinese character is wider).
LENGTH = {"en": 200, "zh": 110}
SENTENCE_END = re.compile(r"[。！？；.!?;]\s*")
# A word or a number, with what joins its parts (10.3%, 2,500, don't, low-carbon).
# What the engines take for one English word; the engine says which words a term is in.
ENGLISH_WORD = re.compile(r"\w+(?:\.\w+)*")
WORD_CHARS = re.compile(r"[A-Za-z0-9%]|[.,'’\-](?=[A-Za-z0-9])")


def _in_word(text: str, at: int) -> bool:
    """Whether a cut at `at` falls inside a word or a number."""
    return 0 < at < len(text) and bool(
        WORD_CHARS.match(text, at - 1) and WORD_CHARS.match(text, at)
    )


def window(text: str, first: int, length: int) -> tuple[int, int]:
    """Where a snippet around the match at `first` starts and ends."""
    lo = max(0, first - BEFORE)
    sentences = [m.end() for m in SENTENCE_END.finditer(text, lo, first)]
    if sentences:
        lo = sentences[-1]
    else:
        while _in_word(text, lo):
            lo += 1
    while lo < first and text[lo].isspace():
        lo += 1
    hi = min(len(text), max(lo + length, first + 1))
    while _in_word(text, hi) and hi > first + 1:
        hi -= 1
    return lo, hi


def _english_marks(passage: str, terms: set[str], analyse: Analyse) -> list[tuple[int, int]]:
    """Each word whose terms (its stem, as the engine analyses it) the query looks for."""
    return [
        match.span()
        for match in ENGLISH_WORD.finditer(passage)
        if terms.intersection(analyse("en", match.group()))
    ]


def _words_around(text: str, terms: set[str]) -> list[tuple[str, int, int]]:
    """jieba's words, with where each starts and ends, in the stretches of the text that
    hold a term. jieba segments each stretch between punctuation on its own, so these are
    the words it finds in the whole text, for a third or less of the work."""
    words = []
    for block in jieba.re_han_default.finditer(text):
        if any(term in block.group() for term in terms):
            words += [
                (w, block.start() + a, block.start() + b)
                for w, a, b in jieba.tokenize(block.group())
            ]
    return words


def _chinese_marks(passage: str, terms: set[str]) -> list[tuple[int, int]]:
    """A term where it is whole words (jieba may split 低碳 into 低 and 碳 in one sentence
    and not in another), and the dictionary words inside a longer word (就业 in 再就业).
    A search of single characters marks each wherever it is, with no need of jieba (a
    passage dense with 是 took 2 ms to segment)."""
    simplified = to_simplified(passage)
    if all(len(term) == 1 for term in terms) and len(simplified) == len(passage):
        return [(at, at + 1) for at, char in enumerate(simplified) if char in terms]
    words = _words_around(simplified, terms)
    starts, ends = {start for _, start, _ in words}, {end for _, _, end in words}
    marks = []
    for term in terms:
        at = passage.find(term)
        while at >= 0:
            if at in starts and at + len(term) in ends:
                marks.append((at, at + len(term)))
            at = passage.find(term, at + 1)
    for word, start, _ in words:
        for size in (3, 2):
            for offset in range(len(word) - size + 1):
                if size < len(word) and word[offset : offset + size] in terms:
                    marks.append((start + offset, start + offset + size))
    return marks


def _marked(passage: str, marks: list[tuple[int, int]]) -> Markup:
    merged: list[list[int]] = []
    for start, end in sorted(marks):
        if merged and start <= merged[-1][1]:  # inside or right after the last: one mark
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    result, last = Markup(), 0
    for start, end in merged:
        result += escape(passage[last:start]) + Markup("<mark>%s</mark>") % passage[start:end]
        last = end
    return result + escape(passage[last:])


def snippet(text: str, first: int, terms: set[str], lang: str, analyse: Analyse) -> Markup | None:
    """The passage of `text` around `first` with the query's words marked; None if no
    word of the query is in it after all (a stem's prefix matched something else)."""
    lo, hi = window(text, first, LENGTH[lang])
    passage = text[lo:hi]
    marks = (
        _chinese_marks(passage, terms) if lang == "zh" else _english_marks(passage, terms, analyse)
    )
    if not marks:
        return None
    before, after = ELLIPSIS[lang]
    return (before if lo > 0 else "") + _marked(passage, marks) + (after if hi < len(text) else "")
