"""The bilingual glossary: its page, and terms linked to their definitions in articles."""

from scorecard.core.kinds import SECTION_OF_KIND

from conftest import library_of, soup


def test_glossary_page_in_both_languages(client):
    english = soup(client.get("/en/glossary"))
    entry = english.select_one("#just-transition")
    assert "just transition" in entry.dt.get_text() and "公正转型" in entry.dt.get_text()
    assert entry.dd.get_text().startswith("A shift to a low-carbon economy")
    chinese = soup(client.get("/zh/glossary"))
    assert chinese.select_one("#just-transition dd").get_text().startswith("向低碳经济转型")
    # Each pair with the page that states it, cited in the page's language.
    assert "A bilingual glossary" in entry.select_one(".glossary__source").get_text()
    assert "（出处：《A bilingual glossary》" in chinese.select_one("#just-transition").get_text()


def test_a_name_is_listed_with_its_source_and_never_linked(client):
    page = soup(client.get("/en/glossary"))
    name = page.select_one(".glossary--names #mohrss")
    assert "人力资源和社会保障部" in name.dt.get_text()
    assert "example.org" not in name.dd.get_text()  # cited by title, linked by address
    assert name.select_one(".glossary__source")
    assert not page.select_one(".glossary:not(.glossary--names) #mohrss")
    for path in ("/en/recommendations/both-languages", "/zh/recommendations/both-languages"):
        article = soup(client.get(path))
        assert not article.select('.term a[href$="#mohrss"]'), path


def test_a_term_in_an_article_links_to_its_definition_with_a_tooltip(client):
    page = soup(client.get("/zh/case-studies/chinese-only"))
    term = page.select_one(".document__body .term")
    link = term.a
    assert link.get_text() == "公正转型"
    assert link["href"] == "/zh/glossary#just-transition"
    tip = page.select_one(f"#{link['aria-describedby']}")
    assert tip["role"] == "tooltip"
    assert tip.get_text().startswith("向低碳经济转型")


def test_only_the_first_use_is_linked_and_never_inside_headings():
    from scorecard.core.content.glossary import GlossaryExtension
    from scorecard.core.content.markdown import render
    from scorecard.core.content.schema import GlossaryEntry

    entry = GlossaryEntry.model_validate(
        {
            "id": "just-transition",
            "terms": {"en": ["just transition"], "zh": ["公正转型"]},
            "definition": {"en": "Fair to workers.", "zh": "公平对待职工。"},
            "source": {"title": "A glossary", "url": "https://example.org/"},
            "link": True,
        }
    )
    text = (
        "## Just transition\n\n"
        "A Just Transition, then a just transition again, [just transition](/x)."
    )
    html = render(text, "{}", [GlossaryExtension({"just-transition": entry}, "en")]).html
    assert html.count('class="term"') == 1
    assert '<h2 id="just-transition">Just transition</h2>' in html
    link = '<a aria-describedby="term-just-transition" href="/en/glossary#just-transition">'
    assert f"{link}Just Transition</a>" in html


def test_official_document_numbers_are_shown(client):
    page = soup(client.get("/zh/case-studies/chinese-only"))
    facts = page.select_one(".facts").get_text(" ", strip=True)
    assert "引用的官方文件 国发〔2021〕23号" in facts


def test_definitions_are_not_part_of_the_searchable_text(app):
    doc = library_of(app).documents[("case-study", "chinese-only", "zh")]
    assert "走公正转型之路" in doc.text
    assert "公平对待" not in doc.text


def test_the_sites_glossary_pairs_terms_its_documents_use_each_with_a_source(site_app):
    library = library_of(site_app)
    glossary = library.glossary.values()
    assert len(glossary) >= 80
    written = {
        lang: " ".join(
            [
                f"{doc.meta.title} {doc.meta.summary} {doc.text}"
                for doc in library.documents.values()
                if doc.lang == lang
            ]
            + [m.name.get(lang) + " " + m.remit.get(lang) for m in library.ministries.values()]
            + [m.label.get(lang) + " " + m.definition.get(lang) for m in library.metrics.values()]
        )
        for lang in ("en", "zh")
    }
    for entry in glossary:
        assert entry.source.url and entry.source.accessed, entry.id
        assert any(t.lower() in written["en"].lower() for t in entry.terms.en), entry.id
        assert any(t in written["zh"] for t in entry.terms.zh), entry.id


def test_a_linked_chinese_term_is_always_a_whole_word(site_app, site_client):
    """工会 is not linked inside 中华全国总工会, nor 工业 inside 工业生产."""
    import jieba

    library = library_of(site_app)
    checked = 0
    for doc in library.documents.values():
        if doc.lang != "zh" or not doc.public or doc.kind not in SECTION_OF_KIND:
            continue
        page = soup(site_client.get(f"/zh/{SECTION_OF_KIND[doc.kind]}/{doc.slug}"))
        for link in page.select(".document__body .term > a"):
            text = link.find_parent(["p", "li", "td"]).get_text()
            term = link.get_text()
            start = text.index(term)
            bounds = {edge for _, *span in jieba.tokenize(text) for edge in span}
            assert {start, start + len(term)} <= bounds, (doc.slug, term)
            checked += 1
    assert checked >= 20
