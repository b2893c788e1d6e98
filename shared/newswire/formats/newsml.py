"""NewsML-G2 2.35 newsItem (power conformance) with the body as inline XHTML."""

from __future__ import annotations

from lxml import etree

from ._markup import Node, body_blocks
from ._view import ArticleView, Named, iso
from ._xml import write_inline
from .text import dateline

MEDIA_TYPE = "application/vnd.iptc.g2.newsitem+xml"

NS = "http://iptc.org/std/nar/2006-10-01/"
XHTML = "http://www.w3.org/1999/xhtml"
_G = "{%s}" % NS
_H = "{%s}" % XHTML
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"
# The body's tags are already XHTML names; only the namespace is added.
_XHTML_TAGS = {t: _H + t for t in "p h2 h3 h4 ul ol li pre blockquote strong em a br".split()}


def _el(parent: etree._Element, name: str, text: str | None = None, /, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, _G + name, attrs)
    if text:
        element.text = text
    return element


def _inline_attrs(node: Node) -> dict[str, str]:
    return {"href": node.href or ""} if node.tag == "a" else {}


def write_xhtml(parent: etree._Element, blocks: tuple[Node, ...] | list[Node]) -> None:
    for block in blocks:
        element = etree.SubElement(parent, _XHTML_TAGS[block.tag])
        if block.tag in ("ul", "ol"):
            for item in block.children:
                assert isinstance(item, Node)
                write_inline(etree.SubElement(element, _H + "li"), item.children, _XHTML_TAGS, _inline_attrs)
        elif block.tag == "blockquote":
            write_xhtml(element, [b for b in block.children if isinstance(b, Node)])
        else:
            write_inline(element, block.children, _XHTML_TAGS, _inline_attrs)


def _concept(parent: etree._Element, kind: str, entity: Named) -> None:
    """A person, organisation or place as a subject: ``literal`` ids are not allowed to hold
    arbitrary names, so the name travels in <name> and a URI identifies it when known."""
    attrs = {"type": kind}
    if entity.uri:
        attrs["uri"] = entity.uri
    subject = _el(parent, "subject", **attrs)
    _el(subject, "name", entity.name)


def build(v: ArticleView) -> etree._Element:
    attrs = {"guid": v.uri, "version": str(v.version), "standard": "NewsML-G2",
             "standardversion": "2.35", "conformance": "power"}
    if v.language:
        attrs[_XML_LANG] = v.language
    root = etree.Element(_G + "newsItem", attrs, nsmap={None: NS})
    _el(root, "catalogRef", href=CATALOG)

    meta = _el(root, "itemMeta")
    _el(meta, "itemClass", qcode="ninat:text")
    provider = _el(meta, "provider", literal="newswire")
    _el(provider, "name", "Newswire")
    _el(meta, "versionCreated", iso(v.version_created))
    _el(meta, "firstCreated", iso(v.first_created))
    if v.embargoed:
        _el(meta, "embargoed", iso(v.embargoed))
    _el(meta, "pubStatus", qcode=f"stat:{v.pubstatus}")
    if v.ednote:
        _el(meta, "edNote", v.ednote)
    if v.version > 1:
        _el(meta, "signal", qcode="sig:update")

    content = _el(root, "contentMeta")
    if v.urgency is not None:
        _el(content, "urgency", str(v.urgency))
    if v.located:
        _el(_el(content, "located"), "name", v.located)
    if v.source:
        _el(_el(content, "infoSource", role="infosrc:originator"), "name", v.source)
    if v.uri != v.guid:
        _el(content, "altId", v.guid, type="idtype:guid")
    if v.language:
        _el(content, "language", tag=v.language)
    if v.genre_code:
        _el(_el(content, "genre", qcode=f"genre:{v.genre_code}"), "name", v.genre)
    for keyword in v.keywords:
        _el(content, "keyword", keyword)
    for subject in v.subjects:
        element = _el(content, "subject", type="cpnat:abstract", qcode=subject.qcode)
        if subject.name:
            _el(element, "name", subject.name)
    for person in v.people:
        _concept(content, "cpnat:person", person)
    for org in v.organisations:
        _concept(content, "cpnat:organisation", org)
    for place in v.places:
        _concept(content, "cpnat:geoArea", place)
    if v.slugline:
        _el(content, "slugline", v.slugline)
    if v.headline:
        _el(content, "headline", v.headline)
    if line := dateline(v):
        _el(content, "dateline", line)
    if v.byline:
        _el(content, "by", v.byline)
    if v.summary:
        _el(content, "description", v.summary, role="drol:summary")

    inline = _el(_el(root, "contentSet"), "inlineXML", contenttype="application/xhtml+xml",
                 wordcount=str(v.wordcount))
    html = etree.SubElement(inline, _H + "html", nsmap={None: XHTML})
    if v.language:
        html.set("lang", v.language)
        html.set(_XML_LANG, v.language)
    etree.SubElement(etree.SubElement(html, _H + "head"), _H + "title").text = v.headline
    write_xhtml(etree.SubElement(html, _H + "body"), body_blocks(v.body_html, v.body_text))
    return root


def render_newsml(v: ArticleView) -> bytes:
    return etree.tostring(build(v), xml_declaration=True, encoding="UTF-8")
