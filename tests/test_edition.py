"""One edition of the content: what is derived from it is worked out once, not per request.

Probes count the calls to the functions that build the answers which grow with the
archive (the sitemap, the feeds, the API's list) and to the library's own lookups, so
the tests count work rather than time it.
"""

import shutil
from contextlib import contextmanager

import pytest
from flask import template_rendered

from scorecard.core.content.library import Library
from scorecard.core.edition import short_id
from scorecard.web import feeds, sitemap
from scorecard.web.api import views as api_views

from conftest import FIXTURE_CONTENT, build_app, edit

DOCUMENTS = 2000
BUILDERS = {
    "sitemap": (sitemap, "public_pages"),
    "feed": (feeds, "atom_feed"),
    "API list": (api_views, "document_records"),
}
GENERATED = {"sitemap": "/sitemap.xml", "feed": "/en/feed.xml", "API list": "/api/v1/documents"}

# Every answer a reader or a program can keep and ask again about, on the fixture corpus.
READER_PAGES = [
    "/en/",
    "/zh/recommendations/",
    "/en/case-studies/",
    "/en/recommendations/both-languages",
    "/zh/recommendations/missing-translation",
    "/en/recommendations/both-languages/parallel",
    "/en/about",
    "/zh/about/parallel",
    "/en/glossary",
    "/en/search?q=coal",
    "/en/ministries/",
    "/zh/ministries/mohrss",
    "/en/ministries/mohrss.vcf",
    "/en/metrics/",
    "/en/metrics/workers-reemployed",
    "/zh/metrics/workers-reemployed.csv",
    "/en/metrics/workers-reemployed.json",
]
GENERATED_FILES = [
    "/en/feed.xml",
    "/zh/feed.xml",
    "/sitemap.xml",
    "/robots.txt",
    "/en/recommendations/both-languages.bib",
    "/zh/recommendations/both-languages.ris",
    "/api/v1/",
    "/api/v1/openapi.json",
    "/api/v1/documents",
    "/api/v1/documents?topic=employment",
    "/api/v1/documents/recommendation/both-languages",
    "/api/v1/ministries",
    "/api/v1/ministries/mohrss",
    "/api/v1/metrics",
    "/api/v1/metrics/workers-reemployed",
    "/api/v1/topics",
]

FRONT_MATTER = """---
title: Document {number}
summary: A short summary of document {number}.
date: 2025-{month:02d}-{day:02d}
kind: recommendation
status: published
topics: [employment]
ministries:
  - {{id: mohrss, role: lead}}
metrics: [workers-reemployed]
---
## Context {{#context}}

Paragraph {number}, about coal regions and the jobs they need.
"""


@pytest.fixture(scope="module")
def large_app(tmp_path_factory):
    """An app over 2,000 small recommendations and the fixture corpus's reference files."""
    content = tmp_path_factory.mktemp("large") / "content"
    folder = content / "recommendations"
    folder.mkdir(parents=True)
    for name in ("topics.yaml", "ministries.yaml", "metrics.yaml", "glossary.yaml"):
        shutil.copy(FIXTURE_CONTENT / name, content / name)
    for number in range(DOCUMENTS):
        text = FRONT_MATTER.format(number=number, month=number % 12 + 1, day=number % 28 + 1)
        (folder / f"doc-{number:05d}.en.md").write_text(text, encoding="utf-8")
    return build_app(content, tmp_path_factory.mktemp("instance"))


@contextmanager
def counted(monkeypatch, module, name: str):
    """Count the calls to module.name while the block runs."""
    calls = []
    original = getattr(module, name)

    def probe(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, probe)
    yield calls
    monkeypatch.setattr(module, name, original)


@contextmanager
def library_lookups(monkeypatch):
    """Count Library.show, the one lookup that walks a document's languages."""
    with counted(monkeypatch, Library, "show") as calls:
        yield calls


@pytest.mark.parametrize("name", list(GENERATED))
def test_a_generated_file_is_made_once_per_edition(large_app, monkeypatch, name):
    client = large_app.test_client()
    module, builder = BUILDERS[name]
    with counted(monkeypatch, module, builder) as calls:
        first = client.get(GENERATED[name])
        assert first.status_code == 200
        assert calls == [1]
        for encoding in ("identity", "gzip", "br"):
            again = client.get(GENERATED[name], headers={"Accept-Encoding": encoding})
            assert again.status_code == 200
        assert calls == [1]  # nor was it made again to be compressed
    assert again.headers["Content-Encoding"] == "br"


def test_the_api_list_has_every_document_of_the_large_corpus(large_app):
    answer = large_app.test_client().get("/api/v1/documents").get_json()
    assert answer["count"] == DOCUMENTS


def test_reader_pages_look_documents_up_instead_of_walking_the_archive(large_app, monkeypatch):
    client = large_app.test_client()
    client.get("/en/")  # the edition is built once, here
    code = short_id("recommendation/doc-01999")
    pages = [
        "/en/recommendations/",
        "/zh/recommendations/?page=7",
        "/en/recommendations/doc-01234",
        f"/r/{code}",
        "/en/ministries/mohrss",
        "/zh/metrics/workers-reemployed",
    ]
    for page in pages:
        with library_lookups(monkeypatch) as calls:
            status = client.get(page).status_code
        assert status in (200, 302), page
        # A document's page looks up its versions for the letters: a few, never thousands.
        assert len(calls) <= 3, f"{page}: {len(calls)} lookups"


@contextmanager
def nothing_made(app):
    """Fail if a view runs or a template is rendered while the block runs."""
    ran, rendered = [], []
    views = dict(app.view_functions)

    def probed(endpoint, view):
        def probe(*args, **kwargs):
            ran.append(endpoint)
            return view(*args, **kwargs)

        probe.__dict__.update(view.__dict__)  # keeps what the view declared (its cache policy)
        return probe

    app.view_functions.update({e: probed(e, v) for e, v in views.items() if e != "static"})

    def record(sender, template, context, **extra):
        rendered.append(template.name)

    template_rendered.connect(record, app)
    try:
        yield ran, rendered
    finally:
        template_rendered.disconnect(record, app)
        app.view_functions.update(views)


@pytest.mark.parametrize("path", READER_PAGES + GENERATED_FILES)
def test_an_unchanged_answer_is_304_before_its_view_runs(app, path):
    client = app.test_client()
    first = client.get(path)
    assert first.status_code == 200, path
    etag = first.headers["ETag"]
    with nothing_made(app) as (ran, rendered):
        again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert ran == [] and rendered == []


@pytest.mark.parametrize("path", GENERATED_FILES)
def test_a_generated_file_may_be_kept_for_five_minutes_by_anyone(client, path):
    response = client.get(path)
    assert response.cache_control.public and response.cache_control.max_age == 300
    assert response.last_modified is not None


def test_a_new_edition_replaces_everything_made_from_the_old_one(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, content)
    app = build_app(content, tmp_path / "instance", CONTENT_LIVE_RELOAD=True)
    client = app.test_client()
    feed = client.get("/en/feed.xml")
    sitemap_etag = client.get("/sitemap.xml").headers["ETag"]
    assert b"A renamed recommendation" not in feed.data
    edit(content / "recommendations" / "older.en.md", "An older", "A renamed")
    renamed = client.get("/en/feed.xml", headers={"If-None-Match": feed.headers["ETag"]})
    assert renamed.status_code == 200 and b"A renamed recommendation" in renamed.data
    assert client.get("/sitemap.xml", headers={"If-None-Match": sitemap_etag}).status_code == 200
