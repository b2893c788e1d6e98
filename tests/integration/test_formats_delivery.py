"""Each subscriber gets the format it chose: JSON formats in the envelope, XML, HTML and text
as the raw document with the event type in a header; the API serves every format."""

from __future__ import annotations

import json

import httpx
import jsonschema
import pytest
from lxml import etree
from standardwebhooks.webhooks import Webhook

from tests.integration.helpers import add_subscriber, post_article, verified, wait_processed
from tests.support.paths import standard
from tests.support.receiver import Receiver

pytestmark = pytest.mark.integration

ARTICLE = {
    "headline": "Court rules on <harbour> & \"quay\" dispute",
    "byline": "Desk",
    "urgency": 2,
    "body_html": "<p>The court in Gdansk ruled on Monday.</p><p onclick='x()'>Ships may dock again.<script>bad()</script></p>",
}


def xml_schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(standard(name))))


def test_each_subscriber_receives_its_format(admin: httpx.Client, newsroom: httpx.Client, receiver: Receiver) -> None:
    subscribers = {fmt: add_subscriber(admin, receiver, f"/{fmt}", webhook={"format": fmt})
                   for fmt in ("ninjs2", "ninjs3", "newsmlg2", "nitf", "html", "text")}  # fmt: skip
    post_article(newsroom, ARTICLE)
    got = {fmt: receiver.wait(f"/{fmt}")[0] for fmt in subscribers}

    ninjs3 = verified(got["ninjs3"], subscribers["ninjs3"]["secret"])
    jsonschema.Draft202012Validator(json.loads(standard("ninjs-schema_3.1.json").read_text())).validate(ninjs3["data"])
    assert verified(got["ninjs2"], subscribers["ninjs2"]["secret"])["type"] == "article.published"

    for fmt, schema in (("newsmlg2", "NewsML-G2_2.35-spec-All-Power.xsd"), ("nitf", "nitf-3-6.xsd")):
        request = got[fmt]
        Webhook(subscribers[fmt]["secret"]).verify(request.body, request.headers, json_parse=False)  # signed too
        assert request.headers["newswire-event-type"] == "article.published"
        assert request.headers["content-type"].startswith("application/")
        document = etree.fromstring(request.body)
        xml_schema(schema).assertValid(document)
        assert b"bad()" not in request.body and b"Ships may dock again." in request.body

    for fmt in ("html", "text"):
        Webhook(subscribers[fmt]["secret"]).verify(got[fmt].body, got[fmt].headers, json_parse=False)
        assert got[fmt].headers["newswire-event-type"] == "article.published"
    assert got["html"].headers["content-type"] == "text/html; charset=utf-8"
    assert "Court rules on &lt;harbour&gt;" in got["html"].body.decode()
    assert got["text"].headers["content-type"] == "text/plain; charset=utf-8"
    assert "Ships may dock again." in got["text"].body.decode()


def test_formats_are_served_with_their_media_types(admin: httpx.Client, newsroom: httpx.Client, redis_client) -> None:
    accepted = post_article(newsroom, ARTICLE).json()
    wait_processed(admin, accepted["id"])
    expected = {
        "ninjs2": "application/json", "ninjs3": "application/json",
        "newsmlg2": "application/vnd.iptc.g2.newsitem+xml", "nitf": "application/xml",
        "html": "text/html; charset=utf-8", "text": "text/plain; charset=utf-8",
    }  # fmt: skip
    for fmt, media_type in expected.items():
        response = newsroom.get(f"/v1/articles/{accepted['id']}/formats/{fmt}")
        assert response.status_code == 200, (fmt, response.text)
        assert response.headers["content-type"] == media_type
    for fmt in expected:  # each rendered once and kept: ninjs2 by the worker, the rest on first request
        kept = redis_client.get(f"nw:article:{accepted['id']}:format:{fmt}")
        assert kept == newsroom.get(f"/v1/articles/{accepted['id']}/formats/{fmt}").content

    unknown = newsroom.get(f"/v1/articles/{accepted['id']}/formats/pdf")
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "unknown_format"
    assert newsroom.get("/v1/articles/no-such-article/formats/html").status_code == 404
