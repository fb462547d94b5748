"""Every main page: screenshots to look at, no sideways scrolling on a phone, nothing from
another host, and no console error."""

import pytest

from .conftest import PHONE, WIDTHS
from .tour import PAGES, address

# The widest elements, to say what to fix when the page scrolls sideways.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.body.querySelectorAll("*")]
    .filter((element) => element.getBoundingClientRect().right > width + 1)
    .map((element) => [element.tagName.toLowerCase(), ...element.classList].join("."));
  return {width: width, scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 8)};
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ("en", "zh"))
@pytest.mark.parametrize("name", PAGES)
def test_page_screenshot_and_no_sideways_scroll(visitor, screenshot, name, lang, width):
    page = visitor(lang, WIDTHS[width])
    page.goto(address(lang, name))
    screenshot(page, f"{name}-{lang}-{width}")
    layout = page.evaluate(OVERFLOW)
    assert layout["scrollWidth"] <= layout["width"], f"scrolls sideways because of {layout['wide']}"


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_comment_form_with_errors_fits_a_phone(new_reader, screenshot, lang):
    page = new_reader(lang, viewport=PHONE)
    page.goto(address(lang, "article") + "#comment-form")
    page.locator("#comment-form input[type=email]").fill("not an address")
    page.locator("#comment-form button[type=submit]").click()
    page.locator("#comment-form .field__error").first.wait_for()
    screenshot(page, f"comment-errors-{lang}-phone")
    layout = page.evaluate(OVERFLOW)
    assert layout["scrollWidth"] <= layout["width"], f"scrolls sideways because of {layout['wide']}"


def test_the_watch_notices_a_request_to_another_host(new_reader):
    """The check behind every browser test can fail: a page that loads a CDN's script.

    The site's Content-Security-Policy would block that request before it is made, so the
    policy is bypassed here: the watch must catch what a weaker policy would let through.
    """
    page = new_reader("en", bypass_csp=True)
    page.goto(address("en", "home"))
    # Answered here, so nothing leaves the machine; the request is still made and seen.
    page.route("https://cdn.example.com/**", lambda route: route.fulfill(body=""))
    page.evaluate(
        """() => new Promise((done) => {
        const script = document.createElement("script");
        script.src = "https://cdn.example.com/library.js";
        script.onload = script.onerror = done;
        document.head.append(script);
      })"""
    )
    assert new_reader.problems(page) == [
        "request to another host: https://cdn.example.com/library.js"
    ]
    new_reader.watches[page.context].foreign.clear()  # seen; not a failure of this test


def test_the_content_security_policy_stops_a_script_from_another_host(new_reader):
    """If a script from elsewhere ever found its way into a page, the browser would not load it."""
    page = new_reader("en")
    page.goto(address("en", "home"))
    page.route("https://cdn.example.com/**", lambda route: route.fulfill(body=""))
    loaded = page.evaluate(
        """() => new Promise((done) => {
        const script = document.createElement("script");
        script.src = "https://cdn.example.com/library.js";
        script.onload = () => done(true);
        script.onerror = () => done(false);
        document.head.append(script);
      })"""
    )
    watch = new_reader.watches[page.context]
    assert loaded is False
    assert any("Content Security Policy" in error for error in watch.errors)
    watch.clear()  # expected here
