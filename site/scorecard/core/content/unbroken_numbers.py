"""A figure stays on one line with its unit: "17 million", "2.5%", "1700万个", "2020年".

A line may break between a number and the word after it (at a space in English, and
anywhere before a Chinese character), which leaves "17" at the end of one line and
"million jobs" at the start of the next. In the text (never in code), a no-break space
joins a number to the English unit after it, and a word joiner (invisible, no width) joins
it to the Chinese unit or measure word after it.
"""

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from ..text import NO_BREAK_SPACE, WORD_JOINER

ENGLISH_UNIT = re.compile(
    r"(?<=\d) (?=(?:million|billion|trillion|thousand|hundred|per ?cent|percentage points?"
    r"|tonnes?|tons?|yuan|RMB|kWh|MWh|GWh|TWh|kW|MW|GW|km|jobs?|people|workers|companies"
    r"|parks|years?|months?|days?)\b)"
)
# Chinese units, measure words and the date characters that follow a figure.
CHINESE_UNIT = re.compile(
    r"(?<=\d)(?=[%％万亿千百个家人名吨元倍项座年月日号岁次户所])|(?<=\d[万亿])(?=[个家人名吨元])"
)
UNTOUCHED = {"code", "pre", "kbd", "samp", "script", "style"}


class UnbrokenNumbers(Treeprocessor):
    def __init__(self, md: Markdown, lang: str):
        super().__init__(md)
        self.join = self._chinese if lang == "zh" else self._english

    @staticmethod
    def _english(text: str) -> str:
        return ENGLISH_UNIT.sub(NO_BREAK_SPACE, text)

    @staticmethod
    def _chinese(text: str) -> str:
        return CHINESE_UNIT.sub(WORD_JOINER, ENGLISH_UNIT.sub(NO_BREAK_SPACE, text))

    def run(self, root: etree.Element) -> None:
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in UNTOUCHED:
            return
        if element.text:
            element.text = self.join(element.text)
        for child in element:
            self._walk(child)
            if child.tail:
                child.tail = self.join(child.tail)


class UnbrokenNumbersExtension(Extension):
    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def extendMarkdown(self, md: Markdown) -> None:
        # After the inline patterns (20) have made the text nodes, and after toc (5) has
        # read the headings' words for their ids.
        md.treeprocessors.register(UnbrokenNumbers(md, self.lang), "unbroken_numbers", 2)
