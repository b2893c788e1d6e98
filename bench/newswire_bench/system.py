"""The system under test, started the way operators start it: Redis with AOF, the intake under
uvicorn, a Celery worker and the scheduler, plus the fast receiver the webhooks go to."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import redis
from newswire_bench.procs import ROOT, Processes, free_port, http_ok, port_open, tree_pids, wait_for

ADMIN_TOKEN = "bench-admin-token"
NEWSROOM_TOKEN = "bench-newsroom-token"
WORKER_QUEUES = "newswire.articles,newswire.webhooks,newswire.email"


@dataclass(frozen=True)
class Config:
    intake_workers: int = 2
    worker_concurrency: int = 2
    webhook_batch_size: int = 100
    webhook_concurrency: int = 64


def redis_command(port: int, directory: Path) -> list[str]:
    """As in production: append-only file, fsync every second, no eviction."""
    return [
        shutil.which("redis-server") or "redis-server", "--port", str(port), "--bind", "127.0.0.1",
        "--dir", str(directory), "--appendonly", "yes", "--appendfsync", "everysec", "--save", "",
        "--maxmemory-policy", "noeviction", "--loglevel", "warning",
    ]  # fmt: skip


def uvicorn_command(app: str, port: int, workers: int) -> list[str]:
    """The intake's server setup; the bare baseline endpoint is served the same way."""
    return [
        sys.executable, "-m", "uvicorn", app, "--factory", "--host", "127.0.0.1", "--port", str(port),
        "--no-access-log", "--workers", str(workers),
    ]  # fmt: skip


class System:
    def __init__(self, procs: Processes, work_dir: Path, config: Config) -> None:
        self.procs = procs
        self.work_dir = work_dir
        self.config = config
        self.redis_port = free_port()
        self.redis_url = f"redis://127.0.0.1:{self.redis_port}/0"
        self.http_port = free_port()
        self.url = f"http://127.0.0.1:{self.http_port}"
        self.receiver_port = free_port()
        self.receiver_url = f"http://127.0.0.1:{self.receiver_port}"
        self.env = self._env()
        self.intake: subprocess.Popen[bytes] | None = None
        self.worker: subprocess.Popen[bytes] | None = None
        self.redis = redis.Redis.from_url(self.redis_url)
        self.api = httpx.Client(base_url=self.url, headers={"authorization": f"Bearer {ADMIN_TOKEN}"}, timeout=30)
        self.receiver = httpx.Client(base_url=self.receiver_url, timeout=30)

    def _env(self) -> dict[str, str]:
        import os

        env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWIRE_")}
        env.update(
            NEWSWIRE_REDIS_URL=self.redis_url,
            NEWSWIRE_HTTP_PORT=str(self.http_port),
            NEWSWIRE_PUBLIC_URL=self.url,
            NEWSWIRE_ADMIN_TOKEN=ADMIN_TOKEN,
            NEWSWIRE_NEWSROOM_TOKEN=NEWSROOM_TOKEN,
            NEWSWIRE_SECRET_KEY="bench-secret-key-not-for-production",
            NEWSWIRE_DATA_DIR=str(self.work_dir / "data"),
            NEWSWIRE_ALLOW_PRIVATE_TARGETS="true",  # the receivers are on loopback
            NEWSWIRE_SMTP_HOST="127.0.0.1",
            NEWSWIRE_SMTP_PORT=str(free_port()),  # no email subscribers in these scenarios
            NEWSWIRE_WEBHOOK_BATCH_SIZE=str(self.config.webhook_batch_size),
            NEWSWIRE_WEBHOOK_CONCURRENCY=str(self.config.webhook_concurrency),
            NEWSWIRE_DELIVERY_TIMEOUT="10",
        )
        return env

    # -- starting ------------------------------------------------------------------------

    def start_base(self) -> None:
        """Redis and the receiver: what every scenario needs."""
        redis_dir = self.work_dir / "redis"
        redis_dir.mkdir(parents=True, exist_ok=True)
        self.procs.start("redis", redis_command(self.redis_port, redis_dir))
        bench = ROOT / "bench"
        self.procs.start("receiver", [sys.executable, "-m", "newswire_bench.receiver", "--port", str(self.receiver_port)], cwd=bench)
        wait_for(lambda: port_open(self.redis_port), timeout=15, what="redis-server")
        wait_for(lambda: http_ok(self.receiver_url + "/_stats"), timeout=15, what="the receiver")

    def start_intake(self) -> None:
        self.intake = self.procs.start(
            "intake", uvicorn_command("newswire_intake.main:create_app", self.http_port, self.config.intake_workers), env=self.env
        )
        wait_for(lambda: http_ok(self.url + "/readyz"), timeout=60, what="the intake")

    def start_workers(self) -> None:
        """The Celery worker and the scheduler, as scripts/stack.py starts them."""
        log = self.procs.log_dir / "worker.log"
        self.worker = self.procs.start(
            "worker",
            [sys.executable, "-m", "celery", "-A", "newswire_worker.app", "worker", "--loglevel", "INFO",
             "-Q", WORKER_QUEUES, "--concurrency", str(self.config.worker_concurrency)],
            env=self.env,
        )  # fmt: skip
        self.procs.start("scheduler", [sys.executable, "-m", "newswire_worker.scheduler"], env=self.env)

        def ready() -> bool:
            self.procs.check_alive()
            return log.exists() and " ready." in log.read_text(errors="replace")

        wait_for(ready, timeout=90, what="the Celery worker", interval=0.2)
        time.sleep(1.0)  # the pool processes warm enrichment on start

    def worker_pids(self) -> list[int]:
        return tree_pids(self.worker.pid) if self.worker else []

    # -- state ---------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget every article, subscriber and delivery (the Celery queues are left alone)."""
        keys = list(self.redis.scan_iter("nw:*", count=5000))
        for start in range(0, len(keys), 5000):
            self.redis.unlink(*keys[start : start + 5000])
        self.receiver.post("/_reset").raise_for_status()

    def queues_empty(self) -> bool:
        return sum(self.redis.llen(q) for q in WORKER_QUEUES.split(",")) == 0

    def create_subscribers(self, bodies: list[dict[str, Any]], *, concurrency: int = 16) -> list[str]:
        """Through the API, as an operator would (a few threads at once)."""
        from concurrent.futures import ThreadPoolExecutor

        def create(body: dict[str, Any]) -> str:
            response = self.api.post("/v1/subscribers", json=body)
            response.raise_for_status()
            return str(response.json()["id"])

        with ThreadPoolExecutor(concurrency) as pool:
            return list(pool.map(create, bodies))

    def post_article(self, body: bytes) -> str:
        response = self.api.post("/v1/articles", content=body, headers={"content-type": "text/plain"})
        if response.status_code != 202:
            raise RuntimeError(f"the intake answered {response.status_code}: {response.text[:300]}")
        return str(response.json()["id"])

    def delivery_counts(self, article_id: str) -> dict[str, int]:
        return dict(self.api.get(f"/v1/articles/{article_id}").json().get("deliveries", {}))

    def received(self, group: str) -> dict[str, float]:
        stats = self.receiver.get("/_stats").json()
        return stats.get(group, {"count": 0, "first": 0.0, "last": 0.0})

    def records(self, group: str) -> list[tuple[float, str]]:
        return [(float(t), str(uri)) for t, uri in self.receiver.get(f"/_records/{group}").json()["records"]]

    def close(self) -> None:
        self.api.close()
        self.receiver.close()
        self.redis.close()
