"""A synthetic bilingual corpus for benchmarks: N documents, half of them in Chinese.

English text is drawn from the vocabulary of the site's own articles, Chinese text
from jieba's dictionary, so both analysers see realistic words. Front matter uses
the site's real topics and ministries, so facets are realistic too.
"""

import random
import re
import shutil
from pathlib import Path

import jieba
import yaml

ROOT = Path(__file__).resolve().parents[1]
REFERENCE_FILES = ("topics.yaml", "ministries.yaml", "metrics.yaml", "glossary.yaml")


def _english_vocabulary() -> list[str]:
    """Every word of the site's English articles, as often as they use it."""
    words = []
    for path in (ROOT / "content").rglob("*.en.md"):
        words += re.findall(r"[A-Za-z]{3,}", path.read_text(encoding="utf-8"))
    if len(set(words)) < 200:
        raise SystemExit("benchmarks need the site's English articles under content/")
    return words


def _chinese_vocabulary(rng: random.Random) -> list[str]:
    """jieba's dictionary words, each as often as its frequency says (so, Zipf-like)."""
    jieba.initialize()
    words = [(w, f) for w, f in jieba.dt.FREQ.items() if f > 50 and 1 <= len(w) <= 4]
    chosen = rng.choices([w for w, _ in words], weights=[f for _, f in words], k=200_000)
    return chosen


def _paragraphs(rng, vocabulary, count, sentence_words, joiner, stop):
    paragraphs = []
    for _ in range(count):
        sentences = [
            joiner.join(rng.choice(vocabulary) for _ in range(rng.randint(*sentence_words))) + stop
            for _ in range(rng.randint(3, 6))
        ]
        paragraphs.append(("" if joiner == "" else " ").join(sentences))
    return paragraphs


def write_corpus(target: Path, documents: int, seed: int = 7) -> Path:
    """Write `documents` Markdown files, half Chinese, and the reference files."""
    rng = random.Random(seed)
    shutil.rmtree(target, ignore_errors=True)
    folder = target / "recommendations"
    folder.mkdir(parents=True)
    for name in REFERENCE_FILES:
        if (ROOT / "content" / name).exists():
            shutil.copy(ROOT / "content" / name, target / name)
    topics = [t["id"] for t in yaml.safe_load((target / "topics.yaml").read_text()) or []]
    ministries = [m["id"] for m in yaml.safe_load((target / "ministries.yaml").read_text()) or []]
    english, chinese = _english_vocabulary(), _chinese_vocabulary(rng)
    for number in range(documents):
        lang = "zh" if number % 2 else "en"
        vocabulary, joiner, stop, words = (
            (chinese, "", "。", (6, 14)) if lang == "zh" else (english, " ", ".", (8, 20))
        )
        title = joiner.join(rng.choice(vocabulary) for _ in range(rng.randint(3, 7)))
        summary = _paragraphs(rng, vocabulary, 1, words, joiner, stop)[0][:300]
        sections = []
        for section in range(rng.randint(3, 5)):
            heading = joiner.join(rng.choice(vocabulary) for _ in range(3))
            body = "\n\n".join(_paragraphs(rng, vocabulary, rng.randint(2, 3), words, joiner, stop))
            sections.append(f"## {heading} {{#section-{section}}}\n\n{body}")
        meta = {
            "title": title,
            "summary": summary,
            "date": f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "kind": "recommendation",
            "status": "published",
            "topics": rng.sample(topics, min(len(topics), 2)),
            "ministries": [{"id": rng.choice(ministries), "role": "lead"}] if ministries else [],
        }
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        path = folder / f"doc-{number:05d}.{lang}.md"
        path.write_text(f"---\n{front}---\n" + "\n\n".join(sections) + "\n", encoding="utf-8")
    return target
