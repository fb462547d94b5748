"""Chinese set as Chinese readers expect it, measured in the browser at phone width."""

from .conftest import PHONE
from .tour import ARTICLE

STYLE = """() => {
  const paragraph = document.querySelector(".document__body p");
  const mark = document.querySelector(".document__body sup");
  const style = (element) => getComputedStyle(element);
  const title = style(document.querySelector("h1"));
  return {
    font: style(paragraph).fontFamily,
    markLineHeight: style(mark).lineHeight,
    titleWrap: title.textWrap || title.textWrapStyle,
    markBefore: mark.previousSibling ? mark.previousSibling.textContent.slice(-1) : "",
    markAfter: mark.nextSibling ? mark.nextSibling.textContent.slice(0, 1) : "",
  };
}"""


def test_chinese_pages_use_a_cjk_font_and_set_footnote_marks_the_chinese_way(visitor, screenshot):
    page = visitor("zh", PHONE)
    page.goto(f"/zh/{ARTICLE}")
    found = page.evaluate(STYLE)
    # A CJK font first, so that “ ” and 。 are drawn full-width.
    assert found["font"].startswith('"PingFang SC"'), found["font"]
    assert found["markLineHeight"] == "0px"
    assert "balance" in found["titleWrap"]
    # The mark sits before the full stop, joined to the word before it.
    assert found["markBefore"] == "\u2060" and found["markAfter"] in "。，、；：！？"
    screenshot(page, "chinese-typography-zh-phone")


def test_english_pages_keep_the_system_font(visitor):
    page = visitor("en", PHONE)
    page.goto(f"/en/{ARTICLE}")
    font = page.evaluate(
        "() => getComputedStyle(document.querySelector('.document__body p')).fontFamily"
    )
    assert font.startswith("system-ui"), font
