"""`flask content check`, as an editor and CI run it."""

import re

from scorecard.config import PROJECT_ROOT


def test_check_lists_every_problem_and_fails(app):
    result = app.test_cli_runner().invoke(args=["content", "check"])
    assert result.exit_code == 1
    assert "content/recommendations/missing-title.en.md: title: required field is missing" in (
        result.output
    )
    assert "content/recommendations/unknown-field.en.md: author: unknown field" in result.output
    assert "content/recommendations/broken-yaml.en.md: front matter: broken YAML" in result.output
    assert "6 problem(s)" in result.output


def test_check_passes_on_the_sites_content(site_app):
    result = site_app.test_cli_runner().invoke(args=["content", "check"])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


def test_every_command_is_documented_in_the_readme(app):
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    for group_name in ("content", "search"):
        group = app.cli.commands[group_name]
        for name in group.commands:
            assert re.search(rf"flask {group_name} {name}\b", readme), name
