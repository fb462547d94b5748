"""What one request reads: the edition being served when it first asked, to its end.

An edition may be replaced while a request runs (live reload, a publish): pinning it
keeps every part of one answer (the page, its links, its ETag) from the same edition.
"""

from flask import g

from ..core.edition import Edition
from ..core.publisher import publisher


def current_edition() -> Edition:
    if "edition" not in g:
        g.edition = publisher().edition
    return g.edition
