"""What editors publish reaches readers: drafts previewed, scheduled documents on time, and
the problems of a page's files shown to signed-in editors only."""

import datetime as dt
import shutil

import pytest

from conftest import FIXTURE_CONTENT, PASSWORD, build_app, sign_in, soup

BEIJING = dt.timezone(dt.timedelta(hours=8))
PUBLISH_AT = dt.datetime(2030, 1, 15, 9, 0, tzinfo=BEIJING)

DRAFT = """---
title: {title}
summary: A draft that names ministries and metrics.
date: 2024-03-01
kind: {kind}
status: draft
topics: [employment]
ministries:
  - {{id: mohrss, role: lead}}
  - {{id: stale-bureau, role: partner}}
metrics: [workers-reemployed, parks-counted]
ask: We ask that the ministry counts the workers it helps.
---
## Context {{#context}}

Text.
"""
SCHEDULED = """---
title: {title}
summary: Appears on its own at nine in the morning, Beijing time.
date: 2030-01-15
kind: recommendation
status: scheduled
publish_at: 2030-01-15T09:00+08:00
topics: [employment]
---
## Context {{#context}}

Scheduled text.
"""


def editor_client(app):
    created = app.test_cli_runner().invoke(
        args=["editors", "create", "lin"], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert created.exit_code == 0, created.output
    client = app.test_client()
    assert sign_in(client, "lin", PASSWORD).status_code == 303
    return client


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, folder)
    return folder


@pytest.mark.parametrize(
    ("kind", "section"), [("recommendation", "recommendations"), ("case-study", "case-studies")]
)
def test_an_editor_previews_a_draft_that_names_ministries_and_metrics(
    tmp_path, content, kind, section
):
    for lang, title in (("en", "A draft to preview"), ("zh", "待预览的草稿")):
        text = DRAFT.format(title=title, kind=kind)
        (content / section / f"draft-preview.{lang}.md").write_text(text, encoding="utf-8")
    app = build_app(content, tmp_path / "instance")
    assert app.test_client().get(f"/en/{section}/draft-preview").status_code == 404
    client = editor_client(app)
    for lang in ("en", "zh"):
        page = client.get(f"/{lang}/{section}/draft-preview")
        assert page.status_code == 200, (lang, page.status_code)
        assert soup(page).select(".notice--draft")
    assert client.get(f"/en/{section}/draft-preview/parallel").status_code == 200
    if kind == "recommendation":  # the advocacy letter, which names the ask
        assert (
            "We ask that the ministry counts the workers it helps."
            in client.get(f"/en/{section}/draft-preview").text
        )


def test_a_scheduled_document_appears_at_its_time_and_not_a_minute_before(tmp_path, content):
    for lang, title in (("en", "A scheduled recommendation"), ("zh", "定时发布的建议")):
        text = SCHEDULED.format(title=title)
        (content / "recommendations" / f"scheduled.{lang}.md").write_text(text, encoding="utf-8")
    app = build_app(content, tmp_path / "instance")
    publisher = app.extensions["publisher"]
    now = [PUBLISH_AT - dt.timedelta(minutes=1)]
    publisher.clock = lambda: now[0]
    client = app.test_client()

    def visible() -> dict[str, bool]:
        feed = client.get("/en/feed.xml").text
        return {
            "page": client.get("/en/recommendations/scheduled").status_code == 200,
            "list": "A scheduled recommendation" in client.get("/en/recommendations/").text,
            "feed": "A scheduled recommendation" in feed,
            "sitemap": "/recommendations/scheduled" in client.get("/sitemap.xml").text,
            "api": "scheduled" in client.get("/api/v1/documents").text,
            "search": "A scheduled recommendation"
            in client.get("/en/search", query_string={"q": "scheduled"}).text,
        }

    assert not any(visible().values())
    now[0] = PUBLISH_AT - dt.timedelta(seconds=1)
    assert not any(visible().values())
    now[0] = PUBLISH_AT
    assert all(visible().values()), visible()
    assert client.get("/zh/recommendations/scheduled").status_code == 200


def test_editors_see_the_problems_of_a_pages_files_and_readers_do_not(tmp_path, content):
    path = content / "recommendations" / "both-languages.en.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nA claim.[^nowhere]\n", encoding="utf-8")
    app = build_app(content, tmp_path / "instance")
    reader = soup(app.test_client().get("/en/recommendations/both-languages"))
    assert not reader.select(".notice--problems")
    client = editor_client(app)
    banner = soup(client.get("/zh/recommendations/both-languages")).select_one(".notice--problems")
    assert "编辑提示" in banner.get_text()
    assert "[^nowhere] is used but never written" in banner.get_text()
    # A page whose files have no problem has no banner.
    assert not soup(client.get("/en/recommendations/older")).select(".notice--problems")
    everything = soup(client.get("/admin/content"))
    assert "recommendations/both-languages.en.md" in everything.get_text()
    assert "ministries.yaml" in everything.get_text()  # the fixture's unsourced contact


def test_a_site_without_content_yet_answers_with_empty_lists(tmp_path):
    client = build_app(tmp_path / "no-content-yet", tmp_path / "instance").test_client()
    for page in ("/en/", "/zh/recommendations/", "/sitemap.xml", "/en/feed.xml", "/en/search?q=x"):
        assert client.get(page).status_code == 200, page


def test_flask_content_reload_asks_every_process_to_read_everything(tmp_path, content):
    app = build_app(content, tmp_path / "instance")
    publisher = app.extensions["publisher"]
    first = publisher.edition
    assert not publisher.check_for_changes()  # nothing changed
    result = app.test_cli_runner().invoke(args=["content", "reload"])
    assert result.exit_code == 0 and "Asked" in result.output
    assert publisher.check_for_changes()  # what each process's watcher does next
    assert publisher.edition is not first
    assert publisher.edition.version == first.version  # the same files, read again
