"""What a worker process holds for its lifetime: one Redis store, one webhook sender (an event
loop with a pooled HTTP client), the subscriber index. Built lazily in each process, after
Celery forks: sockets and event loops must not cross a fork."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from newswire.config import Settings, get_settings
from newswire.netguard import TargetPolicy
from newswire.processing import SubscriberCache
from newswire.store import Store
from newswire.subscribers import SecretBox
from newswire.webhooks import WebhookSender


@dataclass
class Resources:
    settings: Settings
    store: Store
    sender: WebhookSender
    box: SecretBox
    subscribers: SubscriberCache = field(default_factory=SubscriberCache)


@cache
def resources() -> Resources:
    settings = get_settings()
    return Resources(
        settings=settings,
        store=Store.from_settings(settings),
        sender=WebhookSender(
            policy=TargetPolicy.from_settings(settings),
            timeout=settings.delivery_timeout,
            max_in_flight=settings.webhook_concurrency,
        ),
        box=SecretBox.from_settings(settings),
    )
