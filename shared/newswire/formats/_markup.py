"""The article body as a small, safe block structure that every format serializes its own way.

``body_html`` is sanitized at intake, but each output has stricter rules than HTML (XHTML inside
NewsML-G2, NITF's own element set), so the body is parsed once into :class:`Node` blocks drawn
from a short allow-list: paragraphs, headings, lists, block quotes and preformatted text, with
strong/em/links/line breaks inline. Anything else is unwrapped to its text; scripts, styles,
embedded objects and event handlers never reach the structure at all.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape

from lxml import etree

# Dropped with everything inside them.
_DROP = frozenset(
    "script style template noscript iframe frame frameset object embed applet svg math head title "
    "form input button select textarea option canvas audio video source track img picture map "
    "area link meta base param".split()
)
_HEADINGS = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
_INLINE = {"strong": "strong", "b": "strong", "em": "em", "i": "em", "cite": "em", "dfn": "em"}
_LIST = frozenset({"ul", "ol"})
# Elements whose start and end break the flow of text into a new block.
_BREAKING = frozenset(
    "p div section article aside header footer main nav address figure figcaption table thead "
    "tbody tfoot tr caption dl dt dd li hr center details summary fieldset legend".split()
)
_CELLS = frozenset({"td", "th"})
# In inline context these still separate words.
_SPACED = _BREAKING | _LIST | set(_HEADINGS) | _CELLS | {"pre", "blockquote"}
_BLOCK_TAGS = sorted(_BREAKING | _LIST | set(_HEADINGS) | {"pre", "blockquote"})
_HAS_BLOCK = etree.XPath("boolean(descendant::*[%s])" % " or ".join(f"self::{t}" for t in _BLOCK_TAGS))
_SAFE_LINK = re.compile(r"(?i)(https?://|mailto:)\S+")
_SPACE = re.compile(r"\s+")
_MAX_DEPTH = 100  # deeper markup is flattened to its text

# Block tags: p, h2, h3, h4, pre (inline children); ul, ol (li children); blockquote (blocks).
# Inline tags: strong, em, a (href), br. Text is a plain str child.


@dataclass(slots=True)
class Node:
    tag: str
    children: list[Node | str] = field(default_factory=list)
    href: str | None = None



def _parser() -> etree.HTMLParser:
    # One per call: lxml parsers keep per-document state. huge_tree lifts libxml2's nesting
    # limit from 256 to 2048; deeper documents are refused (see parse_html).
    return etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, huge_tree=True
    )


class _Flow:
    """Collects blocks at one level, opening an implicit paragraph for loose inline content."""

    def __init__(self) -> None:
        self.blocks: list[Node] = []
        self._para: Node | None = None

    def inline(self) -> Node:
        if self._para is None:
            self._para = Node("p")
            self.blocks.append(self._para)
        return self._para

    def text(self, text: str | None) -> None:
        if text and (self._para is not None or not text.isspace()):
            _append_text(self.inline(), text)

    def line_break(self) -> None:
        if self._para is not None:  # a break before any text is meaningless
            self._para.children.append(Node("br"))

    def block(self, node: Node) -> None:
        self.close()
        self.blocks.append(node)

    def close(self) -> None:
        self._para = None


def _append_text(node: Node, text: str) -> None:
    if node.children and isinstance(node.children[-1], str):
        node.children[-1] += text
    else:
        node.children.append(text)


def _inline_into(target: Node, el: etree._Element, depth: int, active: frozenset[str]) -> None:
    """Append the inline content of ``el`` (not its tail) to ``target``. ``active`` holds the
    inline tags already open around it: nesting one inside itself is unwrapped."""
    children = target.children
    if el.text:
        _append_text(target, el.text)
    for child in el:
        tag = child.tag
        if depth > _MAX_DEPTH:
            _append_text(target, child.xpath("string()"))
        elif tag == "br":
            children.append(Node("br"))
        elif tag in _INLINE or (tag == "a" and _link(child)):
            name = _INLINE.get(tag, "a")
            if name in active:
                _inline_into(target, child, depth + 1, active)
            else:
                node = Node(name, href=_link(child) if name == "a" else None)
                _inline_into(node, child, depth + 1, active | {name})
                children.append(node)
        else:
            if tag in _SPACED:
                _append_text(target, " ")
            _inline_into(target, child, depth + 1, active)
        if child.tail:
            _append_text(target, child.tail)


def _link(el: etree._Element) -> str | None:
    href = (el.get("href") or "").strip()
    return href if _SAFE_LINK.fullmatch(href) else None


def _flow_into(flow: _Flow, el: etree._Element, depth: int) -> None:
    """Append the content of ``el`` (not its tail) to ``flow`` as blocks."""
    flow.text(el.text)
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _DROP:
            pass
        elif depth > _MAX_DEPTH:
            flow.text(child.xpath("string()"))
        elif tag in _HEADINGS or tag == "p" or tag == "pre":
            node = Node(_HEADINGS.get(tag, tag))
            _inline_into(node, child, depth + 1, frozenset())
            flow.block(node)
        elif tag in _LIST:
            node = Node(tag)
            _list_into(node, child, depth + 1)
            if node.children:
                flow.block(node)
        elif tag == "blockquote":
            inner = _Flow()
            _flow_into(inner, child, depth + 1)
            flow.block(Node("blockquote", list(inner.blocks)))
        elif tag in _BREAKING:
            flow.close()
            _flow_into(flow, child, depth + 1)
            flow.close()
        elif tag == "br":
            flow.line_break()
        elif (tag in _INLINE or (tag == "a" and _link(child))) and not _HAS_BLOCK(child):
            name = _INLINE.get(tag, "a")
            node = Node(name, href=_link(child) if name == "a" else None)
            _inline_into(node, child, depth + 1, frozenset({name}))
            flow.inline().children.append(node)
        else:
            # Anything else is transparent: its text joins the current paragraph and its
            # blocks become blocks at this level.
            if tag in _CELLS:
                flow.text(" ")
            _flow_into(flow, child, depth + 1)
        flow.text(child.tail)


def _list_into(node: Node, el: etree._Element, depth: int) -> None:
    items = [child for child in el if child.tag == "li"] or [el]
    for child in items:
        item = Node("li")
        _inline_into(item, child, depth + 1, frozenset())
        node.children.append(item)


def _normalize(node: Node, pre: bool = False) -> bool:
    """Collapse whitespace, trim block edges and drop empty blocks. Returns False when empty."""
    pre = pre or node.tag == "pre"
    kept: list[Node | str] = []
    for child in node.children:
        if isinstance(child, str):
            child = child if pre else _SPACE.sub(" ", child)
            if child:
                kept.append(child)
        elif child.tag == "br" or _normalize(child, pre):
            kept.append(child)
    if node.tag in {"p", "h2", "h3", "h4", "li", "blockquote", "ul", "ol"}:
        while kept and (isinstance(kept[0], Node) and kept[0].tag == "br" or kept[0] == " "):
            kept.pop(0)
        while kept and (isinstance(kept[-1], Node) and kept[-1].tag == "br" or kept[-1] == " "):
            kept.pop()
        if kept and isinstance(kept[0], str):
            kept[0] = kept[0].lstrip()
        if kept and isinstance(kept[-1], str):
            kept[-1] = kept[-1].rstrip()
        kept = [k for k in kept if k != ""]
    node.children = kept
    if node.tag == "br":
        return True
    return bool(kept)


def parse_html(html: str) -> list[Node] | None:
    """Blocks of a (cleaned) HTML body; None when libxml2 gave up on it (absurd nesting)."""
    if not html.strip():
        return []
    parser = _parser()
    root = etree.fromstring(html.encode("utf-8", "replace"), parser)
    if any(error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for error in parser.error_log):
        return None
    if root is None:
        return []
    body = root.find("body")
    if body is None:
        return []
    etree.strip_elements(body, *_DROP, with_tail=False)
    flow = _Flow()
    _flow_into(flow, body, 0)
    return [block for block in flow.blocks if _normalize(block)]


def parse_text(text: str) -> list[Node]:
    """Blocks of a plain-text body: paragraphs split on blank lines, line breaks kept."""
    blocks = []
    for para in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [line.strip() for line in para.strip().split("\n") if line.strip()]
        if not lines:
            continue
        node = Node("p")
        for i, line in enumerate(lines):
            if i:
                node.children.append(Node("br"))
            node.children.append(_SPACE.sub(" ", line))
        blocks.append(node)
    return blocks


@lru_cache(maxsize=8)
def body_blocks(body_html: str, body_text: str) -> tuple[Node, ...]:
    """The body from its HTML, or from its text when the HTML holds nothing or cannot be
    parsed. Cached because every format of one article asks for the same body; callers must
    not mutate the result."""
    return tuple(parse_html(body_html) or parse_text(body_text))


def to_html(blocks: Sequence[Node], styles: Mapping[str, str] | None = None) -> str:
    """Serialize blocks as an HTML fragment that is also well-formed XML. ``styles`` maps a
    tag to an inline ``style`` attribute (for mail clients, which ignore style sheets)."""
    out: list[str] = []
    _emit_html(blocks, out, styles or {})
    return "".join(out)


def _emit_html(children: Sequence[Node | str], out: list[str], styles: Mapping[str, str]) -> None:
    for child in children:
        if isinstance(child, str):
            out.append(escape(child, quote=False))
        elif child.tag == "br":
            out.append("<br />")
        else:
            attrs = ""
            if child.tag == "a":
                attrs = f' href="{escape(child.href or "", quote=True)}"'
            if child.tag in styles:
                attrs += f' style="{escape(styles[child.tag], quote=True)}"'
            out.append(f"<{child.tag}{attrs}>")
            _emit_html(child.children, out, styles)
            out.append(f"</{child.tag}>")


def to_text(blocks: Sequence[Node]) -> str:
    """Plain text: blocks separated by blank lines, list items bulleted."""
    parts: list[str] = []
    for block in blocks:
        if block.tag in _LIST:
            items = [_inline_text(item) for item in block.children if isinstance(item, Node)]
            marks = [f"{i}. " for i in range(1, len(items) + 1)] if block.tag == "ol" else ["- "] * len(items)
            parts.append("\n".join(m + item for m, item in zip(marks, items, strict=True)))
        elif block.tag == "blockquote":
            inner = to_text([b for b in block.children if isinstance(b, Node)])
            parts.append("\n".join("> " + line if line else ">" for line in inner.split("\n")))
        else:
            parts.append(_inline_text(block))
    return "\n\n".join(parts)


def _inline_text(node: Node) -> str:
    out: list[str] = []

    def walk(n: Node) -> None:
        for child in n.children:
            if isinstance(child, str):
                out.append(child)
            elif child.tag == "br":
                out.append("\n")
            else:
                walk(child)

    walk(node)
    return "".join(out)
