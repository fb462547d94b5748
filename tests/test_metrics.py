"""Metrics: tables, charts, the 'no data yet' state, and CSV and JSON downloads."""

import csv
import io
import json
import xml.etree.ElementTree as ElementTree

import pytest

from scorecard.core.text import WORD_JOINER

from conftest import soup

SVG = "{http://www.w3.org/2000/svg}"


def test_overview_separates_proposed_measures_from_published_figures(client):
    page = soup(client.get("/en/metrics/"))
    tables = page.select(".metric-table")
    proposed = tables[0].get_text(" ", strip=True)
    assert "Workers re-employed No data reported yet" in proposed
    figures = tables[1].get_text(" ", strip=True)
    # The figure and its unit are joined by a no-break space: never split across lines.
    assert "Parks counted 2,543\u00a0parks 2017" in figures


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["1,200\u00a0parks", "nearly 25,000\u00a0parks", "2,543\u00a0parks"]),
        ("zh", ["1200个", "近2.5万个", "2543个"]),
    ],
)
def test_series_follow_the_readers_locale_with_wan_and_yi(client, lang, expected):
    page = soup(client.get(f"/{lang}/metrics/parks-counted"))
    assert [td.get_text() for td in page.select(".series__value")] == expected


def test_a_series_is_drawn_as_an_accessible_well_formed_svg(client):
    page = soup(client.get("/zh/metrics/parks-counted"))
    svg = ElementTree.fromstring(str(page.select_one("figure.chart svg")))
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == "统计的园区数量"
    # Punctuated, and its years written, as a Chinese reader writes them.
    assert svg.find(f"{SVG}desc").text == "2015年：1200；2016年初：近2.5万；2017年：2543"
    bars = svg.findall(f"{SVG}rect")
    assert len(bars) == 3
    heights = [float(bar.get("height")) for bar in bars]
    assert heights[1] == max(heights) and heights[0] < heights[2]


def test_indicator_without_data_says_so_and_draws_nothing(client):
    page = soup(client.get("/zh/metrics/workers-reemployed"))
    assert page.select_one(".no-data").get_text().startswith("尚无公开数据")
    assert page.select_one("svg") is None and page.select_one(".series") is None


def test_metric_page_lists_the_documents_that_use_it(client):
    page = soup(client.get("/en/metrics/workers-reemployed"))
    assert "/en/recommendations/both-languages" in [
        a["href"] for a in page.select(".linked__list a")
    ]


def test_document_links_to_its_metrics(client):
    page = soup(client.get("/en/recommendations/both-languages"))
    assert page.select_one(".metric-table a")["href"] == "/en/metrics/workers-reemployed"


def test_csv_opens_with_chinese_labels_intact(client):
    response = client.get("/zh/metrics/parks-counted.csv")
    assert response.mimetype == "text/csv"
    assert response.data.startswith(b"\xef\xbb\xbf")  # the mark spreadsheet programs look for
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert [row["数值"] for row in rows] == ["1200", "25000", "2543"]
    assert rows[1]["指标"] == "统计的园区数量" and rows[1]["时期"] == "2016年初"
    assert rows[1]["限定"] == "近" and rows[2]["出处"] == "Second fixture source"


def test_json_carries_both_languages_and_every_source(client):
    data = json.loads(client.get("/en/metrics/parks-counted.json").data)
    assert data["label"] == {"en": "Parks counted", "zh": "统计的园区数量"}
    assert [o["value"] for o in data["observations"]] == [1200, 25000, 2543]
    assert all(o["source"]["title"] for o in data["observations"])


def test_unknown_metric_is_a_404(client):
    for suffix in ("", ".csv", ".json"):
        assert client.get(f"/en/metrics/no-such-metric{suffix}").status_code == 404


def test_sites_recommendation_shows_no_invented_figures(site_client):
    page = soup(site_client.get("/en/recommendations/community-employment"))
    proposed = page.select_one("#metrics-title").find_parent("section")
    assert [td.get_text() for td in proposed.select(".no-data")] == ["No data reported yet"] * 2
    context = page.select_one("#context-title").find_parent("section").get_text(" ", strip=True)
    assert "nearly 17\u00a0million\u00a0jobs" in context and "over 4%" in context


def test_a_phone_gets_the_chart_as_rows_with_their_labels_above(client):
    page = soup(client.get("/zh/metrics/parks-counted"))
    wide, narrow = page.select("figure.chart svg")
    assert "chart__svg--wide" in wide["class"] and "chart__svg--narrow" in narrow["class"]
    # Drawn at about a phone's width, so its text is not shrunk (site.css shows one).
    assert narrow["viewbox"].split()[2] == "320"
    labels = [t.get_text() for t in narrow.select("text.chart__period")]
    values = [t.get_text() for t in narrow.select("text.chart__value")]
    assert labels == ["2015年", "2016年初", "2017年"] and values == ["1200", "近2.5万", "2543"]
    lengths = [float(bar["width"]) for bar in narrow.select("rect")]
    assert lengths[1] == max(lengths) <= 320 - 88 and lengths[0] < lengths[2]
    # Each has its own title and description, named by ids of its own.
    assert narrow["aria-labelledby"] != wide["aria-labelledby"]
    assert narrow.select_one("desc").get_text() == wide.select_one("desc").get_text()


@pytest.mark.parametrize(
    ("lang", "caption"),
    [
        ("en", "Parks counted (parks). The figures are also given in the table."),
        ("zh", "统计的园区数量（个）。具体数字另见表格。"),
    ],
)
def test_the_chart_caption_is_punctuated_in_the_pages_language(client, lang, caption):
    page = soup(client.get(f"/{lang}/metrics/parks-counted"))
    assert page.select_one("figure.chart figcaption").get_text() == caption


@pytest.mark.parametrize(
    ("lang", "cited"),
    [
        ("en", "ILO (2016). Fixture source."),
        ("zh", "ILO（2016年）：《Fixture source》。"),
    ],
)
def test_a_figures_source_is_punctuated_in_the_pages_language(client, lang, cited):
    page = soup(client.get(f"/{lang}/metrics/parks-counted"))
    first = page.select(".series tbody td")[1]
    assert first.get_text().strip() == cited


@pytest.mark.parametrize(
    ("lang", "periods"),
    [("en", ["2015", "early 2016", "2017"]), ("zh", ["2015年", "2016年初", "2017年"])],
)
def test_periods_are_written_one_way_in_each_language(client, lang, periods):
    page = soup(client.get(f"/{lang}/metrics/parks-counted"))
    assert [th.get_text() for th in page.select(".series tbody th")] == periods


@pytest.mark.parametrize(("lang", "shown"), [("en", "2008–2010"), ("zh", "2008—2010年")])
def test_a_case_studys_period_is_a_range_in_the_readers_style(site_client, lang, shown):
    page = soup(site_client.get(f"/{lang}/case-studies/ilo-green-jobs-pilots"))
    facts = {div.dt.get_text(): div.dd.get_text() for div in page.select(".facts > div")}
    assert facts[{"en": "Period covered", "zh": "涵盖时期"}[lang]] == shown


def test_a_count_is_written_alike_on_the_metric_and_in_the_article(site_client):
    """One style on Chinese pages: no thousands separator below 万, one measure word."""

    def text(page: str) -> str:  # as read: the word joiner that keeps 2543家 whole is unseen
        return soup(site_client.get(page)).get_text().replace(WORD_JOINER, "")

    metric = text("/zh/metrics/industrial-parks")
    article = text("/zh/case-studies/page-suzhou-workshops")
    for count in ("2543家", "552家", "1991家"):
        assert count in metric and count in article, count
    assert "2,543" not in metric
