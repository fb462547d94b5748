"""Search over the fixture corpus: analysis, grouping, facets, highlighting, bad input."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scorecard.core.content.loader import load_library
from scorecard.core.search.engines import engine_named
from scorecard.core.search.searcher import Searcher, SearchRequest
from scorecard.core.search.store import ensure_index, read_fingerprint, read_records

from conftest import FIXTURE_CONTENT, build_app, soup

BACKLINKS = {"en": "{}", "zh": "{}"}


def titles(search_client, query, lang="en", **args):
    page = soup(search_client.get(f"/{lang}/search", query_string={"q": query, **args}))
    return [a.get_text() for a in page.select(".result__title a")]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("就业", "只有中文的案例"),  # inside 再就业 and 绿色就业
        ("再就业", "只有中文的案例"),
        ("绿色", "只有中文的案例"),
        ("碳", "只有中文的案例"),  # a single character
        ("碳排放", "只有中文的案例"),
        ("綠色就業", "只有中文的案例"),  # Traditional characters find Simplified text
        ('"绿色就业"', "只有中文的案例"),  # a phrase
    ],
)
def test_chinese_queries_find_chinese_text(search_client, query, expected):
    assert titles(search_client, query, lang="zh") == [expected]


def test_a_chinese_phrase_does_not_match_scattered_words(search_client):
    assert titles(search_client, '"就业绿色"', lang="zh") == []


def test_english_stemming(search_client):
    assert titles(search_client, "jobs") == ["Both languages"]  # the text says "job"
    # Each says "recommendation", singular.
    assert set(titles(search_client, "recommendations")) == {
        "An older recommendation",
        "Both languages",
        "Only in English",
    }


@pytest.mark.parametrize("query", ["the jobs", "jobs -", "jobs AND", "JOBS!"])
def test_stop_words_and_punctuation_around_a_word_change_nothing(search_client, query):
    assert titles(search_client, query) == titles(search_client, "jobs") == ["Both languages"]


def test_only_stop_words_find_nothing(search_client):
    assert titles(search_client, "the and of") == []


def test_translations_are_grouped_with_the_readers_language_first(search_client):
    page = soup(search_client.get("/zh/search", query_string={"q": "languages"}))
    results = page.select(".result")
    assert len(results) == 1
    assert results[0].select_one(".result__title").get_text(strip=True) == "双语文章"
    other = results[0].select_one(".result__other a")
    assert other["href"] == "/en/recommendations/both-languages"


def test_english_query_finds_a_chinese_only_document_through_the_glossary(search_client):
    assert titles(search_client, "just transition") == ["只有中文的案例"]


@pytest.mark.parametrize("number", ["国发〔2021〕23号", "国发[2021]23号", "国发（2021）23号"])
def test_an_official_document_number_finds_its_document(search_client, number):
    assert titles(search_client, number, lang="zh") == ["只有中文的案例"]
    assert "国发〔2021〕23号" in search_client.get("/zh/case-studies/chinese-only").get_data(
        as_text=True
    )


def test_empty_query_lists_every_document_newest_first(search_client):
    assert titles(search_client, "") == [
        "Both languages",
        "Only in English",
        "只有中文的案例",
        "An older recommendation",
    ]


def test_facet_counts_count_documents_not_language_versions(search_client):
    page = soup(search_client.get("/en/search", query_string={"q": ""}))
    counts = {
        a["href"].rsplit("&", 1)[-1] if "&" in a["href"] else a["href"].split("?")[1]: int(
            a.select_one(".count").get_text()
        )
        for a in page.select(".facet a")
    }
    assert counts["kind=recommendation"] == 3
    assert counts["kind=case-study"] == 1
    assert counts["language=en"] == 3
    assert counts["language=zh"] == 3
    assert counts["topic=employment"] == 2


def test_filters_narrow_the_results_and_can_be_removed(search_client):
    assert titles(search_client, "", kind="case-study") == ["只有中文的案例"]
    # Filtered to Chinese versions, the document still shows in the reader's language.
    assert titles(search_client, "", topic="employment", language="zh") == [
        "Both languages",
        "只有中文的案例",
    ]
    page = soup(search_client.get("/en/search?kind=case-study"))
    active = page.select_one(".facet__active")
    assert active["href"] == "/en/search"


def test_sort_by_date(search_client):
    assert titles(search_client, "", sort="date")[0] == "Both languages"


def test_highlighted_snippet_escapes_html(search_client):
    page = search_client.get("/en/search", query_string={"q": "jobs"}).get_data(as_text=True)
    snippet = soup_snippet(page)
    assert "<mark" in snippet
    assert "&lt;b&gt;" in snippet and "<b>" not in snippet
    assert "&lt; benefits" in snippet


def soup_snippet(page: str) -> str:
    start = page.index('class="result__snippet"')
    return page[start : page.index("</p>", start)]


def test_did_you_mean_for_a_misspelt_english_word(search_client):
    page = soup(search_client.get("/en/search", query_string={"q": "languagez"}))
    assert page.select_one(".suggestion a").get_text() == "languages"


def test_with_nothing_found_no_filters_are_offered_unless_one_is_on(search_client):
    nothing = soup(search_client.get("/zh/search", query_string={"q": "xylophone"}))
    assert nothing.select_one(".no-results") and not nothing.select_one(".facets-box")
    query = {"q": "xylophone", "kind": "recommendation"}
    filtered = soup(search_client.get("/en/search", query_string=query))
    assert filtered.select_one(".facets-box summary")  # says a filter is on
    remove = filtered.select_one(".facet__active")
    assert "(remove)" in remove.get_text() and "kind=" not in remove["href"]


def test_no_results_page_offers_suggestions(search_client):
    page = soup(search_client.get("/zh/search", query_string={"q": "xylophone"}))
    assert page.select_one(".no-results")
    assert "没有找到相符的内容" in page.get_text()


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "AND OR NOT (",
        "title:x [a TO",
        "*",
        "a" * 2000,
        "\x00\x1b\u202ejobs\u200b",
        "<script>alert(1)</script>",
        "'\"><svg onload=alert(1)>",
        "％ｊｏｂｓ",
    ],
)
def test_malformed_queries_get_a_normal_page_with_the_query_escaped(search_client, query):
    response = search_client.get("/en/search", query_string={"q": query})
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "<script>alert" not in text and "<svg" not in text


def test_invalid_utf8_in_the_query_string(search_client):
    assert search_client.get("/en/search?q=%ff%fe%80jobs").status_code == 200


def test_a_long_query_is_shortened_with_a_notice(search_client):
    page = soup(search_client.get("/en/search", query_string={"q": "job " * 500}))
    assert page.select_one("#search-results .notice")


@pytest.mark.parametrize("page_arg", ["0", "-1", "abc", "99999999999", "2"])
def test_odd_page_numbers_fall_back(search_client, page_arg):
    assert (
        search_client.get("/en/search", query_string={"q": "", "page": page_arg}).status_code == 200
    )


def test_live_search_gets_only_the_results(search_client):
    response = search_client.get(
        "/en/search?q=jobs", headers={"HX-Request": "true", "HX-Target": "search-results"}
    )
    page = soup(response)
    assert page.select_one("header") is None
    assert page.select_one(".result__title").get_text(strip=True) == "Both languages"


def test_search_form_works_without_javascript_and_is_in_every_header(search_client):
    page = soup(search_client.get("/zh/about"))
    form = page.select_one("header form[role=search]")
    assert form["action"] == "/zh/search" and form["method"] == "get"
    search_page = soup(search_client.get("/en/search?q=jobs"))
    live = search_page.select_one("#search-form")
    assert live["hx-get"] == "/en/search" and live["hx-push-url"] == "true"
    assert search_page.select_one("#search-q")["value"] == "jobs"


# The index on disk


def copy_corpus(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target


def test_index_is_reused_while_the_content_is_unchanged(tmp_path, search_engine):
    library = load_library(FIXTURE_CONTENT, BACKLINKS)
    first = ensure_index(tmp_path / "search", library, engine_named(search_engine))
    again = ensure_index(tmp_path / "search", library, engine_named(search_engine))
    assert first.built and not again.built
    assert again.folder == first.folder


def searched(folder: Path, engine, text: str, library) -> list[str]:
    searcher = Searcher(engine.open(folder), read_records(folder))
    return [r.doc.slug for r in searcher.search(SearchRequest(text=text), library).page.items]


def test_changing_one_document_reindexes_only_that_document(tmp_path, search_engine):
    content = copy_corpus(tmp_path)
    root = tmp_path / "search"
    engine = engine_named(search_engine)
    first = ensure_index(root, load_library(content, BACKLINKS), engine)
    path = content / "recommendations" / "older.en.md"
    path.write_text(path.read_text().replace("Body.", "A new word: photovoltaics."))
    library = load_library(content, BACKLINKS)
    update = ensure_index(root, library, engine)
    assert update.built and update.changed == 1
    assert read_fingerprint(root / "current") != read_fingerprint(first.folder)
    assert not first.folder.exists()  # the old index was replaced, not patched in place
    current = (root / "current").resolve()
    assert searched(current, engine, "photovoltaics", library) == ["older"]
    # The document is there once, as it is now: its old text is gone with its old version.
    assert searched(current, engine, "older", library).count("older") == 1


def test_removing_a_document_removes_it_from_the_index(tmp_path, search_engine):
    content = copy_corpus(tmp_path)
    root = tmp_path / "search"
    engine = engine_named(search_engine)
    ensure_index(root, load_library(content, BACKLINKS), engine)
    assert "older" in searched(
        root / "current", engine, "recommendation", load_library(content, BACKLINKS)
    )
    (content / "recommendations" / "older.en.md").unlink()
    library = load_library(content, BACKLINKS)
    assert ensure_index(root, library, engine).changed == 1
    assert "older" not in searched((root / "current").resolve(), engine, "recommendation", library)


def test_switching_engines_builds_a_new_index(tmp_path):
    library = load_library(FIXTURE_CONTENT, BACKLINKS)
    whoosh = ensure_index(tmp_path / "search", library, engine_named("whoosh"))
    tantivy = ensure_index(tmp_path / "search", library, engine_named("tantivy"))
    assert tantivy.built and tantivy.folder != whoosh.folder
    assert searched(tantivy.folder, engine_named("tantivy"), "jobs", library) == ["both-languages"]


def test_sites_on_either_engine_can_share_an_instance_while_switching(tmp_path):
    """A site being switched from one engine to the other has processes of both for a
    while, on one instance folder: each keeps its own index."""
    whoosh = build_app(FIXTURE_CONTENT, tmp_path, SEARCH_ENGINE="whoosh")
    tantivy = build_app(FIXTURE_CONTENT, tmp_path, SEARCH_ENGINE="tantivy")
    for app in (whoosh, tantivy, whoosh):
        assert titles(app.test_client(), "jobs") == ["Both languages"]


def test_an_unknown_engine_stops_the_start_saying_why(tmp_path):
    with pytest.raises(ValueError, match="SEARCH_ENGINE must be one of whoosh, tantivy"):
        build_app(FIXTURE_CONTENT, tmp_path, SEARCH_ENGINE="elastic")


def test_concurrent_start_ups_build_one_valid_index(tmp_path, search_engine):
    script = (
        "import sys; sys.path.insert(0, sys.argv[3]);"
        "from pathlib import Path;"
        "from scorecard.core.content.loader import load_library;"
        "from scorecard.core.search.engines import engine_named;"
        "from scorecard.core.search.store import ensure_index;"
        "lib = load_library(Path(sys.argv[1]), {'en': '{}', 'zh': '{}'});"
        "print(ensure_index(Path(sys.argv[2]), lib, engine_named(sys.argv[4])).built)"
    )
    site = str(Path(__file__).parents[1] / "site")
    root = tmp_path / "search"
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(FIXTURE_CONTENT), str(root), site, search_engine],
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    built = [process.communicate(timeout=60)[0].strip() for process in starts]
    assert sorted(built) == ["False", "False", "True"]
    assert [p.name for p in root.glob("ix-*")] == [(root / "current").resolve().name]
    assert not list(root.glob("building-*"))


def test_search_rebuild_command(search_app):
    result = search_app.test_cli_runner().invoke(args=["search", "rebuild"])
    assert result.exit_code == 0 and "rebuilt" in result.output


def test_remarks_in_brackets_are_written_as_each_language_writes_them(search_client):
    query = {"q": "", "kind": "recommendation"}
    chinese = soup(search_client.get("/zh/search", query_string=query))
    english = soup(search_client.get("/en/search", query_string=query))
    assert chinese.select_one(".facets-box summary").get_text() == "筛选结果（已选 1 项）"
    assert english.select_one(".facets-box summary").get_text() == "Filter results (1 active)"
    assert {s.get_text() for s in chinese.select(".result__other-lang")} <= {"（英文）"}
    assert {s.get_text() for s in english.select(".result__other-lang")} <= {" (Chinese)"}
    assert chinese.select(".result__other-lang") and english.select(".result__other-lang")
