"""Scenarios 2 and 3: one article fanned out to many webhook subscribers.

Timing starts when the article is posted and ends when the receiver has the last delivery, so
the real system's time includes processing the article (enrich, match, render, record the
deliveries) as well as sending. The baselines only send: (a) the naive one-task-per-delivery
design, timed from its first enqueue; (b) one process with one pooled client, no queue."""

from __future__ import annotations

import base64
import json
import os
import secrets
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from celery import Celery
from newswire_bench import naive
from newswire_bench.procs import ROOT, Processes, wait_for
from newswire_bench.report import Scenario
from newswire_bench.system import System

from newswire.models import EventType
from newswire.webhooks import envelope


@dataclass(frozen=True)
class FanoutRun:
    seconds: float  # posted -> last delivery received
    sending_seconds: float  # first -> last delivery received
    recorded_seconds: float  # posted -> every delivery recorded as delivered


def subscribers(system: System, count: int, path: str) -> None:
    system.reset()
    bodies = [{"name": f"bench {path}{i}", "webhook": {"url": f"{system.receiver_url}{path}{i}"}} for i in range(count)]
    system.create_subscribers(bodies)


def fan_out(system: System, body: bytes, group: str, count: int, *, timeout: float = 300) -> FanoutRun:
    """Post one article and wait until all ``count`` deliveries arrived and are recorded."""
    system.receiver.post("/_reset")
    posted = time.time()
    article_id = system.post_article(body)
    wait_for(lambda: system.received(group)["count"] >= count, timeout=timeout, what=f"{count} deliveries", interval=0.01)
    stats = system.received(group)
    wait_for(lambda: system.delivery_counts(article_id).get("delivered", 0) >= count, timeout=timeout,
             what="the deliveries to be recorded", interval=0.02)  # fmt: skip
    recorded = time.time()
    return FanoutRun(stats["last"] - posted, stats["last"] - stats["first"], recorded - posted)


def warm(system: System, body: bytes, group: str, count: int) -> str:
    """Two articles at once, so both worker processes build their subscriber index and open
    their connections before anything is timed; returns one of the article ids."""
    system.receiver.post("/_reset")
    ids = [system.post_article(body) for _ in range(2)]
    wait_for(lambda: system.received(group)["count"] >= 2 * count, timeout=600, what="the warm-up deliveries", interval=0.05)
    for article_id in ids:
        wait_for(lambda a=article_id: system.delivery_counts(a).get("delivered", 0) >= count, timeout=120, what="warm-up records")
    return ids[0]


def _median(runs: list[FanoutRun], attr: str) -> float:
    return statistics.median(getattr(r, attr) for r in runs)


# -- baselines ------------------------------------------------------------------------------


def baseline_body(system: System, article_id: str, work_dir: Path) -> Path:
    """The exact body the system sends: its ninjs2 rendering in the event envelope."""
    document = system.api.get(f"/v1/articles/{article_id}/formats/ninjs2").content
    path = work_dir / "webhook-body.json"
    path.write_bytes(envelope(EventType.PUBLISHED, datetime.now(timezone.utc), document))
    return path


def run_naive(system: System, procs: Processes, body: Path, key: str, *, count: int, warmup: int, runs: int) -> list[float]:
    broker = system.redis_url.rsplit("/", 1)[0] + "/1"
    env = {**system.env, "BENCH_NAIVE_BROKER": broker, "BENCH_NAIVE_BODY": str(body), "BENCH_NAIVE_KEY": key,
           "PYTHONPATH": str(ROOT / "bench")}  # fmt: skip
    log = procs.log_dir / "naive-worker.log"
    worker = procs.start(
        "naive-worker",
        [sys.executable, "-m", "celery", "-A", "newswire_bench.naive", "worker", "-Q", naive.QUEUE,
         "--concurrency", "2", "--pool", "prefork", "--loglevel", "INFO"],
        env=env, cwd=ROOT / "bench",
    )  # fmt: skip
    wait_for(lambda: " ready." in log.read_text(errors="replace") if log.exists() else False, timeout=60, what="the naive worker")
    app = Celery("naive-producer", broker=broker, set_as_current=False)

    def burst(n: int, group: str) -> float:
        system.receiver.post("/_reset")
        started = time.time()
        with app.producer_or_acquire() as producer:
            for i in range(n):
                app.send_task(naive.TASK, args=[f"{system.receiver_url}/{group}/{i}", f"wh_{i:024x}"], queue=naive.QUEUE,
                              producer=producer)  # fmt: skip
        wait_for(lambda: system.received(group)["count"] >= n, timeout=600, what="the naive deliveries", interval=0.02)
        return system.received(group)["last"] - started

    burst(warmup, "naivew")
    seconds = [burst(count, "naive") for _ in range(runs)]
    procs.stop(worker)
    return seconds


def run_pooled(system: System, body: Path, key: str, *, count: int, runs: int) -> list[float]:
    seconds = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-m", "newswire_bench.pooled", "--url-prefix", f"{system.receiver_url}/pooled/",
             "--count", str(count), "--body", str(body), "--key", key],
            capture_output=True, text=True, check=True, cwd=ROOT / "bench", env={**os.environ, "PYTHONPATH": str(ROOT / "bench")},
        ).stdout  # fmt: skip
        seconds.append(json.loads(out.strip().splitlines()[-1])["seconds"])
    return seconds


# -- scenarios ------------------------------------------------------------------------------


def run_throughput(system: System, procs: Processes, body: bytes, work_dir: Path, *, subscribers_count: int, runs: int,
                   naive_runs: int, naive_warmup: int) -> Scenario:  # fmt: skip
    scenario = Scenario("fanout", "2. Fan-out")
    started = time.time()
    subscribers(system, subscribers_count, "/s2/")
    created = time.time() - started
    article_id = warm(system, body, "s2", subscribers_count)
    system_runs = [fan_out(system, body, "s2", subscribers_count) for _ in range(runs)]
    for run in system_runs:
        print(f"  system: {subscribers_count / run.seconds:,.0f} deliveries/s", file=sys.stderr)

    webhook_body = baseline_body(system, article_id, work_dir)
    key = base64.b64encode(secrets.token_bytes(32)).decode()
    pooled = run_pooled(system, webhook_body, key, count=subscribers_count, runs=runs)
    print(f"  pooled client: {subscribers_count / statistics.median(pooled):,.0f} deliveries/s", file=sys.stderr)
    naive_seconds = run_naive(system, procs, webhook_body, key, count=subscribers_count, warmup=naive_warmup, runs=naive_runs)
    print(f"  naive: {subscribers_count / statistics.median(naive_seconds):,.0f} deliveries/s", file=sys.stderr)

    rate = subscribers_count / _median(system_runs, "seconds")
    naive_rate = subscribers_count / statistics.median(naive_seconds)
    pooled_rate = subscribers_count / statistics.median(pooled)
    scenario.add("deliveries/s (posted -> all received)", rate, "/s", target=">= 3000")
    scenario.add("vs naive: task per delivery", rate, "/s", naive_rate, "naive, 2 prefork", target="ratio >= 5")
    scenario.add("vs one pooled client, no queue", rate, "/s", pooled_rate, "1 pooled client", target="ratio >= 1.2")
    scenario.add("sending phase deliveries/s", subscribers_count / _median(system_runs, "sending_seconds"), "/s")
    scenario.details = {
        "subscribers": subscribers_count,
        "receiver_latency_ms": 0,
        "runs": runs,
        "system_runs": [vars(r) for r in system_runs],
        "pooled_seconds": pooled,
        "naive_seconds": naive_seconds,
        "naive_warmup": naive_warmup,
        "subscribers_created_via_api_seconds": round(created, 2),
        "worker": f"celery prefork --concurrency {system.config.worker_concurrency}, "
        f"webhook batch {system.config.webhook_batch_size}, {system.config.webhook_concurrency} threads per process",
    }
    return scenario


def run_latency(system: System, body: bytes, *, subscribers_count: int, latency_ms: int, runs: int, target_s: float) -> Scenario:
    scenario = Scenario("fanout_latency", "3. Fan-out, slow receivers")
    subscribers(system, subscribers_count, f"/lat/{latency_ms}/s3/")
    warm(system, body, "s3", subscribers_count)
    results = [fan_out(system, body, "s3", subscribers_count) for _ in range(runs)]
    # The last receiver answers latency_ms after that request arrived: that is "delivered".
    delivered = [r.seconds + latency_ms / 1000 for r in results]
    for seconds in delivered:
        print(f"  {subscribers_count} at {latency_ms} ms: all delivered in {seconds:.2f} s", file=sys.stderr)
    scenario.add(f"{subscribers_count} subscribers at {latency_ms} ms: all delivered", statistics.median(delivered), "s",
                 target=f"<= {target_s}")  # fmt: skip
    scenario.add("worst run", max(delivered), "s")
    scenario.add("all recorded as delivered", _median(results, "recorded_seconds"), "s")
    scenario.details = {"subscribers": subscribers_count, "receiver_latency_ms": latency_ms, "runs": [vars(r) for r in results]}
    return scenario
