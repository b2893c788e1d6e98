"""What the rendered documents say: fields mapped, hostile text escaped or cleaned, scripts gone."""

from __future__ import annotations

import time

import orjson
import pytest

from newswire.formats import render
from newswire.formats.email import build_email_parts
from newswire.models import Article, Format
from tests.unit.corpus import CORPUS, EMOJI, RTL, SCRIPT_MARKERS, XML_SPECIALS, enrichment, huge_article, make_article
from tests.unit.test_formats import parse_xml, validate

G2 = "{http://iptc.org/std/nar/2006-10-01/}"
NITF = "{http://iptc.org/std/NITF/2006-10-18/}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def ninjs(article: Article, fmt: Format = Format.NINJS2) -> dict:
    return orjson.loads(render(article, fmt).body)


def xml(article: Article, fmt: Format):  # type: ignore[no-untyped-def]
    return parse_xml(render(article, fmt).body)


def headlines(article: Article) -> dict[Format, str]:
    """The headline as each format carries it, read back with a real parser."""
    g2 = xml(article, Format.NEWSMLG2)
    nitf = xml(article, Format.NITF)
    page = xml(article, Format.HTML)
    return {
        Format.NINJS2: ninjs(article)["headlines"][0]["value"],
        Format.NINJS3: ninjs(article, Format.NINJS3)["headlines"][0]["value"],
        Format.NEWSMLG2: g2.findtext(f"{G2}contentMeta/{G2}headline"),
        Format.NITF: nitf.findtext(f"{NITF}body/{NITF}body.head/{NITF}hedline/{NITF}hl1"),
        Format.HTML: page.findtext(f".//{XHTML}h1"),
        Format.TEXT: render(article, Format.TEXT).body.decode().split("\n")[0],
    }


def test_markup_characters_survive_escaped_in_every_format() -> None:
    for fmt, headline in headlines(CORPUS["xml_specials"]).items():
        assert headline == f"Headline {XML_SPECIALS}", fmt
    for fmt in (Format.NEWSMLG2, Format.NITF, Format.HTML):
        assert b"<tag>" not in render(CORPUS["xml_specials"], fmt).body


def test_emoji_and_right_to_left_text_are_kept_exactly() -> None:
    for fmt, headline in headlines(CORPUS["emoji"]).items():
        assert headline == f"Headline {EMOJI}".strip(), fmt
    for fmt, headline in headlines(CORPUS["rtl"]).items():
        assert headline == f"Headline {RTL}", fmt
    assert 'dir="auto"' in render(CORPUS["rtl"], Format.HTML).body.decode()


def test_control_characters_are_stripped() -> None:
    for fmt, headline in headlines(CORPUS["control_chars"]).items():
        assert headline == "Headline \x7f", fmt  # DEL is allowed by XML 1.0; the rest are gone
    body = ninjs(CORPUS["control_chars"])["bodies"][1]["value"]
    assert not any(ord(c) < 32 and c not in "\t\n\r" for c in body)


def test_lone_surrogates_become_replacement_characters() -> None:
    expected = "Headline lone \ufffd high, \ufffd low, reversed \ufffd\ufffd pair"
    for fmt, headline in headlines(CORPUS["lone_surrogates"]).items():
        assert headline == expected, fmt


def test_a_split_surrogate_pair_is_joined() -> None:
    article = make_article(body_text="x").model_copy(update={"headline": "news \ud83d\udcf0"})
    assert ninjs(article)["headlines"][0]["value"] == "news 📰"


@pytest.mark.parametrize("fmt", list(Format), ids=lambda f: f.value)
@pytest.mark.parametrize("name", ["hostile_html_raw", "hostile_html_sanitized"])
def test_scripts_and_event_handlers_are_gone(name: str, fmt: Format) -> None:
    body = render(CORPUS[name], fmt).body.decode().lower()
    if fmt is Format.HTML:
        body = body.partition("</head>")[2]  # the page's own style sheet sits in the head
    for marker in SCRIPT_MARKERS:
        assert marker not in body, marker
    assert "good link" in body and "cell 1" in body and "tail text" in body


@pytest.mark.parametrize("fmt", [Format.NEWSMLG2, Format.HTML], ids=lambda f: f.value)
def test_body_structure_is_kept_as_xhtml(fmt: Format) -> None:
    root = xml(CORPUS["hostile_html_raw"], fmt)
    body = root.find(f".//{XHTML}body") if fmt is Format.NEWSMLG2 else root.find(f".//{XHTML}div")
    assert body is not None
    assert body.find(f".//{XHTML}strong").text == "bold"
    assert body.find(f".//{XHTML}a").get("href") == "https://example.org/?a=1&b=2"
    assert [li.text for li in body.iter(f"{XHTML}li")] == ["one", "two deep"]
    assert body.find(f".//{XHTML}pre").text == "  keep\n  spacing  "
    assert all(not name.startswith("on") for el in body.iter() for name in el.attrib)


def test_nitf_body_uses_nitf_elements() -> None:
    content = xml(CORPUS["hostile_html_raw"], Format.NITF).find(f".//{NITF}body.content")
    tags = {el.tag.removeprefix(NITF) for el in content.iter()}
    assert {"p", "em", "a", "ul", "li", "bq", "block", "pre", "hl2"} <= tags
    assert tags <= {"body.content", "p", "em", "a", "br", "ul", "ol", "li", "bq", "block", "pre", "hl2"}


def test_deeply_nested_html_keeps_its_text() -> None:
    for fmt in Format:
        assert b"deep text" in render(CORPUS["deep_html"], fmt).body


def test_a_100000_word_body_renders_quickly_in_every_format() -> None:
    article = huge_article()  # a fresh article: no cached body
    for fmt in Format:
        start = time.perf_counter()
        rendered = render(article, fmt)
        assert time.perf_counter() - start < 1.0, fmt
        assert rendered.body.count(b"lorem") >= 14_000, fmt
    assert ninjs(article)["bodies"][0]["wordcount"] == 100_000


def test_ninjs2_maps_the_article_and_its_enrichment() -> None:
    doc = ninjs(CORPUS["full"])
    assert doc["uri"] == "urn:newsml:example.org:20250425:crimea"
    assert doc["version"] == "2"
    assert doc["headlines"] == [{"role": "main", "contenttype": "text/plain", "value": "Klitschko splits leadership"}]
    assert doc["slugline"] == "ukraine-crimea" and doc["by"] == "Staff Reporter" and doc["located"] == "Kiev"
    assert doc["language"] == "en-GB" and doc["urgency"] == 3 and doc["pubstatus"] == "usable"
    assert doc["embargoed"] == "2025-04-25T11:30:00Z" and doc["firstcreated"] == "2025-04-25T09:30:00Z"
    assert doc["people"] == [{"name": "Vitali Klitschko", "rel": "mentioned"}]
    assert doc["places"] == [{"name": "Kiev", "rel": "mentioned", "uri": "http://sws.geonames.org/703448/"}]
    assert doc["organisations"] == [{"name": "European Union", "rel": "mentioned"}]
    assert {"literal": "medtop:11000000", "rel": "about", "name": "politics",
            "uri": "http://cv.iptc.org/newscodes/mediatopic/11000000"} in doc["subjects"]
    assert {"name": "peace talks", "rel": "keyword"} in doc["subjects"]
    assert doc["descriptions"] == [{"role": "summary", "contenttype": "text/plain", "value": "A short summary."}]
    assert doc["genres"] == [{"name": "analysis", "uri": "http://cv.iptc.org/newscodes/genre/Analysis"}]
    html_body, text_body = doc["bodies"]
    assert html_body["contenttype"] == "text/html" and "<strong>paragraph</strong>" in html_body["value"]
    assert text_body["contenttype"] == "text/plain" and "First paragraph." in text_body["value"]


def test_ninjs3_uses_camel_case_names() -> None:
    doc = ninjs(CORPUS["full"], Format.NINJS3)
    assert {"pubStatus", "embargoedUntil", "firstCreated", "versionCreated", "edNote"} <= set(doc)
    assert doc["bodies"][0]["contentType"] == "text/html"
    assert doc["standard"] == {"name": "ninjs", "version": "3.1",
                               "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"}


def test_supplied_fields_win_and_enrichment_fills_the_gaps() -> None:
    supplied = make_article(headline="Supplied", slugline="mine", language="fr", enrichment=enrichment())
    assert ninjs(supplied)["headlines"][0]["value"] == "Supplied"
    assert ninjs(supplied)["slugline"] == "mine" and ninjs(supplied)["language"] == "fr"
    fallback = make_article(enrichment=enrichment())
    doc = ninjs(fallback)
    assert doc["headlines"][0]["value"] == "Enriched headline"
    assert doc["slugline"] == "enriched-slug" and doc["language"] == "en" and doc["located"] == "Kiev"


def test_empty_optional_fields_are_left_out() -> None:
    doc = ninjs(CORPUS["empty_optionals"])
    assert not {"headlines", "slugline", "by", "language", "subjects", "people", "urgency"} & set(doc)
    g2 = xml(CORPUS["empty_optionals"], Format.NEWSMLG2)
    assert g2.find(f"{G2}contentMeta/{G2}headline") is None


def test_newsml_content_meta() -> None:
    meta = xml(CORPUS["full"], Format.NEWSMLG2).find(f"{G2}contentMeta")
    assert meta.findtext(f"{G2}urgency") == "3"
    assert meta.findtext(f"{G2}slugline") == "ukraine-crimea"
    assert meta.findtext(f"{G2}by") == "Staff Reporter"
    assert meta.findtext(f"{G2}dateline") == "KIEV, 25 April 2025"
    assert meta.findtext(f"{G2}located/{G2}name") == "Kiev"
    assert meta.find(f"{G2}language").get("tag") == "en-GB"
    qcodes = [s.get("qcode") for s in meta.iter(f"{G2}subject") if s.get("type") == "cpnat:abstract"]
    assert qcodes == ["medtop:11000000", "medtop:16000000"]
    kinds = {s.get("type"): s.findtext(f"{G2}name") for s in meta.iter(f"{G2}subject")}
    assert kinds["cpnat:person"] == "Vitali Klitschko"
    assert kinds["cpnat:organisation"] == "European Union"
    assert kinds["cpnat:geoArea"] == "Kiev"
    assert [k.text for k in meta.iter(f"{G2}keyword")] == ["crimea", "peace talks"]


def test_killed_article_is_marked_canceled_everywhere() -> None:
    killed = CORPUS["killed"]
    assert ninjs(killed)["pubstatus"] == "canceled"
    assert ninjs(killed, Format.NINJS3)["pubStatus"] == "canceled"
    assert xml(killed, Format.NEWSMLG2).find(f"{G2}itemMeta/{G2}pubStatus").get("qcode") == "stat:canceled"
    assert xml(killed, Format.NITF).find(f".//{NITF}docdata").get("management-status") == "canceled"
    assert b"Withdrawn" in render(killed, Format.HTML).body
    assert render(killed, Format.TEXT).body.startswith(b"KILL:")


def test_guid_that_is_not_a_uri_is_carried_as_an_alternative_id() -> None:
    doc = ninjs(CORPUS["odd_identifiers"])
    assert doc["uri"].startswith("urn:newswire:") and " " not in doc["uri"]
    assert doc["altids"] == [{"role": "guid", "value": "not a uri / ünïcode ?#"}]
    assert doc["language"] == "en"  # "english please" is no language tag: the enrichment's is used


def test_html_page_is_standalone_and_safe() -> None:
    page = render(CORPUS["full"], Format.HTML).body.decode()
    assert page.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in page and "<script" not in page
    assert "src=" not in page and "<link" not in page  # no external resources


def test_text_format_layout() -> None:
    text = render(CORPUS["full"], Format.TEXT).body.decode()
    assert text.startswith("EMBARGOED UNTIL 2025-04-25 11:30 UTC\n\nKlitschko splits leadership\nBy Staff Reporter\n")
    assert "KIEV, 25 April 2025" in text and "First paragraph." in text


def test_email_parts() -> None:
    text, html = build_email_parts(CORPUS["hostile_html_raw"])
    assert text == render(CORPUS["hostile_html_raw"], Format.TEXT).body.decode()
    root = parse_xml(html.encode())  # well-formed
    assert "<style" not in html and "<script" not in html and "alert(" not in html
    assert root.findtext(".//h1") == "Raw HTML"
    assert all(el.get("style") for el in root.iter("p", "h1", "ul", "blockquote", "pre", "a"))
    hostile_text, hostile_html = build_email_parts(CORPUS["lone_surrogates"])
    hostile_html.encode("utf-8")
    hostile_text.encode("utf-8")
    validate(Format.TEXT, hostile_text.encode())
