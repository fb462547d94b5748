"""Search on a phone: the results first, the filters one line above them that opens; on
a wide screen, the filters beside the results."""

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE

QUERY = {"en": "/en/search?q=employment", "zh": "/zh/search?q=%E5%B0%B1%E4%B8%9A"}


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_on_a_phone_the_results_come_first_and_the_filters_open_on_demand(new_reader, lang):
    page = new_reader(lang, viewport=PHONE)
    page.goto(QUERY[lang])
    first_result = page.locator(".result").first
    first_filter = page.locator(".facet a").first
    expect(first_filter).to_be_hidden()
    assert first_result.bounding_box()["y"] < PHONE["height"]  # in the first screen
    page.locator(".facets-box > summary").click()
    expect(first_filter).to_be_visible()
    first_filter.click()
    expect(page.locator(".facets-box > summary")).to_contain_text("1")  # one filter active


@pytest.mark.parametrize("javascript", (True, False))
def test_on_a_wide_screen_the_filters_stand_beside_the_results(new_reader, javascript):
    page = new_reader("en", viewport=DESKTOP, javascript=javascript)
    page.goto(QUERY["en"])
    expect(page.locator(".facet a").first).to_be_visible()
    expect(page.locator(".facets-box > summary")).to_be_hidden()
    facets = page.locator(".facets").bounding_box()
    results = page.locator(".results").bounding_box()
    assert facets["x"] > results["x"] + results["width"] - 1  # to the right
