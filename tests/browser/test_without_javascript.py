"""With JavaScript turned off, a reader can still read, switch language, search and comment."""

import re
import uuid

from playwright.sync_api import expect

from .tour import ARTICLE


def test_reading_an_article(new_reader):
    page = new_reader("en", javascript=False)
    page.goto("/en/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Recommendations").click()
    expect(page).to_have_url(re.compile(r"/en/recommendations/$"))
    page.get_by_role("link", name="community-based employment", exact=False).first.click()
    expect(page).to_have_url(re.compile(f"/en/{ARTICLE}$"))
    expect(page.locator(".document__body")).to_contain_text("What we recommend")


def test_the_language_toggle(new_reader, site):
    page = new_reader("en", javascript=False)
    page.goto(f"/en/{ARTICLE}")
    page.get_by_role("link", name="中文").click()
    expect(page).to_have_url(f"{site.url}/zh/{ARTICLE}")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.locator(".document__body")).to_contain_text("我们的建议")


def test_searching(new_reader):
    page = new_reader("zh", javascript=False)
    page.goto("/zh/")
    box = page.get_by_role("searchbox", name="站内搜索")
    box.fill("重庆")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/zh/search\?q=%E9%87%8D%E5%BA%86"))
    expect(page.locator(".result__title").first).to_contain_text("重庆")


def test_posting_a_comment(new_reader):
    text = f"没有脚本也能评论。{uuid.uuid4().hex[:8]}"
    page = new_reader("zh", javascript=False)
    page.goto(f"/zh/{ARTICLE}")
    page.get_by_label("评论内容").fill(text)
    page.get_by_role("button", name="发送评论").click()
    # The page may have come from a cache, so it carried no stamp of when the reader began
    # (the script asks for one): without a script, the form comes back once, text kept.
    expect(page.locator(".comments__message")).to_have_text("请检查您的评论，然后再次发送。")
    expect(page.get_by_label("评论内容")).to_have_value(text)
    page.get_by_role("button", name="发送评论").click()
    expect(page).to_have_url(re.compile(f"/zh/{ARTICLE}#comment-\\d+$"))
    mine = page.locator(".comment", has_text=text)
    expect(mine).to_be_visible()
    expect(mine).to_contain_text("待审核")
