"""Editors write, translate, preview and publish in the browser: each save a commit by its
editor, on the site at once; nothing overwritten silently, nothing lost on a refusal."""

import shutil

import pytest

from conftest import PASSWORD, SITE_CONTENT, build_app, git, sign_in, soup

DOC = "/admin/documents/recommendation/community-employment"


def form_of(client, url: str) -> tuple[str, dict[str, object]]:
    """The edit form's action and fields, as a browser would send them unchanged."""
    page = soup(client.get(url))
    form = page.select_one("form#document-form") or page.select_one("form.document-form")
    data: dict[str, object] = {}
    for element in form.select("input, select, textarea"):
        name = element.get("name")
        if not name:
            continue
        if element.name == "select":
            chosen = element.select_one("option[selected]") or element.select_one("option")
            data[name] = chosen["value"] if chosen else ""
        elif element.name == "textarea":
            data[name] = element.get_text().removeprefix("\n")
        elif element.get("type") == "checkbox":
            if element.has_attr("checked"):
                data.setdefault(name, []).append(element["value"])  # type: ignore[union-attr]
        else:
            data[name] = element.get("value", "")
    return form["action"], data


def last_commit(content) -> tuple[str, str]:
    return tuple(git(content, "log", "-1", "--format=%an%x1f%s").strip().split("\x1f"))  # type: ignore[return-value]


def test_the_content_list_shows_every_document_and_who_changed_it(workspace):
    _, _, client = workspace
    page = soup(client.get("/admin/documents"))
    rows = page.select("table.documents tbody tr")
    assert len(rows) == 7
    assert "Setup" in page.get_text()
    drafts = soup(client.get("/admin/documents?status=draft")).select("table.documents tbody tr")
    assert [row.get_text() for row in drafts] == ["No document matches these filters."]


def test_a_save_is_a_commit_by_the_editor_and_is_published_at_once(workspace):
    content, app, client = workspace
    action, data = form_of(client, f"{DOC}/en")
    assert data["title"] == "A community-based employment and development programme"
    data.update(title="A community-based programme for coal towns", message="Sharper title")
    saved = client.post(action, data=data)
    assert saved.status_code == 303
    assert last_commit(content) == ("lin", "Sharper title")
    page = app.test_client().get("/en/recommendations/community-employment")
    assert "A community-based programme for coal towns" in page.get_data(as_text=True)
    # Only the title changed in the file.
    diff = git(content, "show", "--format=", "--unified=0", "HEAD")
    changed = [
        line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert changed == [
        "-title: A community-based employment and development programme",
        "+title: A community-based programme for coal towns",
    ]


def test_the_preview_renders_the_text_and_says_what_the_check_finds(workspace):
    _, _, client = workspace
    action, data = form_of(client, f"{DOC}/en")
    data["body"] = "An opening line.\n\nA new claim.[^nowhere]\n"
    preview = client.post(
        f"{DOC}/en/preview", data=data, headers={"HX-Request": "true", "HX-Target": "preview"}
    )
    fragment = preview.get_data(as_text=True)
    assert "<html" not in fragment
    assert "A new claim." in fragment
    # The line is counted in the text box the editor sees, not in the file behind the form.
    problem = soup(preview).select_one(".notice--problems li").get_text(" ", strip=True)
    assert "text, line 3" in problem
    assert "[^nowhere] is used but never written" in problem


def test_publishing_with_an_error_is_refused_and_the_text_kept(workspace):
    content, _, client = workspace
    before = git(content, "rev-parse", "HEAD")
    action, data = form_of(client, f"{DOC}/en")
    data.update(date="2026-02-30", body="My new text, kept.")
    refused = client.post(action, data=data)
    assert refused.status_code == 422
    page = soup(refused)
    assert "My new text, kept." in page.select_one("textarea#body").get_text()
    assert "is not a date" in page.get_text()
    assert git(content, "rev-parse", "HEAD") == before
    # As a draft, it is saved with its problem, to be finished later.
    data.update(status="draft")
    assert client.post(action, data=data).status_code == 303
    assert git(content, "rev-parse", "HEAD") != before


def test_a_later_save_never_overwrites_an_earlier_one_silently(workspace):
    content, _, client = workspace
    action, data = form_of(client, f"{DOC}/en")
    other = content.parent / "other"
    path = content / "recommendations" / "community-employment.en.md"
    path.write_text(
        path.read_text().replace("## Who should act", "## Who must act"), encoding="utf-8"
    )
    git(content, "commit", "-q", "-am", "someone else's change")
    data.update(title="My title")
    conflict = client.post(action, data=data)
    assert conflict.status_code == 409
    page = soup(conflict)
    assert "Someone saved this file after you opened it" in page.get_text()
    assert "## Who must act" in page.select_one(".diff").get_text()
    assert last_commit(content)[1] == "someone else's change"
    # Saving again, knowingly, keeps mine.
    _, again = form_of(client, f"{DOC}/en")
    resubmitted = {**data, "base": page.select_one('input[name="base"]')["value"]}
    assert client.post(action, data=resubmitted).status_code == 303
    assert "title: My title" in path.read_text()
    assert not other.exists()


def test_a_new_recommendation_is_two_drafts_in_one_commit(workspace):
    content, _, client = workspace
    page = soup(client.get("/admin/documents/new/recommendation"))
    token = page.select_one('input[name="csrf_token"]')["value"]
    created = client.post(
        "/admin/documents/new/recommendation", data={"csrf_token": token, "slug": "coal-town-jobs"}
    )
    assert created.status_code == 303 and created.location.endswith("/coal-town-jobs/en")
    assert sorted(p.name for p in (content / "recommendations").glob("coal-town-jobs.*")) == [
        "coal-town-jobs.en.md",
        "coal-town-jobs.zh.md",
    ]
    assert git(content, "show", "--name-only", "--format=%an", "HEAD").split() == [
        "lin",
        "recommendations/coal-town-jobs.en.md",
        "recommendations/coal-town-jobs.zh.md",
    ]


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("community-employment", "already used"),
        ("../../etc/passwd", "cannot be a slug"),
        ("/tmp/x", "cannot be a slug"),
        ("coal\x00town", "cannot be a slug"),
        ("сoal-town", "cannot be a slug"),  # a Cyrillic с
        ("Coal_Town", "cannot be a slug"),
    ],
)
def test_a_new_documents_slug_is_refused_when_it_could_harm(workspace, slug, message):
    content, _, client = workspace
    before = sorted(content.rglob("*"))
    page = soup(client.get("/admin/documents/new/case-study"))
    token = page.select_one('input[name="csrf_token"]')["value"]
    refused = client.post(
        "/admin/documents/new/case-study", data={"csrf_token": token, "slug": slug}
    )
    assert refused.status_code == 422
    assert message in refused.get_data(as_text=True)
    assert sorted(content.rglob("*")) == before


def test_translating_beside_the_original_and_marking_it_translated(workspace):
    content, app, client = workspace
    source = content / "recommendations" / "community-employment.en.md"
    source.write_text(
        source.read_text().replace("## Who should act", "## Who must act"), encoding="utf-8"
    )
    git(content, "commit", "-q", "-am", "the original changes")
    assert app.extensions["publisher"].check_for_changes()  # what the watcher does in production
    page = soup(client.get(f"{DOC}/zh"))
    original = page.select_one(".editor__original")
    assert "The original has changed since this translation was made" in original.get_text()
    changed = original.select_one("#original-who-should-act .diff")
    assert "+## Who must act" in changed.get_text()
    action, data = form_of(client, f"{DOC}/zh")
    data["mark_translated"] = "1"
    assert client.post(action, data=data).status_code == 303
    page = soup(client.get("/admin/translations"))
    row = page.select_one("#recommendation-community-employment")
    assert [s.get_text() for s in row.select(".state")] == ["Original", "Complete"]


def test_history_compares_versions_and_restores_one(workspace):
    content, app, client = workspace
    action, data = form_of(client, f"{DOC}/en")
    original_title = data["title"]
    data.update(title="A title to take back")
    client.post(action, data=data)
    page = soup(client.get(f"{DOC}/history"))
    entries = page.select("ol.history li")
    assert len(entries) == 2 and "lin" in entries[0].get_text()
    older, newer = git(content, "log", "--format=%H", "-2").split()[::-1]
    compared = soup(client.get(f"{DOC}/history", query_string={"from": older, "to": newer}))
    assert "+title: A title to take back" in compared.select_one(".diff").get_text()
    form = entries[1].select_one("form")
    token = form.select_one('input[name="csrf_token"]')["value"]
    assert client.post(form["action"], data={"csrf_token": token}).status_code == 303
    assert last_commit(content)[0] == "lin"
    assert (
        f"title: {original_title}"
        in (content / "recommendations" / "community-employment.en.md").read_text()
    )
    assert original_title in app.test_client().get(
        "/en/recommendations/community-employment"
    ).get_data(as_text=True)


def test_without_a_repository_nothing_is_saved_and_the_text_stays(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SITE_CONTENT, content)
    app = build_app(content, tmp_path / "instance", CONTENT_REPOSITORY=str(tmp_path / "nowhere"))
    app.test_cli_runner().invoke(
        args=["editors", "create", "lin"], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    client = app.test_client()
    sign_in(client, "lin", PASSWORD)
    before = (content / "recommendations" / "community-employment.en.md").read_text()
    action, data = form_of(client, f"{DOC}/en")
    data.update(body="Words I must not lose.")
    refused = client.post(action, data=data)
    assert refused.status_code == 503
    assert "Words I must not lose." in soup(refused).select_one("textarea#body").get_text()
    assert "is not in a git repository" in refused.get_data(as_text=True)
    assert (content / "recommendations" / "community-employment.en.md").read_text() == before


def test_a_locked_repository_refuses_the_save_with_the_text_kept(workspace):
    content, _, client = workspace
    before = git(content, "rev-parse", "HEAD")
    (content / ".git" / "index.lock").write_text("")  # another git command at work
    client.set_cookie("lang", "zh")
    action, data = form_of(client, f"{DOC}/en")
    data.update(body="Words I must not lose.")
    refused = client.post(action, data=data)
    assert refused.status_code == 503
    page = soup(refused)
    assert (
        "同一时刻有另一处修改正在保存，请再保存一次。" in page.select_one("[role=alert]").get_text()
    )
    assert "Words I must not lose." in page.select_one("textarea#body").get_text()
    # Nothing half-done: the file as committed, nothing staged.
    assert (
        "Words I must not lose."
        not in (content / "recommendations" / "community-employment.en.md").read_text()
    )
    (content / ".git" / "index.lock").unlink()
    assert git(content, "status", "--porcelain") == ""
    assert git(content, "rev-parse", "HEAD") == before
    # Once the other command is done, the same form saves.
    assert client.post(action, data=data).status_code == 303


def test_a_dirty_repository_keeps_what_others_left_uncommitted(workspace):
    content, _, client = workspace
    other = content / "topics.yaml"
    other.write_text(other.read_text() + "\n# a note someone is still writing\n")
    action, data = form_of(client, f"{DOC}/en")
    data.update(body="A change from the browser.")
    assert client.post(action, data=data).status_code == 303
    changed = git(content, "show", "--name-only", "--format=", "HEAD").split()
    assert changed == ["recommendations/community-employment.en.md"]
    assert git(content, "status", "--porcelain").strip() == "M topics.yaml"
