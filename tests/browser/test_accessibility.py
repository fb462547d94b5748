"""axe-core finds nothing to fix, in both languages, at both widths; the keyboard is enough."""

import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from .conftest import WIDTHS
from .live_site import EDITOR_NAME
from .tour import ARTICLE, AUDITED, address

LANGS = ("en", "zh")


def violations(page: Page, axe_script) -> list[str]:
    """axe-core's findings on the page as it is now, one line per rule."""
    page.add_script_tag(path=axe_script)
    found = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")["violations"]
    return [
        f"{rule['id']} ({rule['impact']}): {rule['help']} -> "
        + "; ".join(" ".join(node["target"]) for node in rule["nodes"][:5])
        for rule in found
    ]


@pytest.fixture
def auditor(new_reader):
    """A reader whose pages let the tests inject axe-core (past the site's CSP)."""

    def open_page(lang: str, width: str) -> Page:
        return new_reader(lang, viewport=WIDTHS[width], bypass_csp=True)

    return open_page


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", AUDITED)
def test_page_has_no_accessibility_violation(visitor, axe_script, name, lang, width):
    page = visitor(lang, WIDTHS[width], bypass_csp=True)
    page.goto(address(lang, name))
    assert violations(page, axe_script) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", AUDITED)
def test_dark_mode_keeps_every_contrast(auditor, axe_script, screenshot, name, lang):
    """A reader whose phone is in dark mode gets the dark palette, as readable as the light."""
    page = auditor(lang, "phone")
    page.emulate_media(color_scheme="dark")
    page.goto(address(lang, name))
    background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(18, 23, 20)"  # the dark paper, not the light one
    screenshot(page, f"{name}-{lang}-phone-dark")
    assert violations(page, axe_script) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_comment_form_with_errors_has_no_violation(auditor, axe_script, lang, width):
    page = auditor(lang, width)
    page.goto(f"/{lang}/{ARTICLE}")
    page.locator("#comment-form input[type=email]").fill("not an address")
    page.locator("#comment-form button[type=submit]").click()
    expect(page.locator("#comment-form .field__error").first).to_be_visible()
    assert violations(page, axe_script) == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_admin_pages_have_no_violation(auditor, new_reader, axe_script, site, lang, width):
    # A comment in the queue, so that the audit sees its buttons.
    reader = new_reader(lang)
    reader.goto(f"/{lang}/{ARTICLE}")
    reader.locator("#comment-form textarea").fill(f"For the queue. {uuid.uuid4().hex[:8]}")
    # Writing fetches the form's time stamp; a person takes longer to write than it does.
    expect(reader.locator("#comment-form input[name=started]")).not_to_have_value("")
    reader.locator("#comment-form button[type=submit]").click()
    expect(reader.locator(".comment--pending")).to_be_visible()

    page = auditor(lang, width)
    page.goto("/admin/login")
    assert violations(page, axe_script) == [], "sign-in page"
    page.locator("#name").fill(EDITOR_NAME)
    page.locator("#password").fill(site.editor_password)
    page.locator("#password").press("Enter")
    expect(page.locator(".queue__item").first).to_be_visible()
    assert violations(page, axe_script) == [], "moderation queue"


def tab_to(page: Page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element focused matches selector, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", f"{selector} shows no focus outline"
            return
    pytest.fail(f"{selector} cannot be reached with the Tab key")


def test_keyboard_alone_reaches_toggle_search_and_comment_form(new_reader, site):
    page = new_reader("en")
    page.goto(f"/en/{ARTICLE}")

    tab_to(page, ".language-toggle")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site.url}/zh/{ARTICLE}")

    tab_to(page, "#site-search-q")
    page.keyboard.type("就业")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/zh/search\?q="))
    expect(page.locator(".result__title").first).to_be_visible()

    tab_to(page, ".result__title a")
    page.keyboard.press("Enter")
    expect(page.locator("#comment-form")).to_be_attached()

    text = f"只用键盘写的评论。{uuid.uuid4().hex[:8]}"
    tab_to(page, "#comment-form [name=name]")
    page.keyboard.type("王芳")
    page.keyboard.press("Tab")
    expect(page.locator("#comment-form [name=email]")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#comment-form textarea")).to_be_focused()
    page.keyboard.type(text)
    page.keyboard.press("Tab")
    expect(page.locator("#comment-form select[name=lang]")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#comment-form [name=replies]")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#comment-form [name=follow]")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#comment-form [name=digest]")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#comment-form button[type=submit]")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".comment", has_text=text)).to_contain_text("待审核")
