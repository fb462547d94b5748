"""Each rule of `flask content check` catches its broken fixture, naming the file and line."""

import pytest


@pytest.fixture(scope="module")
def check_output(app):
    result = app.test_cli_runner().invoke(args=["content", "check"])
    assert result.exit_code == 1
    return result.output


@pytest.mark.parametrize(
    ("where", "message"),
    [
        (
            "content/recommendations/broken-link.en.md:10: link:",
            "no document 'no-such-document' in recommendations/",
        ),
        (
            "content/recommendations/broken-link.en.md:12: link:",
            "anchor '#no-such-section' does not exist in /en/recommendations/both-languages",
        ),
        (
            "content/recommendations/broken-link.en.md:14: link:",
            "anchor '#nowhere' does not exist in this document",
        ),
        (
            "content/recommendations/broken-link.en.md:16: link:",
            "no file files/no-such-report.pdf under site/scorecard/static/",
        ),
        (
            "content/recommendations/missing-image.en.md:10: image:",
            "'/static/images/no-such-chart.png' does not exist",
        ),
        (
            "content/recommendations/english-in-chinese.zh.md:10: body:",
            "the text is mostly English, but the file name says Chinese",
        ),
        (
            "content/case-studies/chinese-in-english.en.md:10: body:",
            "the text is mostly Chinese, but the file name says English",
        ),
        ("content/recommendations/empty-summary.en.md:3: summary:", "empty summary: write"),
        (
            "content/case-studies/older.en.md:1: file name:",
            "the slug 'older' is already used by a recommendation",
        ),
        (
            "content/recommendations/future-date.en.md:5: updated:",
            "2999-01-01 is in the future",
        ),
        (
            "content/recommendations/both-languages.zh.md:16: sections:",
            "section id '背景与挑战' is not in the en version",
        ),
    ],
)
def test_each_rule_names_the_file_and_line(check_output, where, message):
    lines = [line for line in check_output.splitlines() if line.startswith(where)]
    assert any(message in line for line in lines), lines


def test_the_good_link_and_the_real_anchor_pass(check_output):
    # broken-link.en.md also links to its own #links section, which exists.
    assert "'#links'" not in check_output
    assert "broken-link.en.md:8" not in check_output
    # A list's address without its trailing slash is redirected, so it works.
    assert "'/en/recommendations'" not in check_output


def test_a_stub_is_too_short_to_call_the_wrong_language(check_output):
    # draft-only.zh.md says only "Draft body.": too little to judge.
    assert "draft-only.zh.md" not in check_output
