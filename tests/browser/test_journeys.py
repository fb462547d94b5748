"""What readers and editors do on the site, in a real browser with JavaScript on."""

import datetime as dt
import re
import uuid
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from .live_site import EDITOR_NAME
from .tour import ARTICLE


@pytest.mark.parametrize(
    ("lang", "html_lang", "nav_label"),
    [("en", "en", "Recommendations"), ("zh", "zh-Hans", "政策建议")],
)
def test_home_page_in_each_language(new_reader, lang, html_lang, nav_label):
    page = new_reader(lang)
    page.goto(f"/{lang}/")
    expect(page.locator("html")).to_have_attribute("lang", html_lang)
    expect(page.locator(".site-nav")).to_contain_text(nav_label)
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_the_toggle_leads_to_the_same_article_in_the_other_language(new_reader, site):
    page = new_reader("en")
    page.goto(f"/en/{ARTICLE}")
    english_title = page.get_by_role("heading", level=1).inner_text()

    page.get_by_role("link", name="中文").click()

    expect(page).to_have_url(f"{site.url}/zh/{ARTICLE}")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    chinese_title = page.get_by_role("heading", level=1)
    expect(chinese_title).to_have_text(re.compile(r"[\u4e00-\u9fff]"))
    expect(chinese_title).not_to_have_text(english_title)
    expect(page).to_have_title(re.compile(r"[\u4e00-\u9fff]"))

    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{site.url}/en/{ARTICLE}")
    expect(page.get_by_role("heading", level=1)).to_have_text(english_title)


def _result_titles(page: Page) -> list[str]:
    return page.locator(".result__title").all_inner_texts()


def test_live_search_follows_typing_and_back_restores_results(new_reader, site):
    page = new_reader("en")
    page.goto("/en/search")
    box = page.get_by_role("searchbox", name="Search recommendations and case studies")

    box.press_sequentially("Chongqing", delay=30)
    expect(page).to_have_url(re.compile(r"/en/search\?q=Chongqing"))
    expect(page.locator(".result__title").first).to_contain_text("Chongqing")
    first_results = _result_titles(page)

    box.fill("")
    box.press_sequentially("Suzhou", delay=30)
    expect(page).to_have_url(re.compile(r"/en/search\?q=Suzhou"))
    expect(page.locator(".result__title").first).to_contain_text("Suzhou")
    assert _result_titles(page) != first_results

    page.go_back()
    expect(page).to_have_url(re.compile(r"/en/search\?q=Chongqing"))
    expect(page.locator(".result__title").first).to_contain_text("Chongqing")
    assert _result_titles(page) == first_results


def _post_comment(page: Page, text: str, name: str) -> None:
    page.get_by_label("Name (optional)").fill(name)
    page.get_by_label("Your comment", exact=True).fill(text)
    page.get_by_role("button", name="Send comment").click()


def test_a_comment_awaits_moderation_until_an_editor_approves_it(new_reader, site):
    text = f"Training should start before the mines close. {uuid.uuid4().hex[:8]}"
    author = new_reader("en")
    author.goto(f"/en/{ARTICLE}")
    _post_comment(author, text, "Li Wei")

    mine = author.locator(".comment", has_text=text)
    expect(mine).to_be_visible()
    expect(mine).to_contain_text("Awaiting moderation")
    expect(author.get_by_role("status")).to_contain_text("once an editor approves it")

    other_reader = new_reader("en")
    other_reader.goto(f"/en/{ARTICLE}")
    expect(other_reader.locator("#comments")).to_be_visible()
    expect(other_reader.get_by_text(text)).to_have_count(0)

    editor = new_reader("en")
    editor.goto("/admin/")
    expect(editor).to_have_url(re.compile(r"/admin/login"))
    editor.get_by_label("Name").fill(EDITOR_NAME)
    editor.get_by_label("Password").fill(site.editor_password)
    editor.get_by_role("button", name="Sign in").click()
    expect(editor.get_by_role("heading", level=1)).to_have_text("Comments awaiting moderation")
    waiting = editor.locator(".queue__item", has_text=text)
    waiting.get_by_role("button", name="Approve").click()
    expect(waiting).to_contain_text("Approved")

    other_reader.reload()
    published = other_reader.locator(".comment", has_text=text)
    expect(published).to_be_visible()
    expect(published).to_contain_text("Li Wei")
    expect(published).not_to_contain_text("Awaiting moderation")

    # Its time: Beijing time on the Chinese page, for a reader in Beijing as for the page;
    # a reader elsewhere sees their own zone's time, the page's kept as the tooltip.
    at = dt.datetime.fromisoformat(published.locator("time").get_attribute("datetime"))
    in_beijing = new_reader("zh", zone="Asia/Shanghai")
    in_beijing.goto(f"/zh/{ARTICLE}")
    beijing_time = in_beijing.locator(".comment", has_text=text).locator("time")
    expect(beijing_time).to_contain_text(
        at.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%H:%M（北京时间）")
    )
    in_new_york = new_reader("zh", zone="America/New_York")
    in_new_york.goto(f"/zh/{ARTICLE}")
    new_york_time = in_new_york.locator(".comment", has_text=text).locator("time")
    expect(new_york_time).to_contain_text(
        at.astimezone(ZoneInfo("America/New_York")).strftime("%H:%M")
    )
    expect(new_york_time).not_to_contain_text("北京时间")
    expect(new_york_time).to_have_attribute("title", re.compile("北京时间"))
