"""IPTC ninjs 2.2 and 3.1 (JSON). 3.1 uses camelCase property names; otherwise the two
documents carry the same fields, so one builder makes both."""

from __future__ import annotations

from typing import Any

import orjson

from ._markup import body_blocks, to_html
from ._view import GENRE_URI, ArticleView, Named, iso
from .text import text_body

MEDIA_TYPE = "application/json"

_SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_{}.json#"
# 3.1 name -> 2.2 name where it is not simply the lower-cased 3.1 name.
_RENAMED_22 = {"embargoedUntil": "embargoed"}


def _named(items: tuple[Named, ...]) -> list[dict[str, str]]:
    out = []
    for item in items:
        entry = {"name": item.name, "rel": "mentioned"}
        if item.uri:
            entry["uri"] = item.uri
        out.append(entry)
    return out


def _document(v: ArticleView, standard_version: str) -> dict[str, Any]:
    """The ninjs 3.1 document (camelCase names)."""
    doc: dict[str, Any] = {
        "uri": v.uri,
        "type": "text",
        "representationType": "full",
        "version": str(v.version),
        "firstCreated": iso(v.first_created),
        "versionCreated": iso(v.version_created),
        "pubStatus": v.pubstatus,
        "standard": {
            "name": "ninjs",
            "version": standard_version,
            "schema": _SCHEMA_URI.format(standard_version),
        },
    }
    if v.uri != v.guid:
        doc["altIds"] = [{"role": "guid", "value": v.guid}]
    if v.embargoed:
        doc["embargoedUntil"] = iso(v.embargoed)
    if v.urgency is not None:
        doc["urgency"] = v.urgency
    if v.language:
        doc["language"] = v.language
    if v.ednote:
        doc["edNote"] = v.ednote
    if v.headline:
        doc["headlines"] = [{"role": "main", "contentType": "text/plain", "value": v.headline}]
    if v.slugline:
        doc["slugline"] = v.slugline
    if v.byline:
        doc["by"] = v.byline
    if v.located:
        doc["located"] = v.located
    if v.genre:
        genre: dict[str, str] = {"name": v.genre}
        if v.genre_code:
            genre["uri"] = GENRE_URI + v.genre_code
        doc["genres"] = [genre]
    if v.source:
        doc["infoSources"] = [{"name": v.source, "role": "originator"}]
    if v.summary:
        doc["descriptions"] = [{"role": "summary", "contentType": "text/plain", "value": v.summary}]
    doc["bodies"] = [
        {
            "role": "main",
            "contentType": "text/html",
            "charCount": v.charcount,
            "wordCount": v.wordcount,
            "value": to_html(body_blocks(v.body_html, v.body_text)),
        },
        {
            "role": "main",
            "contentType": "text/plain",
            "charCount": v.charcount,
            "wordCount": v.wordcount,
            "value": text_body(v),
        },
    ]
    if v.people:
        doc["people"] = _named(v.people)
    if v.organisations:
        doc["organisations"] = _named(v.organisations)
    if v.places:
        doc["places"] = _named(v.places)
    subjects: list[dict[str, str]] = []
    for subject in v.subjects:
        entry = {"literal": subject.qcode, "rel": "about"}
        if subject.name:
            entry["name"] = subject.name
        if subject.uri:
            entry["uri"] = subject.uri
        subjects.append(entry)
    # ninjs has no keyword property: keywords travel as subjects without an identifier.
    subjects.extend({"name": keyword, "rel": "keyword"} for keyword in v.keywords)
    if subjects:
        doc["subjects"] = subjects
    return doc


def _to_22(doc: dict[str, Any]) -> dict[str, Any]:
    """Rename a 3.1 document's properties to 2.2's lower-case names (one level of nesting
    is all the builder produces)."""

    def key(name: str) -> str:
        return _RENAMED_22.get(name) or name.lower()

    out: dict[str, Any] = {}
    for name, value in doc.items():
        if isinstance(value, list):
            value = [{key(k): x for k, x in item.items()} if isinstance(item, dict) else item for item in value]
        out[key(name)] = value
    return out


def render_ninjs2(v: ArticleView) -> bytes:
    return orjson.dumps(_to_22(_document(v, "2.2")))


def render_ninjs3(v: ArticleView) -> bytes:
    return orjson.dumps(_document(v, "3.1"))
