"""Reading side by side, notices on outdated translations, and drafts for editors only."""

import shutil

import pytest

from conftest import PASSWORD, SITE_CONTENT, build_app, sign_in, soup, words

PARALLEL = "/en/recommendations/community-employment/parallel"


def rows(page):
    return page.select("section.parallel__row")


def test_the_parallel_view_aligns_sections_by_their_shared_ids(site_client):
    page = soup(site_client.get(PARALLEL))
    found = rows(page)
    assert [row["id"] for row in found] == [
        "why-it-is-needed",
        "what-we-recommend",
        "who-should-act",
        "measuring-success",
        "notes",
    ]
    for row in found[:-1]:
        english, chinese = row.select(".parallel__cell")
        assert english["lang"] == "en" and chinese["lang"] == "zh-Hans"
        assert english.select_one("h2")["id"] == f"en-{row['id']}"
        assert chinese.select_one("h2")["id"] == f"zh-{row['id']}"
    # Both titles, one of them the page's h1 (in the page's language).
    titles = [t.get_text() for t in page.select(".parallel__title")]
    assert titles[1] == "以社区为基础的就业与发展计划"
    assert page.select_one("h1").get_text() == titles[0]
    # The subsection stays inside its section, in both languages.
    recommend = page.select_one("#what-we-recommend")
    assert words(recommend.select_one("#en-three-areas")) == "Three areas of development"
    assert words(recommend.select_one("#zh-three-areas")) == "三大发展领域"


def test_footnote_links_stay_within_their_own_column(site_client):
    page = soup(site_client.get(PARALLEL))
    chinese_refs = page.select('.parallel__cell[lang="zh-Hans"] sup a[href^="#"]')
    assert chinese_refs
    for ref in chinese_refs:
        assert ref["href"].startswith("#zh-")
        assert page.select_one(ref["href"]) is not None


def test_a_section_only_one_language_has_gets_a_row_with_a_gap(client):
    # The fixture's Chinese headings have no shared ids: nothing lines up.
    page = soup(client.get("/zh/recommendations/both-languages/parallel"))
    context = page.select_one("#context")
    assert (
        context.select_one('[lang="zh-Hans"] .parallel__gap').get_text()
        == "此语言版本中没有这一节。"
    )


def test_the_parallel_view_puts_the_readers_language_first(site_client):
    chinese_page = soup(site_client.get(PARALLEL.replace("/en/", "/zh/", 1)))
    first_row = rows(chinese_page)[0]
    assert [cell["lang"] for cell in first_row.select(".parallel__cell")] == ["zh-Hans", "en"]
    english_page = soup(site_client.get(PARALLEL))
    assert [c["lang"] for c in rows(english_page)[0].select(".parallel__cell")] == ["en", "zh-Hans"]


@pytest.mark.parametrize(
    "path",
    [
        "/en/recommendations/missing-translation/parallel",  # English only
        "/en/recommendations/draft-only/parallel",  # a draft, for a reader
        "/en/recommendations/no-such-thing/parallel",
    ],
)
def test_no_parallel_view_without_both_languages_published(client, path):
    assert client.get(path).status_code == 404


def test_the_about_page_can_be_read_side_by_side_too(site_client):
    link = soup(site_client.get("/zh/about")).select_one(".bilingual-link a")
    assert link["href"] == "/zh/about/parallel"
    page = soup(site_client.get(link["href"]))
    assert [row["id"] for row in rows(page)] == [
        "what-we-publish",
        "how-it-works",
        "sourcing",
        "sharing",
    ]


def test_document_pages_link_to_the_parallel_view_only_when_both_languages_exist(client):
    both = soup(client.get("/zh/recommendations/both-languages")).select_one(".bilingual-link a")
    assert both["href"] == "/zh/recommendations/both-languages/parallel"
    assert (
        soup(client.get("/en/recommendations/missing-translation")).select_one(".bilingual-link")
        is None
    )


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory):
    """The site's content after an edit of an English original its translation follows."""
    content = tmp_path_factory.mktemp("edited") / "content"
    shutil.copytree(SITE_CONTENT, content)
    source = content / "case-studies" / "ilo-green-jobs-pilots.en.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nA new closing line.\n", "utf-8")
    return build_app(content, tmp_path_factory.mktemp("instance")).test_client()


def test_readers_of_an_outdated_translation_see_a_notice_linking_the_newer_original(
    edited_site,
):
    page = soup(edited_site.get("/zh/case-studies/ilo-green-jobs-pilots"))
    notice = page.select_one(".notice--outdated")
    assert "原文在此译文完成后有所修改" in notice.get_text()
    assert notice.select_one("a")["href"] == "/en/case-studies/ilo-green-jobs-pilots"
    # Up-to-date translations and originals carry no such notice.
    assert not soup(edited_site.get("/zh/case-studies/chongqing-low-carbon-toolkit")).select(
        ".notice--outdated"
    )
    assert not soup(edited_site.get("/en/case-studies/ilo-green-jobs-pilots")).select(
        ".notice--outdated"
    )


def test_drafts_are_visible_only_to_signed_in_editors(db_client, editor):  # noqa: F811
    draft = "/en/recommendations/draft-only"
    assert db_client.get(draft).status_code == 404
    assert "draft-only" not in db_client.get("/en/recommendations/").get_data(as_text=True)
    assert db_client.get(draft + "/parallel").status_code == 404
    sign_in(db_client, editor, PASSWORD)
    page = soup(db_client.get(draft))
    assert page.select_one("h1").get_text() == "Draft recommendation"
    assert (
        "Only signed-in editors can see this page." in page.select_one(".notice--draft").get_text()
    )
    preview = db_client.get(draft + "/parallel")
    assert preview.status_code == 200
    assert [c["lang"] for c in soup(preview).select(".parallel__row--head .parallel__cell")] == [
        "en",
        "zh-Hans",
    ]
    # Lists show editors their drafts, marked.
    cards = soup(db_client.get("/en/recommendations/")).select(".card")
    draft_card = next(c for c in cards if "draft-only" in c.select_one("a")["href"])
    assert draft_card.select_one(".tag--draft").get_text() == "Draft"


def test_the_translations_page_is_for_editors_and_lists_every_document(db_app, db_client, editor):  # noqa: F811
    response = db_client.get("/admin/translations")
    assert response.status_code == 302 and "/admin/login" in response.location
    sign_in(db_client, editor, PASSWORD)
    page = soup(db_client.get("/admin/translations"))
    rows_by_title = {
        row.select_one("th a").get_text(): [s.get_text() for s in row.select(".state")]
        for row in page.select("tbody tr")
    }
    assert rows_by_title["Both languages"] == ["Original", "Source version not recorded"]
    assert rows_by_title["Only in English"] == ["Original", "Missing"]
    assert rows_by_title["Draft recommendation"] == ["Original", "Source version not recorded"]
    # A translation whose source version is not recorded can be marked as translated.
    row = page.select_one("#recommendation-both-languages")
    (form,) = row.select("form")
    assert form["action"] == "/admin/translations/recommendation/both-languages/zh/translated"
    assert form.select_one('input[name="csrf_token"]')["value"]


def test_text_before_the_first_heading_is_aligned_as_the_introduction(client):
    page = soup(client.get("/en/about/parallel"))
    (row,) = rows(page)
    assert row["id"] == "introduction"
    english, chinese = row.select(".parallel__cell")
    assert words(english) and words(chinese) == "关于正文。"
