"""In development, an edited content file shows on the next request and is found by search."""

import shutil

import pytest

from conftest import SITE_CONTENT, build_app, edit, library_of, soup

PAGE = "/en/case-studies/ilo-green-jobs-pilots"


def app_over_a_copy(tmp_path, **settings):
    content = tmp_path / "content"
    shutil.copytree(SITE_CONTENT, content)
    return content, build_app(content, tmp_path / "instance", **settings)


def found_by(client, query: str) -> list[str]:
    results = soup(client.get(f"/en/search?q={query}"))
    return [a["href"] for a in results.select("#search-results a[href]")]


@pytest.fixture
def live(tmp_path):
    return app_over_a_copy(tmp_path, CONTENT_LIVE_RELOAD=True)


def test_an_edit_shows_on_the_next_request_and_is_reindexed(live):
    content, app = live
    client = app.test_client()
    assert "Zanzibarian" not in client.get(PAGE).get_data(as_text=True)
    assert PAGE not in found_by(client, "Zanzibarian")
    edit(
        content / "case-studies" / "ilo-green-jobs-pilots.en.md",
        "## Overview {#overview}\n",
        "## Overview {#overview}\n\nA Zanzibarian test sentence.\n",
    )
    untouched = ("recommendation", "community-employment", "en")
    before = library_of(app).documents[untouched]
    page = client.get(PAGE).get_data(as_text=True)
    assert "A Zanzibarian test sentence." in page
    # Only the edited document was read again.
    assert library_of(app).documents[untouched] is before
    assert PAGE in found_by(client, "Zanzibarian")


def test_a_new_draft_and_a_removed_file_are_picked_up(live):
    content, app = live
    client = app.test_client()
    assert client.get("/en/recommendations/clean-tech-funding").status_code == 200
    (content / "recommendations" / "clean-tech-funding.en.md").unlink()
    (content / "recommendations" / "clean-tech-funding.zh.md").unlink()
    assert client.get("/en/recommendations/clean-tech-funding").status_code == 404


def test_an_edit_to_a_reference_file_reloads_everything(live):
    content, app = live
    client = app.test_client()
    tags = soup(client.get(PAGE)).select(".facts .tag")
    assert "Employment" in [tag.get_text() for tag in tags]
    edit(content / "topics.yaml", "{en: Employment,", "{en: Jobs and employment,")
    tags = soup(client.get(PAGE)).select(".facts .tag")
    assert "Jobs and employment" in [tag.get_text() for tag in tags]


def test_production_does_not_watch_the_files(tmp_path):
    content, app = app_over_a_copy(tmp_path)
    client = app.test_client()
    assert "Overview" in client.get(PAGE).get_data(as_text=True)
    edit(content / "case-studies" / "ilo-green-jobs-pilots.en.md", "## Overview", "## Survey")
    assert "Overview" in client.get(PAGE).get_data(as_text=True)
