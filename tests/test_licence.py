"""The licence of the site's text and data, wherever a reader or a program meets it: the
footer, each document, the feeds, the API and the downloads; chosen in configuration."""

import xml.etree.ElementTree as ET

import pytest

from scorecard import create_app

from conftest import FIXTURE_CONTENT, build_app, soup

CC_BY = "https://creativecommons.org/licenses/by/4.0/"
ATOM = "{http://www.w3.org/2005/Atom}"
DOCUMENT = "/{lang}/recommendations/both-languages"


@pytest.mark.parametrize(
    ("lang", "footer", "note"),
    [
        (
            "en",
            "Text and data under CC BY 4.0: republish them freely, crediting Climate Scorecard.",
            "Republish it: you may copy, translate and adapt this page under CC BY 4.0",
        ),
        (
            "zh",
            "本站文字和数据采用 CC BY 4.0 协议，欢迎转载，请注明出自 Climate Scorecard。",
            "转载：本页可依照 CC BY 4.0 协议复制、翻译和改编",
        ),
    ],
)
def test_every_page_names_the_licence_and_each_document_says_how_to_republish_it(
    client, lang, footer, note
):
    page = soup(client.get(DOCUMENT.format(lang=lang)))
    assert page.select_one('head link[rel="license"]')["href"] == CC_BY
    assert footer in page.select_one(".site-footer").get_text()
    assert page.select_one('.site-footer a[rel="license"]')["href"] == CC_BY
    assert note in page.select_one(".citation__licence").get_text()
    home = soup(client.get(f"/{lang}/"))
    assert home.select_one('.site-footer a[rel="license"]')["href"] == CC_BY


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_feeds_carry_the_licence(client, lang):
    feed = ET.fromstring(client.get(f"/{lang}/feed.xml").data)
    assert CC_BY in feed.find(f"{ATOM}rights").text
    entries = feed.findall(f"{ATOM}entry")
    assert entries and all(CC_BY in entry.find(f"{ATOM}rights").text for entry in entries)


def test_the_api_and_every_record_carry_the_licence(client):
    description = client.get("/api/v1/openapi.json").get_json()
    assert description["info"]["license"] == {"name": "CC BY 4.0", "url": CC_BY}
    record = {"name": "CC BY 4.0", "identifier": "CC-BY-4.0", "url": CC_BY}
    documents = client.get("/api/v1/documents").get_json()["documents"]
    assert documents and all(doc["license"] == record for doc in documents)
    metrics = client.get("/api/v1/metrics").get_json()["metrics"]
    assert metrics and all(metric["license"] == record for metric in metrics)
    assert client.get("/en/metrics/workers-reemployed.json").get_json()["license"] == record


@pytest.mark.parametrize(
    "address",
    [
        "/en/metrics/workers-reemployed.csv",
        "/zh/metrics/workers-reemployed.json",
        "/en/recommendations/both-languages.bib",
        "/zh/recommendations/both-languages.ris",
        "/api/v1/documents",
    ],
)
def test_every_download_links_to_its_licence(client, address):
    response = client.get(address)
    assert response.status_code == 200
    assert f'<{CC_BY}>; rel="license"' in response.headers.getlist("Link")


def test_the_licence_is_chosen_in_configuration(tmp_path):
    app = build_app(FIXTURE_CONTENT, tmp_path / "instance", LICENCE="CC0-1.0")
    client = app.test_client()
    footer = soup(client.get("/en/")).select_one(".site-footer").get_text()
    assert "Text and data under CC0 1.0: republish them freely." in footer
    assert "crediting" not in footer
    record = client.get("/api/v1/documents").get_json()["documents"][0]["license"]
    assert record["identifier"] == "CC0-1.0"


def test_an_unknown_licence_stops_the_start_with_the_choices(tmp_path):
    with pytest.raises(ValueError, match="CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0"):
        create_app(
            {
                "ENVIRONMENT": "development",
                "CONTENT_DIR": FIXTURE_CONTENT,
                "INSTANCE_PATH": tmp_path,
                "LICENCE": "MIT",
            }
        )
