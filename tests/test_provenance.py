"""What a document rests on, beside when the site published it: a case from 2009 must
not read as news of the year it was put on the site."""

import pytest

from conftest import library_of, soup

SECTIONS = {"recommendation": "recommendations", "case-study": "case-studies"}


@pytest.mark.parametrize(
    ("lang", "based_on", "site_date"),
    [("en", "Based on", "Published on this site"), ("zh", "依据", "本站发布日期")],
)
def test_every_published_document_shows_its_source_and_its_year(
    site_app, site_client, lang, based_on, site_date
):
    library = library_of(site_app)
    shown = [
        doc
        for doc in library.documents.values()
        if doc.public and doc.kind in SECTIONS and doc.lang == lang
    ]
    assert len(shown) >= 6
    for doc in shown:
        facts = soup(site_client.get(f"/{lang}/{SECTIONS[doc.kind]}/{doc.slug}")).select_one(
            ".facts"
        )
        terms = [dt.get_text() for dt in facts.select("dt")]
        assert terms.index(based_on) < terms.index(site_date), doc.path
        basis = facts.select("dd")[terms.index(based_on)].get_text()
        assert doc.meta.basis.publisher in basis and str(doc.meta.basis.year) in basis, doc.path


def test_cards_show_the_period_or_the_source_year(site_client):
    for lang, period, year in (
        ("en", "Period covered: 2008–2010", "Source: 2014"),
        ("zh", "涵盖时期：2008—2010年", "资料年份：2014年"),
    ):
        cards = [
            card.get_text(" ", strip=True)
            for card in soup(site_client.get(f"/{lang}/case-studies/")).select(".card__meta")
        ]
        assert any(period in card for card in cards) and any(year in card for card in cards)
        assert all(
            ("Period covered" in card or "Source:" in card)
            if lang == "en"
            else ("涵盖时期" in card or "资料年份" in card)
            for card in cards
        )
