"""The benchmark suite (`make bench`): starts its own Redis, intake, worker, scheduler and fast
receivers on 127.0.0.1, runs every scenario after a warm-up, compares each with a baseline
measured in the same run, and writes bench/results/latest.json and latest.md.

    .venv/bin/python bench/run.py                 # everything, sizes as in the issue
    .venv/bin/python bench/run.py --only intake,matching --intake-count 5000
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newswire_bench import (  # noqa: E402
    machine,
    report,
    scenario_e2e,
    scenario_enrichment,
    scenario_fanout,
    scenario_intake,
    scenario_matching,
)
from newswire_bench.procs import BENCH, ROOT, Processes, RssSampler, rss_mb  # noqa: E402
from newswire_bench.system import Config, System  # noqa: E402

from newswire.config import Settings  # noqa: E402

SCENARIOS = ("intake", "fanout", "fanout_latency", "e2e", "matching", "enrichment")
SEED = ROOT.parent / "shared" / "fixtures" / "articles" / "seed-2025-04-25-crimea.txt"
FALLBACK = BENCH / "newswire_bench" / "fallback-article.txt"


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Newswire benchmark suite")
    p.add_argument("--only", default=",".join(SCENARIOS), help=f"comma-separated subset of {', '.join(SCENARIOS)}")
    p.add_argument("--intake-count", type=int, default=20_000, help="articles posted per measured run")
    p.add_argument("--intake-warmup", type=int, default=2_000)
    p.add_argument("--intake-concurrency", type=int, default=32)
    p.add_argument("--intake-rounds", type=int, default=2, help="alternating bare/intake rounds")
    p.add_argument("--intake-workers", type=int, default=2, help="uvicorn --workers, for intake and bare endpoint")
    p.add_argument("--fanout-subscribers", type=int, default=10_000)
    p.add_argument("--fanout-runs", type=int, default=3)
    p.add_argument("--naive-runs", type=int, default=1)
    p.add_argument("--naive-warmup", type=int, default=500)
    p.add_argument("--latency-subscribers", type=int, default=1_000)
    p.add_argument("--latency-ms", type=int, default=100)
    p.add_argument("--latency-runs", type=int, default=3)
    p.add_argument("--e2e-rate", type=float, default=50.0, help="articles per second")
    p.add_argument("--e2e-seconds", type=float, default=30.0)
    p.add_argument("--e2e-subscribers", type=int, default=10)
    p.add_argument("--e2e-warmup-seconds", type=float, default=3.0)
    p.add_argument("--matching-subscribers", type=int, default=10_000)
    p.add_argument("--matching-repeat", type=int, default=50)
    p.add_argument("--enrichment-repeat", type=int, default=20)
    p.add_argument("--worker-concurrency", type=int, default=4, help="Celery prefork processes (as make run starts)")
    defaults = Settings.model_fields  # the system's own defaults unless a flag says otherwise
    p.add_argument("--webhook-batch-size", type=int, default=defaults["webhook_batch_size"].default,
                   help="NEWSWIRE_WEBHOOK_BATCH_SIZE")
    p.add_argument("--webhook-concurrency", type=int, default=defaults["webhook_concurrency"].default,
                   help="NEWSWIRE_WEBHOOK_CONCURRENCY")
    p.add_argument("--python-loadgen", action="store_true", help="use the Python load generator even if wrk exists")
    p.add_argument("--results", type=Path, default=BENCH / "results")
    p.add_argument("--keep-logs", action="store_true", help="keep the work folder with every process's log")
    return p.parse_args()


def ensure_wrk() -> bool:
    """wrk from Debian's packages, installed here when missing and possible."""
    if shutil.which("wrk"):
        return True
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("wrk is missing: installing it with apt-get", file=sys.stderr)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], env=env, check=False, stdout=subprocess.DEVNULL)
    return shutil.which("wrk") is not None


def ensure_redis() -> None:
    if shutil.which("redis-server") is None:
        subprocess.run([str(ROOT / "scripts" / "ensure-redis.sh")], check=True)


def articles() -> tuple[Path, list[Path]]:
    """The seed article (or the bench's own of similar size), and a varied set for enrichment
    and matching."""
    seed = SEED if SEED.exists() else FALLBACK
    varied = sorted((BENCH / "eval" / "articles").glob("*.txt")) or [FALLBACK]
    return seed, [seed, *varied]


def main() -> int:
    args = parse_args()
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(only) - set(SCENARIOS)
    if unknown:
        raise SystemExit(f"unknown scenarios: {', '.join(sorted(unknown))}")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # clean up the processes on SIGTERM too
    started = time.monotonic()
    ensure_redis()
    use_wrk = not args.python_loadgen and ensure_wrk()
    if not use_wrk:
        print("NOTE: wrk is not available; the intake is loaded by the Python generator, which may be the bottleneck",
              file=sys.stderr)  # fmt: skip
    seed, varied = articles()
    body = seed.read_bytes()
    print(f"seed article: {seed} ({len(body)} bytes)", file=sys.stderr)

    config = Config(args.intake_workers, args.worker_concurrency, args.webhook_batch_size, args.webhook_concurrency)
    work = Path(tempfile.mkdtemp(prefix="newswire-bench-"))
    procs = Processes(work)
    system = System(procs, work, config)
    results: list[report.Scenario] = []
    rss_rest: dict[int, float] = {}
    ok = False
    try:
        system.start_base()
        system.start_intake()
        if "intake" in only:
            print("1. intake ...", file=sys.stderr)
            results.append(scenario_intake.run(system, procs, seed, count=args.intake_count, warmup=args.intake_warmup,
                                               concurrency=args.intake_concurrency, rounds=args.intake_rounds, use_wrk=use_wrk))  # fmt: skip
        needs_workers = any(s in only for s in ("fanout", "fanout_latency", "e2e", "enrichment"))
        if needs_workers:
            system.start_workers()
            rss_rest = {pid: rss_mb(pid) for pid in system.worker_pids()}
        with RssSampler(system.worker_pids) as sampler:
            if "fanout" in only:
                print("2. fan-out ...", file=sys.stderr)
                results.append(scenario_fanout.run_throughput(system, procs, body, work, subscribers_count=args.fanout_subscribers,
                                                              runs=args.fanout_runs, naive_runs=args.naive_runs,
                                                              naive_warmup=args.naive_warmup))  # fmt: skip
            if "fanout_latency" in only:
                print("3. fan-out to slow receivers ...", file=sys.stderr)
                results.append(scenario_fanout.run_latency(system, body, subscribers_count=args.latency_subscribers,
                                                           latency_ms=args.latency_ms, runs=args.latency_runs, target_s=1.5))  # fmt: skip
            if "e2e" in only:
                print("4. end to end ...", file=sys.stderr)
                results.append(scenario_e2e.run(system, body, rate=args.e2e_rate, seconds=args.e2e_seconds,
                                                fanout=args.e2e_subscribers, warmup_seconds=args.e2e_warmup_seconds))  # fmt: skip
        if "matching" in only:
            print("5. matching ...", file=sys.stderr)
            results.append(scenario_matching.run(varied, subscribers_count=args.matching_subscribers, repeat=args.matching_repeat))
        if "enrichment" in only:
            print("6. enrichment ...", file=sys.stderr)
            results.append(scenario_enrichment.run(varied, repeat=args.enrichment_repeat, rss_rest=rss_rest, rss_peak=sampler.peak))
        ok = True
    finally:
        system.close()
        procs.close()
        if ok and not args.keep_logs:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"process logs: {work}", file=sys.stderr)

    settings = {
        **vars(args),
        "results": str(args.results),
        "load_generator": "wrk" if use_wrk else "python-asyncio",
        "seed_article": str(seed.relative_to(ROOT.parent)) if seed.is_relative_to(ROOT.parent) else str(seed),
        "duration_s": round(time.monotonic() - started, 1),
    }
    json_path, _ = report.write(args.results, results, machine.info(), settings)
    print()
    print(report.table(results))
    print(f"\n{settings['duration_s']} s; results in {json_path.relative_to(ROOT) if json_path.is_relative_to(ROOT) else json_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
