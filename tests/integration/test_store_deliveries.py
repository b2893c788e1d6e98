"""Recording an article's deliveries on a real Redis: each delivery exactly once, however often
the article is processed, with its article, subscriber, due-set and count entries; a large
fan-out in chunks, each handed on as soon as it is stored."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from datetime import datetime, timezone

import pytest

from newswire import processing
from newswire.deliveries import Channel, Delivery, DeliveryStatus, delivery_id
from newswire.models import ArticleIn, ArticleStatus, EventType, Format
from newswire.store import DUE_ARTICLES, DUE_DELIVERIES, Store
from newswire.submissions import new_article
from newswire.subscribers import Subscriber, WebhookTarget

pytestmark = pytest.mark.integration
NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)


@pytest.fixture
def store(redis_url: str) -> Iterator[Store]:
    # A database of its own: the running stack's scheduler must not pick these deliveries up.
    s = Store.from_url(redis_url.rsplit("/", 1)[0] + "/7", visibility_timeout=30)
    s.redis.flushdb()
    yield s
    s.redis.flushdb()
    s.redis.close()


def deliveries(article_id: str, count: int) -> list[Delivery]:
    return [
        Delivery(
            id=delivery_id(article_id, f"sub{i}", Channel.WEBHOOK, EventType.PUBLISHED, f"http://127.0.0.1/{i}"),
            article_id=article_id, subscriber_id=f"sub{i}", channel=Channel.WEBHOOK, event=EventType.PUBLISHED,
            format=Format.NINJS2, target=f"http://127.0.0.1/{i}", created_at=NOW, updated_at=NOW, next_attempt_at=NOW,
        )  # fmt: skip
        for i in range(count)
    ]


def test_each_delivery_is_recorded_once_however_often_the_article_is_processed(store: Store) -> None:
    article = new_article(ArticleIn(headline="H", body_text="Text."), article_id=uuid.uuid4().hex, now=NOW).article()
    planned = deliveries(article.id, 4500)  # more than one bulk command's worth of ids

    before = time.time()
    assert store.create_deliveries(article, planned) == 4500
    assert store.create_deliveries(article, deliveries(article.id, 4501)) == 1  # again, plus one

    assert store.delivery_counts(article.id) == {"pending": 4501, "delivered": 0, "failed": 0}
    ids = store.article_delivery_ids(article.id)
    assert len(ids) == 4501 and set(ids) == {d.id for d in deliveries(article.id, 4501)}
    due = dict(store.redis.zrange(DUE_DELIVERIES, 0, -1, withscores=True))
    assert len(due) == 4501
    assert all(before + 30 <= score <= time.time() + 30 for score in due.values())  # due after the visibility timeout
    added = deliveries(article.id, 4501)[-1]
    assert store.subscriber_delivery_ids(added.subscriber_id, offset=0, limit=10) == ([added.id], 1)
    stored = store.get_deliveries([planned[0].id, planned[-1].id])
    assert [d.status for d in stored] == [DeliveryStatus.PENDING, DeliveryStatus.PENDING]
    assert stored[0] == planned[0]


def test_deliveries_are_recorded_after_redis_forgets_its_scripts(store: Store) -> None:
    article = new_article(ArticleIn(body_text="Text."), article_id=uuid.uuid4().hex, now=NOW).article()
    store.redis.script_flush()  # as after a restart
    assert store.create_deliveries(article, deliveries(article.id, 3), formats={Format.NINJS2: b"{}"}) == 3
    assert store.delivery_counts(article.id) == {"pending": 3, "delivered": 0, "failed": 0}  # counted once
    assert store.get_formats([(article.id, Format.NINJS2)]) == [b"{}"]
    assert store.create_deliveries(article, deliveries(article.id, 3)) == 0


def test_a_large_fan_out_is_recorded_and_handed_on_in_chunks(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(processing, "RECORD_CHUNK", 2)
    for i in range(5):
        store.put_subscriber(Subscriber(id=f"s{i}", name=f"s{i}", created_at=NOW, updated_at=NOW,
                                        webhook=WebhookTarget(url=f"http://127.0.0.1:9/{i}")))  # fmt: skip
    article = new_article(ArticleIn(headline="Rates", body_text="The central bank raised rates."),
                            article_id=uuid.uuid4().hex, now=NOW)  # fmt: skip
    store.accept_article(article, idempotency_key=None, due_at=time.time() + 30)
    chunks: list[list[str]] = []

    def recorded(ids: processing.Processed) -> None:
        assert all(store.get_deliveries(ids.webhook_ids))  # each chunk exists before it is handed on
        assert store.redis.zscore(DUE_ARTICLES, article.id) is not None  # the article is not done yet
        chunks.append(ids.webhook_ids)

    processed = processing.process_article(store, article.id, cache=processing.SubscriberCache(), now=NOW, recorded=recorded)

    assert [len(c) for c in chunks] == [2, 2, 1]
    assert sorted(i for c in chunks for i in c) == sorted(processed.webhook_ids) == store.article_delivery_ids(article.id)
    saved = store.get_article(article.id)
    assert saved is not None and saved.status is ArticleStatus.PROCESSED and saved.enrichment is not None
    assert store.redis.zscore(DUE_ARTICLES, article.id) is None
    assert store.get_formats([(article.id, Format.NINJS2)]) != [None]
