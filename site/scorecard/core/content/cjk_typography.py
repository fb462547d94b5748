"""Chinese typography in a rendered page: a footnote mark sits before the full stop or
comma it follows in the source (…碳中和¹。, as Chinese publishers set it, not …碳中和。¹),
joined to the word before it so that a line never starts with the mark."""

import re

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

from ..text import WORD_JOINER

MARK_AFTER_PUNCTUATION = re.compile(
    r"(?P<punctuation>[。，、；：！？])(?P<mark><sup id=\"fnref[^>]*>.*?</sup>)"
)


class FootnoteMarksBeforePunctuation(Postprocessor):
    def run(self, text: str) -> str:
        return MARK_AFTER_PUNCTUATION.sub(
            lambda m: f"{WORD_JOINER}{m['mark']}{m['punctuation']}", text
        )


class ChineseTypographyExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the footnotes extension has put its marks in (its postprocessor: 25).
        md.postprocessors.register(FootnoteMarksBeforePunctuation(md), "cjk_footnote_marks", 5)
