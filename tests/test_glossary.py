"""The bilingual glossary: its page, and terms linked to their definitions in articles."""

from conftest import library_of, soup


def test_glossary_page_in_both_languages(client):
    english = soup(client.get("/en/glossary"))
    entry = english.select_one("#just-transition")
    assert "just transition" in entry.dt.get_text() and "公正转型" in entry.dt.get_text()
    assert entry.dd.get_text().startswith("A shift to a low-carbon economy")
    chinese = soup(client.get("/zh/glossary"))
    assert chinese.select_one("#just-transition dd").get_text().startswith("向低碳经济转型")


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
