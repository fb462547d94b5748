"""The site's real content: every page, in both languages."""

import re

import pytest

from scorecard.core.kinds import SECTION_OF_KIND

from conftest import library_of, soup, texts, toggled, zh_messages

# The first content: two recommendations and four case studies, plus the About page.
DOCUMENTS = [
    ("recommendation", "community-employment"),
    ("recommendation", "clean-tech-funding"),
    ("case-study", "ilo-green-jobs-pilots"),
    ("case-study", "page-suzhou-workshops"),
    ("case-study", "chongqing-low-carbon-toolkit"),
    ("case-study", "energy-foundation-industry-programme"),
]
LANGS = ["en", "zh"]
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def document_path(kind, slug):
    return f"/{SECTION_OF_KIND[kind]}/{slug}"


PAGES = (
    ["/", "/recommendations/", "/case-studies/", "/about", "/ministries/", "/metrics/"]
    + [document_path(kind, slug) for kind, slug in DOCUMENTS]
    + ["/ministries/mohrss", "/metrics/workers-reemployed", "/metrics/urban-employment-growth"]
)


def test_content_is_complete_in_both_languages(site_app):
    edition = site_app.extensions["publisher"].edition
    assert edition.library.problems == ()
    for kind, slug in DOCUMENTS + [("page", "about")]:
        assert edition.languages_of(kind, slug) == ("en", "zh"), slug


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("kind", "slug"), DOCUMENTS)
def test_every_document_renders_with_title_and_sources(site_client, site_app, lang, kind, slug):
    doc = library_of(site_app).documents[(kind, slug, lang)]
    response = site_client.get(f"/{lang}{document_path(kind, slug)}")
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("article h1").get_text() == doc.meta.title
    assert page.select_one("article")["lang"] == {"en": "en", "zh": "zh-Hans"}[lang]
    assert page.select_one(".notice") is None
    cited = [li.cite.get_text() for li in page.select(".sources li")]
    assert cited and cited == [source.title for source in doc.meta.sources]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_every_toggle_points_at_its_counterpart_and_no_page_sets_a_cookie(site_client, lang, path):
    other = "zh" if lang == "en" else "en"
    response = site_client.get(f"/{lang}{path}")
    assert "Set-Cookie" not in response.headers  # any cache may keep it for anyone
    page = soup(response)
    assert toggled(page) == f"/{other}{path}"
    assert page.html["lang"] == {"en": "en", "zh": "zh-Hans"}[lang]


@pytest.mark.parametrize("path", PAGES)
def test_no_english_interface_text_on_chinese_pages(site_client, path):
    page = soup(site_client.get(f"/zh{path}"))
    for english in page.select('[lang="en"]'):
        english.decompose()  # the brand name and the toggle's "English" are meant to be English
    text = page.get_text(" ")
    english = [form for m in zh_messages() for form in texts(m.id)]
    leftovers = [form for form in english if re.search(rf"\b{re.escape(form)}\b", text)]
    assert leftovers == []


@pytest.mark.parametrize(("kind", "slug"), DOCUMENTS + [("page", "about")])
def test_chinese_documents_are_written_in_chinese(site_app, kind, slug):
    doc = library_of(site_app).documents[(kind, slug, "zh")]
    text = re.sub(r"<[^>]+>", "", doc.html)
    cjk, latin = len(CJK.findall(text)), len(LATIN.findall(text))
    assert cjk > 3 * latin, f"{slug}: {cjk} Chinese characters, {latin} Latin letters"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_pages_load_nothing_from_another_host(site_client, lang, path):
    page = soup(site_client.get(f"/{lang}{path}"))
    # Canonical, alternate and licence links name addresses, they load nothing; stylesheets
    # and icons do.
    loaded = [tag.get("src") for tag in page.select("[src]")] + [
        tag["href"]
        for tag in page.select("link[href]")
        if tag["rel"][0] not in ("canonical", "alternate", "license")
    ]
    assert loaded and all(url.startswith("/") and not url.startswith("//") for url in loaded)
    named = [
        tag["href"] for tag in page.select("link[rel=canonical], link[rel=alternate][hreflang]")
    ]
    assert named and all(url.startswith("http://localhost/") for url in named)


def test_htmx_is_served_from_our_static_files_with_its_licence(site_client):
    script = soup(site_client.get("/en/")).select_one('script[src*="htmx"]')["src"]
    with site_client.get(script) as response:
        assert response.status_code == 200 and b"htmx" in response.data
    with site_client.get(script.rsplit("/", 1)[0] + "/LICENSE") as licence:
        assert b"Zero-Clause BSD" in licence.data


def test_every_reference_resolves_and_every_ministry_card_is_current(site_app):
    result = site_app.test_cli_runner().invoke(args=["content", "check"])
    assert result.exit_code == 0, result.output
    library = library_of(site_app)
    named = {ref.id for doc in library.documents.values() for ref in doc.meta.ministries}
    assert named <= set(library.ministries)
    assert {"mohrss", "mee", "state-council", "ndrc"} <= set(library.ministries)


@pytest.mark.parametrize("metric_id", ["workers-reemployed", "workers-reskilled"])
def test_proposed_measures_carry_no_invented_figures(site_app, metric_id):
    assert library_of(site_app).metrics[metric_id].observations == ()


def test_every_published_figure_names_its_source(site_app):
    for metric in library_of(site_app).metrics.values():
        for observation in metric.observations:
            assert observation.source.title and observation.source.publisher, metric.id
