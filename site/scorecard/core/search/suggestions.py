"""'Did you mean', from the index's own words: English by spelling, Chinese by sound.

An English word the index does not know is replaced by the most frequent indexed word
at the least edit distance, at most two (a swap of two letters counts as one: jbos ->
jobs); rapidfuzz compares it with every indexed word in a few milliseconds.

Chinese readers type through a pinyin input method, so their usual slip is a word that
sounds like the one they meant, picked from the wrong line of candidates: 再就叶 for
再就业. A stretch of Chinese that is not an indexed word is replaced by the indexed word
that sounds the same (tones aside), else by one that differs in a single character. The
vocabularies are read from the index once per opened index: in each gunicorn worker just
after it starts, in the background, else on the first suggestion in their language.
"""

import functools
import re
import threading

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..text import CJK
from .engines import OpenIndex

ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
CHINESE_RUN = re.compile(f"(?:{CJK.pattern})+")
# Chinese words are mostly two to four characters; a longer stretch is several words.
LONGEST_WORD = 4


@functools.lru_cache(maxsize=65_536)
def _sound(char: str) -> str:
    """A character's pinyin without tones: its default reading, the same for every word."""
    from pypinyin import lazy_pinyin  # half a second to import: only when a slip is read

    return lazy_pinyin(char)[0]


def sound(word: str) -> str:
    return " ".join(_sound(char) for char in word)


def _one_different(word: str) -> list[str]:
    """The word with each of its characters in turn left open: 再就叶 -> ?就叶, 再?叶, 再就?."""
    return [f"{word[:i]}?{word[i + 1 :]}" for i in range(len(word))]


class ChineseVocabulary:
    """The index's Chinese words (two characters or more), by sound and by shape, each
    sound and shape standing for its most frequent word."""

    def __init__(self, index: OpenIndex):
        frequency: dict[str, int] = {}
        for word, count in index.chinese_words():
            if 2 <= len(word) <= LONGEST_WORD and all(CJK.match(c) for c in word):
                frequency[word] = max(frequency.get(word, 0), count)
        self.words = set(frequency)
        self.by_sound: dict[str, str] = {}
        self.by_shape: dict[str, str] = {}
        for word in sorted(frequency, key=lambda w: (-frequency[w], w)):
            self.by_sound.setdefault(sound(word), word)
            for shape in _one_different(word):
                self.by_shape.setdefault(shape, word)

    def correct(self, run: str) -> str:
        """A stretch of Chinese with each unknown word replaced, left to right: a known word
        is kept as it is; only where none starts does a correction apply."""
        corrected, i = [], 0
        while i < len(run):
            spans = [run[i:j] for j in range(min(len(run), i + LONGEST_WORD), i + 1, -1)]
            known = next((span for span in spans if span in self.words), None)
            if known:
                corrected.append(known)
                i += len(known)
                continue
            for span in spans:
                replacement = self.by_sound.get(sound(span)) or next(
                    (w for s in _one_different(span) if (w := self.by_shape.get(s))), None
                )
                if replacement:
                    corrected.append(replacement)
                    i += len(span)
                    break
            else:
                corrected.append(run[i])
                i += 1
        return "".join(corrected)


class EnglishVocabulary:
    """The index's English words as typed (lower case), most frequent first."""

    def __init__(self, index: OpenIndex):
        frequency: dict[str, int] = {}
        for word, count in index.english_words():
            frequency[word] = max(frequency.get(word, 0), count)
        self.words = sorted(frequency, key=lambda w: (-frequency[w], w))
        self.known = set(frequency)

    def correct(self, word: str) -> str | None:
        if word in self.known:
            return word
        # The least distance wins; between equals, the first: the most frequent word.
        best = process.extractOne(word, self.words, scorer=OSA.distance, score_cutoff=2)
        return best[0] if best else None


class Suggester:
    """Suggestions from one open index."""

    def __init__(self, index: OpenIndex):
        self.index = index
        self._chinese: ChineseVocabulary | None = None
        self._english: EnglishVocabulary | None = None
        self._lock = threading.Lock()

    def suggest(self, text: str) -> str | None:
        """The query with each unknown word replaced by the nearest indexed one, if any was."""
        corrected = ENGLISH_WORD.sub(self._english_word, text)
        corrected = CHINESE_RUN.sub(lambda match: self.chinese().correct(match.group()), corrected)
        return corrected if corrected != text else None

    def prepare(self) -> None:
        """Make both vocabularies now rather than on the first slip in each language."""
        self.english()
        self.chinese()

    def chinese(self) -> ChineseVocabulary:
        with self._lock:
            if self._chinese is None:
                self._chinese = ChineseVocabulary(self.index)
            return self._chinese

    def english(self) -> EnglishVocabulary:
        with self._lock:
            if self._english is None:
                self._english = EnglishVocabulary(self.index)
            return self._english

    def _english_word(self, match: re.Match) -> str:
        word = match.group().lower()
        if word in self.english().known:
            return match.group()
        return self.english().correct(word) or match.group()
