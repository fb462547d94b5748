"""Every paragraph has an address: an id that edits of other paragraphs leave alone and
that both languages share, a mark that links to it, and a link to the same place in the
other language that works without JavaScript."""

import re
from dataclasses import replace

import pytest
from bs4 import BeautifulSoup

from scorecard.core.content.checks import unmatched_paragraphs
from scorecard.core.content.markdown import render
from scorecard.core.content.permalinks import PermalinkExtension, PermalinkLabels

from conftest import library_of, soup

LABELS = PermalinkLabels("Section", "Item {}", "Paragraph", "In Chinese")
ARTICLE = "/recommendations/community-employment"

TEXT = """Lead paragraph.

## Why {#why}

First reason.

Second reason.

![A chart](/static/chart.png)

1. One.
2. Two.

Third reason.
{: #pinned }

## How

Only step.
"""


def ids(text: str) -> dict[str, str]:
    """Each paragraph's or item's id, by its words."""
    html = render(text, "Back", [PermalinkExtension(LABELS, "en")]).html
    page = BeautifulSoup(html, "html.parser")
    found = {}
    for element in page.select("p[id], li[id]"):
        for mark in element.select(".permalink, .in-other-language"):
            mark.decompose()
        found[element.get_text().replace("\u2060", "").strip()] = element["id"]
    return found


def test_paragraphs_are_numbered_within_their_section():
    assert ids(TEXT) == {
        "Lead paragraph.": "p1",
        "First reason.": "why-p1",
        "Second reason.": "why-p2",
        "One.": "why-1",
        "Two.": "why-2",
        "Third reason.": "pinned",  # an editor's own id stays
        "Only step.": "how-p1",
    }


def test_a_picture_alone_is_not_a_paragraph_to_link_to():
    html = render(TEXT, "Back", [PermalinkExtension(LABELS, "en")]).html
    (picture,) = BeautifulSoup(html, "html.parser").select("p:has(> img)")
    assert not picture.has_attr("id") and not picture.select("a.permalink")


def test_editing_a_paragraph_leaves_the_others_ids_alone():
    before = ids(TEXT)
    edited = TEXT.replace(
        "First reason.", "A first reason, now with [a link](https://example.org)."
    )
    edited = edited.replace("Only step.", "## Later\n\nAnother.\n\nOnly step.")
    after = ids(edited)
    assert after["A first reason, now with a link."] == before["First reason."]
    assert after["Second reason."] == before["Second reason."]
    assert after["Third reason."] == before["Third reason."]
    assert after["Lead paragraph."] == before["Lead paragraph."]


def test_each_mark_links_to_its_paragraph_and_to_it_in_the_other_language(site_client):
    for lang, other in (("en", "zh"), ("zh", "en")):
        body = soup(site_client.get(f"/{lang}{ARTICLE}")).select_one(".document__body")
        paragraphs = body.select(":scope > p")
        assert len(paragraphs) > 5
        for paragraph in paragraphs:
            identifier = paragraph["id"]
            assert paragraph.select_one("a.permalink")["href"] == f"#{identifier}"
            assert paragraph.select_one("a.permalink")["aria-label"]
            across = paragraph.select_one("a.in-other-language")
            assert across["href"] == f"?lang={other}#{identifier}"
            assert across["hreflang"] == across["lang"] == {"en": "en", "zh": "zh-Hans"}[other]
    # The link to Chinese is named in Chinese, as its text is, and the other way round.
    english = soup(site_client.get(f"/en{ARTICLE}")).select_one("a.in-other-language")
    assert english.get_text().strip("\u2060") == "中文"
    assert english["aria-label"] == "阅读本段中文版"
    chinese = soup(site_client.get(f"/zh{ARTICLE}")).select_one("a.in-other-language")
    assert chinese["aria-label"] == "Read this passage in English"


def test_both_languages_give_every_document_the_same_paragraph_ids(site_app):
    library = library_of(site_app)
    pairs = {}
    for (kind, slug, lang), doc in library.documents.items():
        found = re.findall(r'<(?:p|li|h[2-6]) id="([^"]+)"', str(doc.html))
        pairs.setdefault((kind, slug), {})[lang] = found
    translated = [versions for versions in pairs.values() if len(versions) == 2]
    assert len(translated) >= 7
    for versions in translated:
        assert versions["en"] == versions["zh"]


def test_the_marks_stay_out_of_search_text(site_app):
    doc = library_of(site_app).documents[("recommendation", "community-employment", "en")]
    assert 'class="in-other-language"' in doc.html
    assert "中文" not in doc.text and "#" not in doc.text and "\u2060" not in doc.running_text


@pytest.mark.parametrize("lang, other", [("en", "zh"), ("zh", "en")])
def test_the_other_language_link_leads_to_the_same_page_there(site_client, lang, other):
    response = site_client.get(f"/{lang}{ARTICLE}?lang={other}")
    assert response.status_code == 302
    # The browser carries the #fragment over to this address.
    assert response.headers["Location"] == f"/{other}{ARTICLE}"
    # Not remembered: a link shared with someone must not change their language.
    assert "Set-Cookie" not in response.headers
    # Asking a page for its own language, or for none we have, is just the page.
    assert site_client.get(f"/{lang}{ARTICLE}?lang={lang}").status_code == 200
    assert site_client.get(f"/{lang}{ARTICLE}?lang=fr").status_code == 200
    # A search keeps its query.
    searched = site_client.get(f"/{lang}/search?q=coal&lang={other}")
    assert searched.headers["Location"] == f"/{other}/search?q=coal"


def test_the_check_warns_when_a_translation_has_other_paragraphs(site_app):
    library = library_of(site_app)
    original = library.documents[("recommendation", "community-employment", "en")]
    translation = library.documents[("recommendation", "community-employment", "zh")]
    shown = "content/recommendations/community-employment.zh.md"
    assert unmatched_paragraphs(original, translation, shown) == []
    # The translator joined two paragraphs of "Why it is needed" into one.
    joined = re.sub(r'<p id="why-it-is-needed-p3">.*?</p>\n', "", translation.html, count=1)
    (problem,) = unmatched_paragraphs(original, replace(translation, html=joined), shown)
    assert problem.severity == "warning"
    heading = translation.source.splitlines().index("## 为何需要这项计划 {#why-it-is-needed}")
    assert problem.line == heading + 1
    assert problem.message.startswith(
        "section 'why-it-is-needed' has 4 paragraphs and numbered items here and 5 in the en "
        "version: a link to one of them can open another paragraph in the other language."
    )
