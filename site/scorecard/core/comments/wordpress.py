"""Comments from a WordPress export (WXR, "Tools → Export" in WordPress), each put on one of
our documents through a mapping from the post's address to the document.

Authors, addresses, dates, replies and approval state are kept. What cannot be kept is
reported, never dropped silently: comments on posts the mapping does not name, pingbacks
and trackbacks (notices from other sites, not readers' words), and replies to replies (our
threads go one level deep, so these become replies to the comment that opened the thread).
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from markdownify import markdownify

from ..database import db, writing
from .language import language_of
from .models import EMAIL_LENGTH, NAME_LENGTH, Comment, Status
from .rendering import render_comment
from .store import already_posted, normal_address

# wp:comment_approved -> our status. Anything else is held for moderation.
STATUSES = {
    "1": Status.APPROVED,
    "0": Status.PENDING,
    "spam": Status.SPAM,
    "trash": Status.DELETED,
}
NOT_READERS = ("pingback", "trackback")
NO_DATE = "0000-00-00 00:00:00"


class WordPressError(ValueError):
    """The file is not a WordPress export, or the mapping is not usable."""


@dataclass
class Report:
    imported: Counter = field(default_factory=Counter)  # document -> comments
    unmapped: Counter = field(default_factory=Counter)  # post address -> comments
    not_readers: int = 0  # pingbacks and trackbacks
    flattened: int = 0  # replies to replies, now replies to the thread's first comment
    already_here: int = 0  # the same text on the same document: imported before


def post_key(address: str) -> str:
    """A post's address as the mapping is matched: host and path, without the scheme,
    "www.", the query or a final slash (WordPress links come both ways)."""
    parts = urlsplit(address.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}"


def _local(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _text(element: Element, name: str) -> str:
    """The text of the first child called `name`, whatever the export's namespace version."""
    for child in element:
        if _local(child) == name:
            return (child.text or "").strip()
    return ""


def _when(comment: Element) -> datetime:
    stamp = _text(comment, "comment_date_gmt")
    if not stamp or stamp == NO_DATE:  # drafts and some imports have no GMT date
        stamp = _text(comment, "comment_date")
    return datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S")


def _body(comment: Element) -> str:
    """The comment as our Markdown subset: WordPress keeps what the reader typed, where
    a blank line is a paragraph and a few HTML tags (links, emphasis, quotes) are allowed."""
    html = _text(comment, "comment_content").replace("\r\n", "\n")
    paragraphs = [p for p in html.split("\n\n") if p.strip()]
    html = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in paragraphs)
    return markdownify(html, heading_style="ATX", bullets="-").strip()


def read_posts(source: IO[bytes] | str) -> list[Element]:
    try:
        root = ElementTree.parse(source).getroot()
    except ElementTree.ParseError as error:
        raise WordPressError(f"not readable as XML: {error}") from error
    if root is None:
        raise WordPressError("an empty file")
    channel = next((c for c in root if _local(c) == "channel"), None)
    if _local(root) != "rss" or channel is None:
        raise WordPressError("not a WordPress export (WXR): no <rss><channel>")
    return [item for item in channel if _local(item) == "item"]


def import_wordpress(
    source: IO[bytes] | str, mapping: dict[str, str], documents: set[str], fallback: str
) -> Report:
    """Add the export's comments to our documents. `mapping` goes from a post's address to
    a document ("recommendation/<slug>"), which must be one of `documents`; `fallback` is
    the language of a comment whose text does not say."""
    unknown = sorted(set(mapping.values()) - documents)
    if unknown:
        raise WordPressError(f"the mapping names documents that do not exist: {unknown}")
    keys = {post_key(address): document for address, document in mapping.items()}
    report = Report()
    with writing():
        for post in read_posts(source):
            comments = [c for c in post if _local(c) == "comment"]
            document = keys.get(post_key(_text(post, "link")))
            if document is None:
                if comments:
                    report.unmapped[_text(post, "link")] += len(comments)
                continue
            _add(comments, document, fallback, report)
    return report


def _add(comments: list[Element], document: str, fallback: str, report: Report) -> None:
    """One post's comments, parents before their replies (WordPress ids grow with time)."""
    made: dict[str, Comment] = {}  # WordPress id -> the comment it became
    for element in sorted(comments, key=lambda c: int(_text(c, "comment_id") or 0)):
        if _text(element, "comment_type") in NOT_READERS:
            report.not_readers += 1
            continue
        body = _body(element)
        if not body:
            continue
        if already_posted(document, body, whatever_status=True):
            report.already_here += 1
            continue
        parent = made.get(_text(element, "comment_parent"))
        if parent is not None and parent.parent is not None:
            parent = parent.parent
            report.flattened += 1
        comment = Comment(
            document=document,
            lang=language_of(body, fallback),
            parent=parent,
            author_name=_text(element, "comment_author")[:NAME_LENGTH] or None,
            author_email=normal_address(_text(element, "comment_author_email")[:EMAIL_LENGTH]),
            body=body,
            body_html=render_comment(body),
            status=STATUSES.get(_text(element, "comment_approved"), Status.PENDING),
            created_at=_when(element),
        )
        db.session.add(comment)
        db.session.flush()  # its id, for its replies
        made[_text(element, "comment_id")] = comment
        report.imported[document] += 1
