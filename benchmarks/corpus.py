"""A synthetic bilingual corpus for benchmarks: N documents in translated pairs.

A document is a file, and they come in pairs: an English original and its Chinese
translation share a slug (doc-00000.en.md, doc-00000.zh.md), so N documents are N/2 slugs
in two languages (an odd N leaves the last slug in English only). The translation records
the original's version in `translated_from` and keeps its section ids and paragraphs per
section, as the site's own translations do; the original holds the timeline (proposed, and
for half of them a later step).

English words come from english-words.txt (77,000 words: Vim's English spell list), drawn
with Zipf weights, the r-th word as often as 1/r: first the words of the site's own
articles, most used first, then every other word in a fixed random order. So the frequent
words are those of English and of this site ("the", "of", "employment") and the long tail is
real English. Chinese words come from jieba's dictionary, each as often as its recorded
frequency says (also Zipf-like). Front matter uses the site's real topics and ministries, so
facets are realistic too.
"""

import hashlib
import random
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

import jieba
import yaml

from scorecard.core.content.library import source_version
from scorecard.core.content.schema import STATUSES

ROOT = Path(__file__).resolve().parents[1]
WORD_LIST = Path(__file__).resolve().parent / "english-words.txt"
REFERENCE_FILES = ("topics.yaml", "ministries.yaml", "metrics.yaml", "glossary.yaml")


def fingerprint() -> str:
    """Changes when the corpus would: benchmarks keeping a corpus write it again then."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(WORD_LIST.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class Vocabulary:
    words: list[str]
    cumulative_weights: list[float]

    def draw(self, rng: random.Random, count: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative_weights, k=count)


def english_vocabulary(rng: random.Random) -> Vocabulary:
    """The word list ranked (the site's words first, by use) with Zipf weights 1/rank."""
    lines = WORD_LIST.read_text(encoding="utf-8").splitlines()
    dictionary = {line for line in lines if line and not line.startswith("#")}
    used: Counter[str] = Counter()
    for path in sorted((ROOT / "content").rglob("*.en.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
        used.update(word for word in re.findall(r"[a-z]+", body.lower()) if word in dictionary)
    if len(used) < 200:
        raise SystemExit("benchmarks need the site's English articles under content/")
    rest = sorted(dictionary - used.keys())
    rng.shuffle(rest)
    ranked = [word for word, _ in used.most_common()] + rest
    return Vocabulary(ranked, list(accumulate(1 / rank for rank in range(1, len(ranked) + 1))))


def chinese_vocabulary() -> Vocabulary:
    """jieba's dictionary words, each weighted by its frequency in jieba's own corpus."""
    jieba.initialize()
    words = [(w, f) for w, f in jieba.dt.FREQ.items() if f > 50 and 1 <= len(w) <= 4]
    return Vocabulary([w for w, _ in words], list(accumulate(f for _, f in words)))


@dataclass(frozen=True)
class Writing:
    """How a language's text is put together from its words."""

    vocabulary: Vocabulary
    space: str  # between words, and between sentences
    stop: str  # at the end of a sentence
    sentence_words: tuple[int, int]

    def words(self, rng: random.Random, count: int) -> str:
        text = self.space.join(self.vocabulary.draw(rng, count))
        return text[:1].upper() + text[1:]

    def sentence(self, rng: random.Random) -> str:
        return self.words(rng, rng.randint(*self.sentence_words)) + self.stop

    def paragraph(self, rng: random.Random) -> str:
        return self.space.join(self.sentence(rng) for _ in range(rng.randint(3, 6)))


def document(rng: random.Random, writing: Writing, front: dict, paragraphs: list[int]) -> str:
    """One language version: `paragraphs` gives each section's number of paragraphs."""
    meta = {
        "title": writing.words(rng, rng.randint(3, 7)),
        "summary": writing.paragraph(rng)[:300],
        **front,
    }
    sections = []
    for number, count in enumerate(paragraphs):
        body = "\n\n".join(writing.paragraph(rng) for _ in range(count))
        sections.append(f"## {writing.words(rng, 3)} {{#section-{number}}}\n\n{body}")
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{head}---\n" + "\n\n".join(sections) + "\n"


def timeline(rng: random.Random, slug: str, date: str, languages: dict[str, Writing]) -> list:
    """Where a recommendation stands (kept in the original's file only): proposed when it was
    written and, for half of them, one later step the year after."""
    events = [("proposed", date[:7])]
    if rng.random() < 0.5:
        events.append((rng.choice(STATUSES[1:]), str(int(date[:4]) + 1)))
    return [
        {
            "status": status,
            "date": when,
            "note": {lang: writing.sentence(rng) for lang, writing in languages.items()},
            "evidence": {
                "title": languages["en"].words(rng, 5),
                "publisher": "Climate Scorecard",
                "year": int(when[:4]),
                "url": f"https://example.org/{slug}/{status}",
            },
        }
        for status, when in events
    ]


def write_corpus(target: Path, documents: int, seed: int = 7) -> Path:
    """Write `documents` Markdown files (English originals and their Chinese translations,
    slug by slug) and the reference files."""
    rng = random.Random(seed)
    shutil.rmtree(target, ignore_errors=True)
    folder = target / "recommendations"
    folder.mkdir(parents=True)
    for name in REFERENCE_FILES:
        if (ROOT / "content" / name).exists():
            shutil.copy(ROOT / "content" / name, target / name)
    topics = [t["id"] for t in yaml.safe_load((target / "topics.yaml").read_text()) or []]
    ministries = [m["id"] for m in yaml.safe_load((target / "ministries.yaml").read_text()) or []]
    english = Writing(english_vocabulary(rng), " ", ".", (8, 20))
    chinese = Writing(chinese_vocabulary(), "", "。", (6, 14))
    for number in range(0, documents, 2):
        slug = f"doc-{number // 2:05d}"
        date = f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        # What a translator leaves as it is: the same in both languages.
        front = {
            "date": date,
            "kind": "recommendation",
            "status": "published",
            "topics": rng.sample(topics, min(len(topics), 2)),
            "ministries": [{"id": rng.choice(ministries), "role": "lead"}] if ministries else [],
        }
        paragraphs = [rng.randint(2, 3) for _ in range(rng.randint(3, 5))]
        events = timeline(rng, slug, date, {"en": english, "zh": chinese})
        original = document(rng, english, front | {"timeline": events}, paragraphs)
        (folder / f"{slug}.en.md").write_text(original, encoding="utf-8")
        if number + 1 < documents:
            translated = front | {"translated_from": source_version(original)}
            translation = document(rng, chinese, translated, paragraphs)
            (folder / f"{slug}.zh.md").write_text(translation, encoding="utf-8")
    return target
