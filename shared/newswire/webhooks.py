"""Sending webhooks: the Standard Webhooks request, a pooled client, concurrent batches, and
what each answer means for the delivery.

The transport is injected (``build_client(transport=...)``), so the decision logic is tested
with ``httpx.MockTransport`` and the real path with real receivers.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone

import httpcore
import httpx

from newswire.deliveries import RESPONSE_EXCERPT_BYTES, Attempt, Delivery, DeliveryStatus, Outcome, next_retry
from newswire.models import EventType
from newswire.netguard import GuardedBackend, TargetPolicy
from newswire.signing import sign

EVENT_HEADER = "newswire-event-type"
USER_AGENT = "Newswire-Webhooks/1"


@dataclass(frozen=True)
class WebhookRequest:
    delivery: Delivery
    body: bytes
    content_type: str
    keys: Sequence[bytes]  # HMAC keys of every valid secret of the subscriber


@dataclass(frozen=True)
class WebhookResult:
    delivery: Delivery
    attempt: Attempt
    outcome: Outcome


def envelope(event: EventType, timestamp: datetime, data: bytes) -> bytes:
    """The JSON envelope around a JSON document, built without re-parsing the document."""
    stamp = timestamp.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")
    return b'{"type":"' + event.value.encode() + b'","timestamp":"' + stamp.encode() + b'","data":' + data + b"}"


def build_client(
    *,
    policy: TargetPolicy,
    timeout: float,
    max_connections: int,
    transport: httpx.BaseTransport | None = None,
) -> httpx.Client:
    """A pooled client that never follows redirects and connects only where ``policy`` allows."""
    if transport is None:
        guarded = httpx.HTTPTransport(retries=0)
        # httpx does not expose the network backend; swap in a pool that connects through the guard.
        guarded._pool = httpcore.ConnectionPool(  # noqa: SLF001
            ssl_context=httpx.create_ssl_context(),
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            keepalive_expiry=30.0,
            network_backend=GuardedBackend(policy),
        )
        transport = guarded
    return httpx.Client(
        transport=transport,
        timeout=httpx.Timeout(timeout),
        follow_redirects=False,
        headers={"user-agent": USER_AGENT},
    )


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """``Retry-After`` as seconds: either delta-seconds or an HTTP date."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max((when - now).total_seconds(), 0.0)


def decide(
    status_code: int | None, retry_after: float | None, attempts_made: int, schedule: Sequence[float], now: datetime
) -> Outcome:
    """Only 2xx is success; 410 disables the endpoint; everything else is retried on the
    schedule (429/503 no sooner than ``Retry-After``) and then fails."""
    if status_code is not None and 200 <= status_code < 300:
        return Outcome(DeliveryStatus.DELIVERED)
    if status_code == 410:
        return Outcome(DeliveryStatus.FAILED, disable_endpoint=True)
    at_least = retry_after if status_code in (429, 503) and retry_after else 0.0
    retry_at = next_retry(schedule, attempts_made, now, at_least=at_least)
    return Outcome(DeliveryStatus.PENDING, retry_at=retry_at) if retry_at else Outcome(DeliveryStatus.FAILED)


def send(client: httpx.Client, request: WebhookRequest, schedule: Sequence[float]) -> WebhookResult:
    delivery = request.delivery
    timestamp = int(time.time())
    headers = {
        "content-type": request.content_type,
        "webhook-id": delivery.id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(request.keys, delivery.id, timestamp, request.body),
        EVENT_HEADER: delivery.event.value,
    }
    started = time.perf_counter()
    status_code: int | None = None
    error: str | None = None
    excerpt: str | None = None
    retry_after: float | None = None
    now = datetime.now(timezone.utc)
    try:
        response = client.post(delivery.target, content=request.body, headers=headers)
        status_code = response.status_code
        excerpt = response.content[:RESPONSE_EXCERPT_BYTES].decode("utf-8", "replace") or None
        retry_after = retry_after_seconds(response.headers.get("retry-after"), now)
        if not response.is_success:
            error = f"HTTP {status_code}"
    except httpx.HTTPError as exc:
        error = f"{type(exc).__name__}: {exc}"[:500] or type(exc).__name__
    attempt = Attempt(
        at=now, duration_ms=round((time.perf_counter() - started) * 1000, 2), status_code=status_code,
        error=error, response=excerpt,
    )  # fmt: skip
    return WebhookResult(delivery, attempt, decide(status_code, retry_after, delivery.attempt_count + 1, schedule, now))


def send_all(
    client: httpx.Client,
    requests: Sequence[WebhookRequest],
    schedule: Sequence[float],
    executor: ThreadPoolExecutor,
) -> list[WebhookResult]:
    """Send concurrently: each request waits on its own socket, so one slow endpoint holds up
    only its own thread, never the batch (each request has the client's timeout)."""
    one: Callable[[WebhookRequest], WebhookResult] = lambda request: send(client, request, schedule)  # noqa: E731
    if len(requests) == 1:
        return [one(requests[0])]
    return list(executor.map(one, requests))
