"""The Celery side both the intake and the workers share: one configured app, task names,
queues, and helpers that enqueue work by id (tasks carry ids, never payloads)."""

from __future__ import annotations

import base64
from collections.abc import Iterable, Sequence

import orjson
from celery import Celery

from newswire.config import Settings
from newswire.deliveries import Channel, channel_of

PROCESS_ARTICLE = "newswire.process_article"
DELIVER_WEBHOOKS = "newswire.deliver_webhooks"
DELIVER_EMAILS = "newswire.deliver_emails"
ARTICLES_QUEUE = "newswire.articles"
WEBHOOKS_QUEUE = "newswire.webhooks"
EMAIL_QUEUE = "newswire.email"
QUEUES = (ARTICLES_QUEUE, WEBHOOKS_QUEUE, EMAIL_QUEUE)
EMAIL_BATCH_SIZE = 50


def make_celery(settings: Settings) -> Celery:
    app = Celery("newswire", broker=settings.broker, set_as_current=False)
    app.conf.update(
        # A task is acknowledged only when done; a worker that dies hands its task back.
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        # State lives under the project's own Redis keys, not in task results.
        task_ignore_result=True,
        result_backend=None,
        task_serializer="json",
        accept_content=["json"],
        broker_connection_retry_on_startup=True,
        # Longer than any task runs; the due sets in newswire.store use the same deadline.
        broker_transport_options={"visibility_timeout": settings.visibility_timeout},
        task_routes={
            PROCESS_ARTICLE: {"queue": ARTICLES_QUEUE},
            DELIVER_WEBHOOKS: {"queue": WEBHOOKS_QUEUE},
            DELIVER_EMAILS: {"queue": EMAIL_QUEUE},
        },
        task_default_queue=ARTICLES_QUEUE,
        worker_hijack_root_logger=False,
    )
    return app


_ARTICLE_ID, _BODY = "{article-id}", "{body}"  # places in the envelope


class ArticleTaskMessages:
    """process_article task messages in the form the Redis transport keeps them: a JSON
    envelope LPUSHed onto the queue's list, the body base64-encoded JSON.

    With these, the intake stores an article and queues its task in one Redis call (see
    ``newswire.store.ArticleIntake``); Celery's own publishing costs more than the rest of an
    intake request. Only for a broker that is the store's Redis: otherwise use
    ``enqueue_articles``. The headers are Celery's own (``app.amqp.as_task_v2``).
    """

    queue_key = ARTICLES_QUEUE  # the list of a priority-0 queue is named after the queue

    def __init__(self, app: Celery) -> None:
        # Celery's headers for this task, made once: each message is this envelope with its
        # article's id and body put in (about a fifth of the cost of encoding it afresh).
        template = app.amqp.as_task_v2("-", PROCESS_ARTICLE, args=[], kwargs={}, ignore_result=True)
        self._embed = template.body[2]
        headers = {**template.headers, "id": _ARTICLE_ID, "root_id": _ARTICLE_ID, "argsrepr": repr([_ARTICLE_ID])}
        self._envelope = orjson.dumps({
            "body": _BODY,
            "content-encoding": "utf-8",
            "content-type": "application/json",
            "headers": headers,
            "properties": {
                "correlation_id": _ARTICLE_ID,
                "reply_to": "",
                "delivery_mode": 2,
                "priority": 0,
                "body_encoding": "base64",
                "delivery_tag": _ARTICLE_ID,  # unique per message, as kombu needs
                # acks_late restores unacknowledged messages through this exchange and key
                "delivery_info": {"exchange": ARTICLES_QUEUE, "routing_key": ARTICLES_QUEUE},
            },
        })  # fmt: skip

    def for_article(self, article_id: str) -> bytes:
        """The article's first process_article message. Its task id is the article id: any
        unique string is a task id to Celery, an article is queued this way once (later runs go
        through ``enqueue_articles``), and a worker's log then names the article."""
        if not article_id.isalnum():  # it goes into the JSON unescaped
            raise ValueError(f"not an article id: {article_id!r}")
        body = base64.b64encode(orjson.dumps([[article_id], {}, self._embed]))
        return self._envelope.replace(_ARTICLE_ID.encode(), article_id.encode()).replace(_BODY.encode(), body)


def enqueue_articles(app: Celery, article_ids: Iterable[str]) -> None:
    with app.producer_or_acquire() as producer:
        for article_id in article_ids:
            app.send_task(PROCESS_ARTICLE, args=[article_id], producer=producer)


def _chunks(ids: Sequence[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def enqueue_deliveries(app: Celery, delivery_ids: Iterable[str], *, webhook_batch_size: int) -> None:
    """Queue deliveries in batches per channel."""
    by_channel: dict[Channel, list[str]] = {Channel.WEBHOOK: [], Channel.EMAIL: []}
    for delivery_id in delivery_ids:
        by_channel[channel_of(delivery_id)].append(delivery_id)
    if not any(by_channel.values()):
        return
    with app.producer_or_acquire() as producer:
        # A short argsrepr: Celery would otherwise format every id of the batch for its logs.
        for batch in _chunks(by_channel[Channel.WEBHOOK], webhook_batch_size):
            app.send_task(DELIVER_WEBHOOKS, args=[batch], producer=producer, argsrepr=_batch_repr(batch))
        for batch in _chunks(by_channel[Channel.EMAIL], EMAIL_BATCH_SIZE):
            app.send_task(DELIVER_EMAILS, args=[batch], producer=producer, argsrepr=_batch_repr(batch))


def _batch_repr(batch: list[str]) -> str:
    return f"[{len(batch)} deliveries: {batch[0]}, ...]"
