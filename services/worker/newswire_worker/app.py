"""The Celery app and its tasks. Each task parses its arguments and calls one plain function
of the domain library; retries and embargoes are the scheduler's job, not Celery countdowns.

    celery -A newswire_worker.app worker -Q newswire.articles,newswire.webhooks,newswire.email
"""

from __future__ import annotations

import gc
import logging
from datetime import datetime, timezone
from typing import Any

from celery.signals import worker_process_init, worker_process_shutdown

from newswire import enrichment, queue, sending
from newswire.config import get_settings
from newswire.mail import UnsubscribeLinks
from newswire.mail_sending import SmtpServer, deliver_emails
from newswire.processing import Processed, process_article
from newswire_worker.resources import resources

log = logging.getLogger("newswire.worker")

app = queue.make_celery(get_settings())


@worker_process_init.connect
def _warm_up(**_: Any) -> None:
    """Load enrichment data and connect before the first task, not during it."""
    enrichment.warm()
    resources().store.ping()
    # What is loaded now lives as long as the process: keep the collector from walking it again
    # and again (the enrichment data alone is millions of objects).
    gc.collect()
    gc.freeze()


@worker_process_shutdown.connect
def _close(**_: Any) -> None:
    """Close pooled connections politely when the process ends."""
    if resources.cache_info().currsize:
        resources().sender.close()


@app.task(name=queue.PROCESS_ARTICLE)
def process_article_task(article_id: str) -> None:
    res = resources()
    size = res.settings.webhook_batch_size
    first: list[str] = []

    def queue_chunk(chunk: Processed) -> None:
        # The first webhook batch goes out from here, sparing most articles a second queue hop;
        # the rest are queued as they are recorded, so other worker processes send them meanwhile.
        webhooks = chunk.webhook_ids
        if not first:
            first.extend(webhooks[:size])
            webhooks = webhooks[size:]
        queue.enqueue_deliveries(app, webhooks + chunk.email_ids, webhook_batch_size=size)

    processed = process_article(res.store, article_id, cache=res.subscribers, now=datetime.now(timezone.utc),
                                recorded=queue_chunk)  # fmt: skip
    if first:
        _send_webhooks(first)
    log.info("article %s: %d webhook and %d email deliveries", article_id, len(processed.webhook_ids), len(processed.email_ids))


@app.task(name=queue.DELIVER_WEBHOOKS)
def deliver_webhooks_task(delivery_ids: list[str]) -> None:
    _send_webhooks(delivery_ids)


def _send_webhooks(delivery_ids: list[str]) -> None:
    res = resources()
    settings = res.settings
    sending.deliver_webhooks(
        res.store,
        delivery_ids,
        sender=res.sender,
        box=res.box,
        schedule=settings.retry_schedule,
        claim_seconds=settings.visibility_timeout,
        now=datetime.now(timezone.utc),
    )


@app.task(name=queue.DELIVER_EMAILS)
def deliver_emails_task(delivery_ids: list[str]) -> None:
    res = resources()
    settings = res.settings
    deliver_emails(
        res.store,
        delivery_ids,
        server=SmtpServer.from_settings(settings),
        links=UnsubscribeLinks.from_settings(settings),
        mail_from=settings.mail_from,
        schedule=settings.retry_schedule,
        claim_seconds=settings.visibility_timeout,
        now=datetime.now(timezone.utc),
    )
