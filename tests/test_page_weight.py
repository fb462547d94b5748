"""Page weight: an article with its styles and scripts, as a browser downloads it."""

import pytest

from conftest import SITE_CONTENT, soup

BROWSER = {"Accept-Encoding": "gzip, deflate, br, zstd"}
LIMIT = 60 * 1024
ARTICLES = sorted(
    f"/{path.name.split('.')[1]}/{path.parent.name}/{path.name.split('.')[0]}"
    for folder in ("recommendations", "case-studies")
    for path in (SITE_CONTENT / folder).glob("*.md")
)


def downloaded(client, path: str) -> int:
    """Bytes on the wire for one address, compressed as the browser asked."""
    with client.get(path, headers=BROWSER) as response:
        assert response.status_code == 200, path
        return len(response.get_data())


@pytest.mark.parametrize("article", ARTICLES)
def test_an_article_with_its_css_and_js_weighs_under_60_kb(site_client, article):
    page = site_client.get(article, headers=BROWSER)
    assert page.headers["Content-Encoding"] == "br"
    html = soup(site_client.get(article))
    assets = [s["src"] for s in html.select("script[src]")]
    assets += [link["href"] for link in html.select('link[rel="stylesheet"]')]
    assert assets, "the page links its styles and scripts"
    total = len(page.get_data()) + sum(downloaded(site_client, asset) for asset in assets)
    assert total < LIMIT, f"{article}: {total} bytes"
