"""Scenario 4: end-to-end latency at a steady rate: articles posted open-loop at a fixed rate,
each to a few subscribers; latency is from the 202 answer to the receiver getting it."""

from __future__ import annotations

import asyncio
import statistics
import sys
import time

import aiohttp
from newswire_bench.procs import wait_for
from newswire_bench.report import Scenario
from newswire_bench.system import NEWSROOM_TOKEN, System

GROUP = "rec4"


async def _post_at_rate(url: str, body: bytes, rate: float, seconds: float) -> tuple[dict[str, float], int]:
    """Returns the time each article was accepted, keyed by its URI, and how many failed.
    Posts through aiohttp: it takes about a third of httpx's CPU per request here, and this
    generator shares the machine with the system it measures."""
    accepted: dict[str, float] = {}
    failures = 0
    headers = {"authorization": f"Bearer {NEWSROOM_TOKEN}", "content-type": "text/plain"}
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=64), timeout=timeout) as session:

        async def one() -> None:
            nonlocal failures
            async with session.post(url, data=body, headers=headers) as response:
                if response.status == 202:
                    accepted[f"urn:newswire:{(await response.json())['id']}"] = time.time()
                else:
                    failures += 1

        tasks = []
        start = time.perf_counter()
        for i in range(int(rate * seconds)):
            delay = start + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one()))
        await asyncio.gather(*tasks)
    return accepted, failures


def _percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def measure(system: System, body: bytes, *, rate: float, seconds: float, fanout: int) -> tuple[list[float], list[float], int]:
    system.receiver.post("/_reset")
    accepted, failures = asyncio.run(_post_at_rate(system.url + "/v1/articles", body, rate, seconds))
    expected = len(accepted) * fanout
    wait_for(lambda: system.received(GROUP)["count"] >= expected, timeout=300, what="the end-to-end deliveries", interval=0.1)
    per_delivery: list[float] = []
    last: dict[str, float] = {}
    for received, uri in system.records(GROUP):
        if uri in accepted:
            per_delivery.append((received - accepted[uri]) * 1000)
            last[uri] = max(last.get(uri, 0.0), received)
    per_article = [(last[uri] - accepted[uri]) * 1000 for uri in last]
    return per_delivery, per_article, failures


def run(system: System, body: bytes, *, rate: float, seconds: float, fanout: int, warmup_seconds: float) -> Scenario:
    scenario = Scenario("e2e", "4. End to end")
    system.reset()
    system.create_subscribers([{"name": f"e2e {i}", "webhook": {"url": f"{system.receiver_url}/{GROUP}/{i}"}} for i in range(fanout)])
    measure(system, body, rate=rate, seconds=warmup_seconds, fanout=fanout)
    per_delivery, per_article, failures = measure(system, body, rate=rate, seconds=seconds, fanout=fanout)
    p50, p99 = _percentile(per_delivery, 50), _percentile(per_delivery, 99)
    print(f"  accepted -> received p50 {p50:.1f} ms, p99 {p99:.1f} ms", file=sys.stderr)
    scenario.add("accepted -> received p50", p50, "ms", target="<= 25")
    scenario.add("accepted -> received p99", p99, "ms", target="<= 100")
    scenario.add("accepted -> all of an article's received p99", _percentile(per_article, 99), "ms")
    scenario.details = {
        "rate_per_s": rate,
        "seconds": seconds,
        "subscribers": fanout,
        "deliveries_measured": len(per_delivery),
        "post_failures": failures,
        "max_ms": max(per_delivery),
        "warmup_seconds": warmup_seconds,
    }
    return scenario
