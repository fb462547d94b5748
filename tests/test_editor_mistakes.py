"""An editor's usual mistakes, one file each (tests/mistakes/): `flask content check` names
the file, the line and what to write instead, and the site keeps serving everything else.
"""

import datetime as dt
import shutil
from pathlib import Path

import pytest

from scorecard.core.content.scaffold import PLACEHOLDERS, create

from conftest import FIXTURE_CONTENT, SITE_CONTENT, build_app, edit, soup

MISTAKES = Path(__file__).parent / "mistakes"
REFERENCE_FILES = ("topics.yaml", "ministries.yaml", "metrics.yaml", "glossary.yaml")

# file -> (where, what the message says); "warning" marks what does not fail the check.
DOCUMENT_MISTAKES = {
    "impossible-date.en.md": (":4: date:", "'2026-11-31' is not a date: November 2026 has 30 days"),
    "date-in-another-order.en.md": (
        ":4: date:",
        "'28/11/2026' is not a date: write it as year-month-day, e.g. 2026-03-15",
    ),
    "ministries-as-ids.en.md": (
        ":7: ministries.0:",
        "'mohrss': each ministry needs an id and a role, e.g. - {id: mohrss, role: lead}",
    ),
    "tab-in-front-matter.en.md": (":8: front matter:", "a tab character: indent with spaces"),
    "colon-in-title.en.md": (
        ":2: front matter:",
        'put the whole value in quotes, e.g. title: "Coal workers: retraining"',
    ),
    "unclosed-quote.en.md": (":2: front matter:", "a quote is opened and not closed on this line"),
    "unclosed-bracket.en.md": (":7: front matter:", "a list opened with [ is not closed"),
    "misspelt-field.en.md": (":7: regions:", "unknown field 'regions': did you mean 'region'?"),
    "upper-case-id.en.md": (":7: ministries:", "unknown ministry 'MOHRSS' (ids are lower case)"),
    "undefined-footnote.en.md": (":8:24: footnote:", "[^ilo] is used but never written"),
    "unused-footnote.en.md": (":11:1: warning: footnote:", "[^ilo] is written but never used"),
    "stray-fence.en.md": (":6: front matter:", "an extra '---' line ends the front matter here"),
    "placeholders-published.en.md": (
        ":2:8: text:",
        "'Untitled' is the new file's placeholder, not yet replaced",
    ),
    "image-without-description.en.md": (
        ":8:1: image:",
        "an image needs a description for readers who cannot see it",
    ),
    "english-punctuation.zh.md": (
        ":9:11: warning: punctuation:",
        "',' in Chinese text: write the full-width '，'",
    ),
    "figure-not-in-metrics.en.md": (
        ":9:7: warning: figure:",
        "'3.5 million' is not in content/metrics.yaml",
    ),
    "scheduled-without-time.en.md": (
        ":7: publish_at:",
        "status: scheduled needs the moment to publish, with its time zone",
    ),
    "no-front-matter.en.md": (":1: front matter:", "the file must start with a line '---'"),
}


def corpus(tmp_path: Path) -> Path:
    """The site's own reference files (which have no problem), and no document yet."""
    content = tmp_path / "content"
    (content / "recommendations").mkdir(parents=True)
    for name in REFERENCE_FILES:
        shutil.copy(SITE_CONTENT / name, content / name)
    return content


def check(content: Path, tmp_path: Path):
    app = build_app(content, tmp_path / "instance")
    result = app.test_cli_runner().invoke(args=["content", "check"])
    return app, result


@pytest.mark.parametrize("name", sorted(DOCUMENT_MISTAKES))
def test_each_mistake_gets_a_message_that_says_where_and_how(tmp_path, name):
    content = corpus(tmp_path)
    shutil.copy(MISTAKES / name, content / "recommendations" / name)
    app, result = check(content, tmp_path)
    where, message = DOCUMENT_MISTAKES[name]
    lines = [line for line in result.output.splitlines() if name in line]
    assert any(f"content/recommendations/{name}{where}" in line for line in lines), lines
    assert any(message in line for line in lines), lines
    assert result.exit_code == (0 if "warning" in where else 1)
    # Nothing the editor wrote takes the site down.
    assert app.test_client().get("/en/recommendations/").status_code == 200


def test_every_placeholder_of_a_new_file_is_one_the_check_knows(tmp_path):
    created = create(tmp_path, "recommendation", "new-one", dt.date.today())
    text = "".join(path.read_text(encoding="utf-8") for path in created)
    assert all(placeholder in text for placeholder in PLACEHOLDERS)


def with_ministries(tmp_path: Path, mistake: str) -> Path:
    """The fixture corpus, with ministries.yaml replaced by a broken one."""
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    shutil.copy(MISTAKES / mistake, content / "ministries.yaml")
    return content


def test_an_impossible_date_in_a_card_loses_that_card_and_is_reported_once(tmp_path):
    content = with_ministries(tmp_path, "ministries-impossible-verified.yaml")
    app, result = check(content, tmp_path)
    assert (
        "content/ministries.yaml:5: mohrss.verified: '2026-02-30' is not a date: "
        "February 2026 has 28 days"
    ) in result.output
    # Documents that name MOHRSS are not blamed for it, one by one.
    assert "unknown ministry 'mohrss'" not in result.output
    client = app.test_client()
    page = client.get("/en/recommendations/both-languages")
    assert page.status_code == 200
    assert client.get("/en/ministries/stale-bureau").status_code == 200
    assert client.get("/en/ministries/mohrss").status_code == 404


def test_an_indentation_slip_loses_one_entry_and_the_site_stays_whole(tmp_path):
    content = with_ministries(tmp_path, "ministries-indentation-slip.yaml")
    app, result = check(content, tmp_path)
    reported = [line for line in result.output.splitlines() if "file:" in line]
    assert reported == [
        "content/ministries.yaml:8: file: this line is indented differently from the lines "
        "around it: indent each field of an entry by the same number of spaces (two)"
    ]
    # The documents naming the lost entry are not blamed for it.
    assert "stale-bureau'" not in result.output
    client = app.test_client()
    # The entry before the slip survives, and so does every document naming it.
    assert client.get("/en/ministries/mohrss").status_code == 200
    page = soup(client.get("/en/recommendations/both-languages"))
    assert "Ministry of Human Resources and Social Security" in page.get_text()


def test_a_broken_file_keeps_its_last_good_version_on_the_site(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    app = build_app(content, tmp_path / "instance", CONTENT_LIVE_RELOAD=True)
    client = app.test_client()
    assert "A recommendation published" in client.get("/en/recommendations/both-languages").text
    edit(
        content / "recommendations" / "both-languages.en.md", "date: 2024-05-01", "date: 2024-02-30"
    )
    page = client.get("/en/recommendations/both-languages")
    assert page.status_code == 200
    assert "A recommendation published" in page.text
    assert not soup(page).select(".notice--problems")  # readers are not told about files


def test_a_reader_of_a_broken_original_is_told_it_is_being_corrected(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    edit(
        content / "recommendations" / "both-languages.en.md", "date: 2024-05-01", "date: 2024-02-30"
    )
    client = build_app(content, tmp_path / "instance").test_client()
    page = soup(client.get("/en/recommendations/both-languages"))
    notice = page.select_one(".notice").get_text()
    assert "English version of this page is being corrected" in notice
    assert "not been translated" not in page.get_text()
