"""Chinese text analysis, the same for both engines: jieba's words and the words inside them.

jieba's own ChineseAnalyzer is not used: it stores character offsets as token
positions (so phrase queries find nothing) and in search mode never emits single
characters (so a query for 碳 alone finds nothing). Here every word gets an
ordinal position, and the dictionary words and single characters inside it are
indexed at the same position, so 就业 finds 再就业 and 碳 finds 碳排放 while
phrases stay intact.
"""

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import jieba
import opencc

from ..text import CJK

_t2s = opencc.OpenCC("t2s")
WORD = re.compile(r"\w", re.UNICODE)


def to_simplified(text: str) -> str:
    """Traditional characters to Simplified, so 綠色 finds 绿色."""
    return _t2s.convert(text)


def configure_jieba(cache_dir: Path | str | None) -> None:
    """Where jieba caches its dictionary (instance/; None: the system's temporary folder),
    and quietly. The dictionary itself (a second to read, 60 MB) is read on first use, or
    by initialise_jieba."""
    jieba.setLogLevel(logging.WARNING)
    jieba.dt.tmp_dir = str(cache_dir) if cache_dir else None


def initialise_jieba(cache_dir: Path) -> None:
    """Read jieba's dictionary now."""
    configure_jieba(cache_dir)
    jieba.initialize()


def parts(word: str) -> list[tuple[str, int, int]]:
    """The dictionary words inside a word, as jieba's search mode finds them, and its
    characters: indexed at the word's position, so that 就业 finds 再就业 and 碳 finds 碳排放."""
    if len(word) < 2 or not CJK.match(word):
        return []
    jieba.dt.check_initialized()  # its dictionary is read directly
    found = [(char, offset, offset + 1) for offset, char in enumerate(word) if CJK.match(char)]
    for size in (2, 3):
        if len(word) > size:
            for start in range(len(word) - size + 1):
                piece = word[start : start + size]
                if jieba.dt.FREQ.get(piece):
                    found.append((piece, start, start + size))
    return found


def chinese_words(text: str) -> Iterator[tuple[str, int]]:
    """jieba's words in precise mode (punctuation and spaces left out), with where each
    starts: the words the index holds at one position each."""
    for word, start, _ in jieba.tokenize(to_simplified(text)):
        if WORD.search(word):
            yield word.lower(), start


def chinese_query_words(text: str) -> list[str]:
    return [word for word, _ in chinese_words(text)]
