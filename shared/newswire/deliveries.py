"""Delivery records (one per subscriber channel and article event) and their attempts,
and the rules that decide what happens after an attempt."""

from __future__ import annotations

import enum
import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from pydantic import BaseModel, Field

from newswire.models import EventType, Format

MAX_ATTEMPTS_KEPT = 20
RESPONSE_EXCERPT_BYTES = 1024
WITHDRAWN = "the article was killed before this could be delivered"


class Channel(str, enum.Enum):
    WEBHOOK = "webhook"
    EMAIL = "email"


class DeliveryStatus(str, enum.Enum):
    PENDING = "pending"  # waiting for its first or next attempt
    DELIVERED = "delivered"
    FAILED = "failed"  # gave up: schedule exhausted, permanent refusal, or target gone

    @property
    def final(self) -> bool:
        return self is not DeliveryStatus.PENDING


class Attempt(BaseModel):
    at: datetime
    duration_ms: float
    status_code: int | None = None  # HTTP status or SMTP reply code
    error: str | None = None
    response: str | None = None  # truncated response body


class Delivery(BaseModel):
    id: str
    article_id: str
    subscriber_id: str
    channel: Channel
    event: EventType
    format: Format
    target: str  # webhook URL or email address
    status: DeliveryStatus = DeliveryStatus.PENDING
    created_at: datetime
    updated_at: datetime
    next_attempt_at: datetime | None = None
    attempt_count: int = 0
    last_error: str | None = None
    attempts: list[Attempt] = Field(default_factory=list)  # the latest MAX_ATTEMPTS_KEPT

    def record(self, attempt: Attempt) -> None:
        self.attempt_count += 1
        self.attempts = [*self.attempts, attempt][-MAX_ATTEMPTS_KEPT:]
        self.updated_at = attempt.at
        self.last_error = attempt.error

    def conclude(self, outcome: Outcome) -> Delivery:
        self.status, self.next_attempt_at = outcome.status, outcome.retry_at
        return self

    def withdrawn(self, killed: set[str]) -> bool:
        """A story killed since this delivery was made is not sent any more (its kill is)."""
        return self.article_id in killed and self.event is not EventType.KILLED

    def fail(self, reason: str, now: datetime) -> Delivery:
        """Give up without sending: the target or the article is gone."""
        self.record(Attempt(at=now, duration_ms=0.0, error=reason))
        return self.conclude(Outcome(DeliveryStatus.FAILED))


def delivery_id(article_id: str, subscriber_id: str, channel: Channel, event: EventType, target: str) -> str:
    """Deterministic, so processing an article twice creates no second delivery.

    Also the ``webhook-id`` receivers dedupe on: stable across retries of one delivery."""
    key = "\x1f".join((article_id, subscriber_id, channel.value, event.value, target))
    prefix = "wh" if channel is Channel.WEBHOOK else "em"
    return f"{prefix}_{hashlib.blake2b(key.encode(), digest_size=12).hexdigest()}"


def channel_of(delivery_id_: str) -> Channel:
    return Channel.WEBHOOK if delivery_id_.startswith("wh_") else Channel.EMAIL


@dataclass(frozen=True)
class Outcome:
    """What an attempt means for its delivery."""

    status: DeliveryStatus
    retry_at: datetime | None = None
    disable_endpoint: bool = False


def next_retry(
    schedule: Sequence[float], attempts_made: int, now: datetime, *, at_least: float = 0.0
) -> datetime | None:
    """When to try again after ``attempts_made`` failed attempts, or None when the schedule is spent.

    ``schedule[0]`` is the first attempt ("now"); each later step gets ±10% jitter so that
    retries of one outage do not arrive at the receiver all at once.
    """
    if attempts_made >= len(schedule):
        return None
    delay = max(schedule[attempts_made] * random.uniform(0.9, 1.1), at_least)
    return now + timedelta(seconds=delay)
