"""Integration fixtures: a real Redis on a free port, the real stack (intake, Celery worker,
scheduler) started by the same launcher as `make run`, and real HTTP receivers."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis

from tests.support.processes import start_redis, stop
from tests.support.receiver import Receiver
from tests.support.smtp import SmtpSink
from tests.support.stack import NEWSROOM_TOKEN, Stack, launcher, running_stack, stack_env


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    proc, url = start_redis(tmp_path_factory.mktemp("redis"))
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """A Redis of the test's own, which it may stop or restart: (process, URL)."""
    proc, url = start_redis(tmp_path)
    yield proc, url
    stop(proc)


@pytest.fixture(scope="session")
def smtp() -> Iterator[SmtpSink]:
    sink = SmtpSink()
    yield sink
    sink.close()


@pytest.fixture(scope="session")
def stack(redis_url: str, smtp: SmtpSink, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    data_dir: Path = tmp_path_factory.mktemp("stack")
    env = stack_env(redis_url, data_dir, NEWSWIRE_SMTP_HOST="127.0.0.1", NEWSWIRE_SMTP_PORT=str(smtp.port),
                    NEWSWIRE_MAIL_FROM="Newswire Desk <desk@newswire.test>")  # fmt: skip
    with running_stack(launcher(), env, data_dir) as running:
        yield running


@pytest.fixture
def admin(stack: Stack) -> Iterator[httpx.Client]:
    """An admin client; every subscriber a test made is removed afterwards, so each test sees
    only its own deliveries."""
    with stack.client() as client:
        yield client
        for subscriber in client.get("/v1/subscribers", params={"limit": 1000}).json()["subscribers"]:
            client.delete(f"/v1/subscribers/{subscriber['id']}")


@pytest.fixture
def newsroom(stack: Stack) -> Iterator[httpx.Client]:
    with stack.client(NEWSROOM_TOKEN) as client:
        yield client


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def redis_client(redis_url: str) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(redis_url)
    yield client
    client.close()

