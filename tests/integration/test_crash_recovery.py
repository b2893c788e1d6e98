"""A worker process killed in the middle of sending: its task comes back and the delivery
still arrives, once, under the same webhook-id."""

from __future__ import annotations

import os
import signal
import subprocess

import httpx
import pytest

from tests.integration.helpers import add_subscriber, post_article, verified, wait_processed
from tests.support.receiver import Receiver

pytestmark = pytest.mark.integration


def pool_processes(stack_pid: int) -> list[int]:
    """The Celery pool children (the processes that run tasks) of this stack."""
    rows = subprocess.run(["ps", "-e", "-o", "pid=,ppid=,args="], capture_output=True, text=True).stdout.splitlines()
    table = [(int(pid), int(ppid), args) for pid, ppid, args in (r.strip().split(None, 2) for r in rows if r.strip())]
    masters = {pid for pid, ppid, args in table if ppid == stack_pid and "celery" in args}
    return [pid for pid, ppid, _ in table if ppid in masters]


def test_killed_worker_process_does_not_lose_the_delivery(
    stack, admin: httpx.Client, newsroom: httpx.Client, receiver: Receiver
) -> None:
    subscriber = add_subscriber(admin, receiver, "/crash")
    receiver.respond("/crash", 200, delay=5)  # the first attempt hangs while the worker dies
    accepted = post_article(newsroom, {"body_text": "Sent while the worker died."}).json()
    receiver.wait("/crash", 1)
    children = pool_processes(stack.proc.pid)
    assert children
    for pid in children:
        os.kill(pid, signal.SIGKILL)

    requests = receiver.wait("/crash", 2, timeout=40)
    assert len({r.headers["webhook-id"] for r in requests}) == 1
    verified(requests[-1], subscriber["secret"])
    article = wait_processed(admin, accepted["id"], timeout=20)
    assert article["deliveries"]["delivered"] == 1
