"""Stable addresses and previews: canonical and hreflang links, Open Graph and Twitter tags,
short links, and permalink anchors on headings and numbered paragraphs."""

import io
import re

import pytest
from PIL import Image

from scorecard.core.edition import short_id

from conftest import library_of, soup

ROOT = "http://localhost"
BOTH = "/recommendations/both-languages"
OG_LOCALE = {"en": "en_US", "zh": "zh_CN"}
OTHER = {"en": "zh", "zh": "en"}


def meta(page, name: str) -> str | None:
    tag = page.find("meta", attrs={"property": name}) or page.find("meta", attrs={"name": name})
    return tag["content"] if tag else None


def alternates(page) -> dict[str, str]:
    return {t["hreflang"]: t["href"] for t in page.select("link[rel=alternate][hreflang]")}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    "path", ["/", "/recommendations/", "/ministries/", "/glossary", BOTH, "/about"]
)
def test_every_page_names_its_canonical_address_and_both_languages(client, lang, path):
    page = soup(client.get(f"/{lang}{path}"))
    canonical = page.find("link", rel="canonical")["href"]
    assert canonical == f"{ROOT}/{lang}{path}"
    found = alternates(page)
    assert found["en"] == f"{ROOT}/en{path}"
    assert found["zh-Hans"] == f"{ROOT}/zh{path}"
    assert found["x-default"].startswith(ROOT)
    # Previews: the same address, the page's language and the other, our own picture.
    assert meta(page, "og:url") == canonical
    assert meta(page, "og:locale") == OG_LOCALE[lang]
    assert meta(page, "og:locale:alternate") == OG_LOCALE[OTHER[lang]]
    assert meta(page, "og:title") == page.title.get_text()
    assert meta(page, "og:description") == meta(page, "description")
    assert meta(page, "twitter:card") == "summary_large_image"
    assert meta(page, "twitter:title") == page.title.get_text()
    assert meta(page, "og:image") == meta(page, "twitter:image")
    # Our own picture: a document's (test_share_pictures.py), else the site's.
    assert meta(page, "og:image").startswith((f"{ROOT}/static/", f"{ROOT}/{lang}/"))


def test_a_document_preview_is_in_its_language_with_its_dates(client):
    en, zh = soup(client.get(f"/en{BOTH}")), soup(client.get(f"/zh{BOTH}"))
    assert meta(en, "og:title").startswith("Both languages")
    assert meta(en, "og:description") == "A recommendation published in English and Chinese."
    assert meta(zh, "og:title") != meta(en, "og:title")
    assert meta(zh, "og:locale") == "zh_CN"
    for page in (en, zh):
        assert meta(page, "og:type") == "article"
        assert meta(page, "article:published_time") == "2024-05-01"
        assert meta(page, "article:modified_time") == "2024-06-01"
    # The x-default version is the short link, which picks each reader's language.
    assert alternates(en)["x-default"] == f"{ROOT}/r/{short_id('recommendation/both-languages')}"
    assert meta(soup(client.get("/en/")), "og:type") == "website"


def test_the_preview_picture_is_a_png_of_the_size_previews_want(client):
    address = meta(soup(client.get("/zh/")), "og:image")
    response = client.get(address.removeprefix(ROOT))
    assert response.status_code == 200 and response.content_type == "image/png"
    assert Image.open(io.BytesIO(response.data)).size == (1200, 630)
    response.close()


def test_a_document_in_one_language_has_no_alternates_and_a_fallback_points_at_the_original(
    client,
):
    only_english = soup(client.get("/en/recommendations/missing-translation"))
    assert only_english.find("link", rel="canonical")["href"].endswith(
        "/en/recommendations/missing-translation"
    )
    assert alternates(only_english) == {}
    # /en/ shows the Chinese text under an English interface: the Chinese page is the original.
    fallback = soup(client.get("/en/case-studies/chinese-only"))
    assert fallback.find("link", rel="canonical")["href"] == f"{ROOT}/zh/case-studies/chinese-only"
    assert alternates(fallback) == {}


def test_the_configured_site_address_is_used_for_every_absolute_link(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "SITE_URL", "https://scorecard.example.org")
    page = soup(client.get(f"/zh{BOTH}"))
    assert page.find("link", rel="canonical")["href"] == f"https://scorecard.example.org/zh{BOTH}"
    assert all(
        url.startswith("https://scorecard.example.org/") for url in alternates(page).values()
    )
    assert meta(page, "og:image").startswith(f"https://scorecard.example.org/zh{BOTH}/share-")
    assert page.select_one("#share-url")["value"] == f"https://scorecard.example.org/zh{BOTH}"


def test_error_pages_and_search_results_are_not_for_indexing(client):
    missing = soup(client.get("/en/recommendations/nowhere"))
    assert missing.find("link", rel="canonical") is None
    assert meta(missing, "robots") == "noindex"
    assert "noindex" in meta(soup(client.get("/en/search?q=jobs")), "robots")


@pytest.mark.parametrize(
    ("browser", "cookie", "expected"),
    [("zh-CN,zh;q=0.9", None, "/zh"), ("en-GB", None, "/en"), ("zh-CN", "en", "/en")],
)
def test_a_short_link_sends_each_reader_to_their_language(client, browser, cookie, expected):
    if cookie:
        client.set_cookie("lang", cookie)
    link = f"/r/{short_id('recommendation/both-languages')}"
    response = client.get(link, headers={"Accept-Language": browser})
    assert response.status_code == 302
    assert response.location == f"{expected}{BOTH}"
    assert {"Cookie", "Accept-Language"} <= set(response.vary)


def test_the_short_link_on_a_page_is_the_same_in_both_languages_and_leads_back(client):
    short = {
        lang: soup(client.get(f"/{lang}{BOTH}")).select_one("#share-short-url")["value"]
        for lang in ("en", "zh")
    }
    assert short["en"] == short["zh"]
    response = client.get(short["en"].removeprefix(ROOT), headers={"Accept-Language": "zh"})
    assert response.location == f"/zh{BOTH}"


def test_a_short_link_to_a_document_without_translation_opens_the_original(client):
    response = client.get(
        f"/r/{short_id('case-study/chinese-only')}", headers={"Accept-Language": "en"}
    )
    assert response.location == "/zh/case-studies/chinese-only"


def test_short_links_to_drafts_or_nothing_are_not_found(client):
    assert client.get(f"/r/{short_id('recommendation/draft-only')}").status_code == 404
    response = client.get("/r/zzzzzzz", headers={"Accept-Language": "zh"})
    assert response.status_code == 404
    assert "找不到该页面" in response.get_data(as_text=True)


def test_every_heading_has_a_permalink_anchor_to_its_own_id(client):
    for lang in ("en", "zh"):
        body = soup(client.get(f"/{lang}{BOTH}")).select_one(".document__body")
        headings = body.select("h2, h3")
        assert headings
        for heading in headings:
            anchor = heading.select_one("a.permalink")
            assert anchor["href"] == f"#{heading['id']}"
            assert anchor["aria-label"]
    toc = soup(client.get(f"/zh{BOTH}")).select(".toc a")
    body_ids = {
        h["id"]
        for h in soup(client.get(f"/zh{BOTH}")).select(".document__body h2, .document__body h3")
    }
    assert {a["href"][1:] for a in toc} == body_ids
    assert not [a for a in toc if "#" in a.get_text()]  # the anchors stay out of the contents
    assert "背景与挑战" in body_ids  # Chinese headings keep readable ids


def test_numbered_recommendation_paragraphs_have_the_same_anchor_in_both_languages(site_client):
    ids = {}
    for lang in ("en", "zh"):
        body = soup(site_client.get(f"/{lang}/recommendations/community-employment"))
        items = body.select(".document__body > ol > li")
        ids[lang] = [item["id"] for item in items]
        for item in items:
            assert item.select_one("a.permalink")["href"] == f"#{item['id']}"
    assert ids["en"] == ids["zh"] == ["three-areas-1", "three-areas-2", "three-areas-3"]


def test_permalinks_do_not_leak_into_search_text(site_app):
    library = library_of(site_app)
    doc = library.documents[("recommendation", "community-employment", "en")]
    assert 'class="permalink"' in doc.html
    assert "Why it is needed#" not in doc.text and "Why it is needed" in doc.text


def test_anchors_and_copy_buttons_need_no_inline_script_or_style(site_client):
    html = site_client.get("/zh/recommendations/community-employment").get_data(as_text=True)
    page = soup(site_client.get("/zh/recommendations/community-employment"))
    assert " style=" not in html and " onclick=" not in html
    assert all(script.get("src") for script in page.find_all("script"))
    assert page.find("script", src=re.compile(r"^/static/js/sharing\.[0-9a-f]{12}\.js$"))
    # Without JavaScript the copy buttons stay hidden and the address is a selectable field.
    assert all(button.has_attr("hidden") for button in page.select(".copy-button"))
    assert page.select_one("#share-url").has_attr("readonly")
