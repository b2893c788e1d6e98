"""Article bodies: sanitize submitted HTML, and derive text from HTML or HTML from text."""

from __future__ import annotations

import html
import re

import lxml.html
import nh3

from newswire.textclean import clean

_ALLOWED_TAGS = {
    "p", "br", "a", "b", "strong", "i", "em", "u", "q", "cite", "blockquote", "ul", "ol", "li",
    "h2", "h3", "h4", "h5", "h6", "pre", "code", "sub", "sup", "span", "abbr", "table", "thead",
    "tbody", "tr", "th", "td", "figure", "figcaption", "hr",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"colspan", "rowspan"}}
_BLOCK_TAGS = ("p", "li", "blockquote", "h2", "h3", "h4", "h5", "h6", "pre", "figure", "figcaption", "tr", "hr", "ul", "ol", "table")
_CELL_TAGS = ("td", "th", "br")
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def sanitize_html(markup: str) -> str:
    """Keep structural and inline markup only: scripts, styles, event handlers and unknown
    elements are removed; links get ``rel="noopener noreferrer"``."""
    return nh3.clean(
        clean(markup),
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


def paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text: separated by blank lines, inner line breaks and runs of spaces
    collapsed (non-breaking spaces are kept)."""
    return [p for p in (_collapse(part) for part in _BLANK_LINES.split(text)) if p]


def _collapse(part: str) -> str:
    # Splitting scans every character, slowly for non-ASCII text: most paragraphs need only a strip.
    if "\n" in part or "  " in part or "\t" in part or "\r" in part:
        return " ".join(part.split())
    return part.strip()


def text_to_html(text: str) -> str:
    return "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs(text))


def html_to_text(markup: str) -> str:
    """Plain text of (sanitized) HTML: each block element its own paragraph, loose text kept."""
    markup = clean(markup)
    if not markup.strip():
        return ""
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    for element in root.iter(*_BLOCK_TAGS, *_CELL_TAGS):
        gap = " " if element.tag in _CELL_TAGS else "\n\n"
        element.tail = gap + (element.tail or "")
        if element.tag in _BLOCK_TAGS:
            element.text = gap + (element.text or "")
    return "\n\n".join(paragraphs(root.text_content()))
