"""Scenario 6: enrichment time per article (in this process, resources loaded first) and the
worker processes' memory at rest and under load (sampled during the other scenarios)."""

from __future__ import annotations

import statistics
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

from newswire_bench.report import Scenario

from newswire.enrichment import enrich, warm
from newswire.submissions import new_article, parse_submission


def run(paths: list[Path], *, repeat: int, rss_rest: dict[int, float], rss_peak: dict[int, float]) -> Scenario:
    scenario = Scenario("enrichment", "6. Enrichment")
    started = time.perf_counter()
    warm()
    warm_ms = (time.perf_counter() - started) * 1000
    now = datetime.now(timezone.utc)
    docs = [new_article(parse_submission("text/plain", p.read_bytes()), article_id=uuid.uuid4().hex, now=now).article()
            for p in paths]
    times: list[float] = []
    for _ in range(repeat):
        for article in docs:
            started = time.perf_counter()
            enrich(article)
            times.append((time.perf_counter() - started) * 1000)
    scenario.add("per article, median", statistics.median(times), "ms")
    scenario.add("per article, p99", statistics.quantiles(times, n=100)[98], "ms")
    if rss_rest:
        scenario.add("worker RSS at rest (largest process)", max(rss_rest.values()), "MB", target="< 300")
    if rss_peak:
        scenario.add("worker RSS under load (largest process)", max(rss_peak.values()), "MB", target="< 300")
    scenario.details = {
        "articles": len(docs),
        "repeat": repeat,
        "resource_load_ms": round(warm_ms, 1),
        "rss_at_rest_mb": {str(pid): round(mb, 1) for pid, mb in rss_rest.items()},
        "rss_peak_mb": {str(pid): round(mb, 1) for pid, mb in rss_peak.items()},
    }
    return scenario
