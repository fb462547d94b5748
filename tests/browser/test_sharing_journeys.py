"""Sharing a section or an article: heading permalinks, the share panel and its QR code.

(The language toggle that keeps the section being read: test_toggle_keeps_place.py.)
"""

import pytest
from playwright.sync_api import expect

from .conftest import PHONE
from .test_accessibility import violations
from .tour import ARTICLE

SECTION = "what-we-recommend"


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_following_a_heading_permalink(new_reader, site, lang):
    page = new_reader(lang)
    page.goto(f"/{lang}/{ARTICLE}")
    heading = page.locator(f"h2#{SECTION}")
    permalink = heading.locator("a.permalink")
    expect(permalink).to_have_attribute("href", f"#{SECTION}")

    permalink.click()
    expect(page).to_have_url(f"{site.url}/{lang}/{ARTICLE}#{SECTION}")
    expect(heading).to_be_in_viewport()

    # Whoever the link is shared with lands on the same section.
    friend = new_reader(lang)
    friend.goto(f"/{lang}/{ARTICLE}#{SECTION}")
    expect(friend.locator(f"h2#{SECTION}")).to_be_in_viewport()


def test_every_section_heading_has_its_permalink(new_reader):
    page = new_reader("en")
    page.goto(f"/en/{ARTICLE}")
    headings = page.locator(".document__body :is(h2, h3)[id]")
    assert headings.count() > 0
    for heading in headings.all():
        identifier = heading.get_attribute("id")
        expect(heading.locator("a.permalink")).to_have_attribute("href", f"#{identifier}")


@pytest.mark.parametrize("javascript", (True, False), ids=("with-js", "without-js"))
@pytest.mark.parametrize("lang", ("en", "zh"))
def test_opening_the_share_panel_shows_a_qr_code(new_reader, lang, javascript):
    page = new_reader(lang, javascript=javascript)
    page.goto(f"/{lang}/{ARTICLE}")
    panel = page.locator("details.share")
    qr_code = panel.locator("svg").first
    expect(qr_code).to_be_hidden()

    panel.locator("summary").click()

    expect(panel).to_have_attribute("open", "")
    expect(qr_code).to_be_visible()
    box = qr_code.bounding_box()
    assert box["width"] >= 100 and box["height"] >= 100, "too small to scan from a screen"


def test_the_open_share_panel_has_no_accessibility_violation(new_reader, axe_script):
    page = new_reader("zh", bypass_csp=True)
    page.goto(f"/zh/{ARTICLE}")
    page.locator("details.share summary").click()
    assert violations(page, axe_script) == []


# What a share sheet, a link preview or a feed reader takes from the page's head.
HEAD = """() => {
  const content = (selector) => {
    const found = document.querySelector(selector);
    return found ? found.content || found.href : null;
  };
  return {
    title: document.title,
    lang: document.documentElement.lang,
    canonical: content('link[rel="canonical"]'),
    ogUrl: content('meta[property="og:url"]'),
    ogLocale: content('meta[property="og:locale"]'),
    ogTitle: content('meta[property="og:title"]'),
    description: content('meta[name="description"]'),
    feed: content('link[type="application/atom+xml"]'),
  };
}"""


@pytest.mark.parametrize(
    ("start", "other", "label"), [("en", "zh", "中文"), ("zh", "en", "English")]
)
def test_after_the_toggle_the_head_is_the_new_pages_own(new_reader, site, start, other, label):
    page = new_reader(start)
    page.goto(f"/{start}/{ARTICLE}")
    page.get_by_role("link", name=label).click()
    expect(page).to_have_url(f"{site.url}/{other}/{ARTICLE}")
    fresh = new_reader(other)
    fresh.goto(f"/{other}/{ARTICLE}")
    after, expected = page.evaluate(HEAD), fresh.evaluate(HEAD)
    assert after == expected
    assert f"/{other}/" in after["canonical"] and f"/{other}/" in after["ogUrl"]


@pytest.mark.parametrize(
    ("lang", "share", "copied"), [("en", "Share", "Link copied"), ("zh", "分享", "链接已复制")]
)
def test_share_is_in_the_first_screen_of_a_phone_and_uses_its_share_sheet(
    new_reader, site, lang, share, copied
):
    page = new_reader(lang, viewport=PHONE)
    # The phone's own share sheet, as a phone browser offers it: record what it is given.
    page.add_init_script(
        "navigator.share = (data) => { window.shared = data; return Promise.resolve(); };"
    )
    page.goto(f"/{lang}/{ARTICLE}")
    button = page.get_by_role("link", name=share, exact=True).first
    box = button.bounding_box()
    assert box and box["y"] + box["height"] <= PHONE["height"], box
    expect(page.locator(".document__actions a[href='#comments']")).to_be_visible()
    button.click()
    shared = page.evaluate("() => window.shared")
    assert shared["url"] == f"{site.url}/{lang}/{ARTICLE}"
    assert shared["title"] == page.locator("h1").inner_text()
    # A browser without one copies the link instead, and says so.
    other = new_reader(lang, viewport=PHONE)
    other.context.grant_permissions(["clipboard-read", "clipboard-write"])
    other.add_init_script("delete Navigator.prototype.share;")
    other.goto(f"/{lang}/{ARTICLE}")
    other.get_by_role("link", name=share, exact=True).first.click()
    expect(other.locator("#copy-status")).to_have_text(copied)
    assert other.evaluate("() => navigator.clipboard.readText()").endswith(f"/{lang}/{ARTICLE}")


def test_chinese_pages_offer_weibo_first_and_no_qr_code_on_a_phone(new_reader):
    page = new_reader("zh", viewport=PHONE)
    page.goto(f"/zh/{ARTICLE}")
    page.locator(".share > summary").click()
    networks = page.locator(".share-links a").all_inner_texts()
    assert networks[0] == "微博" and networks[-2:] == ["X", "LinkedIn"]
    expect(page.locator(".wechat-share")).to_be_hidden()
