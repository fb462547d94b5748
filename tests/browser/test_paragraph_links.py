"""A link to one paragraph: copied from its mark, opened by whoever it is shared with, and
kept by the language toggle, with JavaScript and without; on a 390 px phone."""

import pytest
from playwright.sync_api import expect

from .tour import ARTICLE

PHONE = {"width": 390, "height": 844}
PARAGRAPH = "why-it-is-needed-p2"
OPENING = {"en": "The labour market offers little slack", "zh": "就业形势本已不宽松"}
OTHER = {"en": "zh", "zh": "en"}
OTHER_NAME = {"en": "中文", "zh": "English"}

# Each mark's place against the text before it: a mark on a line of its own has nothing of
# its element's text beside it.
MARKS_ALONE = """() => Array.from(document.querySelectorAll('.document__body a.permalink'))
  .filter(mark => {
    const before = document.createRange();
    before.setStart(mark.parentElement, 0);
    before.setEndBefore(mark);
    const lines = Array.from(before.getClientRects()).filter(r => r.width > 0);
    const last = lines[lines.length - 1];
    const box = mark.getBoundingClientRect();
    return !last || Math.min(last.bottom, box.bottom) - Math.max(last.top, box.top) < 2;
  })
  .map(mark => mark.getAttribute('href'))"""


def below_the_header(page, element_id: str) -> bool:
    """The element starts in the window, not hidden under the sticky header."""
    return page.evaluate(
        """id => {
          const top = document.getElementById(id).getBoundingClientRect().top;
          const header = document.querySelector('.site-header').getBoundingClientRect().bottom;
          return top >= header - 1 && top < window.innerHeight / 2;
        }""",
        element_id,
    )


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_a_paragraphs_mark_copies_its_link_and_the_link_opens_there(new_reader, site, lang):
    page = new_reader(lang, viewport=PHONE)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"/{lang}/{ARTICLE}")
    paragraph = page.locator(f"p#{PARAGRAPH}")
    expect(paragraph).to_contain_text(OPENING[lang])

    paragraph.locator("a.permalink").click()

    address = f"{site.url}/{lang}/{ARTICLE}#{PARAGRAPH}"
    expect(page).to_have_url(address)
    assert page.evaluate("() => navigator.clipboard.readText()") == address
    # Whoever it is sent to lands on that paragraph, below the header, marked.
    friend = new_reader(lang, viewport=PHONE)
    friend.goto(address)
    assert below_the_header(friend, PARAGRAPH)
    background = friend.locator(f"p#{PARAGRAPH}").evaluate("p => getComputedStyle(p).background")
    assert "rgba(0, 0, 0, 0)" not in background


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_the_toggle_keeps_the_paragraph_being_read(new_reader, site, lang):
    page = new_reader(lang, viewport=PHONE)
    page.goto(f"/{lang}/{ARTICLE}")
    page.evaluate(
        "id => { document.getElementById(id).scrollIntoView(); window.scrollBy(0, -100); }",
        PARAGRAPH,
    )
    page.wait_for_timeout(600)  # a reader's pause
    # A tap where the toggle is on the screen (a locator's click would first scroll the
    # page to where the sticky header started).
    box = page.locator(".language-toggle").bounding_box()
    assert box and box["y"] >= 0
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    other = OTHER[lang]
    page.wait_for_url(f"{site.url}/{other}/{ARTICLE}#{PARAGRAPH}")
    expect(page.locator(f"p#{PARAGRAPH}")).to_contain_text(OPENING[other])
    assert below_the_header(page, PARAGRAPH)


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_without_javascript_the_paragraph_offers_itself_in_the_other_language(
    new_reader, site, lang
):
    page = new_reader(lang, viewport=PHONE, javascript=False)
    page.goto(f"/{lang}/{ARTICLE}#{PARAGRAPH}")
    paragraph = page.locator(f"p#{PARAGRAPH}")
    others = page.locator(".document__body a.in-other-language")
    # Only the paragraph the link led to offers it; the rest of the page stays quiet.
    expect(others.filter(visible=True)).to_have_count(1)
    expect(paragraph.get_by_role("link", name=OTHER_NAME[lang])).to_be_visible()

    paragraph.locator("a.in-other-language").click()

    other = OTHER[lang]
    page.wait_for_url(f"{site.url}/{other}/{ARTICLE}#{PARAGRAPH}")
    expect(page.locator(f"p#{PARAGRAPH}")).to_contain_text(OPENING[other])
    assert below_the_header(page, PARAGRAPH)
    # One passage read in the other language does not change the reader's language.
    assert not page.context.cookies()


@pytest.mark.parametrize("width", (390, 1280))
@pytest.mark.parametrize("lang", ("en", "zh"))
def test_no_mark_sits_alone_on_a_line(visitor, lang, width):
    page = visitor(lang, viewport={"width": width, "height": 844})
    for path in (ARTICLE, "recommendations/clean-tech-funding", "about"):
        page.goto(f"/{lang}/{path}")
        assert page.locator(".document__body a.permalink").count() > 5
        assert page.evaluate(MARKS_ALONE) == [], path
