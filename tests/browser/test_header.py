"""The header: on one row on a wide screen; on a phone, compact and at the top of the
screen however far the reader scrolls, with the language toggle and search in it."""

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE
from .tour import address

PARTS = (".brand", ".site-nav", ".site-search", ".language-toggle")


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_on_a_wide_screen_the_header_is_one_row(visitor, lang):
    page = visitor(lang, DESKTOP)
    page.goto(address(lang, "home"))
    boxes = [page.locator(f".site-header {part}").bounding_box() for part in PARTS]
    middles = [box["y"] + box["height"] / 2 for box in boxes]
    assert max(middles) - min(middles) < 12, dict(zip(PARTS, boxes, strict=True))
    assert page.locator(".site-header").bounding_box()["height"] < 90


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_on_a_phone_the_toggle_and_search_stay_in_reach(new_reader, screenshot, lang):
    page = new_reader(lang, viewport=PHONE)
    page.goto(address(lang, "article"))
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 100  # of a 740 px screen
    page.evaluate("() => window.scrollTo(0, 6000)")
    assert page.evaluate("() => window.scrollY") > 5000
    for part in (".language-toggle", ".search-link"):
        box = page.locator(part).bounding_box()
        assert 0 <= box["y"] and box["y"] + box["height"] <= header["height"], part
        assert box["height"] >= 32  # a thumb's target
    screenshot(page, f"header-scrolled-{lang}-phone")
    # A section opened by its #fragment is not hidden under the header.
    heading = page.locator(".document__body h2[id]").nth(1)
    page.goto(address(lang, "article") + "#" + heading.get_attribute("id"))
    assert heading.bounding_box()["y"] >= header["height"]
    # Search from the header: the search page, with its own box.
    page.locator(".search-link").click()
    expect(page.get_by_role("searchbox").last).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
