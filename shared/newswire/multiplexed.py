"""One Redis connection shared by all of an asyncio process's concurrent requests.

Redis answers a connection's commands in the order they arrive, so each reply settles the oldest
command still waiting: nothing is taken from a pool and handed back per command. Commands sent
in the same turn of the event loop go out in one write, so concurrent requests share the system
calls on both ends (Redis then reads them at once, too). The intake's accept is one such
transaction per article; through redis.asyncio's connection pool the same call cost several times
the CPU (docs/benchmarks.md).
Only what that path needs: commands, scripts by SHA (falling back to EVAL when Redis has
forgotten them), a script in one transaction with the commands before it, and a fresh connection
after a lost one. Errors are redis-py's exceptions, so
callers handle them as they handle the rest of the store's.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import ssl
from collections import deque
from collections.abc import Sequence
from typing import Any

import hiredis
import redis.exceptions
from redis.asyncio.connection import SSLConnection, parse_url

Arg = str | bytes | int | float


class _Replies(asyncio.Protocol):
    """The connection: commands out once per turn of the event loop, replies matched to them in
    order, and one timer that fails the connection when the oldest unanswered command is late
    (replies come in order, so only the oldest can be; a timer per command cost more than the
    command)."""

    def __init__(self, timeout: float) -> None:
        # Made inside the loop it serves. Kept: on Python 3.11 each asyncio.get_running_loop()
        # is a getpid() system call, and send() runs once per command.
        self._loop = asyncio.get_running_loop()
        self._reader = hiredis.Reader()
        self._waiting: deque[tuple[asyncio.Future[Any] | None, float]] = deque()  # (waiter, answer-by time)
        self._unsent: list[bytes] = []
        self._timeout = timeout
        self._watchdog: asyncio.TimerHandle | None = None
        self._transport: asyncio.Transport | None = None
        self.closed = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self._reader.feed(data)
        try:
            while (reply := self._reader.gets()) is not False:
                waiter, _ = self._waiting.popleft()
                if waiter is not None and not waiter.done():  # its caller may have given up meanwhile
                    waiter.set_result(reply)
        except hiredis.ProtocolError as exc:
            self._fail(redis.exceptions.ConnectionError(f"Redis sent an unreadable reply: {exc}"))

    def connection_lost(self, exc: Exception | None) -> None:
        self._fail(redis.exceptions.ConnectionError(f"lost the connection to Redis: {exc or 'closed by the server'}"))

    def send(self, *commands: Sequence[Arg]) -> asyncio.Future[Any]:
        """Queue commands to go out together, in order and next to each other; the future settles
        with the last one's reply (the others' are read and dropped)."""
        if self.closed or self._transport is None:
            raise redis.exceptions.ConnectionError("the connection to Redis is closed")
        loop = self._loop
        waiter = loop.create_future()
        if not self._unsent:
            loop.call_soon(self._flush)
        deadline = loop.time() + self._timeout
        for command in commands[:-1]:
            self._unsent.append(hiredis.pack_command(tuple(command)))  # type: ignore[arg-type]
            self._waiting.append((None, deadline))
        self._unsent.append(hiredis.pack_command(tuple(commands[-1])))  # type: ignore[arg-type]  # (its stub: 1-tuples)
        self._waiting.append((waiter, deadline))
        if self._watchdog is None:
            self._watchdog = loop.call_at(deadline, self._check_deadline)
        return waiter

    def _flush(self) -> None:
        if not self.closed and self._transport is not None:
            self._transport.write(b"".join(self._unsent))
        self._unsent.clear()

    def _check_deadline(self) -> None:
        self._watchdog = None
        if self.closed or not self._waiting:
            return
        deadline = self._waiting[0][1]
        if self._loop.time() < deadline:
            self._watchdog = self._loop.call_at(deadline, self._check_deadline)
        else:  # the replies still owed would be matched to the wrong commands: start afresh
            self._fail(redis.exceptions.TimeoutError(f"Redis did not answer within {self._timeout:g} s"))

    def close(self) -> None:
        self._fail(redis.exceptions.ConnectionError("the connection to Redis was closed"))

    def _fail(self, error: Exception) -> None:
        """Every command still waiting fails with ``error``: their replies can no longer be told apart."""
        self.closed = True
        if self._watchdog is not None:
            self._watchdog.cancel()
            self._watchdog = None
        while self._waiting:
            waiter, _ = self._waiting.popleft()
            if waiter is not None and not waiter.done():
                waiter.set_exception(error)
        if self._transport is not None:
            self._transport.close()


class MultiplexedRedis:
    """Commands from any number of tasks over one connection, opened on first use and again
    after it is lost (a command in flight on a lost connection fails: it may or may not have
    run, as with any client). Supports redis://, rediss:// and unix:// URLs with a database,
    user and password."""

    def __init__(self, url: str, *, timeout: float = 10.0) -> None:
        options = parse_url(url)
        unsupported = set(options) - {"host", "port", "path", "db", "username", "password", "connection_class"}
        if unsupported:
            raise ValueError(f"the Redis URL options {sorted(unsupported)} are not supported here")
        self._options = options
        self._timeout = timeout
        self._replies: _Replies | None = None
        self._connecting = asyncio.Lock()

    async def execute(self, *args: Arg) -> Any:
        """Run one command; an error reply raises ``redis.exceptions.ResponseError``."""
        replies = await self._connection()
        return _raise_error(await replies.send(args))

    async def run_script(
        self, script: str, keys: Sequence[Arg], args: Sequence[Arg], *, after: Sequence[Sequence[Arg]] = ()
    ) -> Any:
        """EVALSHA, or EVAL (which also caches the script again) when Redis does not know it.
        Given commands ``after``, the script runs right after them in one MULTI/EXEC; they run
        again when the script was unknown, so they must be safe to repeat."""
        reply = await self._run(("EVALSHA", _sha(script), len(keys), *keys, *args), after)
        if isinstance(reply, hiredis.ReplyError) and str(reply).startswith("NOSCRIPT"):
            reply = await self._run(("EVAL", script, len(keys), *keys, *args), after)
        return _raise_error(reply)

    async def _run(self, command: Sequence[Arg], after: Sequence[Sequence[Arg]]) -> Any:
        """The reply to ``command``, run after the commands ``after`` in one transaction."""
        replies = await self._connection()
        if not after:
            return await replies.send(command)
        # MULTI, the commands and EXEC go out together: no other caller's command falls among them
        return _raise_error(await replies.send(("MULTI",), *after, command, ("EXEC",)))[-1]

    async def aclose(self) -> None:
        if self._replies is not None:
            self._replies.close()
            self._replies = None

    async def _connection(self) -> _Replies:
        replies = self._replies
        if replies is not None and not replies.closed:
            return replies
        async with self._connecting:
            if self._replies is None or self._replies.closed:
                self._replies = await self._connect()
            return self._replies

    async def _connect(self) -> _Replies:
        options, loop = self._options, asyncio.get_running_loop()
        replies_factory = functools.partial(_Replies, self._timeout)
        try:
            async with asyncio.timeout(self._timeout):
                if "path" in options:
                    _, replies = await loop.create_unix_connection(replies_factory, options["path"])
                else:
                    tls = ssl.create_default_context() if options.get("connection_class") is SSLConnection else None
                    _, replies = await loop.create_connection(
                        replies_factory, options.get("host", "localhost"), options.get("port", 6379), ssl=tls
                    )
                if options.get("password"):
                    user = [options["username"]] if options.get("username") else []
                    await self._handshake(replies, "AUTH", *user, options["password"])
                if options.get("db"):
                    await self._handshake(replies, "SELECT", options["db"])
        except (OSError, TimeoutError) as exc:
            raise redis.exceptions.ConnectionError(f"cannot connect to Redis: {exc or type(exc).__name__}") from exc
        return replies

    @staticmethod
    async def _handshake(replies: _Replies, command: str, *args: Arg) -> None:
        reply = await replies.send((command, *args))
        if isinstance(reply, hiredis.ReplyError):
            replies.close()
            raise redis.exceptions.ConnectionError(f"Redis refused {command}: {reply}")


def _raise_error(reply: Any) -> Any:
    if isinstance(reply, hiredis.ReplyError):
        raise redis.exceptions.ResponseError(str(reply))
    return reply


@functools.cache
def _sha(script: str) -> str:
    return hashlib.sha1(script.encode()).hexdigest()
