"""Editors' commands: `flask content new` and `flask content status`, on a copy of content/."""

import shutil

import pytest

from conftest import PASSWORD, build_app, content_repository, sign_in, soup


@pytest.fixture
def workspace(tmp_path):
    """A copy of the site's content in a git repository of its own, and an app over it."""
    content = content_repository(tmp_path)
    return content, build_app(content, tmp_path / "instance")


def run(app, *args):
    return app.test_cli_runner().invoke(args=["content", *args])


def test_scaffold_writes_both_languages_and_passes_the_check(workspace):
    content, app = workspace
    result = run(app, "new", "case-study", "coal-town-retraining")
    assert result.exit_code == 0, result.output
    english = content / "case-studies" / "coal-town-retraining.en.md"
    chinese = content / "case-studies" / "coal-town-retraining.zh.md"
    assert "status: draft" in english.read_text(encoding="utf-8")
    assert "# " in chinese.read_text(encoding="utf-8").split("---")[1]  # a guide in comments
    check = run(app, "check")
    assert check.exit_code == 0, check.output
    status = run(app, "status")
    assert "case-study/coal-town-retraining\n  en: source\n  zh: complete" in status.output


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("community-employment", "already used by recommendations/community-employment.en.md"),
        ("Coal_Towns", "not a valid slug"),
        ("coal--towns", "not a valid slug"),
    ],
)
def test_scaffold_refuses_an_existing_or_invalid_slug(workspace, slug, message):
    content, app = workspace
    before = sorted(p.name for p in content.rglob("*.md"))
    result = run(app, "new", "case-study", slug)
    assert result.exit_code == 1
    assert message in result.output
    assert sorted(p.name for p in content.rglob("*.md")) == before


def test_status_finds_missing_and_outdated_translations_after_a_source_edit(workspace):
    content, app = workspace
    assert "outdated" not in run(app, "status").output
    source = content / "recommendations" / "community-employment.en.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("## Who should act", "## Who must act"), encoding="utf-8")
    (content / "recommendations" / "clean-tech-funding.zh.md").unlink()

    output = run(app, "status").output
    assert "recommendation/community-employment\n  en: source\n  zh: outdated" in output
    assert "-## Who should act {#who-should-act}" in output
    assert "+## Who must act {#who-should-act}" in output
    assert "recommendation/clean-tech-funding\n  en: source\n  zh: missing" in output
    assert "case-study/ilo-green-jobs-pilots\n  en: source\n  zh: complete" in output


def test_status_without_history_says_there_is_no_diff(workspace):
    content, app = workspace
    shutil.rmtree(content / ".git")
    source = content / "pages" / "about.en.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    output = run(app, "status").output
    assert "page/about\n  en: source\n  zh: outdated" in output
    assert "no diff" in output


def test_the_translations_page_shows_the_originals_changes(workspace):
    content, app = workspace
    source = content / "recommendations" / "community-employment.en.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("## Who should act", "## Who must act"), encoding="utf-8")
    app = build_app(content, content.parent / "instance-after-edit")
    created = app.test_cli_runner().invoke(
        args=["editors", "create", "lin"], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert created.exit_code == 0, created.output
    client = app.test_client()
    sign_in(client, "lin", PASSWORD)
    page = soup(client.get("/admin/translations"))
    row = next(r for r in page.select("tbody tr") if "community-employment" in r.a["href"])
    assert [s.get_text() for s in row.select(".state")] == ["Original", "Outdated"]
    assert row.select_one(".diff__removed:-soup-contains('## Who should act')")
    assert row.select_one(".diff__added:-soup-contains('## Who must act')")


def test_changing_a_publishing_field_leaves_the_translation_complete(workspace):
    content, app = workspace
    source = content / "recommendations" / "community-employment.en.md"
    text = source.read_text(encoding="utf-8")
    assert "status: published" in text
    source.write_text(
        text.replace("status: published", "status: draft").replace(
            "date: ", "updated: 2026-11-27\ndate: ", 1
        ),
        encoding="utf-8",
    )
    assert (
        "recommendation/community-employment\n  en: source\n  zh: complete"
        in run(app, "status").output
    )


def test_translated_records_the_sources_version_and_nothing_else(workspace):
    content, app = workspace
    source = content / "recommendations" / "community-employment.en.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace("## Who should act", "## Who must act"),
        encoding="utf-8",
    )
    assert "zh: outdated" in run(app, "status").output
    translation = content / "recommendations" / "community-employment.zh.md"
    before = translation.read_text(encoding="utf-8")

    result = run(app, "translated", "community-employment", "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert "content/recommendations/community-employment.zh.md: translated_from" in result.output
    after = translation.read_text(encoding="utf-8")
    changed = [
        (old, new)
        for old, new in zip(before.splitlines(), after.splitlines(), strict=True)
        if old != new
    ]
    assert len(changed) == 1 and changed[0][1].startswith("translated_from: ")
    assert (
        "recommendation/community-employment\n  en: source\n  zh: complete"
        in run(app, "status").output
    )
    again = run(app, "translated", "community-employment")
    assert "already follows" in again.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no-such-document"], "no document 'no-such-document'"),
        (["community-employment", "--lang", "en"], "the en version is the source"),
    ],
)
def test_translated_refuses_what_it_cannot_do(workspace, args, message):
    _, app = workspace
    result = run(app, "translated", *args)
    assert result.exit_code == 1 and message in result.output


def test_an_editor_marks_a_translation_as_translated_from_the_browser(workspace):
    content, app = workspace
    source = content / "case-studies" / "ilo-green-jobs-pilots.en.md"
    source.write_text(
        source.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8"
    )
    created = app.test_cli_runner().invoke(
        args=["editors", "create", "lin"], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert created.exit_code == 0, created.output
    client = app.test_client()
    sign_in(client, "lin", PASSWORD)
    page = soup(client.get("/admin/translations"))
    row = page.select_one("#case-study-ilo-green-jobs-pilots")
    assert [s.get_text() for s in row.select(".state")] == ["Original", "Outdated"]
    form = row.select_one("form")
    token = form.select_one('input[name="csrf_token"]')["value"]
    marked = client.post(form["action"], data={"csrf_token": token})
    assert marked.status_code == 303
    page = soup(client.get(marked.location))
    assert "Marked as translated" in page.get_text()
    row = page.select_one("#case-study-ilo-green-jobs-pilots")
    assert [s.get_text() for s in row.select(".state")] == ["Original", "Complete"]
    # Readers no longer see the "original has changed" notice: the site was updated at once.
    assert not soup(client.get("/zh/case-studies/ilo-green-jobs-pilots")).select(
        ".notice--outdated"
    )
    # Without the token, nothing is written.
    assert client.post(form["action"]).status_code == 400
