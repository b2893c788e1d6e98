"""What a worker process holds for its lifetime: one Redis store, one pooled HTTP client, one
thread pool, the subscriber index. Built lazily in each process (after Celery forks)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache

import httpx

from newswire.config import Settings, get_settings
from newswire.netguard import TargetPolicy
from newswire.processing import SubscriberCache
from newswire.store import Store
from newswire.subscribers import SecretBox
from newswire.webhooks import build_client


@dataclass
class Resources:
    settings: Settings
    store: Store
    client: httpx.Client
    executor: ThreadPoolExecutor
    box: SecretBox
    subscribers: SubscriberCache = field(default_factory=SubscriberCache)


@cache
def resources() -> Resources:
    settings = get_settings()
    return Resources(
        settings=settings,
        store=Store.from_settings(settings),
        client=build_client(
            policy=TargetPolicy.from_settings(settings),
            timeout=settings.delivery_timeout,
            max_connections=settings.webhook_concurrency,
        ),
        executor=ThreadPoolExecutor(max_workers=settings.webhook_concurrency, thread_name_prefix="webhook"),
        box=SecretBox.from_settings(settings),
    )
