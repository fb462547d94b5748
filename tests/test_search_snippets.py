"""Search snippets on the site's real content: in the reader's language wherever that
version matches, cut on word boundaries, without footnote marks or headings."""

import re

import pytest

from scorecard.core.content.library import TOOLTIP

from conftest import library_of, soup

WORD_CHAR = re.compile(r"[A-Za-z0-9]")
ELLIPSES = ("… ", " …", "……")


def snippets(client, query: str, lang: str) -> list[tuple[str, str, str]]:
    """(snippet's language, its text, the result's address) for each result."""
    page = soup(client.get(f"/{lang}/search", query_string={"q": query}))
    found = []
    for result in page.select(".result"):
        text = result.select_one(".result__snippet")
        address = result.select_one(".result__title a")["href"]
        found.append((text["lang"], text.get_text(), address))
    return found


def glossary_queries(library) -> list[str]:
    return sorted(
        {term for entry in library.glossary.values() for term in (*entry.terms.en, *entry.terms.zh)}
    )


def version(library, address: str, lang: str):
    """The document a result links to, in `lang`."""
    _, _, section, slug = address.split("/")
    kind = {"recommendations": "recommendation", "case-studies": "case-study"}[section]
    return library.documents.get((kind, slug, lang))


def test_snippets_are_in_the_readers_language_wherever_that_version_matches(
    search_site_app, search_site_client
):
    library = library_of(search_site_app)
    queries = glossary_queries(library)
    assert len(queries) >= 16
    checked = 0
    for query in queries:
        for lang, html_lang in (("en", "en"), ("zh", "zh-Hans")):
            # The documents whose version in the reader's language matches, as search says.
            page = soup(
                search_site_client.get(
                    f"/{lang}/search", query_string={"q": query, "language": lang}
                )
            )
            matching = {a["href"] for a in page.select(".result__title a")}
            for snippet_lang, text, address in snippets(search_site_client, query, lang):
                if address in matching:
                    assert snippet_lang == html_lang, (query, lang, address, text)
                    checked += 1
    assert checked >= 30  # the test has something to check


@pytest.mark.parametrize(
    ("query", "lang"),
    [
        ("就业", "zh"),
        ("国务院", "zh"),
        ("煤炭", "zh"),
        ("绿色就业", "zh"),
        ("industrial parks", "en"),
        ("green jobs", "en"),
        ("employment", "en"),
        ("2020", "en"),
        ("2020", "zh"),
    ],
)
def test_snippets_start_and_end_on_a_boundary_and_carry_no_footnote_mark(
    search_site_app, search_site_client, query, lang
):
    library = library_of(search_site_app)
    found = snippets(search_site_client, query, lang)
    assert found
    for snippet_lang, text, address in found:
        doc = version(library, address, "zh" if snippet_lang == "zh-Hans" else "en")
        passage = text
        for mark in ELLIPSES:
            passage = passage.removeprefix(mark).removesuffix(mark)
        source = doc.running_text
        at = source.find(passage)
        if at < 0:  # the summary, shown when the text itself does not match
            assert passage == doc.meta.summary, (query, text)
            continue
        end = at + len(passage)
        for cut in (at, end):
            inside = (
                0 < cut < len(source)
                and WORD_CHAR.match(source[cut - 1])
                and WORD_CHAR.match(source[cut])
            )
            assert not inside, (query, address, text)


def test_whole_words_are_marked_not_characters_inside_other_words(search_site_client):
    page = soup(search_site_client.get("/zh/search", query_string={"q": "人社部"}))
    marks = [mark.get_text() for mark in page.select(".result__snippet mark")]
    assert marks and set(marks) == {"人社部"}


def test_running_text_leaves_out_headings_footnote_marks_and_footnotes(search_site_app):
    library = library_of(search_site_app)
    checked = 0
    for doc in library.documents.values():
        text = doc.running_text
        for heading in re.findall(r"<h2[^>]*>([^<]+)<", doc.html):
            if doc.html.count(heading) == 1:  # not also words of a paragraph
                assert heading not in text, (doc.path, heading)
        # Each footnote mark, with the words before it: the words stay, the mark goes.
        html = TOOLTIP.sub("", doc.html)  # the glossary's pop-ups are not part of the text
        marked = re.sub(r'<sup id="fnref[^>]*><a[^>]*>(\d+)</a></sup>', "\x00\\1", html)
        plain = re.sub(r"<[^>]+>", "", marked).replace("\u2060", "")  # joiners: not text
        for before, number in re.findall(r"([^\x00\s]{6})\x00(\d+)", plain):
            assert before in text and before + number not in text, (doc.path, before, number)
            checked += 1
        if '<div class="footnote">' in doc.html:
            notes = doc.html[doc.html.index('<div class="footnote">') :]
            first = re.sub(r"<[^>]+>", "", re.search(r"<p>(.*?)</p>", notes, re.DOTALL)[1])
            assert first.strip() not in text, doc.path
    assert checked >= 10
