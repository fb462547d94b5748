"""Printed, a document is a clean briefing: title, facts, text, figures, sources, one
citation in the reader's convention, and where the page lives (address and QR code);
no buttons, no sharing, no comments."""

import pytest
from playwright.sync_api import expect

from .tour import address

HIDDEN_ON_PAPER = (
    ".site-header",
    ".document__actions",
    ".bilingual-link",
    ".panel--share",
    ".comments",
    ".comment-form",
    ".copy-button",
)
CITATION = {"en": "APA", "zh": "GB/T 7714"}


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_a_printed_document_is_a_briefing(visitor, screenshot, lang):
    page = visitor(lang)
    page.goto(address(lang, "article"))
    expect(page.locator(".print-address")).to_be_hidden()  # on screen, the page itself
    page.emulate_media(media="print")
    try:
        for selector in HIDDEN_ON_PAPER:
            visible = [e for e in page.locator(selector).all() if e.is_visible()]
            assert not visible, selector
        for selector in ("h1", ".facts", ".document__body", ".panel--cite"):
            expect(page.locator(selector).first).to_be_visible()
        citations = [c for c in page.locator(".citation").all() if c.is_visible()]
        assert len(citations) == 1
        expect(citations[0].locator(".citation__name")).to_have_text(CITATION[lang])
        where = page.locator(".print-address")
        expect(where).to_be_visible()
        expect(where).to_contain_text(f"/{lang}/")
        expect(where.locator("svg.qr")).to_be_visible()
        screenshot(page, f"article-{lang}-print")
    finally:
        page.emulate_media(media="screen")


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_cite_this_shows_one_style_and_the_reader_picks_another(new_reader, lang):
    for javascript in (True, False):  # the choice is CSS alone
        page = new_reader(lang, javascript=javascript)
        page.goto(address(lang, "article"))
        panel = page.locator(".panel--cite")
        shown = [c for c in panel.locator(".citation").all() if c.is_visible()]
        assert len(shown) == 1
        expect(shown[0].locator(".citation__name")).to_have_text(CITATION[lang])
        panel.get_by_role("radio", name="BibTeX").check()
        shown = [c for c in panel.locator(".citation").all() if c.is_visible()]
        assert [c.locator(".citation__name").inner_text() for c in shown] == ["BibTeX"]
