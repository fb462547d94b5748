"""Who a document is by, and which language is the original: in its facts and in the API."""

import pytest

from conftest import soup

ARTICLE = "/recommendations/community-employment"


def facts(page) -> dict[str, str]:
    found = {}
    for row in page.select(".document__header .facts > div"):
        found[row.dt.get_text(strip=True)] = row.dd
    return found


def test_the_original_names_its_author_and_its_language(site_client):
    rows = facts(soup(site_client.get(f"/en{ARTICLE}")))
    assert rows["Author"].get_text() == "Annette Wiedenbach, Climate Scorecard country manager"
    assert rows["Original language"].get_text() == "English"
    assert "Translated from" not in rows


def test_a_translation_links_to_its_original(site_client):
    rows = facts(soup(site_client.get(f"/zh{ARTICLE}")))
    assert rows["作者"].get_text() == "Climate Scorecard 国家经理 Annette Wiedenbach"
    link = rows["译自"].a
    assert link.get_text() == "英文原文" and link["href"] == f"/en{ARTICLE}"
    assert link["hreflang"] == "en"
    assert "原文语言" not in rows


@pytest.mark.parametrize(("lang", "original"), [("en", True), ("zh", False)])
def test_the_api_says_who_and_which_is_the_original(site_client, lang, original):
    record = site_client.get("/api/v1/documents/recommendation/community-employment").get_json()
    version = record["versions"][lang]
    assert version["original"] is original
    assert "Annette Wiedenbach" in version["author"]
    assert version["written_by"] is None and version["translated_by"] is None  # not known
