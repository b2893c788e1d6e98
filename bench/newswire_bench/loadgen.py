"""Closed-loop HTTP load: POST one body a fixed number of times at a fixed concurrency.

``wrk`` (C, with a Lua script that stops each thread after its share) is used when present,
so the load generator is not the bottleneck; otherwise a Python generator on asyncio streams
with keep-alive does the same job, slower, and the result says which one ran.

    python -m newswire_bench.loadgen --url URL --body FILE --count N --concurrency 32
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

_WRK_SCRIPT = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "%(content_type)s"
%(auth)s
local f = assert(io.open("%(body)s", "rb"))
wrk.body = f:read("*a")
f:close()
local limit = %(per_thread)d
local seen = 0
function response(status, headers, body)
  seen = seen + 1
  if seen == limit then
    io.write("WRK_THREAD_DONE\\n")
    io.flush()
    wrk.thread:stop()
  end
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"duration_s":%%.6f,"requests":%%d,"non_2xx":%%d,"socket_errors":%%d,"p50_ms":%%.3f,"p99_ms":%%.3f,"mean_ms":%%.3f}\\n',
    summary.duration / 1e6, summary.requests, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.mean / 1000))
end
"""


@dataclass(frozen=True)
class LoadResult:
    tool: str
    requests: int
    ok: int  # 2xx answers
    duration_s: float
    rate: float  # 2xx answers per second
    p50_ms: float
    p99_ms: float
    mean_ms: float


def have_wrk() -> bool:
    return shutil.which("wrk") is not None


def run_wrk(url: str, body: Path, *, count: int, concurrency: int, token: str | None, threads: int = 2,
            content_type: str = "text/plain") -> LoadResult:  # fmt: skip
    per_thread = max(1, count // threads)
    auth = f'wrk.headers["Authorization"] = "Bearer {token}"' if token else ""
    script = _WRK_SCRIPT % {"content_type": content_type, "auth": auth, "body": body, "per_thread": per_thread}
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    # -d is only a ceiling: each thread stops after its share of the count and says so; wrk's
    # main thread sleeps out -d unless interrupted, so SIGINT it then (it reports on SIGINT).
    command = ["wrk", "-t", str(threads), "-c", str(concurrency), "-d", "600s", "--timeout", "10s", "-s", handle.name, url]
    try:
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        lines: list[str] = []
        done = 0
        for raw in proc.stdout:
            lines.append(raw)
            if raw.startswith("WRK_THREAD_DONE"):
                done += 1
                if done == threads:
                    proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
        out = "".join(lines)
    finally:
        Path(handle.name).unlink(missing_ok=True)
    line = next(line for line in out.splitlines() if line.startswith("WRK_JSON "))
    data = json.loads(line.removeprefix("WRK_JSON "))
    ok = data["requests"] - data["non_2xx"]
    return LoadResult("wrk", data["requests"], ok, data["duration_s"], ok / data["duration_s"],
                      data["p50_ms"], data["p99_ms"], data["mean_ms"])  # fmt: skip


async def _python_load(url: str, body: bytes, count: int, concurrency: int, token: str | None, content_type: str) -> LoadResult:
    parts = urlsplit(url)
    host, port, path = parts.hostname or "127.0.0.1", parts.port or 80, parts.path or "/"
    head = f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
    if token:
        head += f"Authorization: Bearer {token}\r\n"
    request = (head + "\r\n").encode() + body
    latencies: list[float] = []
    statuses: list[int] = []
    remaining = count

    async def connection() -> None:
        nonlocal remaining
        reader, writer = await asyncio.open_connection(host, port)
        try:
            while remaining > 0:
                remaining -= 1
                started = time.perf_counter()
                writer.write(request)
                status_line = await reader.readline()
                length = 0
                while (line := await reader.readline()) not in (b"\r\n", b""):
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value)
                await reader.readexactly(length)
                latencies.append(time.perf_counter() - started)
                statuses.append(int(status_line.split()[1]))
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(concurrency)))
    duration = time.perf_counter() - started
    ok = sum(1 for s in statuses if 200 <= s < 300)
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [latencies[0]] * 99
    return LoadResult("python-asyncio", len(statuses), ok, duration, ok / duration, cuts[49] * 1000, cuts[98] * 1000,
                      statistics.fmean(latencies) * 1000)  # fmt: skip


def run_python(url: str, body: Path, *, count: int, concurrency: int, token: str | None,
               content_type: str = "text/plain") -> LoadResult:  # fmt: skip
    """In its own process, so it has a core of its own rather than the benchmark driver's."""
    import sys

    command = [sys.executable, "-m", "newswire_bench.loadgen", "--url", url, "--body", str(body),
               "--count", str(count), "--concurrency", str(concurrency), "--content-type", content_type]  # fmt: skip
    if token:
        command += ["--token", token]
    out = subprocess.run(command, capture_output=True, text=True, check=True, cwd=Path(__file__).parent.parent).stdout
    return LoadResult(**json.loads(out.strip().splitlines()[-1]))


def run(url: str, body: Path, *, count: int, concurrency: int, token: str | None, use_wrk: bool) -> LoadResult:
    if use_wrk:
        return run_wrk(url, body, count=count, concurrency=concurrency, token=token)
    return run_python(url, body, count=count, concurrency=concurrency, token=token)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--body", type=Path, required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--token")
    parser.add_argument("--content-type", default="text/plain")
    args = parser.parse_args()
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    result = asyncio.run(_python_load(args.url, args.body.read_bytes(), args.count, args.concurrency, args.token, args.content_type))
    print(json.dumps(asdict(result)))


if __name__ == "__main__":
    main()
