"""Text analysis for the index: English stemming, and Chinese words.

jieba's own ChineseAnalyzer is not used: it stores character offsets as token
positions (so phrase queries find nothing) and in search mode never emits single
characters (so a query for 碳 alone finds nothing). Here every word gets an
ordinal position, and the dictionary words and single characters inside it are
indexed at the same position, so 就业 finds 再就业 and 碳 finds 碳排放 while
phrases stay intact.
"""

import logging
import re
from pathlib import Path

import jieba
import opencc
from whoosh.analysis import LowercaseFilter, StemmingAnalyzer, Token, Tokenizer

from ..text import CJK

_t2s = opencc.OpenCC("t2s")
WORD = re.compile(r"\w", re.UNICODE)


def to_simplified(text: str) -> str:
    """Traditional characters to Simplified, so 綠色 finds 绿色."""
    return _t2s.convert(text)


def configure_jieba(cache_dir: Path) -> None:
    """Where jieba caches its dictionary (instance/), and quietly. The dictionary itself
    (a second to read, 60 MB) is read on first use, or by initialise_jieba."""
    jieba.setLogLevel(logging.WARNING)
    jieba.dt.tmp_dir = str(cache_dir)


def initialise_jieba(cache_dir: Path) -> None:
    """Read jieba's dictionary now."""
    configure_jieba(cache_dir)
    jieba.initialize()


def _subwords(word: str) -> list[tuple[str, int, int]]:
    """The dictionary words inside a word, as jieba's search mode finds them, and its characters."""
    if len(word) < 2 or not CJK.match(word):
        return []
    found = [(char, offset, offset + 1) for offset, char in enumerate(word) if CJK.match(char)]
    for size in (2, 3):
        if len(word) > size:
            for start in range(len(word) - size + 1):
                piece = word[start : start + size]
                if jieba.dt.FREQ.get(piece):
                    found.append((piece, start, start + size))
    return found


class ChineseWordTokenizer(Tokenizer):
    """jieba's precise segmentation with ordinal positions; when indexing, each word's
    sub-words and characters at the word's position."""

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
        jieba.dt.check_initialized()  # _subwords reads its dictionary directly
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        position = start_pos
        for word, start, _ in jieba.tokenize(to_simplified(value)):
            if not WORD.search(word):
                continue  # punctuation and spaces
            pieces = [(word, 0, len(word))]
            if mode != "query":
                pieces += _subwords(word)
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
            position += 1


def english_analyzer():
    return StemmingAnalyzer()


def chinese_word_analyzer():
    return ChineseWordTokenizer() | LowercaseFilter()
