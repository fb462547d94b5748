"""An editor who has never opened a terminal publishes a new recommendation in both
languages from the browser: each save a commit by them, live on the public site without a
restart; and the save path without JavaScript."""

import datetime as dt
import re
import time

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from . import live_site
from .conftest import PHONE, Readers
from conftest import content_repository, git

SLUG = "coal-town-jobs"


@pytest.fixture(scope="module")
def editing_site(chromium, tmp_path_factory):
    """A live site over a content folder in a git repository of its own, with two workers:
    a save is published by the worker that took it, and seen by the other without a restart."""
    folder = tmp_path_factory.mktemp("editing-site")
    content = content_repository(folder)
    live = live_site.start(folder, content=content, workers=2)
    yield live, content
    live.stop()


@pytest.fixture
def people(browser, editing_site):
    live, _ = editing_site
    readers = Readers(browser, live.url)
    yield readers
    problems = readers.close()
    assert not problems, "\n".join(problems)


def sign_in(page: Page, password: str) -> None:
    page.goto("/admin/login")
    page.locator("#name").fill(live_site.EDITOR_NAME)
    page.locator("#password").fill(password)
    page.locator(".comment-form button[type=submit]").click()
    expect(page.locator(".admin-bar")).to_be_visible()


def authors_since_setup(content) -> list[str]:
    log = git(content, "log", "--format=%an", "HEAD")
    return log.split()[:-1]  # the last is the set-up commit


def published_everywhere(reader: Page, address: str, title: str, within: float = 20) -> bool:
    """Whether, within `within` seconds, eight requests in a row answer with `title`, each on
    a connection of its own, so that whichever worker takes it."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        answers = (reader.request.get(address, headers={"Connection": "close"}) for _ in range(8))
        if all(title in answer.text() for answer in answers):
            return True
        reader.wait_for_timeout(500)
    return False


def photo(path) -> None:
    image = Image.new("RGB", (2400, 1600), (30, 110, 60))
    image.paste((230, 190, 40), (0, 1000, 2400, 1600))
    image.save(path, "JPEG", quality=85)


def test_a_new_recommendation_in_both_languages_published_from_the_browser(
    people, editing_site, tmp_path, screenshot
):
    live, content = editing_site
    server_before = live.process.pid
    editor = people("en")
    sign_in(editor, live.editor_password)

    # A new recommendation: its slug, then both language files as drafts.
    editor.get_by_role("link", name="Documents").click()
    editor.get_by_role("link", name="New recommendation").click()
    editor.locator("#slug").fill(SLUG)
    editor.get_by_role("button", name="Create both language versions as drafts").click()
    expect(editor).to_have_url(re.compile(f"/admin/documents/recommendation/{SLUG}/en$"))

    # The English version, with the live preview following the typing.
    editor.locator("#title").fill("Jobs for coal towns")
    editor.locator("#summary").fill("Retrain miners before the pits close, where they live.")
    editor.locator("#ask").fill("We ask that retraining start two years before a closure.")
    editor.locator("#body").fill(
        "## Background {#background}\n\nMines are closing.\n\n"
        "## What we recommend {#recommend}\n\nStart early.\n"
    )
    expect(editor.locator("#preview h1")).to_have_text("Jobs for coal towns")
    expect(editor.locator("#preview .document__body")).to_contain_text("Start early.")

    # An image from the computer, with what it shows in both languages.
    picture = tmp_path / "IMG_0001.JPG"
    photo(picture)
    editor.locator("#body").click()
    editor.locator("#body").press("Control+End")
    editor.locator("#image").set_input_files(picture)
    editor.locator("#alt-en").fill("A closed mine in the hills")
    editor.locator("#alt-zh").fill("山间一座已关闭的煤矿")
    editor.get_by_role("button", name="Upload and insert in the text").click()
    expect(editor.get_by_role("heading", name="The image is uploaded")).to_be_visible()
    body = editor.locator("#body").input_value()
    assert re.search(
        r"Start early\.\n\n!\[A closed mine in the hills\]\(/images/[^)]+-1600\.jpg\)$", body
    )
    chinese_image = editor.locator("code.snippet").inner_text()
    assert chinese_image.startswith("![山间一座已关闭的煤矿](/images/")
    expect(editor.locator("#preview .document__body img")).to_be_visible()

    # Published, it must say where it stands: its first step, with the evidence.
    editor.locator("#event-0-status").select_option("proposed")
    editor.locator("#event-0-date").fill("2021-02")
    editor.locator("#event-0-note_en").fill("Proposed by a partner organisation.")
    editor.locator("#event-0-note_zh").fill("由一家合作机构提出。")
    editor.locator("#event-0-title").fill("A partner's proposal")
    editor.locator("#event-0-url").fill("https://example.org/proposal")
    editor.locator("#status").select_option("published")
    editor.locator("#date").fill(dt.date.today().isoformat())
    editor.locator("#message").fill("First version of the coal towns recommendation")
    editor.get_by_role("button", name="Save", exact=True).click()
    expect(editor.get_by_role("status").filter(has_text="Saved and published.")).to_be_visible()

    # The Chinese version, beside the English original.
    editor.get_by_role("link", name="Edit in Chinese").click()
    expect(editor.locator(".editor__original")).to_contain_text("Start early.")
    editor.locator("#title").fill("为煤炭城镇创造就业")
    editor.locator("#summary").fill("在矿井关闭之前，就地为矿工提供再培训。")
    editor.locator("#ask").fill("我们建议在矿井关闭前两年开始再培训。")
    editor.locator("#body").fill(
        "## 背景 {#background}\n\n煤矿正在关闭。\n\n"
        f"## 我们的建议 {{#recommend}}\n\n尽早开始。\n\n{chinese_image}\n"
    )
    editor.locator("#status").select_option("published")
    editor.locator("#date").fill(dt.date.today().isoformat())
    editor.get_by_label(re.compile("This translation now says what the original says")).check()
    screenshot(editor, "editor-translating-desktop")
    editor.get_by_role("button", name="Save", exact=True).click()
    expect(editor.get_by_role("status").filter(has_text="Saved and published.")).to_be_visible()

    # The editor sees it at once on the public site, whichever worker answers.
    editor.goto(f"/en/recommendations/{SLUG}")
    expect(editor.locator("h1")).to_have_text("Jobs for coal towns")

    # Readers too, from either worker, with no restart: the worker that did not take the
    # save publishes it within its watch interval (CONTENT_WATCH_SECONDS, 2 s).
    for lang, title in (("en", "Jobs for coal towns"), ("zh", "为煤炭城镇创造就业")):
        reader = people(lang, viewport=PHONE)
        address = f"/{lang}/recommendations/{SLUG}"

        # (Until a worker has the new version, /zh shows the English one, with a notice.)
        assert published_everywhere(reader, address, title)
        reader.goto(address)
        expect(reader.locator("h1")).to_have_text(title)
        expect(reader.locator(".document__header .progress")).to_have_text(
            {"en": "Proposed", "zh": "已提出"}[lang]
        )
        image = reader.locator(".document__body img")
        expect(image).to_be_visible()
        assert image.evaluate("img => img.complete && img.naturalWidth > 0")
        assert image.get_attribute("srcset")
        screenshot(reader, f"new-recommendation-{lang}-phone")
    assert live.process.poll() is None and live.process.pid == server_before

    # The history: every change a commit by this editor, the files as committed.
    assert authors_since_setup(content) == [live_site.EDITOR_NAME] * 4
    assert git(content, "status", "--porcelain") == ""
    assert "First version of the coal towns recommendation" in git(content, "log", "--format=%s")


def test_saving_without_javascript(people, editing_site, screenshot):
    live, content = editing_site
    editor = people("zh", viewport=PHONE, javascript=False)
    sign_in(editor, live.editor_password)
    editor.goto("/admin/documents/case-study/page-suzhou-workshops/zh")
    summary = editor.locator("#summary")
    changed = summary.input_value().rstrip("。") + "（编辑于浏览器）。"
    summary.fill(changed)
    screenshot(editor, "editor-zh-phone-without-javascript")
    editor.get_by_role("button", name="保存", exact=True).click()
    expect(editor.get_by_role("status").filter(has_text="已保存")).to_be_visible()
    assert (
        "（编辑于浏览器）" in (content / "case-studies" / "page-suzhou-workshops.zh.md").read_text()
    )
    assert git(content, "log", "-1", "--format=%an").strip() == live_site.EDITOR_NAME
