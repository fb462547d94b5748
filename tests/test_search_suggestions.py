"""'Did you mean' for Chinese: a word typed through a pinyin input method, picked from the
wrong candidates, is offered back as the indexed word that sounds the same."""

import pytest

from conftest import soup


def suggested(client, lang: str, query: str) -> str | None:
    link = soup(client.get(f"/{lang}/search", query_string={"q": query})).select_one(
        ".suggestion a"
    )
    return link.get_text() if link else None


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("再就叶", "再就业"),  # zai jiu ye: a homophone picked by mistake
        ("绿色就叶", "绿色就业"),  # a known word kept, the slip after it corrected
        ("工叶园区", "工业园区"),
        ("公正转形", "公正转型"),
        ("碳达凤", "碳达峰"),
        ("再就掌", "再就业"),  # not a homophone: one character off
    ],
)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_chinese_slip_is_offered_the_word_it_sounds_like(search_site_client, lang, typed, meant):
    assert suggested(search_site_client, lang, typed) == meant


def test_the_suggestion_finds_what_the_slip_did_not(search_site_client):
    slipped = soup(search_site_client.get("/zh/search", query_string={"q": "再就叶"}))
    assert not slipped.select(".result")
    corrected = soup(search_site_client.get(slipped.select_one(".suggestion a")["href"]))
    assert corrected.select(".result")


def test_words_the_index_knows_are_never_corrected(search_site_client):
    # Few results, but every word is in the index: nothing to suggest.
    assert suggested(search_site_client, "zh", "再就业 设计思维") is None
    assert suggested(search_site_client, "en", "green jbos 再就叶") == "green jobs 再就业"
