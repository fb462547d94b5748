"""Long panels fold on a phone, so that the comments are not thousands of pixels down;
on a wide screen and on paper they are open."""

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE
from .tour import address

PANELS = (".panel--sources", ".panel--contact")


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_on_a_phone_sources_and_contacts_fold_and_open_on_a_tap(new_reader, lang):
    page = new_reader(lang, viewport=PHONE)
    page.goto(address(lang, "article"))
    for panel in PANELS:
        inside = page.locator(f"{panel} > :not(summary)").first
        expect(inside).to_be_hidden()
        page.locator(f"{panel} > summary").click()
        expect(inside).to_be_visible()


@pytest.mark.parametrize("media", ("screen", "print"))
def test_on_a_wide_screen_and_on_paper_they_are_open(visitor, media):
    page = visitor("en", DESKTOP)
    page.goto(address("en", "article"))
    page.emulate_media(media=media)
    try:
        for panel in PANELS:
            expect(page.locator(f"{panel} > :not(summary)").first).to_be_visible()
    finally:
        page.emulate_media(media="screen")
