"""The loader reads the fixture corpus: what is valid is served, what is not is reported."""

from scorecard.core.content.loader import load_library
from scorecard.core.edition import build_edition

from conftest import FIXTURE_CONTENT

BACKLINKS = {"en": "Back to footnote {} in the text", "zh": "返回正文第 {} 条脚注处"}


def load():
    return load_library(FIXTURE_CONTENT, BACKLINKS)


def problems_by_file():
    return {p.path: p for p in load().problems}


def test_each_broken_file_is_reported_with_its_path_and_field():
    found = {(p.path, p.field) for p in load().problems}
    assert found == {
        ("content/recommendations/broken-yaml.en.md", "front matter"),
        ("content/recommendations/missing-title.en.md", "title"),
        ("content/recommendations/unknown-field.en.md", "editor"),
        ("content/recommendations/unknown-ministry.en.md", "ministries"),
        ("content/recommendations/unknown-metric.en.md", "metrics"),
        ("content/recommendations/empty-summary.en.md", "summary"),
        ("content/case-studies/wrong-kind.en.md", "kind"),
        ("content/case-studies/Bad_Name.en.md", "file name"),
        ("content/ministries.yaml", "unsourced-office.contacts.0.source"),
        ("content/metrics.yaml", "unsourced-figure.observations.0.source"),
    }


def test_messages_say_what_is_wrong():
    problems = problems_by_file()
    broken = problems["content/recommendations/broken-yaml.en.md"]
    assert broken.line == 3 and "not closed" in broken.message
    assert problems["content/recommendations/unknown-field.en.md"].message.startswith(
        "unknown field 'editor': remove it"
    )
    assert "required" in problems["content/recommendations/missing-title.en.md"].message
    assert "ministry-of-magic" in problems["content/recommendations/unknown-ministry.en.md"].message
    assert "happiness-index" in problems["content/recommendations/unknown-metric.en.md"].message


def test_broken_files_are_left_out_and_the_rest_load():
    keys = set(load().documents)
    assert ("recommendation", "both-languages", "en") in keys
    assert ("recommendation", "both-languages", "zh") in keys
    assert ("case-study", "chinese-only", "zh") in keys
    assert not {slug for (_, slug, _) in keys} & {
        "broken-yaml",
        "missing-title",
        "unknown-field",
        "wrong-kind",
    }


def test_a_document_naming_something_unknown_loads_without_that_link():
    library = load()
    doc = library.documents[("recommendation", "unknown-ministry", "en")]
    assert doc.meta.ministries == () and doc.unavailable == ("ministries",)
    doc = library.documents[("recommendation", "unknown-metric", "en")]
    assert doc.meta.metrics == () and doc.unavailable == ("metrics",)


def test_chinese_headings_get_readable_ids_and_repeats_get_a_suffix():
    doc = load().documents[("recommendation", "both-languages", "zh")]
    assert '<h2 id="背景与挑战">' in doc.html
    assert '<h2 id="背景与挑战_1">' in doc.html
    assert [entry.id for entry in doc.toc] == ["背景与挑战", "背景与挑战_1"]
    assert [child.id for child in doc.toc[0].children] == ["细节"]


def test_tables_and_footnotes_render_with_backlinks_in_the_documents_language():
    library = load()
    english = library.documents[("recommendation", "both-languages", "en")]
    chinese = library.documents[("recommendation", "both-languages", "zh")]
    assert "<table " in english.html and 'data-label="Parks" role="cell">2,543</td>' in english.html
    assert 'id="fn-fig"' in english.html
    assert 'title="Back to footnote 1 in the text"' in english.html
    assert 'title="返回正文第 1 条脚注处"' in chinese.html


def test_a_bare_year_is_accepted_as_a_period():
    doc = load().documents[("case-study", "chinese-only", "zh")]
    assert doc.meta.period == "2019"


def test_listing_is_newest_first_and_hides_drafts():
    slugs = [shown.doc.slug for shown in build_edition(load()).listing("recommendation", "en")]
    assert slugs == ["both-languages", "missing-translation", "older"]


def test_listing_falls_back_to_the_other_language():
    shown = {s.doc.slug: s for s in build_edition(load()).listing("recommendation", "zh")}
    assert shown["missing-translation"].fallback
    assert shown["missing-translation"].doc.lang == "en"
    assert not shown["both-languages"].fallback


def test_a_contact_or_figure_without_a_source_is_left_out():
    library = load()
    assert "unsourced-office" not in library.ministries
    assert "unsourced-figure" not in library.metrics
    assert {"mohrss", "stale-bureau"} <= set(library.ministries)


def test_documents_are_linked_to_their_ministries_and_metrics():
    library = build_edition(load())
    addressing = [(shown.doc.slug, role) for shown, role in library.addressing("mohrss", "en")]
    assert ("both-languages", "lead") in addressing
    assert "draft-only" not in {slug for slug, _ in addressing}
    measured = [shown.doc.slug for shown in library.measured_by("workers-reemployed", "zh")]
    assert "both-languages" in measured
