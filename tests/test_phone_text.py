"""What keeps text readable on a narrow screen, in the rendered Markdown: a figure stays
joined to its unit, and a table's cells carry their column's heading for the phone's cards."""

from bs4 import BeautifulSoup

from scorecard.core.content.markdown import render
from scorecard.core.content.tables import TablesExtension
from scorecard.core.content.unbroken_numbers import UnbrokenNumbersExtension

WJ, NBSP = "\u2060", "\u00a0"


def html(text: str, lang: str) -> str:
    return str(render(text, "Back", [UnbrokenNumbersExtension(lang), TablesExtension()]).html)


def test_a_chinese_figure_stays_with_its_unit_and_measure_word():
    out = html("近1700万个岗位，增速2.5%，2020年宣布，约1000亿元。", "zh")
    assert f"1700{WJ}万{WJ}个" in out
    assert f"2.5{WJ}%" in out and f"2020{WJ}年" in out and f"1000{WJ}亿{WJ}元" in out


def test_an_english_figure_stays_with_its_unit():
    out = html("Nearly 17 million jobs, 100 billion yuan and 2.5% in 2014 **18 months**.", "en")
    assert f"17{NBSP}million" in out and f"100{NBSP}billion" in out
    assert f"18{NBSP}months" in out
    assert "in 2014 " in out  # a year is not a unit of the word after it


def test_code_is_left_as_written():
    out = html("Write `17 million` or `2020年` as you like.", "zh")
    assert "<code>17 million</code>" in out and "<code>2020年</code>" in out


def test_each_cell_carries_its_columns_heading():
    table = (
        "| Programme | Period |\n| --- | --- |\n"
        "| CCPF | May 2008 – Dec 2010 |\n| RBSA | 2008–2009 |\n"
    )
    page = BeautifulSoup(html(table, "en"), "html.parser")
    assert [td["data-label"] for td in page.select("td")] == ["Programme", "Period"] * 2
    # Still a table to a screen reader once a phone's stylesheet shows it as cards.
    assert page.select_one("table")["role"] == "table"
    assert {tr["role"] for tr in page.select("tr")} == {"row"}
    assert [th["role"] for th in page.select("th")] == ["columnheader"] * 2
