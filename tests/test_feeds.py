"""The Atom feeds, sitemap.xml and robots.txt: valid XML that lists exactly the public pages."""

import pytest
from lxml import etree

from conftest import soup

ROOT = "http://localhost"
ATOM = {"a": "http://www.w3.org/2005/Atom"}
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def xml(response):
    assert response.status_code == 200
    return etree.fromstring(response.data)  # raises on anything that is not well-formed XML


def listed_documents(client, lang: str) -> set[str]:
    """The document pages a reader reaches from the lists, as absolute addresses."""
    found = set()
    for section in ("recommendations", "case-studies"):
        page = soup(client.get(f"/{lang}/{section}/"))
        found |= {ROOT + a["href"] for a in page.select(f"main a[href^='/{lang}/{section}/']")}
    return found


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_language_has_an_atom_feed_of_exactly_the_published_documents(client, lang):
    response = client.get(f"/{lang}/feed.xml")
    assert response.mimetype == "application/atom+xml"
    feed = xml(response)
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert (
        feed.get("{http://www.w3.org/XML/1998/namespace}lang")
        == {"en": "en", "zh": "zh-Hans"}[lang]
    )
    links = {
        e.get("href")
        for e in feed.xpath("a:entry/a:link[not(@rel) or @rel='alternate']", namespaces=ATOM)
    }
    assert links == listed_documents(client, lang)
    assert not any("draft" in link for link in links)
    for entry in feed.xpath("a:entry", namespaces=ATOM):
        for name in ("id", "title", "summary", "updated", "published"):
            assert entry.findtext(f"a:{name}", namespaces=ATOM), name
    both = feed.xpath(
        f"a:entry[a:id='{ROOT}/{lang}/recommendations/both-languages']", namespaces=ATOM
    )[0]
    assert both.findtext("a:updated", namespaces=ATOM).startswith("2024-06-01")
    assert both.findtext("a:published", namespaces=ATOM).startswith("2024-05-01")


def test_the_chinese_feed_is_in_chinese(client):
    feed = xml(client.get("/zh/feed.xml"))
    assert "建议" in feed.findtext("a:title", namespaces=ATOM)
    entry = feed.xpath(
        f"a:entry[a:id='{ROOT}/zh/recommendations/both-languages']", namespaces=ATOM
    )[0]
    assert (
        entry.findtext("a:title", namespaces=ATOM)
        == soup(client.get("/zh/recommendations/both-languages")).find("h1").get_text()
    )


@pytest.mark.parametrize(
    "path", ["/en/", "/zh/about", "/en/ministries/", "/zh/recommendations/both-languages"]
)
def test_every_page_points_feed_readers_at_its_languages_feed(client, path):
    lang = path.split("/")[1]
    page = soup(client.get(path))
    link = page.find("link", rel="alternate", type="application/atom+xml")
    assert link["href"] == f"/{lang}/feed.xml" and link["title"]
    assert client.get(link["href"]).status_code == 200


def test_feed_readers_get_304_when_nothing_changed(client):
    first = client.get("/en/feed.xml")
    again = client.get("/en/feed.xml", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and not again.data


def sitemap_entries(client) -> dict[str, etree._Element]:
    tree = xml(client.get("/sitemap.xml"))
    return {
        u.findtext("s:loc", namespaces=SITEMAP): u for u in tree.xpath("s:url", namespaces=SITEMAP)
    }


def written_in_page_language(page) -> bool:
    return page.find("article")["lang"] == page.html["lang"]


def test_the_sitemap_lists_exactly_the_public_pages(client):
    entries = sitemap_entries(client)
    documents = {
        url for url in entries if "/recommendations/" in url or "/case-studies/" in url
    } - {
        f"{ROOT}/{lang}/{s}/" for lang in ("en", "zh") for s in ("recommendations", "case-studies")
    }
    # Each document in the languages it is written in: the lists' links, less the pages that
    # show the other language's text (their article's language is not the page's).
    written = {
        url
        for lang in ("en", "zh")
        for url in listed_documents(client, lang)
        if written_in_page_language(soup(client.get(url.removeprefix(ROOT))))
    }
    assert documents == written
    assert f"{ROOT}/en/case-studies/chinese-only" not in entries
    assert f"{ROOT}/zh/case-studies/chinese-only" in entries
    for lang in ("en", "zh"):
        for path in (
            "/",
            "/recommendations/",
            "/case-studies/",
            "/about",
            "/glossary",
            "/ministries/",
            "/metrics/",
            "/ministries/mohrss",
        ):
            assert f"{ROOT}/{lang}{path}" in entries
    assert not [url for url in entries if "draft" in url or "/search" in url or "/admin" in url]
    for url in entries:
        assert client.get(url.removeprefix(ROOT)).status_code == 200, url


def test_sitemap_entries_carry_language_alternates_and_dates(client):
    entries = sitemap_entries(client)
    both = entries[f"{ROOT}/zh/recommendations/both-languages"]
    assert both.findtext("s:lastmod", namespaces=SITEMAP) == "2024-06-01"
    alternates = {
        link.get("hreflang"): link.get("href") for link in both.xpath("x:link", namespaces=SITEMAP)
    }
    assert alternates["en"] == f"{ROOT}/en/recommendations/both-languages"
    assert alternates["zh-Hans"] == f"{ROOT}/zh/recommendations/both-languages"
    assert alternates["x-default"].startswith(f"{ROOT}/r/")
    # A document in one language has no other version to name.
    only = entries[f"{ROOT}/en/recommendations/missing-translation"]
    assert only.xpath("x:link", namespaces=SITEMAP) == []
    home = entries[f"{ROOT}/en/"]
    assert {link.get("hreflang") for link in home.xpath("x:link", namespaces=SITEMAP)} == {
        "en",
        "zh-Hans",
        "x-default",
    }


def test_robots_txt_names_the_sitemap_by_its_full_address(client):
    response = client.get("/robots.txt")
    assert response.mimetype == "text/plain"
    lines = response.get_data(as_text=True).splitlines()
    assert f"Sitemap: {ROOT}/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /en/search" in lines
