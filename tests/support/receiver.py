"""A real HTTP receiver on 127.0.0.1 that records every request and answers as scripted."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.support.processes import wait_for


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


class _Server(ThreadingHTTPServer):
    request_queue_size = 256  # many senders connect at once; the default backlog of 5 would stall them
    daemon_threads = True


class Receiver:
    """``respond(path, 503, 200)`` scripts the next answers on a path; after the script runs
    out (and by default) the answer is 200."""

    def __init__(self) -> None:
        self.requests: list[Received] = []
        self._scripts: dict[str, deque[tuple[int, dict[str, str], float]]] = defaultdict(deque)
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802 (http.server's hook name)
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                status, headers, delay = receiver._record(Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                time.sleep(delay)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("content-length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args: object) -> None:
                pass

        self._server = _Server(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def respond(self, path: str, *statuses: int, headers: dict[str, str] | None = None, delay: float = 0.0) -> None:
        with self._lock:
            self._scripts[path].extend((status, headers or {}, delay) for status in statuses)

    def _record(self, request: Received) -> tuple[int, dict[str, str], float]:
        with self._lock:
            self.requests.append(request)
            script = self._scripts[request.path]
            return script.popleft() if script else (200, {}, 0.0)

    def on(self, path: str) -> list[Received]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def wait(self, path: str, count: int = 1, timeout: float = 10) -> list[Received]:
        return wait_for(lambda: len(self.on(path)) >= count and self.on(path), timeout=timeout, what=f"{count} request(s) on {path}")

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
