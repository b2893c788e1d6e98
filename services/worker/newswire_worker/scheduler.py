"""The scheduler: moves due work from Redis sorted sets onto the Celery queues.

Retries, embargo releases and the reconciler are one mechanism (see ``newswire.store``): an
article or delivery stays in its due set until it is finished, scored with the time it must
next be looked at. Taking due members is atomic, so several schedulers may run safely.

    python -m newswire_worker.scheduler
"""

from __future__ import annotations

import logging
import signal
import threading
import time

from celery import Celery

from newswire import queue
from newswire.config import get_settings
from newswire.store import Store

log = logging.getLogger("newswire.scheduler")
TICK_SECONDS = 0.25
TRIM_EVERY_SECONDS = 3600.0


def pump(store: Store, app: Celery, *, webhook_batch_size: int, now: float) -> int:
    """Queue everything due at ``now``; returns how many items were queued."""
    articles = store.take_due_articles(now)
    if articles:
        queue.enqueue_articles(app, articles)
    deliveries = store.take_due_deliveries(now)
    if deliveries:
        queue.enqueue_deliveries(app, deliveries, webhook_batch_size=webhook_batch_size)
    return len(articles) + len(deliveries)


def run(stop: threading.Event) -> None:
    settings = get_settings()
    store = Store.from_settings(settings)
    app = queue.make_celery(settings)
    last_trim = 0.0
    log.info("scheduler started")
    while not stop.is_set():
        now = time.time()
        try:
            queued = pump(store, app, webhook_batch_size=settings.webhook_batch_size, now=now)
            if queued:
                log.info("queued %d due items", queued)
            if now - last_trim > TRIM_EVERY_SECONDS:
                store.trim_history(now)
                last_trim = now
        except Exception:  # Redis or broker briefly away: log, wait, try again
            log.exception("scheduler tick failed")
            queued = 0
        if not queued:
            stop.wait(TICK_SECONDS)


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    run(stop)


if __name__ == "__main__":
    main()
