import json
from datetime import datetime, timedelta, timezone

import pytest

from newswire.models import ArticleIn, ArticleStatus
from newswire.submissions import SubmissionError, from_ninjs, new_article, parse_submission

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def test_wire_text_is_parsed_and_validated() -> None:
    article = parse_submission("text/plain; charset=utf-8", b"headline: Hi\nurgency: 2\n\nBody.")
    assert (article.headline, article.urgency, article.body_text) == ("Hi", 2, "Body.")


def test_other_charsets_are_decoded_when_declared() -> None:
    article = parse_submission("text/plain; charset=iso-8859-1", "Caf\u00e9 society.".encode("latin-1"))
    assert article.body_text == "Caf\u00e9 society."


@pytest.mark.parametrize(
    ("content_type", "body", "status"),
    [
        ("text/plain", b"urgency: 0\n\nBody", 422),
        ("text/plain", b"version: two\n\nBody", 422),
        ("text/plain", b"\xff\xfe", 400),
        ("text/plain; charset=klingon", b"Body", 400),
        ("application/json", b'{"body_text": "x", "extra": 1}', 422),
        ("application/json", b'"just a string"', 422),
        ("application/json", b"{", 400),
        ("application/json", b"[" * 100_000, 400),
        ("image/png", b"Body", 415),
    ],
)
def test_bad_submissions_raise_with_an_http_status(content_type: str, body: bytes, status: int) -> None:
    with pytest.raises(SubmissionError) as caught:
        parse_submission(content_type, body)
    assert caught.value.status == status and caught.value.message


def test_lone_surrogates_in_json_become_replacement_characters() -> None:
    article = parse_submission("application/json", b'{"body_text": "a\\ud800b \\ud83d\\ude00"}')
    assert article.body_text == "a\ufffdb \U0001f600"


def test_ninjs2_document_is_mapped() -> None:
    doc = {
        "uri": "urn:example:1", "version": "4", "headline": "Floods", "body_html": "<p>Water.</p>", "urgency": 2,
        "language": "en", "subject": [{"name": "weather", "uri": "http://cv.iptc.org/newscodes/mediatopic/17000000"},
                                      {"code": "medtop:06000000"}, {"name": "no code"}],
    }  # fmt: skip
    article = parse_submission("application/json", json.dumps(doc).encode())
    assert article.guid == "urn:example:1" and article.version == 4 and article.headline == "Floods"
    assert article.subjects == ["medtop:17000000", "medtop:06000000"]


def test_ninjs3_headlines_and_bodies_are_mapped() -> None:
    fields = from_ninjs({"uri": "u", "headlines": [{"value": "Title"}], "bodies": [{"contenttype": "text/plain", "value": "Text"}]})
    assert fields == {"guid": "u", "headline": "Title", "body_text": "Text"}


def test_a_new_article_has_sanitized_html_and_its_text() -> None:
    new = new_article(ArticleIn(body_html="<p>Hi<script>x()</script></p><p>there</p>"), article_id="a1", now=NOW)
    assert (new.id, new.guid, new.version, new.status) == ("a1", "urn:newswire:a1", 1, ArticleStatus.QUEUED)
    stored = new.article()
    assert stored.body_html == "<p>Hi</p><p>there</p>" and stored.body_text == "Hi\n\nthere"
    assert (stored.id, stored.guid, stored.received_at, stored.status) == ("a1", "urn:newswire:a1", NOW, ArticleStatus.QUEUED)


def test_a_text_article_is_stored_without_html_and_read_with_it() -> None:
    new = new_article(ArticleIn(guid="g", body_text="One\n\nTwo <3", headline="H", urgency=2), article_id="a2", now=NOW)
    assert "body_html" not in json.loads(new.record)
    stored = new.article()
    assert stored.body_html == "<p>One</p><p>Two &lt;3</p>" and stored.body_text == "One\n\nTwo <3"
    assert (stored.guid, stored.headline, stored.urgency, stored.byline) == ("g", "H", 2, None)


def test_html_that_sanitizes_to_nothing_is_rejected() -> None:
    with pytest.raises(SubmissionError, match="no body"):
        new_article(ArticleIn(body_html="<script>only()</script>"), article_id="a", now=NOW)


def test_future_embargo_marks_the_article_embargoed_and_naive_times_are_utc() -> None:
    article = new_article(ArticleIn(body_text="x", embargoed=NOW.replace(tzinfo=None) + timedelta(hours=1)), article_id="a", now=NOW)
    assert article.status is ArticleStatus.EMBARGOED
    assert article.embargoed == NOW + timedelta(hours=1) == article.article().embargoed
    past = new_article(ArticleIn(body_text="x", embargoed=NOW - timedelta(hours=1)), article_id="b", now=NOW)
    assert past.status is ArticleStatus.QUEUED and past.embargoed is None
    assert past.article().embargoed == NOW - timedelta(hours=1)  # kept on the record


def test_control_characters_are_removed_at_intake() -> None:
    assert parse_submission("text/plain", b"headline: A\x07B\n\nBody\x00 text").body_text == "Body text"
    assert parse_submission("application/json", b'{"body_text": "x\\u0001y"}').body_text == "xy"
