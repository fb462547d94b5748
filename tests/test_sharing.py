"""The share panel (its QR code read back by a decoder) and 'cite this' in four formats,
each read by a parser as a reference manager would."""

import datetime as dt
import io
import re

import bibtexparser
import pytest
import resvg_py
import rispy
import zxingcpp
from PIL import Image

from conftest import soup

ROOT = "http://localhost"
BOTH = "/recommendations/both-languages"


def decode_qr(svg: str) -> str:
    """Draw the inline SVG as a browser would (HTML puts it in the SVG namespace), then scan it."""
    standalone = svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    png = resvg_py.svg_to_bytes(svg_string=standalone, width=400, height=400)
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(bytes(png))).convert("L"))
    assert len(found) == 1
    return found[0].text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_wechat_qr_code_scans_to_the_canonical_address(client, lang):
    page = soup(client.get(f"/{lang}{BOTH}"))
    svg = page.select_one(".wechat-share svg")
    assert (
        decode_qr(str(svg)) == page.find("link", rel="canonical")["href"] == f"{ROOT}/{lang}{BOTH}"
    )
    # Inline SVG only: no XML declaration, no style attribute for the coming CSP to block.
    assert "<?xml" not in str(svg) and not page.select(".wechat-share [style]")


def test_a_fallback_page_shares_the_original_address(client):
    page = soup(client.get("/en/case-studies/chinese-only"))
    original = f"{ROOT}/zh/case-studies/chinese-only"
    assert page.select_one("#share-url")["value"] == original
    assert decode_qr(str(page.select_one(".wechat-share svg"))) == original


def test_share_links_prefill_each_network_with_the_address_and_load_nothing(client):
    page = soup(client.get(f"/zh{BOTH}"))
    links = {a["class"][1].rsplit("--", 1)[1]: a for a in page.select(".share-links__item")}
    assert set(links) == {"email", "x", "linkedin", "weibo"}
    address = f"{ROOT}/zh{BOTH}".replace(":", "%3A").replace("/", "%2F")
    for network, link in links.items():
        assert address in link["href"], network
    assert links["email"]["href"].startswith("mailto:?subject=")
    assert links["weibo"].get_text() == "微博"
    # Plain links only: no script, iframe or image from those networks.
    panel = page.select_one(".panel--share")
    assert not panel.select("script, iframe, img")


def citations(page) -> dict[str, str]:
    return {
        fig.select_one(".citation__text")["id"].removeprefix("cite-"): fig.select_one(
            ".citation__text"
        ).get_text()
        for fig in page.select(".citation")
    }


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_citation_names_the_permalink_and_the_last_update(client, lang):
    found = citations(soup(client.get(f"/{lang}{BOTH}")))
    assert list(found) == ["gbt7714", "apa", "bibtex", "ris"]
    url = f"{ROOT}/{lang}{BOTH}"
    today = dt.date.today().isoformat()
    # GB/T 7714-2015, electronic resource: author. title[EB/OL]. (updated)[accessed]. URL.
    gbt = re.fullmatch(
        r"(?P<author>[^.]+)\. (?P<title>.+)\[EB/OL\]\. "
        r"\((?P<updated>[\d-]+)\)\[(?P<accessed>[\d-]+)\]\. (?P<url>\S+)\.",
        found["gbt7714"],
    )
    assert gbt and gbt["author"] == "Climate Scorecard" and gbt["url"] == url
    assert gbt["updated"] == "2024-06-01" and gbt["accessed"] == today
    apa = {"en": "(2024, June 1)", "zh": "(2024年6月1日)"}[lang]
    assert found["apa"].startswith(f"Climate Scorecard. {apa}. ") and found["apa"].endswith(url)

    entry = bibtexparser.parse_string(found["bibtex"]).entries[0]
    fields = entry.fields_dict
    assert entry.entry_type == "misc" and entry.key == "scorecard-both-languages"
    assert fields["url"].value == url and fields["date"].value == "2024-06-01"
    assert fields["author"].value == "{Climate Scorecard}"
    assert fields["urldate"].value == today

    [record] = rispy.loads(found["ris"])
    assert record["type_of_reference"] == "ELEC"
    assert record["urls"] == [url] and record["date"] == "2024/06/01"
    assert record["authors"] == ["Climate Scorecard"]
    assert record["language"] == lang


def test_the_citation_title_is_the_documents_own(client):
    found = citations(soup(client.get(f"/zh{BOTH}")))
    [record] = rispy.loads(found["ris"])
    title = soup(client.get(f"/zh{BOTH}")).find("h1").get_text()
    assert record["title"] == title
    assert f" {title}[EB/OL]" in found["gbt7714"]
    assert bibtexparser.parse_string(found["bibtex"]).entries[0]["title"] == "{" + title + "}"


def test_titles_with_bibtex_specials_stay_parseable(app):
    from scorecard.web.citations import bibtex

    class Meta:
        title = "Costs & benefits: 100% {of} jobs_#1"
        last_modified = dt.date(2024, 1, 2)

    class Doc:
        slug, lang, meta = "specials", "en", Meta

    with app.app_context():
        text = bibtex(Doc, "https://example.org/x", dt.date(2024, 1, 3))
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    assert library.entries[0]["title"] == r"{Costs \& benefits: 100\% \{of\} jobs\_\#1}"


@pytest.mark.parametrize(
    ("extension", "mimetype"),
    [("bib", "application/x-bibtex"), ("ris", "application/x-research-info-systems")],
)
def test_citation_files_download_for_reference_managers(client, extension, mimetype):
    page = soup(client.get(f"/zh{BOTH}"))
    link = page.select_one(f".citation__files a[href$='.{extension}']")
    response = client.get(link["href"])
    assert response.status_code == 200 and response.mimetype == mimetype
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    if extension == "bib":
        assert bibtexparser.parse_string(text).entries[0]["url"] == f"{ROOT}/zh{BOTH}"
    else:
        assert rispy.loads(text)[0]["urls"] == [f"{ROOT}/zh{BOTH}"]
    assert client.get("/zh/recommendations/draft-only.bib").status_code == 404
