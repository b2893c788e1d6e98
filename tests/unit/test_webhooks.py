import json
from datetime import datetime, timedelta, timezone

import pytest

from newswire.deliveries import Channel, DeliveryStatus, delivery_id, next_retry
from newswire.models import EventType
from newswire.webhooks import decide, envelope, retry_after_seconds

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
SCHEDULE = (0, 5, 300)


@pytest.mark.parametrize("status", [200, 201, 204, 299])
def test_only_2xx_is_success(status: int) -> None:
    assert decide(status, None, 1, SCHEDULE, NOW).status is DeliveryStatus.DELIVERED


@pytest.mark.parametrize("status", [None, 301, 302, 400, 404, 429, 500, 503])
def test_everything_else_is_retried_on_the_schedule(status: int | None) -> None:
    outcome = decide(status, None, 1, SCHEDULE, NOW)
    assert outcome.status is DeliveryStatus.PENDING
    assert outcome.retry_at is not None
    assert NOW + timedelta(seconds=4.5) <= outcome.retry_at <= NOW + timedelta(seconds=5.5)


def test_the_schedule_runs_out_into_failure() -> None:
    assert decide(500, None, 3, SCHEDULE, NOW).status is DeliveryStatus.FAILED


def test_410_disables_the_endpoint() -> None:
    outcome = decide(410, None, 1, SCHEDULE, NOW)
    assert outcome.status is DeliveryStatus.FAILED and outcome.disable_endpoint


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_is_honoured_for_429_and_503(status: int) -> None:
    outcome = decide(status, 120.0, 1, SCHEDULE, NOW)
    assert outcome.retry_at is not None and outcome.retry_at >= NOW + timedelta(seconds=120)
    assert decide(500, 120.0, 1, SCHEDULE, NOW).retry_at < NOW + timedelta(seconds=6)  # type: ignore[operator]


def test_retry_after_as_seconds_or_http_date() -> None:
    assert retry_after_seconds("30", NOW) == 30
    assert retry_after_seconds("Thu, 01 Jan 2026 00:01:00 GMT", NOW) == 60
    assert retry_after_seconds("soon", NOW) is None and retry_after_seconds(None, NOW) is None


def test_jitter_stays_within_ten_percent() -> None:
    for _ in range(200):
        at = next_retry((0, 100), 1, NOW)
        assert at is not None and NOW + timedelta(seconds=90) <= at <= NOW + timedelta(seconds=110)
    assert next_retry((0, 100), 2, NOW) is None


def test_delivery_ids_are_deterministic_and_distinct() -> None:
    one = delivery_id("a", "s", Channel.WEBHOOK, EventType.PUBLISHED, "u")
    assert one == delivery_id("a", "s", Channel.WEBHOOK, EventType.PUBLISHED, "u") and one.startswith("wh_")
    assert one != delivery_id("a", "s", Channel.WEBHOOK, EventType.KILLED, "u")
    assert delivery_id("a", "s", Channel.EMAIL, EventType.PUBLISHED, "x@y.z").startswith("em_")


def test_envelope_wraps_the_document_without_reparsing() -> None:
    body = envelope(EventType.UPDATED, NOW, b'{"uri":"u"}')
    assert json.loads(body) == {"type": "article.updated", "timestamp": "2026-01-01T00:00:00Z", "data": {"uri": "u"}}
