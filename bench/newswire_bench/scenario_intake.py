"""Scenario 1: intake throughput and latency against a bare endpoint in the same server setup,
and against that endpoint plus one Redis write (the floor for an intake that stores anything).

The workers are not running here, so the intake is measured alone, as the bare endpoint is;
the articles it accepted are dropped afterwards (their tasks and records)."""

from __future__ import annotations

import os
import statistics
import sys
from dataclasses import asdict
from pathlib import Path

from newswire_bench import loadgen
from newswire_bench.bare_app import STORED_PREFIX
from newswire_bench.procs import ROOT, Processes, free_port, http_ok, wait_for
from newswire_bench.report import Scenario
from newswire_bench.system import NEWSROOM_TOKEN, System, uvicorn_command


def _drop_accepted(system: System) -> None:
    system.reset()
    system.redis.delete("newswire.articles")
    stored = list(system.redis.scan_iter(STORED_PREFIX + "*", count=5000))
    for start in range(0, len(stored), 5000):
        system.redis.unlink(*stored[start : start + 5000])


def _fresh_start(system: System) -> None:
    """Every measured run starts from the same Redis: nothing stored by an earlier run, an
    append-only file just rewritten (so each run meets Redis's own rewrites the same way) and no
    earlier run's writes still on their way to the disk."""
    _drop_accepted(system)
    system.redis.bgrewriteaof()
    wait_for(lambda: not system.redis.info("persistence")["aof_rewrite_in_progress"], timeout=60, what="the AOF rewrite")
    os.sync()


def run(system: System, procs: Processes, body: Path, *, count: int, warmup: int, concurrency: int, rounds: int,
        use_wrk: bool) -> Scenario:  # fmt: skip
    scenario = Scenario("intake", "1. Intake")
    bare_port = free_port()
    bare = procs.start(
        "bare-endpoint",
        uvicorn_command("newswire_bench.bare_app:create_app", bare_port, system.config.intake_workers),
        env={**system.env, "PYTHONPATH": str(ROOT / "bench")},
        cwd=ROOT / "bench",
    )
    bare_url = f"http://127.0.0.1:{bare_port}"
    wait_for(lambda: http_ok(bare_url + "/readyz"), timeout=60, what="the bare endpoint")
    intake_url = system.url + "/v1/articles"

    def load(url: str, n: int, token: str | None) -> loadgen.LoadResult:
        return loadgen.run(url, body, count=n, concurrency=concurrency, token=token, use_wrk=use_wrk)

    load(bare_url + "/v1/articles", warmup, None)
    load(bare_url + "/v1/articles-stored", warmup, None)
    load(intake_url, warmup, NEWSROOM_TOKEN)
    _drop_accepted(system)
    bare_runs: list[loadgen.LoadResult] = []
    stored_runs: list[loadgen.LoadResult] = []
    intake_runs: list[loadgen.LoadResult] = []
    for _ in range(rounds):  # alternate, so all three see the same machine weather
        _fresh_start(system)
        bare_runs.append(load(bare_url + "/v1/articles", count, None))
        _fresh_start(system)
        stored_runs.append(load(bare_url + "/v1/articles-stored", count, None))
        _fresh_start(system)
        intake_runs.append(load(intake_url, count, NEWSROOM_TOKEN))
        accepted = system.redis.llen("newswire.articles")
        _drop_accepted(system)
        if accepted < intake_runs[-1].ok:
            raise RuntimeError(f"the intake answered {intake_runs[-1].ok} times 202 but queued {accepted} tasks")
        print(
            f"  round: bare {bare_runs[-1].rate:,.0f}/s, bare + one write {stored_runs[-1].rate:,.0f}/s,"
            f" intake {intake_runs[-1].rate:,.0f}/s",
            file=sys.stderr,
        )
    procs.stop(bare)

    def med(runs: list[loadgen.LoadResult], attr: str) -> float:
        return statistics.median(getattr(r, attr) for r in runs)

    rate = med(intake_runs, "rate")
    bare_rate = med(bare_runs, "rate")
    scenario.add("accepted articles/s", rate, "/s", bare_rate, "bare endpoint", target=">= 2000")
    scenario.add("rate vs bare endpoint", rate, "/s", bare_rate, "bare endpoint", target="ratio >= 0.7")
    stored_rate = med(stored_runs, "rate")
    scenario.add("bare endpoint + one Redis write", stored_rate, "/s", bare_rate, "bare endpoint")
    scenario.add("rate vs bare + one Redis write", rate, "/s", stored_rate, "bare + one Redis write")
    scenario.add("latency p50", med(intake_runs, "p50_ms"), "ms", med(bare_runs, "p50_ms"), "bare endpoint")
    scenario.add("latency p99", med(intake_runs, "p99_ms"), "ms", med(bare_runs, "p99_ms"), "bare endpoint")
    non_2xx = sum(r.requests - r.ok for r in intake_runs)
    scenario.details = {
        "load_generator": intake_runs[0].tool,
        "server": f"uvicorn --workers {system.config.intake_workers} (uvloop, httptools), the same for both",
        "concurrency": concurrency,
        "count_per_run": count,
        "warmup": warmup,
        "rounds": rounds,
        "body_bytes": body.stat().st_size,
        "non_2xx_answers": non_2xx,
        "workers_running": False,
        "runs": {
            "intake": [asdict(r) for r in intake_runs],
            "bare": [asdict(r) for r in bare_runs],
            "bare_plus_one_write": [asdict(r) for r in stored_runs],
        },
    }
    return scenario
