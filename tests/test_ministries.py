"""The ministries directory, contact cards, vCards and the advocacy letter."""

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import vobject

from conftest import library_of, soup


@pytest.mark.parametrize(
    ("lang", "name", "heading"),
    [
        # Not "Ministries": the State Council is not one.
        ("en", "Ministry of Human Resources and Social Security", "Government bodies"),
        ("zh", "人力资源和社会保障部", "政府机构"),
    ],
)
def test_directory_lists_every_body_in_the_readers_language(client, lang, name, heading):
    page = soup(client.get(f"/{lang}/ministries/"))
    assert page.h1.get_text() == heading
    names = [a.get_text() for a in page.select(".card__title a")]
    assert name in names
    assert "/ministries/stale-bureau" in [
        a["href"].split(lang, 1)[1] for a in page.select(".card__title a")
    ]


def test_ministry_page_links_to_each_document_with_its_role(client):
    page = soup(client.get("/en/ministries/mohrss"))
    linked = {
        a["href"]: a.find_parent("li").get_text(" ", strip=True)
        for a in page.select(".linked__list a")
    }
    assert "Lead" in linked["/en/recommendations/both-languages"]
    # A Chinese-only case study is listed too, in the language it exists in.
    assert "/en/case-studies/chinese-only" in linked
    assert "/en/recommendations/draft-only" not in linked


def test_document_links_back_to_its_ministries(client):
    page = soup(client.get("/zh/case-studies/chinese-only"))
    assert page.select_one(".ministries a")["href"] == "/zh/ministries/mohrss"


def test_a_card_shows_only_sourced_channels_and_says_what_is_not_published(client):
    sourced = soup(client.get("/en/ministries/mohrss")).select_one(".contact-card")
    assert sourced.select_one('a[href="mailto:letters@example.org"]')
    assert "Fixture directory" in sourced.select_one(".contact-card__source").get_text()
    assert "Checked against its sources on June 1, 2024" in sourced.get_text(" ", strip=True)
    bare = soup(client.get("/zh/ministries/stale-bureau")).select_one(".contact-card")
    assert [dd.get_text(strip=True) for dd in bare.select(".not-published")] == [
        "我们所依据的资料中未公布",
        "我们所依据的资料中未公布",
    ]
    assert not bare.select('a[href^="mailto:"]')
    # Nothing to check it against: the card does not claim it was checked.
    assert "核对" not in bare.get_text() and not bare.select(".contact-card__source")


def test_an_unknown_ministry_is_a_404(client):
    assert client.get("/en/ministries/ministry-of-magic").status_code == 404
    assert client.get("/en/ministries/ministry-of-magic.vcf").status_code == 404


@pytest.mark.parametrize(
    ("lang", "name"),
    [("en", "Ministry of Human Resources and Social Security"), ("zh", "人力资源和社会保障部")],
)
def test_vcard_parses_and_keeps_the_chinese_text(client, lang, name):
    response = client.get(f"/{lang}/ministries/mohrss.vcf")
    assert response.mimetype == "text/vcard"
    assert "attachment" in response.headers["Content-Disposition"]
    card = vobject.readOne(response.get_data(as_text=True))
    assert card.fn.value == name
    assert card.email.value == "letters@example.org"
    assert card.tel.value == "+86 10 0000 0000"
    assert card.url.value == "https://example.org/mohrss"


def test_vcard_of_a_body_without_channels_has_no_invented_ones(client):
    card = vobject.readOne(client.get("/zh/ministries/stale-bureau.vcf").get_data(as_text=True))
    assert card.fn.value == "旧名片局"
    assert not hasattr(card, "email") and not hasattr(card, "tel")


def test_recommendation_offers_an_editable_letter_in_both_languages(client):
    page = soup(client.get("/zh/recommendations/both-languages"))
    letters = page.select(".advocacy .letter__body")
    assert [t["lang"] for t in letters] == ["zh-Hans", "en"]  # the reader's language first
    chinese, english = (t.get_text() for t in letters)
    assert chinese.startswith("人力资源和社会保障部：") and "《双语文章》" in chinese
    # A formal letter's form: paragraphs indented by two full-width spaces.
    assert "\n\n\u3000\u3000现就" in chinese and "\n\u3000\u3000此致\n敬礼！" in chinese
    assert "http://localhost/zh/recommendations/both-languages" in chinese
    assert english.startswith("To the Ministry of Human Resources and Social Security,")
    assert "“Both languages”" in english


def test_a_short_message_for_a_chat_carries_the_ask_and_the_address(client):
    page = soup(client.get("/zh/recommendations/both-languages"))
    messages = page.select(".advocacy .letter__message")
    assert [t["lang"] for t in messages] == ["zh-Hans", "en"]
    chinese, english = (t.get_text() for t in messages)
    assert chinese.startswith("Climate Scorecard 发布的政策建议《双语文章》：")
    assert chinese.endswith("\n全文：http://localhost/zh/recommendations/both-languages")
    assert english.startswith("“Both languages”, a recommendation published by Climate Scorecard: ")
    # Each text has its copy button, shown by the script.
    buttons = page.select(".advocacy .copy-button[hidden]")
    assert {b["data-copy"] for b in buttons} == {
        "letter-zh",
        "letter-en",
        "message-zh",
        "message-en",
    }


def test_the_letter_can_be_sent_where_a_source_gives_an_address(client):
    page = soup(client.get("/en/recommendations/both-languages"))
    mailto = urlsplit(page.select_one('.advocacy a[href^="mailto:"]')["href"])
    assert unquote(mailto.path) == "letters@example.org"
    query = parse_qs(mailto.query)
    assert query["subject"] == ["About the recommendation “Both languages”"]
    assert "http://localhost/en/recommendations/both-languages" in query["body"][0]


def test_sites_recommendations_say_no_address_is_published(site_client):
    page = soup(site_client.get("/en/recommendations/community-employment"))
    panel = page.select_one(".panel--contact")
    assert not panel.select('a[href^="mailto:"]')
    assert "No e-mail address for these ministries is published" in panel.get_text()
    assert [h.a.get_text() for h in panel.select(".contact-card__name")] == [
        "Ministry of Human Resources and Social Security",
        "State Council",
        "Ministry of Ecology and Environment",
    ]


def test_every_channel_on_the_sites_cards_names_the_page_that_gives_it(site_app):
    ministries = library_of(site_app).ministries
    sourced = [m for m in ministries.values() if m.sourced]
    assert len(sourced) >= 4
    for ministry in ministries.values():
        sources = [c.source for c in ministry.contacts]
        if ministry.website:
            sources.append(ministry.website.source)
        for source in sources:
            assert source.url and source.accessed, (ministry.id, source.title)
    mohrss = ministries["mohrss"]
    assert [c.value for c in mohrss.channels("phone")] == ["12333"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_what_each_body_does_is_cited_on_its_card(site_app, site_client, lang):
    for ministry in library_of(site_app).ministries.values():
        assert ministry.remit_sources, ministry.id
        assert all(s.url and s.accessed for s in ministry.remit_sources), ministry.id
        page = soup(site_client.get(f"/{lang}/ministries/{ministry.id}"))
        remit = page.select_one(".contact-card__remit")
        assert ministry.remit.get(lang) in remit.get_text()
        cited = remit.select(".contact-card__source")
        assert [c.get_text() for c in cited] and len(cited) == len(ministry.remit_sources)
        assert ministry.remit_sources[0].title in cited[0].get_text()


def test_the_check_warns_of_a_remit_without_a_source(app):
    result = app.test_cli_runner().invoke(args=["content", "check"])
    assert "ministries.yaml" in result.output
    assert "warning: mohrss.remit: no source: add 'remit_sources'" in result.output


@pytest.mark.parametrize(("lang", "shown"), [("en", "MEE"), ("zh", None)])
def test_an_abbreviation_is_shown_only_where_it_is_shorter(site_client, lang, shown):
    card = soup(site_client.get(f"/{lang}/ministries/mee")).select_one(".contact-card__name")
    abbreviation = card.select_one(".ministry__abbr")
    assert (abbreviation.get_text() if abbreviation else None) == shown


@pytest.mark.parametrize(
    ("lang", "cited"),
    [
        ("en", "中国社保网, 2003, read November 28, 2026)"),
        (
            "zh",
            "（出处：《关于开展劳动保障电话咨询服务的通知（劳社部函〔2003〕84号）》，中国社保网，",
        ),
    ],
)
def test_a_channels_source_is_punctuated_in_the_pages_language(site_client, lang, cited):
    card = soup(site_client.get(f"/{lang}/ministries/mohrss")).select_one(".contact-card")
    (phone_source,) = card.select("dd:has(a[href^='tel:']) .contact-card__source")
    assert cited in phone_source.get_text()
