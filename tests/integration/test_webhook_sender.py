"""The webhook sender against real receivers on 127.0.0.1: signing, answers, redirects,
timeouts, concurrency, and the SSRF guard at connect time."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
from standardwebhooks.webhooks import Webhook

from newswire.deliveries import Channel, Delivery, DeliveryStatus
from newswire.models import EventType, Format
from newswire.netguard import TargetPolicy
from newswire.signing import secret_key
from newswire.subscribers import new_webhook_secret
from newswire.webhooks import WebhookRequest, WebhookSender, envelope
from tests.support.processes import free_port
from tests.support.receiver import Receiver

pytestmark = pytest.mark.integration
NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)
SCHEDULE = (0, 5, 300)


def request(url: str, *, attempts: int = 0, keys: tuple[bytes, ...] = (b"k",), delivery_id: str = "wh_1") -> WebhookRequest:
    delivery = Delivery(
        id=delivery_id, article_id="a", subscriber_id="s", channel=Channel.WEBHOOK, event=EventType.PUBLISHED,
        format=Format.NINJS2, target=url, created_at=NOW, updated_at=NOW, attempt_count=attempts,
    )  # fmt: skip
    return WebhookRequest(delivery, envelope(EventType.PUBLISHED, NOW, b"{}"), "application/json", keys)


@pytest.fixture
def sender() -> Iterator[WebhookSender]:
    s = WebhookSender(policy=TargetPolicy(allow_private=True), timeout=2, max_in_flight=32)
    yield s
    s.close()


def test_signed_request_and_recorded_attempt(sender: WebhookSender, receiver: Receiver) -> None:
    secret = new_webhook_secret()
    receiver.respond("/hook", 503, headers={"retry-after": "60"})
    [result] = sender.send_all([request(receiver.url("/hook"), keys=(secret_key(secret),))], SCHEDULE)
    [received] = receiver.on("/hook")
    Webhook(secret).verify(received.body, received.headers)
    assert received.headers["webhook-id"] == "wh_1" and received.headers["newswire-event-type"] == "article.published"
    assert received.headers["content-type"] == "application/json"
    assert result.attempt.status_code == 503 and result.attempt.response == "ok" and result.attempt.error == "HTTP 503"
    assert result.outcome.status is DeliveryStatus.PENDING
    assert result.outcome.retry_at is not None
    assert result.outcome.retry_at > datetime.now(timezone.utc) + timedelta(seconds=55)


def test_success_and_connection_reuse(sender: WebhookSender, receiver: Receiver) -> None:
    for _ in range(3):
        [result] = sender.send_all([request(receiver.url("/ok"))], SCHEDULE)
        assert result.outcome.status is DeliveryStatus.DELIVERED and result.attempt.status_code == 200
    assert len(receiver.on("/ok")) == 3


def test_redirects_are_not_followed(sender: WebhookSender, receiver: Receiver) -> None:
    receiver.respond("/moved", 302, headers={"location": receiver.url("/elsewhere")})
    [result] = sender.send_all([request(receiver.url("/moved"))], SCHEDULE)
    assert result.attempt.status_code == 302 and result.outcome.status is DeliveryStatus.PENDING
    assert receiver.on("/elsewhere") == []


def test_connection_refused_is_recorded_not_raised(sender: WebhookSender) -> None:
    [result] = sender.send_all([request(f"http://127.0.0.1:{free_port()}/", attempts=2)], SCHEDULE)
    assert result.attempt.status_code is None and result.attempt.error
    assert result.outcome.status is DeliveryStatus.FAILED  # the third attempt of a three-step schedule


def test_a_slow_endpoint_times_out_without_holding_up_the_others(receiver: Receiver) -> None:
    sender = WebhookSender(policy=TargetPolicy(allow_private=True), timeout=0.5, max_in_flight=32)
    try:
        receiver.respond("/slow", 200, delay=2)
        requests = [request(receiver.url("/slow"), delivery_id="wh_slow")]
        requests += [request(receiver.url(f"/fast/{i}"), delivery_id=f"wh_{i}") for i in range(20)]
        started = time.perf_counter()
        results = {r.delivery.id: r for r in sender.send_all(requests, SCHEDULE)}
        elapsed = time.perf_counter() - started
    finally:
        sender.close()
    assert results["wh_slow"].attempt.error == "no answer within 0.5 s"
    assert results["wh_slow"].outcome.status is DeliveryStatus.PENDING
    assert all(r.outcome.status is DeliveryStatus.DELIVERED for i, r in results.items() if i != "wh_slow")
    assert elapsed < 1.5  # the batch waited for the timeout, not for the slow answer


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]"])
def test_private_targets_are_refused_at_connect_time(receiver: Receiver, host: str) -> None:
    guarded = WebhookSender(policy=TargetPolicy(), timeout=2, max_in_flight=4)
    try:
        [result] = guarded.send_all([request(f"http://{host}:{receiver.port}/hook")], SCHEDULE)
    finally:
        guarded.close()
    assert result.attempt.status_code is None and "not a public address" in (result.attempt.error or "")
    assert receiver.on("/hook") == []
