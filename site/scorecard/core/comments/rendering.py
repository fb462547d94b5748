"""A comment's text: a small Markdown subset, rendered and then sanitised with nh3."""

import markdown
import nh3

# Emphasis, links, lists, quotes and code: nothing that can load, run or restyle anything.
ALLOWED_TAGS = {"p", "br", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "pre"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}


def render_comment(text: str) -> str:
    """Safe HTML for a comment; links get rel="nofollow ugc noopener"."""
    # Raw HTML in the Markdown is escaped rather than passed through, then nh3 removes
    # whatever Markdown itself produced that is not on the list.
    converter = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    html = converter.convert(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener",
    )
