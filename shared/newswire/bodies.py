"""Article bodies: sanitize submitted HTML, and derive text from HTML or HTML from text."""

from __future__ import annotations

import html
import re

import lxml.html
import nh3

_ALLOWED_TAGS = {
    "p", "br", "a", "b", "strong", "i", "em", "u", "q", "cite", "blockquote", "ul", "ol", "li",
    "h2", "h3", "h4", "h5", "h6", "pre", "code", "sub", "sup", "span", "abbr", "table", "thead",
    "tbody", "tr", "th", "td", "figure", "figcaption", "hr",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"colspan", "rowspan"}}
_BLOCK_TAGS = ("p", "li", "blockquote", "h2", "h3", "h4", "h5", "h6", "pre", "figcaption", "tr")
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SPACES = re.compile(r"\s+")


def sanitize_html(markup: str) -> str:
    """Keep structural and inline markup only: scripts, styles, event handlers and unknown
    elements are removed; links get ``rel="noopener noreferrer"``."""
    return nh3.clean(
        markup,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


def paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: separated by blank lines, inner whitespace collapsed."""
    return [p for p in (_SPACES.sub(" ", part).strip() for part in _BLANK_LINES.split(text)) if p]


def text_to_html(text: str) -> str:
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs(text))


def html_to_text(markup: str) -> str:
    """Plain text of (sanitized) HTML, one paragraph per block element."""
    if not markup.strip():
        return ""
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    blocks = [el for el in root.iter(*_BLOCK_TAGS) if not _has_block_ancestor(el, root)]
    texts = [el.text_content() for el in blocks] if blocks else [root.text_content()]
    return "\n\n".join(p for p in (_SPACES.sub(" ", t).strip() for t in texts) if p)


def _has_block_ancestor(element: lxml.html.HtmlElement, root: lxml.html.HtmlElement) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not root:
        if parent.tag in _BLOCK_TAGS:
            return True
        parent = parent.getparent()
    return False
