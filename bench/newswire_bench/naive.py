"""The naive fan-out design, for comparison only: one Celery task per delivery, posting with a
module-level ``httpx.Client`` (Celery's defaults otherwise), run with two prefork processes.

    celery -A newswire_bench.naive worker -Q bench.naive --concurrency 2

The request is the same as the real system's (body, signed Standard Webhooks headers); the
body and key are read once per process from the files named in the environment.
"""

from __future__ import annotations

import base64
import os
import time
from pathlib import Path

import httpx
from celery import Celery

from newswire.signing import sign

QUEUE = "bench.naive"
TASK = "bench.naive.deliver"

app = Celery("naive", broker=os.environ.get("BENCH_NAIVE_BROKER", "redis://127.0.0.1:6379/1"), set_as_current=False)
app.conf.update(task_ignore_result=True, task_default_queue=QUEUE, worker_hijack_root_logger=False)

client = httpx.Client(timeout=10)
_BODY = Path(os.environ["BENCH_NAIVE_BODY"]).read_bytes() if "BENCH_NAIVE_BODY" in os.environ else b"{}"
_KEY = base64.b64decode(os.environ.get("BENCH_NAIVE_KEY", base64.b64encode(b"k" * 32).decode()))


def headers_for(delivery_id: str, body: bytes, key: bytes) -> dict[str, str]:
    timestamp = int(time.time())
    return {
        "content-type": "application/json",
        "webhook-id": delivery_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign([key], delivery_id, timestamp, body),
        "newswire-event-type": "article.published",
    }


@app.task(name=TASK)
def deliver(url: str, delivery_id: str) -> None:
    client.post(url, content=_BODY, headers=headers_for(delivery_id, _BODY, _KEY)).raise_for_status()
