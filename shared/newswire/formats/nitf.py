"""NITF 3.6 (News Industry Text Format), in its 2006 namespace so it validates against the XSD."""

from __future__ import annotations

import re

from lxml import etree

from ._markup import Node, body_blocks
from ._view import MEDIATOPIC_URI, ArticleView, Subject
from ._xml import write_inline
from .text import dateline

# NITF has no registered media type; application/xml is what NITF consumers accept (see docs).
MEDIA_TYPE = "application/xml"

NS = "http://iptc.org/std/NITF/2006-10-18/"
_N = "{%s}" % NS
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_BLOCK_TAGS = {"p": "p", "h2": "hl2", "h3": "hl2", "h4": "hl2", "ul": "ul", "ol": "ol",
               "li": "li", "pre": "pre", "blockquote": "bq"}
_INLINE_TAGS = {"strong": "em", "em": "em", "a": "a", "br": "br"}
_TAGS = {k: _N + v for k, v in (_BLOCK_TAGS | _INLINE_TAGS).items()}
_MEDTOP = re.compile(r"medtop:(\d{8})")


def _inline_attrs(node: Node) -> dict[str, str]:
    if node.tag == "a":
        return {"href": node.href or ""}
    if node.tag == "strong":
        return {"class": "strong"}
    return {}


def _el(parent: etree._Element, name: str, text: str | None = None, /, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, _N + name, attrs)
    if text:
        element.text = text
    return element


def write_blocks(parent: etree._Element, blocks: tuple[Node, ...] | list[Node]) -> None:
    for block in blocks:
        if block.tag in ("ul", "ol"):
            lst = etree.SubElement(parent, _TAGS[block.tag])
            for item in block.children:
                assert isinstance(item, Node)
                write_inline(etree.SubElement(lst, _TAGS["li"]), item.children, _TAGS, _inline_attrs)
        elif block.tag == "blockquote":
            # <bq> holds <block> elements, which hold the blocks.
            inner = _el(etree.SubElement(parent, _TAGS["blockquote"]), "block")
            write_blocks(inner, [b for b in block.children if isinstance(b, Node)])
        elif block.tag == "pre":
            etree.SubElement(parent, _TAGS["pre"]).text = "".join(
                c if isinstance(c, str) else "\n" for c in block.children
            )
        else:
            write_inline(etree.SubElement(parent, _TAGS[block.tag]), block.children, _TAGS, _inline_attrs)


def _norm(v: ArticleView) -> str:
    return v.version_created.strftime("%Y%m%dT%H%M%SZ")


def _classifier(parent: etree._Element, subject: Subject) -> None:
    medtop = _MEDTOP.fullmatch(subject.qcode)
    scheme, _, code = subject.qcode.partition(":")
    _el(parent, "classifier", subject.name, type="subject",
        idsrc=MEDIATOPIC_URI if medtop else scheme, value=code)


def build(v: ArticleView) -> etree._Element:
    attrs = {"version": "-//IPTC//DTD NITF 3.6//EN", "change.date": "September 11, 2009",
             "change.time": "12:26"}
    if v.language:
        attrs["baselang"] = v.language
        attrs[_XML_LANG] = v.language
    root = etree.Element(_N + "nitf", attrs, nsmap={None: NS})

    head = _el(root, "head")
    if v.headline:
        _el(head, "title", v.headline)
    medtops = [(s, m.group(1)) for s in v.subjects if (m := _MEDTOP.fullmatch(s.qcode))]
    if medtops:
        tobject = _el(head, "tobject", **{"tobject.type": "news"})
        for subject, number in medtops:
            extra = {"tobject.subject.matter": subject.name} if subject.name else {}
            _el(tobject, "tobject.subject", **{"tobject.subject.ipr": "IPTC",
                                               "tobject.subject.refnum": number}, **extra)
    docdata = _el(head, "docdata", **{"management-status": v.pubstatus})
    _el(docdata, "doc-id", **{"id-string": v.guid})
    if v.urgency is not None:
        _el(docdata, "urgency", **{"ed-urg": str(v.urgency)})
    _el(docdata, "date.issue", norm=_norm(v))
    if v.embargoed:
        _el(docdata, "date.release", norm=v.embargoed.strftime("%Y%m%dT%H%M%SZ"))
    if v.ednote:
        _el(docdata, "ed-msg", info=v.ednote)
    if v.slugline:
        _el(docdata, "du-key", key=v.slugline, version=str(v.version))
    if v.keywords:
        keys = _el(docdata, "key-list")
        for keyword in v.keywords:
            _el(keys, "keyword", key=keyword)
    if v.people or v.organisations or v.places or v.subjects:
        found = _el(docdata, "identified-content")
        for person in v.people:
            _el(found, "person", person.name)
        for org in v.organisations:
            _el(found, "org", org.name)
        for place in v.places:
            extra = {"location-code": place.uri, "code-source": "geonames"} if place.uri else {}
            _el(found, "location", place.name, **extra)
        for subject in v.subjects:
            _classifier(found, subject)
    if v.source:
        _el(head, "pubdata", name=v.source, type="web")

    body = _el(root, "body")
    body_head = _el(body, "body.head")
    if v.headline:
        _el(_el(body_head, "hedline"), "hl1", v.headline)
    if v.byline:
        _el(body_head, "byline", v.byline)
    if v.located or v.dateline_date:
        line = _el(body_head, "dateline")
        if v.located:
            _el(line, "location", v.located)
        if v.dateline_date:
            if v.located:
                line[-1].tail = ", "
            when = dateline(v).rpartition(", ")[2] if v.located else dateline(v)
            _el(line, "story.date", when, norm=v.dateline_date.strftime("%Y%m%dT000000Z"))
    if v.summary:
        _el(_el(body_head, "abstract"), "p", v.summary)
    write_blocks(_el(body, "body.content"), body_blocks(v.body_html, v.body_text))
    return root


def render_nitf(v: ArticleView) -> bytes:
    return etree.tostring(build(v), xml_declaration=True, encoding="UTF-8")
