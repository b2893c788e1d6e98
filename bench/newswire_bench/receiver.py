"""A fast webhook receiver on asyncio protocols, so the receiver is never the bottleneck.

    python -m newswire_bench.receiver --port 9001 [--latency-ms 0]

Every POST is answered ``200 ok``; the path's first segment is its group (``/s2/17`` is in
group ``s2``), counted with the first and last arrival times. ``/lat/<ms>/...`` answers after
``<ms>`` milliseconds instead of the default latency. For groups starting with ``rec`` each
request is also recorded with its arrival time and the article URI found in the body, which is
how end-to-end latency is measured. Control: ``GET /_stats``, ``GET /_records/<group>``,
``POST /_reset``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import re
import time
from dataclasses import dataclass, field

_OK = b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-type: text/plain\r\n\r\nok"
_URI = re.compile(rb'"uri":"(urn:[^"]+)"')
_MAX_HEAD = 64 * 1024


@dataclass
class Group:
    count: int = 0
    first: float = 0.0
    last: float = 0.0
    records: list[tuple[float, str]] = field(default_factory=list)


class State:
    def __init__(self, latency: float) -> None:
        self.latency = latency
        self.groups: dict[str, Group] = {}

    def record(self, path: bytes, body: bytes, now: float) -> float:
        """Count one webhook; returns how long to wait before answering."""
        latency = self.latency
        if path.startswith(b"/lat/"):
            _, _, ms, path = path.split(b"/", 3)
            latency = int(ms) / 1000
            path = b"/" + path
        name = path.split(b"/", 2)[1].decode()
        group = self.groups.get(name)
        if group is None:
            group = self.groups[name] = Group(first=now)
        group.count += 1
        group.last = now
        if name.startswith("rec"):
            match = _URI.search(body)
            group.records.append((now, match.group(1).decode() if match else ""))
        return latency

    def control(self, method: bytes, path: bytes) -> bytes:
        if path == b"/_stats":
            payload = {k: {"count": g.count, "first": g.first, "last": g.last} for k, g in self.groups.items()}
        elif path.startswith(b"/_records/"):
            group = self.groups.get(path[len(b"/_records/") :].decode())
            payload = {"records": group.records if group else []}
        elif path == b"/_reset" and method == b"POST":
            self.groups.clear()
            payload = {"reset": True}
        else:
            return b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n"
        body = json.dumps(payload).encode()
        head = f"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {len(body)}\r\n\r\n"
        return head.encode() + body


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return 0


class ReceiverProtocol(asyncio.Protocol):
    """HTTP/1.1 with keep-alive: parse just enough (request line, content-length) to frame
    requests; answers go out in request order."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.buffer = b""
        self.transport: asyncio.Transport | None = None
        self.loop = asyncio.get_running_loop()
        self.queued: list[tuple[float, bytes]] = []  # (loop time due, answer), in request order

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                if len(self.buffer) > _MAX_HEAD:
                    self._close()
                return
            head = self.buffer[:end]
            size = _content_length(head)
            total = end + 4 + size
            if len(self.buffer) < total:
                return
            body = self.buffer[end + 4 : total]
            self.buffer = self.buffer[total:]
            self._handle(head, body)

    def _handle(self, head: bytes, body: bytes) -> None:
        method, _, rest = head.partition(b" ")
        path = rest.split(b" ", 1)[0]
        if path.startswith(b"/_"):
            self._answer(self.state.control(method, path), 0.0)
            return
        now = time.time()
        self._answer(_OK, self.state.record(path, body, now))

    def _answer(self, response: bytes, delay: float) -> None:
        if not self.queued and delay <= 0:
            if self.transport is not None:
                self.transport.write(response)
            return
        # Answers leave in request order: none before the one ahead of it.
        ready = max(self.loop.time() + delay, self.queued[-1][0] if self.queued else 0.0)
        self.queued.append((ready, response))
        self.loop.call_at(ready, self._flush)

    def _flush(self) -> None:
        # One callback per queued answer, firing in due order: the oldest answer is due now.
        response = self.queued.pop(0)[1]
        if self.transport is not None and not self.transport.is_closing():
            self.transport.write(response)

    def _close(self) -> None:
        if self.transport is not None:
            self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self.transport = None


async def serve(host: str, port: int, latency: float) -> None:
    state = State(latency)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: ReceiverProtocol(state), host, port, backlog=4096, reuse_address=True)
    async with server:
        await server.serve_forever()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--latency-ms", type=float, default=0.0, help="default answer delay")
    args = parser.parse_args()
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args.host, args.port, args.latency_ms / 1000))


if __name__ == "__main__":
    main()
