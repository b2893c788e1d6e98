import json
import socket
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import httpx
import pytest
from standardwebhooks.webhooks import Webhook

from newswire.deliveries import Channel, Delivery, DeliveryStatus, delivery_id, next_retry
from newswire.models import EventType, Format
from newswire.netguard import TargetPolicy
from newswire.signing import secret_key
from newswire.subscribers import new_webhook_secret
from newswire.webhooks import WebhookRequest, build_client, decide, envelope, retry_after_seconds, send, send_all

NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
SCHEDULE = (0, 5, 300)


def delivery(attempts: int = 0) -> Delivery:
    return Delivery(
        id="wh_1", article_id="a", subscriber_id="s", channel=Channel.WEBHOOK, event=EventType.PUBLISHED,
        format=Format.NINJS2, target="https://receiver.example/hook", created_at=NOW, updated_at=NOW, attempt_count=attempts,
    )  # fmt: skip


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


def test_send_signs_and_records_the_attempt() -> None:
    secret = new_webhook_secret()
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(503, headers={"retry-after": "60"}, text="busy")

    client = build_client(policy=TargetPolicy(), timeout=1, max_connections=4, transport=httpx.MockTransport(handler))
    body = envelope(EventType.PUBLISHED, NOW, b"{}")
    result = send(client, WebhookRequest(delivery(), body, "application/json", [secret_key(secret)]), SCHEDULE)
    [request] = seen
    Webhook(secret).verify(request.content, dict(request.headers))
    assert request.headers["webhook-id"] == "wh_1" and request.headers["newswire-event-type"] == "article.published"
    assert result.attempt.status_code == 503 and result.attempt.response == "busy" and result.attempt.error == "HTTP 503"
    assert result.outcome.status is DeliveryStatus.PENDING
    assert result.outcome.retry_at is not None and result.outcome.retry_at > datetime.now(timezone.utc) + timedelta(seconds=55)


def test_redirects_are_not_followed() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return httpx.Response(302, headers={"location": "https://elsewhere.example/"})

    client = build_client(policy=TargetPolicy(), timeout=1, max_connections=4, transport=httpx.MockTransport(handler))
    result = send(client, WebhookRequest(delivery(), b"{}", "application/json", [b"k"]), SCHEDULE)
    assert calls == ["https://receiver.example/hook"] and result.outcome.status is DeliveryStatus.PENDING


def test_transport_errors_are_recorded_not_raised() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("timed out", request=request)

    client = build_client(policy=TargetPolicy(), timeout=1, max_connections=4, transport=httpx.MockTransport(handler))
    result = send(client, WebhookRequest(delivery(attempts=2), b"{}", "application/json", [b"k"]), SCHEDULE)
    assert result.attempt.status_code is None and "ConnectTimeout" in (result.attempt.error or "")
    assert result.outcome.status is DeliveryStatus.FAILED  # third attempt of a three-step schedule


def test_one_slow_endpoint_does_not_hold_up_the_batch() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/slow":
            time.sleep(1.0)
        return httpx.Response(200)

    client = build_client(policy=TargetPolicy(), timeout=5, max_connections=16, transport=httpx.MockTransport(handler))
    requests = [WebhookRequest(delivery().model_copy(update={"target": f"https://r.example/{'slow' if i == 0 else i}"}), b"{}", "application/json", [b"k"]) for i in range(20)]  # fmt: skip
    finished: dict[str, float] = {}
    started = time.perf_counter()
    with ThreadPoolExecutor(16) as pool:
        for result in send_all(client, requests, SCHEDULE, pool):
            finished[result.delivery.target] = result.attempt.duration_ms
    assert all(ms < 500 for target, ms in finished.items() if not target.endswith("/slow"))
    assert time.perf_counter() - started < 1.9  # the batch waited once for the slow one, not 20 times


def test_the_real_client_refuses_loopback_unless_allowed() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/hook"
        guarded = build_client(policy=TargetPolicy(), timeout=1, max_connections=2)
        result = send(guarded, WebhookRequest(delivery().model_copy(update={"target": url}), b"{}", "application/json", [b"k"]), SCHEDULE)
        assert result.attempt.status_code is None and "not a public address" in (result.attempt.error or "")
