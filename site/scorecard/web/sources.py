"""A source as a reader of each language expects it cited.

English: ILO (2021). <cite>Title</cite>. Accessed 21 January 2021.
Chinese: ILO（2021年）：《Title》。访问日期：2021年1月21日。
The title keeps its own language (and its `lang`); the punctuation around it is the page's.
"""

from flask_babel import format_date, gettext
from markupsafe import Markup, escape

from ..core.content.schema import Source
from ..core.languages import HTML_LANG
from .i18n import current_language


def _title(source: Source) -> Markup:
    title = Markup('<cite lang="{}">{}</cite>').format(HTML_LANG[source.lang], source.title)
    if current_language() == "zh":
        title = Markup("《{}》").format(title)
    if source.url:
        title = Markup('<a href="{}" rel="noopener">{}</a>').format(str(source.url), title)
    return title


def _year(year: int) -> str:
    return f"（{year}年）" if current_language() == "zh" else f" ({year})"


def citation(source: Source) -> Markup:
    """A source in a list of sources, or beside a figure."""
    zh = current_language() == "zh"
    parts = []
    if source.publisher:
        publisher = escape(source.publisher) + (_year(source.year) if source.year else "")
        parts.append(publisher + ("：" if zh else ". "))
    parts.append(_title(source) + ("。" if zh else "."))
    if source.accessed:
        accessed = gettext("Accessed %(date)s", date=format_date(source.accessed, "long"))
        parts.append(Markup("" if zh else " ") + accessed + ("。" if zh else "."))
    return Markup("").join(parts)


def named_source(source: Source) -> Markup:
    """Where a contact detail comes from, in brackets after it."""
    zh = current_language() == "zh"
    parts = [_title(source)]
    if source.publisher:
        parts.append(escape(source.publisher))
    if source.year:
        parts.append(escape(f"{source.year}年" if zh else source.year))
    if source.accessed:
        parts.append(escape(gettext("read %(date)s", date=format_date(source.accessed, "long"))))
    inner = Markup("，" if zh else ", ").join(parts)
    label = gettext("source")
    if zh:
        return Markup("（{}：{}）").format(label, inner)
    return Markup("({}: {})").format(label, inner)
