"""`flask content check`, as an editor and CI run it."""

import datetime as dt

from scorecard.config import PROJECT_ROOT
from scorecard.core.content.checks import stale_contact_cards

from conftest import library_of


def test_check_lists_every_problem_and_fails(app):
    result = app.test_cli_runner().invoke(args=["content", "check"])
    assert result.exit_code == 1
    # A missing field is pointed at where to add it: the end of the front matter.
    assert "content/recommendations/missing-title.en.md:6: title: required field is missing" in (
        result.output
    )
    assert "content/recommendations/unknown-field.en.md:7: editor: unknown field" in result.output
    assert (
        "content/recommendations/broken-yaml.en.md:3: front matter: a list opened with [ is "
        "not closed"
    ) in result.output
    assert "content/metrics.yaml:19: unsourced-figure.observations.0.source: required" in (
        result.output
    )
    assert "content/ministries.yaml:24: unsourced-office.contacts.0.source: required" in (
        result.output
    )
    assert "content/ministries.yaml:17: stale-bureau.verified: last verified 2020-01-01" in (
        result.output
    )
    # The fixture's five published recommendations have no timeline, one problem each.
    assert "content/recommendations/both-languages.en.md:1: timeline: a published " in (
        result.output
    )
    assert "27 problem(s)" in result.output


def test_contact_cards_are_due_a_check_a_year_after_verification(app):
    library = library_of(app)

    def due(today):
        return [p.field for p in stale_contact_cards(library, "ministries.yaml", today)]

    # The fixture's MOHRSS card was verified on 2024-06-01.
    assert "mohrss.verified" not in due(dt.date(2025, 5, 31))
    assert "mohrss.verified" in due(dt.date(2025, 6, 2))
    assert "mohrss.verified" in due(dt.date(2024, 5, 1))  # verified "in the future"


def test_check_passes_on_the_sites_content(site_app):
    result = site_app.test_cli_runner().invoke(args=["content", "check"])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


def test_the_editing_guide_covers_every_content_command_and_field(app):
    from scorecard.core.content.schema import FrontMatter

    for name in ("editing.md", "editing.zh.md"):
        guide = (PROJECT_ROOT / "docs" / name).read_text(encoding="utf-8")
        for command in app.cli.commands["content"].commands:
            assert f"flask content {command}" in guide, (name, command)
        for field in FrontMatter.model_fields:
            assert f"| `{field}` |" in guide, (name, field)
