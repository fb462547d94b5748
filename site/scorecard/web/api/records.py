"""The library's entries as JSON records, each language's texts side by side."""

from collections.abc import Callable

from flask import url_for

from ...core.content import Document
from ...core.content.schema import Metric, Ministry, Observation, Source, Topic
from ...core.edition import Edition
from ...core.kinds import LISTED
from ...core.languages import DEFAULT_LANGUAGE, LANGUAGES
from ...core.search.results import Results
from ..licensing import licence_record
from ..urls import absolute, document_url, external_url, short_url


def _source(source: Source) -> dict:
    return source.model_dump(mode="json", exclude_none=True)


def _observation(observation: Observation) -> dict:
    period = observation.period
    return {
        "period": period if isinstance(period, str) else period.model_dump(),
        "value": observation.value,
        "qualifier": observation.qualifier,
        "source": _source(observation.source),
    }


def _pages(endpoint: str, **args) -> dict[str, str]:
    return {lang: absolute(url_for(endpoint, lang=lang, **args)) for lang in LANGUAGES}


def document_record(edition: Edition, kind: str, slug: str) -> dict | None:
    """A published document with its metadata and address in each language it exists in."""
    languages = edition.languages_of(kind, slug)
    if kind not in LISTED or not languages:
        return None
    docs = {lang: edition.library.documents[(kind, slug, lang)] for lang in languages}
    first = next(iter(docs.values()))
    timeline = edition.timeline_of(kind, slug)
    return {
        "id": first.id,
        "kind": kind,
        "slug": slug,
        "short_url": short_url(first),
        "url": external_url("api.document", kind=kind, slug=slug),
        "topics": list(first.meta.topics),
        "ministries": [{"id": ref.id, "role": ref.role} for ref in first.meta.ministries],
        "metrics": list(first.meta.metrics),
        "status": timeline[-1].status if timeline else None,
        "timeline": [event.model_dump(mode="json", exclude_none=True) for event in timeline],
        "license": licence_record(),
        "versions": {
            lang: {
                "title": doc.meta.title,
                "summary": doc.meta.summary,
                "published": doc.meta.date.isoformat(),
                "updated": doc.meta.last_modified.isoformat(),
                "region": doc.meta.region,
                "period": doc.meta.period,
                "url": document_url(doc, lang=lang, external=True),
                "sources": [_source(source) for source in doc.meta.sources],
                "author": doc.meta.author,
                "written_by": doc.meta.written_by,
                "translated_by": doc.meta.translated_by,
                "original": not doc.meta.translated_from,
            }
            for lang, doc in docs.items()
        },
    }


def document_records(edition: Edition) -> list[dict]:
    """Every published recommendation and case study, newest first."""
    keys = sorted(key for key in edition.published_in if key[0] in LISTED)
    records = [r for kind, slug in keys if (r := document_record(edition, kind, slug))]
    return sorted(
        records, key=lambda r: max(v["published"] for v in r["versions"].values()), reverse=True
    )


def _named_in(edition: Edition, ministry_id: str) -> list[str]:
    return [shown.doc.id for shown, _ in edition.addressing(ministry_id, DEFAULT_LANGUAGE)]


def ministry_record(edition: Edition, ministry: Ministry) -> dict:
    return {
        "id": ministry.id,
        "name": ministry.name.model_dump(),
        "abbreviation": ministry.abbreviation.model_dump() if ministry.abbreviation else None,
        "remit": ministry.remit.model_dump(),
        "remit_sources": [
            s.model_dump(mode="json", exclude_none=True) for s in ministry.remit_sources
        ],
        "website": ministry.website.model_dump(mode="json", exclude_none=True)
        if ministry.website
        else None,
        "contacts": [c.model_dump(mode="json", exclude_none=True) for c in ministry.contacts],
        "verified": ministry.verified.isoformat() if ministry.verified else None,
        "pages": _pages("ministries.ministry", ministry_id=ministry.id),
        "url": external_url("api.ministry", ministry_id=ministry.id),
        "documents": _named_in(edition, ministry.id),
    }


def metric_record(edition: Edition, metric: Metric) -> dict:
    return {
        "id": metric.id,
        "type": metric.type,
        "label": metric.label.model_dump(),
        "definition": metric.definition.model_dump(),
        "unit": metric.unit.model_dump() if metric.unit else None,
        "percent": metric.percent,
        "better": metric.better,
        "baseline": _observation(metric.baseline) if metric.baseline else None,
        "target": _observation(metric.target) if metric.target else None,
        "observations": [_observation(o) for o in metric.observations],
        "pages": _pages("metrics.metric", metric_id=metric.id),
        "url": external_url("api.metric", metric_id=metric.id),
        "documents": [shown.doc.id for shown in edition.measured_by(metric.id, DEFAULT_LANGUAGE)],
        "license": licence_record(),
    }


def _version_link(doc: Document) -> dict:
    return {"lang": doc.lang, "title": doc.meta.title, "url": document_url(doc, external=True)}


def search_record(results: Results, page_url: Callable[[int], str]) -> dict:
    """A search's answer: the page of results (each document once, in the reader's
    language where it exists, with its snippet as plain text), the facets and the pages."""
    page = results.page
    return {
        "query": results.request.cleaned()[0],
        "truncated": results.truncated,
        "total": results.total,
        "page": page.number,
        "pages": page.count,
        "previous": page_url(page.previous) if page.previous else None,
        "next": page_url(page.next) if page.next else None,
        "suggestion": results.suggestion,
        "results": [
            {
                "id": result.doc.id,
                "kind": result.doc.kind,
                **_version_link(result.doc),
                "record": external_url("api.document", kind=result.doc.kind, slug=result.doc.slug),
                "snippet": result.snippet.striptags(),
                "snippet_lang": result.snippet_lang,
                "other": _version_link(result.other) if result.other else None,
            }
            for result in page.items
        ],
        "facets": {
            name: [{"value": value, "count": count} for value, count in counts]
            for name, counts in results.facets.items()
        },
    }


def topic_record(topic: Topic) -> dict:
    return {"id": topic.id, "label": topic.label.model_dump()}
