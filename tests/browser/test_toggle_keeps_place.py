"""In a real browser: the language toggle keeps the reader's place, section for section."""

import pytest

# Small enough that the sections of an article are several screens apart.
WINDOW = {"width": 1000, "height": 700}


@pytest.fixture
def page(new_reader):
    return new_reader("en", viewport=WINDOW)


@pytest.fixture
def base_url(site):
    return site.url


def read_into(page, section: str) -> None:
    """Scroll the way a reader does: the section's heading just passed, its text in view."""
    page.evaluate(
        "id => { document.getElementById(id).scrollIntoView(); window.scrollBy(0, 60); }", section
    )
    page.wait_for_timeout(600)  # a reader's pause; the toggle then needs scrolling up to


def at_top(page, element_id: str) -> bool:
    """The element starts near the top of the window (below any scroll margin)."""
    top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", element_id)
    return -2 < top < 40  # sub-pixel layout can leave it a fraction above 0


def heading_text(page, element_id: str) -> str:
    """A heading's words, without the permalink anchor beside them."""
    return page.evaluate(
        "id => document.getElementById(id).firstChild.textContent.trim()", element_id
    )


def test_the_toggle_from_a_section_lands_on_the_paragraph_being_read(page, base_url):
    page.goto(f"{base_url}/en/recommendations/community-employment")
    read_into(page, "who-should-act")
    page.click(".language-toggle")
    # The heading has passed; its first paragraph is being read (both share their ids).
    page.wait_for_url(f"{base_url}/zh/recommendations/community-employment#who-should-act-p1")
    assert (
        page.locator("#who-should-act-p1")
        .inner_text()
        .startswith("原帖的呼吁对象是人力资源和社会保障部")
    )
    assert at_top(page, "who-should-act-p1")


def test_the_toggle_from_an_anchor_link_keeps_the_anchor(page, base_url):
    page.goto(f"{base_url}/zh/case-studies/chongqing-low-carbon-toolkit#results")
    page.click(".language-toggle")
    page.wait_for_url(f"{base_url}/en/case-studies/chongqing-low-carbon-toolkit#results")
    assert heading_text(page, "results") == "Results"
    assert at_top(page, "results")


def test_the_toggle_at_the_top_of_a_page_is_a_plain_switch(page, base_url):
    page.goto(f"{base_url}/en/recommendations/community-employment")
    page.click(".language-toggle")
    page.wait_for_url(f"{base_url}/zh/recommendations/community-employment")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"


def test_the_toggle_in_the_parallel_view_keeps_the_row(page, base_url):
    page.goto(f"{base_url}/en/recommendations/community-employment/parallel")
    read_into(page, "who-should-act")
    page.click(".language-toggle")
    page.wait_for_url(f"{base_url}/zh/recommendations/community-employment/parallel#who-should-act")
    assert at_top(page, "who-should-act")
