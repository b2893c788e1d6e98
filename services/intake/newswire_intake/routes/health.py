"""Liveness, readiness and Prometheus metrics."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.concurrency import run_in_threadpool

from newswire import queue
from newswire.store import Store
from newswire_intake.deps import StoreDep
from newswire_intake.errors import error_response

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process is up")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Redis is reachable")
async def readyz(store: StoreDep) -> Response:
    try:
        await run_in_threadpool(store.ping)
    except Exception as exc:  # any failure to reach Redis means not ready
        return error_response(503, "not_ready", f"Redis is not reachable: {type(exc).__name__}")
    return Response('{"status":"ready"}', media_type="application/json")


def prometheus_text(store: Store) -> str:
    """Counters every process adds to Redis, and the backlog, as Prometheus text."""
    lines: list[str] = []
    metrics = store.metrics()
    lines += ["# HELP newswire_events_total Articles and deliveries by what happened to them.",
              "# TYPE newswire_events_total counter"]  # fmt: skip
    lines += [f'newswire_events_total{{event="{name}"}} {value}' for name, value in sorted(metrics.items())]
    lines += [
        "# HELP newswire_backlog Items waiting: queue lengths and scheduled work.",
        "# TYPE newswire_backlog gauge",
    ]
    lines += [f'newswire_backlog{{queue="{name}"}} {value}' for name, value in store.backlog(queue.QUEUES).items()]
    return "\n".join(lines) + "\n"


@router.get("/metrics", summary="Prometheus metrics")
def metrics(store: StoreDep) -> Response:
    return Response(prometheus_text(store), media_type="text/plain; version=0.0.4")
