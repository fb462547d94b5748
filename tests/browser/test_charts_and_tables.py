"""Charts, tables and figures on a 390 px phone and a 1280 px screen: chart labels stay
readable, tables become cards, nothing scrolls sideways, and no figure is cut from its unit."""

import pytest

from .tour import ARTICLE

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
METRIC = "metrics/urban-employment-growth"
TABLE = "case-studies/ilo-green-jobs-pilots"

# The size each label of the chart on show is drawn at, in CSS pixels: an SVG's text is
# scaled with the SVG.
LABEL_SIZES = """() => Array.from(document.querySelectorAll('.chart__svg'))
  .filter(svg => svg.getBoundingClientRect().width > 0)
  .flatMap(svg => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return Array.from(svg.querySelectorAll('text'))
      .map(text => parseFloat(getComputedStyle(text).fontSize) * scale);
  })"""

# Each figure with its unit ("17 million", "2.5%", "1700万个", "2020年") that the browser
# has laid out on more than one line.
SPLIT_FIGURES = r"""() => {
  const figure = /\d[\d,.]*[\u00a0\u2060]?(?:million|billion|[%万亿年个元])/g;
  const walker = document.createTreeWalker(document.querySelector('.document__body'),
                                           NodeFilter.SHOW_TEXT);
  const split = [];
  let checked = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(figure)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.bottom)));
      checked += 1;
      if (tops.size > 1) split.push(match[0]);
    }
  }
  return {checked, split};
}"""


@pytest.mark.parametrize("viewport", (PHONE, DESKTOP), ids=("390", "1280"))
@pytest.mark.parametrize("lang", ("en", "zh"))
def test_chart_labels_are_at_least_12_px(visitor, lang, viewport):
    page = visitor(lang, viewport=viewport)
    for path in (METRIC, ARTICLE):
        page.goto(f"/{lang}/{path}")
        sizes = page.evaluate(LABEL_SIZES)
        assert sizes, f"no chart on show at /{lang}/{path}"
        assert min(sizes) >= 12, (path, sorted(sizes)[:3])
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_a_table_is_a_card_per_row_on_a_phone(visitor, lang):
    page = visitor(lang, viewport=PHONE)
    page.goto(f"/{lang}/{TABLE}")
    table = page.locator(".document__body table").first
    headings = table.locator("th").all_inner_texts()
    assert len(headings) == 4
    # Nothing hidden to the side: the table is no wider than the screen's column.
    assert table.evaluate("t => t.scrollWidth <= t.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # Each cell is on a line of its own, under its column's heading.
    cells = table.locator("tbody tr").first.locator("td")
    shown = cells.evaluate_all(
        "cells => cells.map(c => getComputedStyle(c, '::before').content.replaceAll('\"', ''))"
    )
    assert shown == headings
    lefts = cells.evaluate_all(
        "cells => cells.map(c => Math.round(c.getBoundingClientRect().left))"
    )
    assert len(set(lefts)) == 1


@pytest.mark.parametrize("lang", ("en", "zh"))
def test_a_wide_screen_keeps_the_table_as_a_grid(visitor, lang):
    page = visitor(lang, viewport=DESKTOP)
    page.goto(f"/{lang}/{TABLE}")
    cells = page.locator(".document__body table tbody tr").first.locator("td")
    tops = cells.evaluate_all("cells => cells.map(c => Math.round(c.getBoundingClientRect().top))")
    assert len(set(tops)) == 1


@pytest.mark.parametrize("viewport", (PHONE, DESKTOP), ids=("390", "1280"))
@pytest.mark.parametrize("lang", ("en", "zh"))
def test_no_figure_is_cut_from_its_unit(visitor, lang, viewport):
    page = visitor(lang, viewport=viewport)
    checked = 0
    for path in (ARTICLE, "recommendations/clean-tech-funding", TABLE):
        page.goto(f"/{lang}/{path}")
        found = page.evaluate(SPLIT_FIGURES)
        assert found["split"] == [], path
        checked += found["checked"]
    assert checked > 5
