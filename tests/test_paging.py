"""Long lists a page at a time; the home page shows the newest of each kind."""

import shutil

import pytest

from conftest import FIXTURE_CONTENT, build_app, soup

MANY = 25


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    """The fixture corpus with many more recommendations, one a day."""
    content = tmp_path_factory.mktemp("content")
    shutil.copytree(FIXTURE_CONTENT, content, dirs_exist_ok=True)
    for day in range(1, MANY + 1):
        (content / "recommendations" / f"extra-{day:02d}.en.md").write_text(
            f"---\ntitle: Extra recommendation {day}\nsummary: Number {day}.\n"
            f"date: 2023-01-{day:02d}\nkind: recommendation\nstatus: published\n---\nBody.\n",
            encoding="utf-8",
        )
    return build_app(content, tmp_path_factory.mktemp("instance")).test_client()


def titles(page) -> list[str]:
    return [card.get_text(strip=True) for card in page.select(".cards h2, .cards h3")]


def test_a_long_list_shows_twenty_a_page_with_links_between_pages(client):
    first = soup(client.get("/en/recommendations/"))
    assert len(titles(first)) == 20
    following = first.select_one('.pagination a[rel="next"]')["href"]
    assert following == "/en/recommendations/?page=2"
    second = soup(client.get(following))
    assert len(titles(second)) >= MANY - 20
    assert not set(titles(first)) & set(titles(second))
    assert second.select_one('.pagination a[rel="prev"]')["href"] == "/en/recommendations/"


@pytest.mark.parametrize("page", ["3", "0", "-1", "two", "１"])
def test_a_page_that_does_not_exist_is_a_clear_404(client, page):
    response = client.get(f"/zh/recommendations/?page={page}")
    assert response.status_code == 404
    assert soup(response).h1.get_text() == "找不到该页面"


def test_the_home_page_shows_the_newest_six_and_links_to_all(client):
    home = soup(client.get("/en/"))
    section = home.select_one('[aria-labelledby="home-recommendations"]')
    shown = [card.get_text(strip=True) for card in section.select(".cards h3")]
    newest_first = titles(soup(client.get("/en/recommendations/")))
    assert shown == newest_first[:6]
    link = section.select_one(".more a")
    assert link["href"] == "/en/recommendations/"
    # The fixture corpus publishes three recommendations of its own.
    assert link.get_text() == f"All {MANY + 3} recommendations"
