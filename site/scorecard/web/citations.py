"""'Cite this': a document in GB/T 7714 (China's national standard), APA, BibTeX and RIS.

Each cites the document's permalink and its last-updated date, the version the reader saw;
the access date is today's, as GB/T 7714 and reference managers expect.
"""

import datetime as dt
from dataclasses import dataclass

from babel.dates import format_date
from flask import Response, abort, current_app, g, url_for
from markupsafe import Markup, escape

from ..core.content import Document
from ..core.kinds import SECTION_OF_KIND, SECTIONS
from ..http.caching import from_edition
from ..http.current import current_edition
from .i18n import current_language
from .localized import SECTION, localized_blueprint
from .urls import document_url

bp = localized_blueprint("citations", __name__)

# BibTeX's `language` field names languages in words.
BIBTEX_LANGUAGES = {"en": "english", "zh": "chinese"}
BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


@dataclass(frozen=True)
class Citation:
    style: str  # gbt7714 | apa | bibtex | ris
    name: str
    text: str
    html: Markup  # how the page shows it (APA sets the title in italics)
    preformatted: bool = False  # BibTeX and RIS keep their lines


def _author() -> str:
    return current_app.config["SITE_NAME"]


def gbt7714(doc: Document, url: str, accessed: dt.date) -> str:
    """GB/T 7714-2015, electronic resource: author. title[EB/OL]. (updated)[accessed]. URL."""
    updated = doc.meta.last_modified.isoformat()
    return f"{_author()}. {doc.meta.title}[EB/OL]. ({updated})[{accessed.isoformat()}]. {url}."


def _apa_date(day: dt.date, lang: str) -> str:
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.year}, {format_date(day, 'MMMM d', locale='en')}"


def apa_parts(doc: Document, url: str) -> tuple[str, str, str]:
    """APA 7, a web page by an organisation: what comes before, the title, and after."""
    return (
        f"{_author()}. ({_apa_date(doc.meta.last_modified, doc.lang)}). ",
        doc.meta.title,
        f". {url}",
    )


def _bibtex_text(value: str) -> str:
    return "".join(BIBTEX_SPECIALS.get(char, char) for char in value)


def bibtex(doc: Document, url: str, accessed: dt.date) -> str:
    updated = doc.meta.last_modified
    fields = {
        # Double braces keep the organisation one name and the title's capitals as written.
        "author": "{" + _bibtex_text(_author()) + "}",
        "title": "{" + _bibtex_text(doc.meta.title) + "}",
        "year": str(updated.year),
        "date": updated.isoformat(),
        "url": url,
        "urldate": accessed.isoformat(),
        "language": BIBTEX_LANGUAGES[doc.lang],
    }
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
    return f"@misc{{scorecard-{doc.slug},\n{body}\n}}\n"


def ris(doc: Document, url: str, accessed: dt.date) -> str:
    updated = doc.meta.last_modified
    lines = [
        ("TY", "ELEC"),
        ("AU", _author()),
        ("TI", doc.meta.title),
        ("AB", doc.meta.summary),
        ("PY", str(updated.year)),
        ("DA", updated.strftime("%Y/%m/%d")),
        ("Y2", accessed.strftime("%Y/%m/%d")),
        ("PB", _author()),
        ("LA", doc.lang),
        ("UR", url),
        ("ER", ""),
    ]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


def permalink(doc: Document) -> str:
    """The address a citation gives: the document in its own language."""
    return document_url(doc, lang=doc.lang, external=True)


def citations(doc: Document, accessed: dt.date | None = None) -> list[Citation]:
    """Every format, in the order the page offers them."""
    url = permalink(doc)
    accessed = accessed or dt.date.today()
    before, title, after = apa_parts(doc, url)
    gbt = gbt7714(doc, url, accessed)
    bib = bibtex(doc, url, accessed)
    ris_text = ris(doc, url, accessed)
    return [
        Citation("gbt7714", "GB/T 7714", gbt, escape(gbt)),
        Citation(
            "apa",
            "APA",
            before + title + after,
            escape(before) + Markup("<i>%s</i>") % title + escape(after),
        ),
        Citation("bibtex", "BibTeX", bib, escape(bib), preformatted=True),
        Citation("ris", "RIS", ris_text, escape(ris_text), preformatted=True),
    ]


# The style a page shows first (and prints): each language's usual convention.
FIRST_STYLE = {"en": "apa", "zh": "gbt7714"}


def cite_context(doc: Document) -> dict:
    """What the 'cite this' panel shows: every format, one at a time (the reader's
    convention first), and the files to download."""
    section = SECTION_OF_KIND[doc.kind]
    return {
        "citations": citations(doc),
        "first_citation": FIRST_STYLE[current_language()],
        "citation_files": {
            name: url_for("citations.citation_file", section=section, slug=doc.slug, extension=name)
            for name in FILES
        },
    }


FILES = {
    "bib": (bibtex, "application/x-bibtex; charset=utf-8"),
    "ris": (ris, "application/x-research-info-systems; charset=utf-8"),
}


@bp.get(f"/{SECTION}/<slug>.<any(bib, ris):extension>")
@from_edition(daily=True)
def citation_file(section: str, slug: str, extension: str):
    """The citation as a file for reference managers (Zotero, EndNote, JabRef...)."""
    shown = current_edition().show(SECTIONS[section], slug, g.lang) or abort(404)
    write, mimetype = FILES[extension]
    text = write(shown.doc, permalink(shown.doc), dt.date.today())
    response = Response(text, content_type=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{slug}.{extension}"'
    return response
