"""Sending webhooks: the Standard Webhooks request, a pooled asyncio client, concurrent
batches, and what each answer means for the delivery.

What an answer means (``decide``) is a pure function, tested on its own; the sender is tested
against real receivers on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import email.utils
import errno
import functools
import ipaddress
import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlsplit

import aiohttp
import aiohttp.abc
from aiohttp.abc import ResolveResult

from newswire.deliveries import RESPONSE_EXCERPT_BYTES, Attempt, Delivery, DeliveryStatus, Outcome, next_retry
from newswire.models import EventType
from newswire.netguard import BlockedTarget, TargetPolicy
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


class WebhookSender:
    """Sends webhook batches from one asyncio event loop per worker process, over one aiohttp
    session whose connection pool is kept between batches.

    Many requests are in flight at once (up to ``max_in_flight``), each bounded by ``timeout``
    from the moment it starts, so one slow or dead endpoint holds up only itself. Connections
    go only to addresses the target policy allows (see ``GuardedResolver``), and redirects are
    never followed. Celery tasks are synchronous, so ``send_all`` drives the loop until the
    batch is done.
    """

    def __init__(self, *, policy: TargetPolicy, timeout: float, max_in_flight: int) -> None:
        self._policy = policy
        self._timeout = timeout
        self._max_in_flight = max_in_flight
        self._loop = _new_event_loop()
        self._session: aiohttp.ClientSession | None = None
        # Hosts checked once per process: every delivery of a batch goes to a known few hosts.
        self._check_host = functools.lru_cache(maxsize=4096)(self._check_literal_host)

    def _open(self) -> aiohttp.ClientSession:
        if self._session is None:
            connector = aiohttp.TCPConnector(
                limit=self._max_in_flight,
                resolver=GuardedResolver(self._policy),
                ttl_dns_cache=10,
                enable_cleanup_closed=True,
            )
            self._session = aiohttp.ClientSession(
                connector=connector,
                headers={"user-agent": USER_AGENT},
                skip_auto_headers=("accept-encoding",),
                timeout=aiohttp.ClientTimeout(total=None),  # bounded per request in _send
            )
        return self._session

    def send_all(self, requests: Sequence[WebhookRequest], schedule: Sequence[float]) -> list[WebhookResult]:
        return self._loop.run_until_complete(self._send_all(requests, schedule))

    async def _send_all(self, requests: Sequence[WebhookRequest], schedule: Sequence[float]) -> list[WebhookResult]:
        session = self._open()
        slots = asyncio.Semaphore(self._max_in_flight)
        return list(await asyncio.gather(*(self._send(session, slots, request, schedule) for request in requests)))

    async def _send(
        self, session: aiohttp.ClientSession, slots: asyncio.Semaphore, request: WebhookRequest, schedule: Sequence[float]
    ) -> WebhookResult:
        delivery = request.delivery
        async with slots:
            timestamp = int(time.time())
            headers = {
                "content-type": request.content_type,
                "webhook-id": delivery.id,
                "webhook-timestamp": str(timestamp),
                "webhook-signature": sign(request.keys, delivery.id, timestamp, request.body),
                EVENT_HEADER: delivery.event.value,
            }
            started = time.perf_counter()
            now = datetime.now(timezone.utc)
            status_code: int | None = None
            error: str | None = None
            excerpt: str | None = None
            retry_after: float | None = None
            try:
                self._check_literal_address(delivery.target)
                async with asyncio.timeout(self._timeout):
                    async with session.post(delivery.target, data=request.body, headers=headers, allow_redirects=False) as response:
                        status_code = response.status
                        retry_after = retry_after_seconds(response.headers.get("retry-after"), now)
                        excerpt = (await _read_excerpt(response)).decode("utf-8", "replace") or None
                if not 200 <= status_code < 300:
                    error = f"HTTP {status_code}"
            except TimeoutError:
                error = f"no answer within {self._timeout:g} s"
            except (aiohttp.ClientError, OSError, ValueError) as exc:
                error = f"{type(exc).__name__}: {exc}"[:500]
            attempt = Attempt(
                at=now, duration_ms=round((time.perf_counter() - started) * 1000, 2), status_code=status_code,
                error=error, response=excerpt,
            )  # fmt: skip
        return WebhookResult(delivery, attempt, decide(status_code, retry_after, delivery.attempt_count + 1, schedule, now))

    def _check_literal_address(self, url: str) -> None:
        """aiohttp does not resolve IP literals, so they are checked here instead."""
        self._check_host(urlsplit(url).hostname or "")

    def _check_literal_host(self, host: str) -> None:
        try:
            address = ipaddress.ip_address(host)
        except ValueError:
            return  # a name: GuardedResolver checks what it resolves to
        self._policy.check_address(address)

    def close(self) -> None:
        if self._session is not None:
            self._loop.run_until_complete(self._session.close())
            self._session = None
        self._loop.close()


async def _read_excerpt(response: aiohttp.ClientResponse) -> bytes:
    """The start of the response body. A short body is read whole, so the connection can be
    reused; a long one is cut, and its connection closed."""
    if response.content_length is not None and response.content_length <= 64 * 1024:
        return (await response.read())[:RESPONSE_EXCERPT_BYTES]
    return await response.content.read(RESPONSE_EXCERPT_BYTES)


class GuardedResolver(aiohttp.abc.AbstractResolver):
    """Resolves through the target policy: every address is checked, and the connection is made
    to one of the checked addresses, so DNS cannot change between check and connect."""

    def __init__(self, policy: TargetPolicy) -> None:
        self._policy = policy

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        try:
            addresses = await asyncio.get_running_loop().run_in_executor(None, self._policy.resolve, host, port)
        except BlockedTarget as exc:  # aiohttp reports an OSError's strerror in its own error
            raise OSError(errno.EACCES, str(exc)) from exc
        return [
            ResolveResult(
                hostname=host, host=str(address), port=port, proto=0, flags=socket.AI_NUMERICHOST,
                family=socket.AF_INET6 if address.version == 6 else socket.AF_INET,
            )  # fmt: skip
            for address in addresses
        ]

    async def close(self) -> None:
        pass


def _new_event_loop() -> asyncio.AbstractEventLoop:
    try:
        import uvloop
    except ImportError:  # uvloop is optional (not on Windows); asyncio's loop works too
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()
