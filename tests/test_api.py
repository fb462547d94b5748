"""The open data API, every answer checked against its own OpenAPI description (openapi-core),
including errors for bad parameters, unknown addresses and methods."""

import pytest
from openapi_core import OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse

from scorecard.core.edition import short_id

ROOT = "http://localhost"


@pytest.fixture(scope="module")
def openapi(app):
    client = app.test_client()
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.get_json()
    assert spec["openapi"].startswith("3.") and spec["servers"] == [{"url": f"{ROOT}/api/v1"}]
    return OpenAPI.from_dict(spec)  # validates the description itself first


def checked(openapi, client, path: str, method: str = "GET", **kwargs):
    """The answer, once the request and the answer are both found to match the description."""
    response = client.open(path, method=method, **kwargs)
    request = WerkzeugOpenAPIRequest(response.request)
    openapi.validate_response(request, WerkzeugOpenAPIResponse(response))
    return response


def every_path(client) -> list[str]:
    """Each address the API has, filled with every id it serves."""
    paths = [
        "/api/v1/",
        "/api/v1/documents",
        "/api/v1/ministries",
        "/api/v1/metrics",
        "/api/v1/topics",
        "/api/v1/search",
        "/api/v1/search?q=employment",
        "/api/v1/search?q=%E5%B0%B1%E4%B8%9A&lang=zh&sort=date",
    ]
    for record in client.get("/api/v1/documents").get_json()["documents"]:
        paths.append(f"/api/v1/documents/{record['id']}")
    paths += [
        f"/api/v1/ministries/{m['id']}"
        for m in client.get("/api/v1/ministries").get_json()["ministries"]
    ]
    paths += [
        f"/api/v1/metrics/{m['id']}" for m in client.get("/api/v1/metrics").get_json()["metrics"]
    ]
    return paths


def test_every_answer_matches_the_description(openapi, client):
    paths = every_path(client)
    assert len(paths) > 10
    for path in paths:
        response = checked(openapi, client, path)
        assert response.status_code == 200, path
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert response.headers["ETag"]


def test_the_real_content_matches_the_description_too(site_app):
    client = site_app.test_client()
    spec = OpenAPI.from_dict(client.get("/api/v1/openapi.json").get_json())
    for path in every_path(client):
        assert checked(spec, client, path).status_code == 200, path


@pytest.mark.parametrize(
    "query",
    [
        "kind=recommendation",
        "kind=case-study",
        "topic=employment",
        "ministry=mohrss",
        "metric=workers-reemployed",
    ],
)
def test_filters_answer_only_matching_documents(openapi, client, query):
    body = checked(openapi, client, f"/api/v1/documents?{query}").get_json()
    name, value = query.split("=")
    assert body["count"] == len(body["documents"]) > 0
    for record in body["documents"]:
        if name == "kind":
            assert record["kind"] == value
        elif name == "ministry":
            assert value in [m["id"] for m in record["ministries"]]
        else:
            assert value in record[f"{name}s"]


@pytest.mark.parametrize(
    "query", ["kind=page", "kind=", "topic=happiness", "ministry=ministry-of-magic", "metric=nope"]
)
def test_bad_parameters_get_a_400_with_a_message_that_names_them(openapi, client, query):
    response = checked(openapi, client, f"/api/v1/documents?{query}")
    assert response.status_code == 400
    name, value = query.split("=")
    message = response.get_json()["error"]["message"]
    assert f"'{value}'" in message and name in message
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_errors_are_in_the_readers_language(openapi, client):
    response = checked(
        openapi, client, "/api/v1/documents?kind=page", headers={"Accept-Language": "zh-CN"}
    )
    assert "不是有效的" in response.get_json()["error"]["message"]
    missing = client.get("/api/v1/ministries/nobody", headers={"Accept-Language": "zh-CN"})
    assert missing.status_code == 404 and "接口中没有" in missing.get_json()["error"]["message"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/documents/recommendation/nowhere",
        "/api/v1/documents/recommendation/draft-only",
        "/api/v1/metrics/nope",
    ],
)
def test_unknown_ids_get_a_json_404(openapi, client, path):
    response = checked(openapi, client, path)
    assert response.status_code == 404
    assert response.get_json()["error"] == {
        "status": 404,
        "message": response.get_json()["error"]["message"],
    }


def test_addresses_outside_the_description_and_other_methods_get_json_errors(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404 and response.is_json
    response = client.post("/api/v1/documents")
    assert response.status_code == 405 and response.is_json
    assert "GET" in response.headers["Allow"]
    assert "read-only" in response.get_json()["error"]["message"]
    # The site's own pages keep their HTML error pages.
    page = client.get("/en/nowhere")
    assert page.status_code == 404 and page.mimetype == "text/html"


def test_etags_save_a_download_when_nothing_changed(openapi, client):
    first = client.get("/api/v1/documents")
    response = checked(
        openapi, client, "/api/v1/documents", headers={"If-None-Match": first.headers["ETag"]}
    )
    assert response.status_code == 304 and not response.data
    assert client.get("/api/v1/documents", headers={"If-None-Match": '"stale"'}).status_code == 200


def test_a_browser_on_another_site_may_ask_first(client):
    response = client.options(
        "/api/v1/documents",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "GET"},
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "If-None-Match" in response.headers["Access-Control-Allow-Headers"]


def test_documents_carry_both_languages_and_no_drafts(openapi, client):
    records = {r["id"]: r for r in client.get("/api/v1/documents").get_json()["documents"]}
    assert "recommendation/draft-only" not in records
    both = records["recommendation/both-languages"]
    assert set(both["versions"]) == {"en", "zh"}
    assert both["versions"]["en"]["url"] == f"{ROOT}/en/recommendations/both-languages"
    assert both["versions"]["zh"]["url"] == f"{ROOT}/zh/recommendations/both-languages"
    assert both["versions"]["en"]["updated"] == "2024-06-01"
    assert both["short_url"] == f"{ROOT}/r/{short_id('recommendation/both-languages')}"
    assert set(records["case-study/chinese-only"]["versions"]) == {"zh"}


def test_metrics_come_with_their_series(site_app):
    client = site_app.test_client()
    metric = client.get("/api/v1/metrics/industrial-parks").get_json()
    assert metric["observations"] and all(o["source"]["title"] for o in metric["observations"])
    assert metric["pages"]["zh"].endswith("/zh/metrics/industrial-parks")


def test_search_answers_as_the_search_page_does(openapi, site_app):
    """The same results, in the same order, as /<lang>/search, with the snippet as text in
    the reader's language where that version matches."""
    from bs4 import BeautifulSoup

    client = site_app.test_client()
    spec = OpenAPI.from_dict(client.get("/api/v1/openapi.json").get_json())
    for lang, query in (("zh", "绿色就业"), ("en", "green jobs"), ("zh", "green jobs")):
        body = checked(spec, client, "/api/v1/search", query_string={"q": query, "lang": lang})
        answer = body.get_json()
        page = BeautifulSoup(
            client.get(f"/{lang}/search", query_string={"q": query}).get_data(as_text=True),
            "html.parser",
        )
        titles = [a.get_text() for a in page.select(".result__title a")]
        assert [r["title"] for r in answer["results"]] == titles
        assert answer["total"] == len(titles) > 0
        assert all(r["lang"] == lang and r["snippet_lang"] == lang for r in answer["results"])
        assert all("<mark>" not in r["snippet"] for r in answer["results"])
        assert {f["value"] for f in answer["facets"]["language"]} == {"en", "zh"}


@pytest.mark.parametrize(
    "query", ["lang=fr", "kind=page", "language=de", "topic=happiness", "sort=random", "page=0"]
)
def test_search_refuses_bad_parameters_naming_them(openapi, client, query):
    response = checked(openapi, client, f"/api/v1/search?q=jobs&{query}")
    assert response.status_code == 400
    name, value = query.split("=")
    assert name in response.get_json()["error"]["message"]
