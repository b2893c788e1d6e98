from datetime import datetime, timedelta, timezone
from email import message_from_bytes, policy

import pytest

from newswire.deliveries import DeliveryStatus
from newswire.formats.email import build_email_parts
from newswire.mail import UnsubscribeLinks, compose, decide_smtp, subject
from newswire.models import EventType, Format
from tests.unit.builders import article

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


def message(fmt: Format = Format.HTML, headline: str = "Storm\r\nBcc: x@example.com") -> object:
    item = article()
    item.headline = headline
    built = compose(
        article=item, parts=build_email_parts(item), event=EventType.UPDATED, fmt=fmt, delivery_id="em_abc",
        to="reader@example.com", mail_from="Desk <desk@news.example>", unsubscribe_url="https://n.example/u?token=t", now=NOW,
    )  # fmt: skip
    return message_from_bytes(built.as_bytes(), policy=policy.default)


def test_message_is_multipart_alternative_with_list_unsubscribe() -> None:
    parsed = message()
    assert parsed.get_content_type() == "multipart/alternative"  # type: ignore[attr-defined]
    assert parsed["Message-ID"] == "<em_abc@news.example>"  # type: ignore[index]
    assert parsed["List-Unsubscribe"] == "<https://n.example/u?token=t>"  # type: ignore[index]
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"  # type: ignore[index]
    assert parsed["Subject"] == "Updated: Storm Bcc: x@example.com" and parsed["Bcc"] is None  # type: ignore[index]
    html = parsed.get_body(("html",)).get_content()  # type: ignore[attr-defined]
    assert 'href="https://n.example/u?token=t"' in html


def test_text_format_sends_text_only() -> None:
    parsed = message(Format.TEXT)
    assert parsed.get_content_type() == "text/plain"  # type: ignore[attr-defined]
    assert "Unsubscribe: https://n.example/u?token=t" in parsed.get_content()  # type: ignore[attr-defined]


def test_subject_is_one_bounded_line() -> None:
    assert subject("a\nb\tc", EventType.PUBLISHED) == "a b c"
    assert subject("", EventType.KILLED) == "Withdrawn: News"
    assert len(subject("x" * 1000, EventType.PUBLISHED)) == 200


@pytest.mark.parametrize(("code", "status"), [(250, DeliveryStatus.DELIVERED), (550, DeliveryStatus.FAILED),
                                              (451, DeliveryStatus.PENDING), (None, DeliveryStatus.PENDING)])  # fmt: skip
def test_smtp_replies(code: int | None, status: DeliveryStatus) -> None:
    outcome = decide_smtp(code, 1, (0, 60), NOW)
    assert outcome.status is status
    if status is DeliveryStatus.PENDING:
        assert outcome.retry_at is not None and outcome.retry_at >= NOW + timedelta(seconds=54)


def test_4xx_fails_when_the_schedule_is_spent() -> None:
    assert decide_smtp(451, 2, (0, 60), NOW).status is DeliveryStatus.FAILED


def test_unsubscribe_tokens_are_signed() -> None:
    links = UnsubscribeLinks("key", "https://n.example/")
    token = links.token("sub1", "a@example.com")
    assert links.read(token) == ("sub1", "a@example.com")
    assert links.url("sub1", "a@example.com").startswith("https://n.example/v1/unsubscribe?token=")
    assert UnsubscribeLinks("other key", "https://n.example").read(token) is None
    forged = links.token("sub1", "b@example.com").split(".")[0] + "." + token.split(".")[1]
    assert links.read(forged) is None
    assert links.read("garbage") is None and links.read("!!!.???") is None
