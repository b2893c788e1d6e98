"""Every format, for every corpus article and for generated ones, validates against its
official standard in ``../shared/standards`` (skipped, with the reason, when that folder is absent).

``validate`` is also used by the other format tests.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

from newswire.formats import MEDIA_TYPES, Rendered, render
from newswire.models import Article, Format
from tests.unit.corpus import CORPUS, articles

REPO_ROOT = Path(__file__).resolve().parents[2]
STANDARDS = REPO_ROOT.parent / "shared" / "standards"

_JSON_SCHEMAS = {Format.NINJS2: "ninjs-schema_2.2.json", Format.NINJS3: "ninjs-schema_3.1.json"}
_XML_SCHEMAS = {Format.NEWSMLG2: "NewsML-G2_2.35-spec-All-Power.xsd", Format.NITF: "nitf-3-6.xsd"}
# RFC 3986 absolute URI (jsonschema checks "uri" only with optional packages, so check here).
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*")
_RFC3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _schema_path(name: str) -> Path:
    path = STANDARDS / name
    if not path.is_file():
        pytest.skip(f"official schema {name} not found in {STANDARDS} (the shared standards folder)")
    return path


_FORMATS = jsonschema.FormatChecker()


@_FORMATS.checks("uri")
def _is_uri(value: object) -> bool:
    return not isinstance(value, str) or bool(_URI.fullmatch(value))


@_FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not _RFC3339.fullmatch(value):
        raise ValueError(f"not RFC 3339: {value!r}")
    datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True


@cache
def _json_validator(name: str) -> jsonschema.Draft202012Validator:
    schema = orjson.loads(_schema_path(name).read_bytes())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=_FORMATS)


@cache
def _xml_schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(_schema_path(name))))


_STRICT = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def parse_xml(body: bytes) -> etree._Element:
    """Parse strictly: any well-formedness error fails."""
    return etree.fromstring(body, _STRICT)


def validate(fmt: Format, body: bytes) -> Any:
    """Validate a rendered document against its standard; return the parsed document."""
    if fmt in _JSON_SCHEMAS:
        document = orjson.loads(body)
        errors = sorted(_json_validator(_JSON_SCHEMAS[fmt]).iter_errors(document), key=str)
        assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message[:300]}" for e in errors[:5])
        return document
    if fmt in _XML_SCHEMAS:
        document = parse_xml(body)
        schema = _xml_schema(_XML_SCHEMAS[fmt])
        assert schema.validate(document), str(schema.error_log)[:2000]
        return document
    text = body.decode("utf-8")  # strict: fails on anything that is not UTF-8
    assert not _XML_FORBIDDEN.search(text)
    if fmt is Format.HTML:
        return parse_xml(body)  # the page is polyglot: well-formed XML as well as HTML
    return text


@pytest.mark.parametrize("fmt", list(Format), ids=lambda f: f.value)
@pytest.mark.parametrize("name", list(CORPUS))
def test_corpus_article_validates(name: str, fmt: Format) -> None:
    rendered = render(CORPUS[name], fmt)
    assert isinstance(rendered, Rendered)
    assert rendered.media_type == MEDIA_TYPES[fmt]
    validate(fmt, rendered.body)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article=articles())
def test_generated_articles_validate_in_every_format(article: Article) -> None:
    for fmt in Format:
        validate(fmt, render(article, fmt).body)


def test_every_format_has_a_renderer_and_media_type() -> None:
    assert set(MEDIA_TYPES) == set(Format)
    assert MEDIA_TYPES == {
        Format.NINJS2: "application/json",
        Format.NINJS3: "application/json",
        Format.NEWSMLG2: "application/vnd.iptc.g2.newsitem+xml",
        Format.NITF: "application/xml",
        Format.HTML: "text/html; charset=utf-8",
        Format.TEXT: "text/plain; charset=utf-8",
    }


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError):
        render(CORPUS["minimal"], "rtf")  # type: ignore[arg-type]


def test_format_values_are_accepted_as_strings() -> None:
    assert render(CORPUS["minimal"], "ninjs2") == render(CORPUS["minimal"], Format.NINJS2)  # type: ignore[arg-type]


def test_rendering_is_deterministic() -> None:
    for fmt in Format:
        assert render(CORPUS["full"], fmt) == render(CORPUS["full"], fmt)
