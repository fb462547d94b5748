"""A restart with unchanged content loads the library saved by the last start instead of
rendering every file again; anything changed, or a broken snapshot, means a full load."""

import pickle
import shutil

import pytest

from scorecard.core.content import snapshot

from conftest import FIXTURE_CONTENT, build_app, edit, library_of, soup

PAGES = (
    "/en/recommendations/both-languages",
    "/zh/recommendations/both-languages",
    "/en/recommendations/missing-translation",
    "/zh/case-studies/chinese-only",
    "/en/recommendations/",
)
DOCUMENT = "recommendations/both-languages.en.md"
USED = "content loaded from its snapshot"
NOT_USED = "content snapshot not used"


@pytest.fixture
def site(tmp_path):
    """A copy of the fixture corpus and an instance folder, to start apps over."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    return content, tmp_path / "instance"


@pytest.fixture
def logged(app_log):
    """What the app logs, as messages."""
    return app_log.messages


def start(site, logged):
    """A new app over the same files and instance folder, as after a restart."""
    logged.clear()
    app = build_app(*site)
    library_of(app)  # loaded as a server loads it, before its first reader
    return app


def articles(app) -> dict[str, str]:
    """What readers see of each page: the article, or the list (forms carry fresh tokens)."""
    client = app.test_client()
    shown = {}
    for page in PAGES:
        response = client.get(page)
        assert response.status_code == 200, page
        main = soup(response).select_one("article.document") or soup(response).select_one("main")
        shown[page] = str(main)
    return shown


def test_a_restart_with_unchanged_content_uses_the_snapshot(site, logged, monkeypatch):
    first = articles(start(site, logged))
    assert (site[1] / snapshot.FILENAME).exists()
    assert not any(USED in m for m in logged)

    def render_everything(*args, **kwargs):
        raise AssertionError("the files were read and rendered again")

    monkeypatch.setattr("scorecard.core.content.load_library", render_everything)
    second = start(site, logged)
    assert any(USED in m for m in logged)
    assert articles(second) == first


def test_an_edited_file_shows_after_a_restart(site, logged):
    content, _ = site
    app = start(site, logged)
    assert "A figure with its source." in articles(app)[PAGES[0]]
    edit(content / DOCUMENT, "A figure with its source.", "A figure, edited while stopped.")
    restarted = start(site, logged)
    assert any(NOT_USED in m for m in logged)
    page = articles(restarted)[PAGES[0]]
    assert "A figure, edited while stopped." in page
    assert "A figure with its source." not in page
    # The new snapshot holds the edit.
    again = start(site, logged)
    assert any(USED in m for m in logged)
    assert "A figure, edited while stopped." in articles(again)[PAGES[0]]


def test_a_removed_file_is_gone_after_a_restart(site, logged):
    content, _ = site
    client = start(site, logged).test_client()
    assert client.get("/zh/case-studies/chinese-only").status_code == 200
    (content / "case-studies" / "chinese-only.zh.md").unlink()
    client = start(site, logged).test_client()
    assert client.get("/zh/case-studies/chinese-only").status_code == 404


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "another library"])
def test_a_broken_snapshot_is_ignored_and_replaced(site, logged, damage):
    first = articles(start(site, logged))
    path = site[1] / snapshot.FILENAME
    good = path.read_bytes()
    path.write_bytes(
        {
            "garbage": b"not a pickle at all",
            "truncated": good[: len(good) // 2],
            "empty": b"",
            # The right key, but not a library after it.
            "another library": pickle.dumps(pickle.loads(good)) + pickle.dumps(["documents"]),
        }[damage]
    )
    app = start(site, logged)
    assert any(NOT_USED in m for m in logged)
    assert articles(app) == first
    # Replaced by a good one.
    start(site, logged)
    assert any(USED in m for m in logged)


def test_problems_are_still_reported_after_a_snapshot_load(site, logged):
    start(site, logged)
    reported = [m for m in logged if m.startswith("content problem:")]
    assert any("broken-yaml.en.md" in m for m in reported)
    app = start(site, logged)
    assert any(USED in m for m in logged)
    assert [m for m in logged if m.startswith("content problem:")] == reported
    assert library_of(app).problems


def test_interface_labels_are_part_of_the_key(site):
    content, _ = site
    labels = ({"en": "Back to {}"}, None)
    assert snapshot.key(content, labels) == snapshot.key(content, labels)
    assert snapshot.key(content, labels) != snapshot.key(content, ({"en": "Return to {}"}, None))


def test_an_edit_seen_by_live_reload_is_not_lost_at_the_next_start(site, logged):
    content, instance = site
    client = build_app(content, instance, CONTENT_LIVE_RELOAD=True).test_client()
    edit(content / DOCUMENT, "A figure with its source.", "A figure, edited while serving.")
    assert "A figure, edited while serving." in client.get(PAGES[0]).get_data(as_text=True)
    restarted = start(site, logged)
    assert "A figure, edited while serving." in articles(restarted)[PAGES[0]]


def test_a_snapshot_is_labelled_with_the_code_the_process_runs(site, monkeypatch):
    """During a deploy an old worker, still running the old classes, may save a snapshot
    after the new files are on disk: its label must name the old code, so that the new
    workers do not load objects that lack the new fields."""
    content, _ = site
    running_now = snapshot.key(content, labels=None)
    monkeypatch.setattr(snapshot, "CODE_RUNNING", [("schema.py", "the old code's hash")])
    assert snapshot.key(content, labels=None) != running_now
