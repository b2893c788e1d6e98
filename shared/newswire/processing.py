"""Processing an article, once: enrich, match subscribers, render each needed format once,
and record a delivery per subscriber channel. Plain functions; the worker task only calls them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from newswire.deliveries import Channel, Delivery, delivery_id
from newswire.enrichment import broader_topics, enrich
from newswire.formats import render
from newswire.matching import SubscriberIndex, article_facets
from newswire.models import Article, ArticleStatus, EventType, Format
from newswire.store import Store
from newswire.subscribers import Subscriber

API_FORMAT = Format.NINJS2  # always rendered: the API and the default webhook format
RECORD_CHUNK = 1000  # deliveries recorded (and queued) at a time


@dataclass
class Processed:
    webhook_ids: list[str] = field(default_factory=list)
    email_ids: list[str] = field(default_factory=list)


class SubscriberCache:
    """The subscriber index of one worker process, rebuilt only when subscribers change."""

    def __init__(self) -> None:
        self._version: bytes | None = None
        self.index = SubscriberIndex(())
        self.subscribers: dict[str, Subscriber] = {}

    def refresh(self, store: Store) -> None:
        version = store.subscribers_version()  # read before the data: the data is never older
        if version != self._version:
            subscribers = store.all_subscribers()
            self.index = SubscriberIndex(subscribers)
            self.subscribers = {s.id: s for s in subscribers}
            self._version = version


def event_for(article: Article, versions: dict[int, str]) -> EventType:
    if article.status is ArticleStatus.KILLED:
        return EventType.KILLED
    return EventType.UPDATED if any(v < article.version for v in versions) else EventType.PUBLISHED


def plan_deliveries(article: Article, subscribers: list[Subscriber], now: datetime) -> list[Delivery]:
    """One delivery per matched webhook, and one per email address (so one refusing mailbox
    fails alone)."""
    deliveries: list[Delivery] = []

    def add(subscriber: Subscriber, channel: Channel, target: str, fmt: Format) -> None:
        deliveries.append(
            Delivery(
                id=delivery_id(article.id, subscriber.id, channel, article.event, target),
                article_id=article.id, subscriber_id=subscriber.id, channel=channel, event=article.event,
                format=fmt, target=target, created_at=now, updated_at=now, next_attempt_at=now,
            )
        )  # fmt: skip

    for subscriber in subscribers:
        if subscriber.webhook and not subscriber.webhook_disabled:
            add(subscriber, Channel.WEBHOOK, subscriber.webhook.url, subscriber.webhook.format)
        if subscriber.email:
            for address in subscriber.email.to:
                if address not in subscriber.unsubscribed:
                    add(subscriber, Channel.EMAIL, address, subscriber.email.format)
    return deliveries


def process_article(
    store: Store,
    article_id: str,
    *,
    cache: SubscriberCache,
    now: datetime,
    recorded: Callable[[Processed], None] = lambda _: None,
) -> Processed:
    """Enrich, match, render and record the article's deliveries; ``recorded`` gets the ids of
    each chunk of deliveries as soon as it is stored. Returns every delivery id.

    Safe to run again after a crash: enrichment is kept, delivery ids are deterministic and
    existing deliveries are never recreated."""
    article = store.get_article(article_id)
    if article is None:
        return Processed()
    if article.embargoed and article.embargoed > now and article.status is not ArticleStatus.KILLED:
        store.schedule_article(article.id, article.embargoed.timestamp())  # the scheduler releases it
        return Processed()

    if article.enrichment is None:
        article.enrichment = enrich(article)
    article.event = event_for(article, store.guid_versions(article.guid))
    if article.status is not ArticleStatus.KILLED:
        article.status = ArticleStatus.PROCESSED

    cache.refresh(store)
    matched = [cache.subscribers[sid] for sid in cache.index.match(article_facets(article, broader_topics))]
    deliveries = plan_deliveries(article, matched, now)
    needed = {API_FORMAT} | {d.format for d in deliveries if d.channel is Channel.WEBHOOK}
    formats = {fmt: render(article, fmt).body for fmt in needed}

    # Recorded in chunks, each handed on as soon as it exists: other workers start sending while
    # the rest of a large fan-out is recorded, and Redis is never busy with one script for long.
    # The formats go with the first chunk (before any delivery that needs them exists).
    processed = Processed()
    for start in range(0, max(len(deliveries), 1), RECORD_CHUNK):  # (once with none: the formats)
        chunk = deliveries[start : start + RECORD_CHUNK]
        store.create_deliveries(article, chunk, formats=formats if start == 0 else None)
        if not chunk:
            continue
        ids = _ids(chunk)
        recorded(ids)
        processed.webhook_ids += ids.webhook_ids
        processed.email_ids += ids.email_ids
    store.save_processed(article)
    return processed


def _ids(deliveries: list[Delivery]) -> Processed:
    ids = Processed()
    for delivery in deliveries:
        (ids.webhook_ids if delivery.channel is Channel.WEBHOOK else ids.email_ids).append(delivery.id)
    return ids
