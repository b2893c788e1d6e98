"""The whole stack as ``make run`` starts it (scripts/stack.py), against a test Redis."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.support.paths import ROOT
from tests.support.processes import free_port, stop, wait_for

ADMIN_TOKEN = "test-admin-token"
NEWSROOM_TOKEN = "test-newsroom-token"


@dataclass
class Stack:
    url: str
    redis_url: str
    data_dir: Path
    proc: subprocess.Popen[bytes]
    env: dict[str, str] = field(default_factory=dict)

    def client(self, token: str | None = ADMIN_TOKEN) -> httpx.Client:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=10)


def stack_env(redis_url: str | None, data_dir: Path, **overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWIRE_")}
    env.update(
        NEWSWIRE_HTTP_PORT=str(free_port()),
        NEWSWIRE_ADMIN_TOKEN=ADMIN_TOKEN,
        NEWSWIRE_NEWSROOM_TOKEN=NEWSROOM_TOKEN,
        NEWSWIRE_SECRET_KEY="test-secret-key",
        NEWSWIRE_DATA_DIR=str(data_dir),
        NEWSWIRE_ALLOW_PRIVATE_TARGETS="true",
        NEWSWIRE_RETRY_SCHEDULE="0,0.5,1",
        NEWSWIRE_DELIVERY_TIMEOUT="2",
        NEWSWIRE_VISIBILITY_TIMEOUT="10",
        NEWSWIRE_MAX_ARTICLE_BYTES="200000",
    )
    if redis_url:
        env["NEWSWIRE_REDIS_URL"] = redis_url
    env.update(overrides)
    return env


@contextmanager
def running_stack(command: list[str], env: dict[str, str], data_dir: Path) -> Iterator[Stack]:
    log = (data_dir / "stack.log").open("wb")
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{env['NEWSWIRE_HTTP_PORT']}"

    def ready() -> bool:
        if proc.poll() is not None:
            raise AssertionError(f"the stack exited: {(data_dir / 'stack.log').read_text()[-3000:]}")
        try:
            return httpx.get(url + "/readyz", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        wait_for(ready, timeout=120, interval=0.2, what="the stack to be ready")
        yield Stack(url=url, redis_url=env.get("NEWSWIRE_REDIS_URL", ""), data_dir=data_dir, proc=proc, env=env)
    finally:
        stop(proc)
        log.close()


def launcher() -> list[str]:
    return [sys.executable, str(ROOT / "scripts" / "stack.py")]
