"""Writing the body blocks into lxml trees, for the XML formats."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from lxml import etree

from ._markup import Node

Tags = Mapping[str, str]  # body tag -> the element name (with namespace) a format uses


def append_text(parent: etree._Element, text: str) -> None:
    """Append text after the last child of ``parent`` (lxml keeps it in .text or a .tail)."""
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def write_inline(
    parent: etree._Element,
    children: Sequence[Node | str],
    tags: Tags,
    attrs: Callable[[Node], dict[str, str]],
) -> None:
    for child in children:
        if isinstance(child, str):
            append_text(parent, child)
            continue
        element = etree.SubElement(parent, tags[child.tag], attrs(child))
        write_inline(element, child.children, tags, attrs)
