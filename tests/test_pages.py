"""What a reader sees, over the fixture corpus."""

import pytest

from conftest import soup, toggled


def test_home_lists_both_kinds_in_the_readers_language(client):
    page = soup(client.get("/zh/"))
    assert page.html["lang"] == "zh-Hans"
    titles = [a.get_text() for a in page.select(".card__title a")]
    assert "双语文章" in titles and "只有中文的案例" in titles


def test_list_is_newest_first_with_summary_date_and_topics(client):
    page = soup(client.get("/en/recommendations/"))
    cards = page.select(".card")
    assert [c.select_one(".card__title").get_text(strip=True) for c in cards] == [
        "Both languages",
        "Only in English",
        "An older recommendation",
    ]
    first = cards[0]
    assert first.select_one(".card__summary").get_text() == (
        "A recommendation published in English and Chinese."
    )
    assert first.select_one("time")["datetime"] == "2024-05-01"
    assert first.select_one("time").get_text() == "May 1, 2024"
    assert [t.get_text() for t in first.select(".tag")] == ["Employment"]


def test_dates_and_labels_follow_the_locale(client):
    page = soup(client.get("/zh/recommendations/"))
    first = page.select_one(".card")
    assert first.select_one("time").get_text() == "2024年5月1日"
    assert [t.get_text() for t in first.select(".tag")] == ["就业"]


def test_article_shows_everything_a_reader_needs(client):
    page = soup(client.get("/en/recommendations/both-languages"))
    article = page.select_one("article")
    assert article["lang"] == "en"
    assert article.h1.get_text() == "Both languages"
    assert "A recommendation published" in page.select_one(".document__summary").get_text()
    facts = page.select_one(".facts").get_text(" ", strip=True)
    assert (
        "Published on this site May 1, 2024" in facts
        and "Based on ILO, 2009" in facts
        and "Updated June 1, 2024" in facts
    )
    assert "Northeast China" in facts
    assert [a["href"] for a in page.select(".toc a")] == ["#context", "#detail", "#context_1"]
    contact = page.select_one(".contact-card").get_text(" ", strip=True)
    assert "Ministry of Human Resources and Social Security" in contact and "Lead" in contact
    assert "Workers re-employed" in page.select_one(".metric-table").get_text()
    source = page.select_one(".sources li")
    assert source.cite.get_text() == "Fixture source"
    assert source.a["href"] == "https://example.org/source"
    assert "Accessed April 30, 2024" in source.get_text(" ", strip=True)


def test_about_page_in_both_languages(client):
    assert soup(client.get("/en/about")).h1.get_text() == "About the fixture site"
    assert soup(client.get("/zh/about")).h1.get_text() == "关于测试站点"


def test_missing_translation_shows_the_original_with_a_notice(client):
    response = client.get("/zh/recommendations/missing-translation")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == "zh-Hans"
    assert page.select_one("article")["lang"] == "en"
    assert page.select_one(".notice").get_text(strip=True) == "本页尚无中文译本，以下显示英文原文。"
    assert toggled(page) == "/en/recommendations/missing-translation"


def test_chinese_only_document_for_an_english_reader(client):
    page = soup(client.get("/en/case-studies/chinese-only"))
    assert page.html["lang"] == "en"
    assert page.select_one("article")["lang"] == "zh-Hans"
    assert "not been translated into English" in page.select_one(".notice").get_text()


def test_lists_mark_documents_shown_in_the_other_language(client):
    page = soup(client.get("/zh/recommendations/"))
    card = next(c for c in page.select(".card") if "Only in English" in c.get_text())
    assert card.select_one(".card__title")["lang"] == "en"
    assert card.select_one(".card__notice").get_text() == "仅有英文版本"


def test_a_translated_document_has_no_notice(client):
    assert soup(client.get("/zh/recommendations/both-languages")).select_one(".notice") is None


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_drafts_are_not_public(client, lang):
    assert client.get(f"/{lang}/recommendations/draft-only").status_code == 404
    listed = client.get(f"/{lang}/recommendations/").get_data(as_text=True)
    assert "Draft recommendation" not in listed


def test_broken_files_do_not_break_other_pages(client):
    assert client.get("/en/recommendations/broken-yaml").status_code == 404
    assert client.get("/en/case-studies/wrong-kind").status_code == 404
    assert client.get("/en/recommendations/both-languages").status_code == 200
    assert client.get("/en/recommendations/").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/fr/",
        "/fr/recommendations/both-languages",
        "/EN/",
        "/en/recommendations/../x",
        "/en/recommendations/..%2Fx",
        "/en/recommendations/..",
        "/en/recommendations/%2e%2e%2fetc%2fpasswd",
        "/en/case-studies/both-languages",
        "/en/unknown-section/both-languages",
        "/en/recommendations/both-languages.zh.md",
        "/zh/about/..",
    ],
)
def test_unknown_languages_and_traversal_are_404(client, path):
    assert client.get(path).status_code == 404


def test_404_page_speaks_the_readers_language(client):
    page = soup(client.get("/zh/recommendations/nothing-here"))
    assert page.html["lang"] == "zh-Hans"
    assert page.h1.get_text() == "找不到该页面"
    english = soup(client.get("/en/nothing"))
    assert english.h1.get_text() == "Page not found"


def test_404_without_a_language_prefix_uses_the_browsers_language(client):
    response = client.get("/fr/x", headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    assert response.status_code == 404
    assert soup(response).h1.get_text() == "找不到该页面"


@pytest.mark.parametrize(
    ("cookie", "accept", "expected"),
    [
        ("zh", "en-US", "/zh/"),
        ("en", "zh-CN", "/en/"),
        (None, "zh-TW,zh;q=0.9", "/zh/"),
        (None, "fr-FR,en;q=0.5", "/en/"),
        (None, None, "/en/"),
        ("klingon", "zh", "/zh/"),
        (None, ";;;q=nonsense", "/en/"),
    ],
)
def test_root_redirects_by_cookie_then_browser_language(client, cookie, accept, expected):
    if cookie:
        client.set_cookie("lang", cookie)
    headers = {"Accept-Language": accept} if accept else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    assert response.headers["Location"] == expected
    assert {"Cookie", "Accept-Language"} <= set(response.vary)


def test_a_page_whose_address_names_its_language_sets_no_cookie(client):
    """So that nginx and every other cache can keep it for first-time readers too."""
    for path in ("/zh/recommendations/", "/en/", "/zh/about", "/en/search?q=coal", "/zh/nowhere"):
        assert "Set-Cookie" not in client.get(path).headers, path
    assert client.get("/", headers={"Accept-Language": "en"}).headers["Location"] == "/en/"


def test_the_language_chosen_with_the_toggle_is_remembered(client):
    toggle = soup(client.get("/en/recommendations/both-languages")).select_one(".language-toggle")
    chosen = client.get(toggle["href"])
    assert chosen.status_code == 303
    assert chosen.headers["Location"] == "/zh/recommendations/both-languages"
    assert chosen.headers["Cache-Control"] == "no-store"
    assert "lang=zh" in chosen.headers["Set-Cookie"] and "HttpOnly" in chosen.headers["Set-Cookie"]
    # From now on / opens in Chinese, whatever the browser prefers.
    assert client.get("/", headers={"Accept-Language": "en"}).headers["Location"] == "/zh/"
    # Already remembered: nothing to set again.
    assert "Set-Cookie" not in client.get("/language/zh?next=/zh/about").headers


@pytest.mark.parametrize(
    "next_",
    [
        "https://evil.example/",
        "//evil.example/zh/",
        "/\\evil.example",
        "/en/about",
        "/zh/a\r\nX: y",
        "",
    ],
)
def test_the_toggle_leads_only_to_a_page_of_this_site_in_the_chosen_language(client, next_):
    response = client.get("/language/zh", query_string={"next": next_})
    assert response.status_code == 303 and response.headers["Location"] == "/zh/"


def test_landing_on_the_root_remembers_the_language_it_chose(client):
    response = client.get("/", headers={"Accept-Language": "zh-CN"})
    assert response.headers["Location"] == "/zh/" and "lang=zh" in response.headers["Set-Cookie"]


def test_htmx_request_gets_a_fragment_and_a_plain_request_a_full_page(client):
    full = client.get("/zh/recommendations/both-languages")
    fragment = client.get("/zh/recommendations/both-languages", headers={"HX-Request": "true"})
    assert full.get_data(as_text=True).startswith("<!doctype html>")
    part = soup(fragment)
    assert part.find("html") is None and part.find("head") is None and part.find("body") is None
    assert part.title.get_text() == "双语文章 · Climate Scorecard"
    assert part.select_one("article h1").get_text() == "双语文章"
    assert "HX-Request" in full.vary and "HX-Request" in fragment.vary


def test_htmx_history_restore_gets_the_full_page(client):
    response = client.get(
        "/en/",
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert response.get_data(as_text=True).startswith("<!doctype html>")


def test_the_toggle_is_a_plain_link_so_the_whole_new_page_comes_with_its_head(client):
    page = soup(client.get("/en/recommendations/both-languages"))
    toggle = page.select_one(".language-toggle")
    assert toggled(page) == "/zh/recommendations/both-languages"
    assert toggle["hreflang"] == "zh-Hans"
    # An htmx swap of the body would leave the old page's head: its canonical, og:url and
    # og:locale would go with the next share (tests/browser/test_sharing_journeys.py).
    assert not [name for name in toggle.attrs if name.startswith("hx-")]


def test_toggle_keeps_the_query_string(client):
    assert toggled(soup(client.get("/en/recommendations/?page=2"))) == "/zh/recommendations/?page=2"


def test_toggle_on_a_404_without_language_leads_home(client):
    assert toggled(soup(client.get("/fr/"))) == "/zh/"


def test_the_header_and_footer_kept_per_language_are_each_pages_own(client):
    """The frame's parts that are the same for a language are rendered once per worker:
    each page still gets its own language's, and its own language toggle."""
    pages = {
        "/en/search": ("en", "Recommendations"),
        "/zh/recommendations/": ("zh", "政策建议"),
        "/en/": ("en", "Recommendations"),
        "/zh/search": ("zh", "政策建议"),
    }
    toggles = set()
    for path, (lang, first_link) in pages.items():
        page = soup(client.get(path))
        nav = page.select_one(".site-nav a")
        assert nav.get_text() == first_link and nav["href"].startswith(f"/{lang}/")
        about_the_site = page.select(".site-footer a")[-4]  # then the glossary, feed, API
        assert about_the_site["href"].startswith(f"/{lang}/")
        toggles.add(page.select_one(".language-toggle")["href"])
    assert len(toggles) == len(pages)
