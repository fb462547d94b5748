"""The content loader, fed random front matter, Markdown and bytes: it reports, never crashes."""

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorecard.core.content.loader import load_library
from test_content_loader import BACKLINKS

from conftest import FIXTURE_CONTENT

FIELDS = [
    "title",
    "summary",
    "ask",
    "date",
    "updated",
    "kind",
    "status",
    "draft",
    "topics",
    "ministries",
    "metrics",
    "sources",
    "lang",
    "id",
    "role",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.dates().map(str),
    st.sampled_from(["recommendation", "case-study", "published", "mohrss", "lead", "2026-13-45"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), inner, max_size=4),
    ),
    max_leaves=12,
)
front_matter = st.dictionaries(st.sampled_from(FIELDS), values, max_size=len(FIELDS))
MARKDOWN_PIECES = [
    "# ",
    "## ",
    "{#",
    "}",
    "[^1]",
    "[^1]: ",
    "|",
    "---",
    "```",
    "\n",
    "\n\n",
    "*",
    "_",
    "<",
    ">",
    "<script>",
    "](",
    "[",
    "![x](",
    "1. ",
    "- ",
    "\\",
    "&",
    "&#",
    "：",
    "中文",
    " ",
    "{: .class}",
    "<div markdown=1>",
    "    ",
    "\t",
    "\x00",
    "\ufeff",
    "\u202e",
]
markdown = st.lists(st.sampled_from(MARKDOWN_PIECES) | st.text(max_size=10), max_size=40).map(
    "".join
)


def document_text(meta: dict, body: str) -> str:
    try:
        header = yaml.safe_dump(meta, allow_unicode=True)
    except yaml.YAMLError:
        header = str(meta)
    return f"---\n{header}---\n{body}"


def parses(content: bytes):
    """What YAML makes of it; malformed YAML counts as something the loader must report."""
    try:
        return yaml.safe_load(content)
    except yaml.YAMLError:
        return "malformed"


FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_with(files: dict[str, bytes]):
    """The fixture corpus with `files` added or replaced, loaded as the site would."""
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(FIXTURE_CONTENT, content)
        for name, data in files.items():
            (content / name).write_bytes(data)
        return load_library(content, BACKLINKS)


@FUZZ
@given(meta=front_matter, body=markdown, lang=st.sampled_from(["en", "zh"]))
def test_random_documents_are_loaded_or_reported(meta, body, lang):
    name = f"recommendations/fuzzed.{lang}.md"
    library = load_with({name: document_text(meta, body).encode("utf-8", "surrogatepass")})
    loaded = ("recommendation", "fuzzed", lang) in library.documents
    reported = [p for p in library.problems if p.path.endswith(name)]
    assert loaded != bool(reported)


@FUZZ
@given(data=st.binary(max_size=200), good_body=markdown)
def test_random_bytes_and_bodies_under_valid_front_matter(data, good_body):
    valid = (FIXTURE_CONTENT / "recommendations" / "both-languages.en.md").read_text()
    library = load_with(
        {
            "recommendations/binary.en.md": data,
            "recommendations/body.en.md": valid.split("---\n", 2)[1]
            .join(["---\n", "---\n"])
            .encode()
            + good_body.encode("utf-8", "surrogatepass"),
        }
    )
    assert ("recommendation", "body", "en") in library.documents


@FUZZ
@given(
    reference=st.sampled_from(["ministries", "metrics", "topics", "glossary"]),
    content=st.one_of(values.map(lambda v: yaml.safe_dump(v).encode()), st.binary(max_size=100)),
)
def test_random_reference_files_are_reported(reference, content):
    library = load_with({f"{reference}.yaml": content})
    reported = any(p.path.endswith(f"{reference}.yaml") for p in library.problems)
    assert reported or getattr(library, reference) or not parses(content)
