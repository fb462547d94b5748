"""Where each recommendation stands: its timeline of status events (in the original's front
matter, each with evidence), the badge and timeline on its page, the tracker page and its
filters, the ministry pages, the API, and the check's refusals."""

import datetime as dt
import xml.etree.ElementTree as ElementTree
from dataclasses import replace

import pytest
from pydantic import ValidationError

from scorecard.core.content.checks import future_dates, missing_timeline
from scorecard.core.content.schema import FrontMatter

from conftest import library_of, soup

RECOMMENDATIONS = ("community-employment", "clean-tech-funding")
ATOM = "{http://www.w3.org/2005/Atom}"
SOURCE = (
    "https://www.climatescorecard.org/2021/02/recommendations-for-climate-mitigation-in-china"
    "-a-community-based-employment-and-development-program/"
)


def front_matter(**fields) -> dict:
    return {
        "title": "A recommendation",
        "summary": "What it asks.",
        "date": dt.date(2026, 11, 1),
        "kind": "recommendation",
        "status": "published",
        **fields,
    }


def event(status: str = "proposed", date: object = "2021-02", **evidence) -> dict:
    return {
        "status": status,
        "date": date,
        "note": {"en": "A step.", "zh": "一步。"},
        "evidence": {"title": "A source", "url": "https://example.org/source", **evidence},
    }


@pytest.mark.parametrize(
    ("lang", "badge", "since", "evidence"),
    [
        ("en", "Proposed", "since February 2021", "Evidence: Climate Scorecard (2021)."),
        ("zh", "已提出", "自2021年2月起", "依据：Climate Scorecard（2021年）："),
    ],
)
def test_each_recommendation_shows_where_it_stands_and_why(
    site_client, lang, badge, since, evidence
):
    for slug in RECOMMENDATIONS:
        page = soup(site_client.get(f"/{lang}/recommendations/{slug}"))
        facts = page.select_one(".document__header .facts")
        assert facts.select_one(".progress").get_text() == badge
        assert since in facts.get_text()
        (step,) = page.select(".timeline__event")
        assert step.select_one("time")["datetime"] == "2021-02"
        assert step.select_one(".timeline__evidence").get_text().startswith(evidence)
        assert step.select_one(f'.timeline__evidence a[href="{SOURCE}"]')


def test_a_case_study_has_no_status(site_client):
    page = soup(site_client.get("/en/case-studies/chongqing-low-carbon-toolkit"))
    assert not page.select(".progress") and not page.select(".timeline")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_tracker_lists_every_recommendation_with_its_status_lead_and_last_change(
    site_client, lang
):
    page = soup(site_client.get(f"/{lang}/tracker"))
    rows = page.select("table.tracker tbody tr")
    assert len(rows) == len(RECOMMENDATIONS)
    leads = {row.select_one("th a")["href"].rsplit("/", 1)[1]: row for row in rows}
    assert leads["community-employment"].select_one("td a")["href"] == f"/{lang}/ministries/mohrss"
    assert leads["clean-tech-funding"].select_one("td a")["href"] == f"/{lang}/ministries/mee"
    for row in rows:
        assert row.select_one(".progress")["class"] == ["progress", "progress--proposed"]
        assert row.select_one("time")["datetime"] == "2021-02"


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("status=proposed", 2),
        ("status=adopted", 0),
        ("ministry=mee", 2),  # the lead of one, a partner of the other
        ("ministry=ndrc", 0),
        ("status=proposed&ministry=mohrss", 2),
        ("status=no-such-status", 2),  # an unknown filter is no filter
    ],
)
def test_the_tracker_filters_by_status_and_ministry(site_client, query, shown):
    page = soup(site_client.get(f"/en/tracker?{query}"))
    assert len(page.select("table.tracker tbody tr")) == shown
    assert page.select_one(".tracker__count").get_text() == f"{shown} of 2 recommendations"
    if not shown:
        assert "No recommendation has this status." in page.get_text()


def test_the_tracker_keeps_its_filters_on_the_toggle(site_client):
    page = soup(site_client.get("/zh/tracker?status=proposed&ministry=mee"))
    assert page.select_one('select[name="status"] option[selected]')["value"] == "proposed"
    assert page.select_one('select[name="ministry"] option[selected]')["value"] == "mee"
    assert "状态" in page.select_one(".tracker__filters").get_text()


def test_a_ministry_page_shows_where_what_it_is_asked_stands(site_client):
    page = soup(site_client.get("/zh/ministries/mohrss"))
    items = page.select(".linked__list li")
    recommendations = [li for li in items if "政策建议" in li.get_text()]
    assert len(recommendations) == 2
    assert all(li.select_one(".progress").get_text() == "已提出" for li in recommendations)


def test_the_api_carries_the_status_and_its_timeline(site_client):
    record = site_client.get("/api/v1/documents/recommendation/community-employment").get_json()
    assert record["status"] == "proposed"
    (step,) = record["timeline"]
    assert step["date"] == "2021-02" and step["evidence"]["url"] == SOURCE
    assert step["note"]["zh"].startswith("由 Climate Scorecard")
    case = site_client.get("/api/v1/documents/case-study/chongqing-low-carbon-toolkit").get_json()
    assert case["status"] is None and case["timeline"] == []


def test_a_translation_shows_the_originals_timeline(site_app):
    library = library_of(site_app)
    chinese = library.documents[("recommendation", "community-employment", "zh")]
    assert chinese.meta.timeline == ()  # kept in one file only
    assert chinese.meta.translated_from


@pytest.mark.parametrize(
    ("timeline", "fields", "message"),
    [
        ([{**event(), "evidence": None}], {}, "evidence"),
        ([event(url=None)], {}, "url"),
        ([event(date="2021-13")], {}, "'2021-13' is not a real date"),
        ([event(date="Feb 2021")], {}, "is not a year, a month or a day"),
        ([event(status="passed")], {}, "status"),
        (
            [event("adopted", "2023"), event("proposed", "2021-02")],
            {},
            "the events must be oldest first, but 2021-02 (proposed) comes after 2023",
        ),
        ([event()], {"translated_from": "0123456789ab"}, "keep it in the original's file only"),
        ([event(document_number="第23号")], {}, "is not a document number"),
    ],
)
def test_the_check_refuses_a_timeline_it_cannot_trust(timeline, fields, message):
    with pytest.raises(ValidationError) as refused:
        FrontMatter(**front_matter(timeline=timeline, **fields))
    assert message in str(refused.value)


def test_a_timeline_accepts_a_year_a_month_or_a_day_and_an_official_number():
    meta = FrontMatter(
        **front_matter(
            timeline=[
                event("proposed", 2021),
                event("under-consideration", "2022-03"),
                event("adopted", dt.date(2023, 5, 4), document_number="国发〔2023〕5号"),
            ]
        )
    )
    assert [e.precision for e in meta.timeline] == ["year", "month", "day"]
    assert meta.current_status.status == "adopted"
    assert meta.timeline[-1].evidence.document_number == "国发〔2023〕5号"


def test_the_check_refuses_an_event_in_the_future_and_a_recommendation_without_status(
    site_app,
):
    library = library_of(site_app)
    doc = library.documents[("recommendation", "community-employment", "en")]
    path = "content/recommendations/community-employment.en.md"
    assert future_dates(doc, path, dt.date(2026, 11, 28)) == []
    assert missing_timeline(doc, path) == []
    (problem,) = [p for p in future_dates(doc, path, dt.date(2021, 1, 31)) if p.field == "timeline"]
    assert problem.field == "timeline" and "2021-02 (proposed) is in the future" in problem.message
    # The same recommendation with its timeline taken out: published, it must say where it
    # stands; a draft need not yet.
    bare = replace(doc, meta=doc.meta.model_copy(update={"timeline": ()}))
    (problem,) = missing_timeline(bare, path)
    assert problem.field == "timeline" and "at least the 'proposed' event" in problem.message
    draft = replace(bare, meta=bare.meta.model_copy(update={"status": "draft"}))
    assert missing_timeline(draft, path) == []


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("en", "Proposed: A community-based employment and development programme"),
        ("zh", "已提出：以社区为基础的就业与发展计划"),
    ],
)
def test_the_feed_has_an_entry_for_each_status_event(site_client, lang, title):
    feed = ElementTree.fromstring(site_client.get(f"/{lang}/feed.xml").data)
    entries = {e.findtext(f"{ATOM}title"): e for e in feed.iter(f"{ATOM}entry")}
    entry = entries[title]
    assert (
        entry.find(f"{ATOM}link")
        .get("href")
        .endswith(f"/{lang}/recommendations/community-employment#timeline-title")
    )
    assert entry.findtext(f"{ATOM}updated").startswith("2021-02-01")
    assert entry.find(f"{ATOM}category").get("term") == "status"
    statuses = [e for e in entries.values() if e.find(f"{ATOM}category").get("term") == "status"]
    assert len(statuses) == len(RECOMMENDATIONS)
    # The latest first: a status of 2021 comes after documents published since.
    updated = [e.findtext(f"{ATOM}updated") for e in feed.iter(f"{ATOM}entry")]
    assert updated == sorted(updated, reverse=True)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_status_is_a_search_facet_in_both_languages(site_client, lang):
    query = {"en": "employment", "zh": "就业"}[lang]
    page = soup(site_client.get(f"/{lang}/search", query_string={"q": query}))
    facet = page.select_one('a[href*="status=proposed"]')
    assert facet and {"en": "Proposed", "zh": "已提出"}[lang] in facet.get_text()
    filtered = soup(
        site_client.get(f"/{lang}/search", query_string={"q": query, "status": "proposed"})
    )
    kinds = {a["href"].split("/")[2] for a in filtered.select(".result__title a")}
    assert kinds == {"recommendations"}
    data = site_client.get(f"/api/v1/search?q={query}&lang={lang}&status=proposed").get_json()
    assert data["facets"]["status"] == [{"value": "proposed", "count": 2}]
    assert site_client.get("/api/v1/search?q=coal&status=passed").status_code == 400
