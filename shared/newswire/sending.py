"""Sending a batch of webhook deliveries: claim, build each signed request from the format
rendered once per article, send concurrently, record every attempt."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from newswire.deliveries import WITHDRAWN, Delivery
from newswire.formats import MEDIA_TYPES, render
from newswire.models import EventType, Format
from newswire.signing import secret_key
from newswire.store import ClaimedBatch, Store
from newswire.subscribers import SecretBox, Subscriber, valid_secrets
from newswire.webhooks import WebhookRequest, WebhookSender, envelope

GONE = "the endpoint answered 410 Gone"


def _is_json(fmt: Format) -> bool:
    return MEDIA_TYPES[fmt].split(";")[0].endswith("json")


def _formats(store: Store, batch: ClaimedBatch) -> dict[tuple[str, Format], bytes]:
    """The rendered documents the batch needs, read in one round trip (rendered on demand only
    if a format went missing)."""
    pairs = sorted({(d.article_id, d.format) for d in batch.deliveries})
    found = dict(zip(pairs, store.get_formats(pairs), strict=True))
    for (article_id, fmt), body in found.items():
        if body is None and (article := batch.articles.get(article_id)) is not None:
            found[(article_id, fmt)] = body = render(article, fmt).body
            store.put_format(article_id, fmt, body)
    return {pair: body for pair, body in found.items() if body is not None}


def deliver_webhooks(
    store: Store,
    delivery_ids: Sequence[str],
    *,
    sender: WebhookSender,
    box: SecretBox,
    schedule: Sequence[float],
    claim_seconds: float,
    now: datetime,
) -> list[Delivery]:
    batch = store.claim_batch(delivery_ids, claim_seconds)
    if not batch.deliveries:
        return []
    subscribers, killed = batch.subscribers, batch.killed
    documents = _formats(store, batch)
    bodies: dict[tuple[str, EventType, Format], bytes] = {}
    keys: dict[str, list[bytes]] = {}
    finished: list[Delivery] = []
    requests: list[WebhookRequest] = []

    for delivery in batch.deliveries:
        subscriber = subscribers.get(delivery.subscriber_id)
        document = documents.get((delivery.article_id, delivery.format))
        if subscriber is None or subscriber.webhook is None or subscriber.webhook.url != delivery.target:
            finished.append(delivery.fail("the subscriber or its webhook was removed", now))
        elif subscriber.webhook_disabled:
            finished.append(delivery.fail(f"the webhook is disabled: {subscriber.webhook_disabled}", now))
        elif delivery.withdrawn(killed):
            finished.append(delivery.fail(WITHDRAWN, now))
        elif document is None:
            finished.append(delivery.fail("the article no longer exists", now))
        else:
            body_key = (delivery.article_id, delivery.event, delivery.format)
            json_format = _is_json(delivery.format)
            if body_key not in bodies:
                bodies[body_key] = envelope(delivery.event, now, document) if json_format else document
            if subscriber.id not in keys:
                keys[subscriber.id] = [secret_key(box.open(s)) for s in valid_secrets(subscriber, now)]
            content_type = "application/json" if json_format else MEDIA_TYPES[delivery.format]
            requests.append(WebhookRequest(delivery, bodies[body_key], content_type, keys[subscriber.id]))

    gone: set[str] = set()
    for result in sender.send_all(requests, schedule):
        result.delivery.record(result.attempt)
        finished.append(result.delivery.conclude(result.outcome))
        if result.outcome.disable_endpoint:
            gone.add(result.delivery.subscriber_id)

    store.finish_attempts(finished)
    for subscriber_id in gone:
        _disable_webhook(store, subscribers[subscriber_id])
    return finished


def _disable_webhook(store: Store, subscriber: Subscriber) -> None:
    current = store.get_subscriber(subscriber.id)
    if current is not None and current.webhook_disabled is None:
        current.webhook_disabled = GONE
        store.put_subscriber(current)
