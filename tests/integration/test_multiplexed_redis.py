"""The intake's multiplexed Redis connection against a real redis-server of its own: replies
matched to their commands under concurrency, the commands of one turn of the event loop in one
write, a script in one transaction with the commands before it, forgotten scripts, errors, a lost and restored server, a password and database, and a
server that does not answer in time."""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path

import pytest
import redis
import redis.exceptions

from newswire.multiplexed import MultiplexedRedis
from tests.support.processes import start_redis, stop

pytestmark = pytest.mark.integration
SCRIPT = "return redis.call('INCRBY', KEYS[1], ARGV[1])"



def test_concurrent_commands_share_one_connection_and_get_their_own_replies(server: tuple[subprocess.Popen[bytes], str]) -> None:
    _, url = server

    async def run() -> tuple[list[bytes], int]:
        client = MultiplexedRedis(url)
        replies = await asyncio.gather(*(client.execute("ECHO", f"reply {i}") for i in range(500)))
        connections = len(redis.Redis.from_url(url).client_list(_type="normal")) - 1  # less the one counting
        await client.aclose()
        return replies, connections

    replies, connections = asyncio.run(run())
    assert replies == [f"reply {i}".encode() for i in range(500)]
    assert connections == 1


def test_commands_sent_in_one_turn_of_the_event_loop_reach_redis_in_one_write(server: tuple[subprocess.Popen[bytes], str]) -> None:
    _, url = server
    direct = redis.Redis.from_url(url)

    def reads() -> int:
        return int(direct.info("stats")["total_reads_processed"])

    async def run() -> int:
        client = MultiplexedRedis(url)
        await client.execute("PING")  # connected
        before = reads()
        await asyncio.gather(*(client.execute("ECHO", f"reply {i}") for i in range(200)))
        after = reads()
        await client.aclose()
        return after - before - 1  # less the INFO call that read the count

    assert asyncio.run(run()) <= 3  # one write of 200 commands (Redis may read it in a few parts)


def test_a_script_redis_has_forgotten_runs_and_is_cached_again(server: tuple[subprocess.Popen[bytes], str]) -> None:
    _, url = server
    direct = redis.Redis.from_url(url)

    async def run() -> list[int]:
        client = MultiplexedRedis(url)
        first = await client.run_script(SCRIPT, ["n"], [2])
        direct.script_flush()
        second = await client.run_script(SCRIPT, ["n"], [3])
        await client.aclose()
        return [first, second]

    assert asyncio.run(run()) == [2, 5]
    assert direct.script_exists(direct.register_script(SCRIPT).sha) == [True]


APPEND_AND_READ = "redis.call('RPUSH', KEYS[1], ARGV[1]) return redis.call('LRANGE', KEYS[1], 0, -1)"


def test_a_script_after_commands_runs_with_them_in_one_transaction(server: tuple[subprocess.Popen[bytes], str]) -> None:
    _, url = server

    async def run() -> list[list[bytes]]:
        client = MultiplexedRedis(url)
        # Concurrent callers each put a mark and then read the list in the same transaction, while
        # other commands write to the same list: nothing falls between a caller's two writes.
        calls = [client.run_script(APPEND_AND_READ, ["log"], [f"{i}b"], after=[("RPUSH", "log", f"{i}a")]) for i in range(100)]
        noise = [client.execute("RPUSH", "log", "noise") for _ in range(100)]
        results = await asyncio.gather(*(c for pair in zip(calls, noise, strict=True) for c in pair))
        await client.aclose()
        return results[::2]

    for i, seen in enumerate(asyncio.run(run())):
        assert seen[-2:] == [f"{i}a".encode(), f"{i}b".encode()]


def test_a_forgotten_script_in_a_transaction_runs_again_with_its_commands(server: tuple[subprocess.Popen[bytes], str]) -> None:
    _, url = server
    direct = redis.Redis.from_url(url)

    async def run() -> list[int]:
        client = MultiplexedRedis(url)
        first = await client.run_script(SCRIPT, ["n"], [2], after=[("SET", "marker", "1")])
        direct.script_flush()
        direct.delete("marker")
        second = await client.run_script(SCRIPT, ["n"], [3], after=[("SET", "marker", "2")])
        await client.aclose()
        return [first, second]

    assert asyncio.run(run()) == [2, 5]
    assert direct.get("marker") == b"2"
    assert direct.script_exists(direct.register_script(SCRIPT).sha) == [True]


def test_an_error_in_a_transaction_raises(server: tuple[subprocess.Popen[bytes], str]) -> None:
    _, url = server

    async def run() -> None:
        client = MultiplexedRedis(url)
        try:
            with pytest.raises(redis.exceptions.ResponseError, match="EXECABORT"):
                await client.run_script(SCRIPT, ["n"], [1], after=[("SET",)])  # refused when queued
            with pytest.raises(redis.exceptions.ResponseError, match="not an integer"):
                await client.run_script(SCRIPT, ["n"], ["x"], after=[("SET", "m", "1")])
            assert await client.execute("GET", "m") == b"1"
        finally:
            await client.aclose()

    asyncio.run(run())


def test_an_error_reply_raises_and_the_connection_stays_usable(server: tuple[subprocess.Popen[bytes], str]) -> None:
    _, url = server

    async def run() -> bytes:
        client = MultiplexedRedis(url)
        await client.execute("SET", "text", "not a number")
        with pytest.raises(redis.exceptions.ResponseError, match="not an integer"):
            await client.execute("INCR", "text")
        value = await client.execute("GET", "text")
        await client.aclose()
        return value

    assert asyncio.run(run()) == b"not a number"


def test_a_lost_server_fails_the_command_and_a_restored_one_is_used_again(tmp_path: Path) -> None:
    proc, url = start_redis(tmp_path)
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    restarted: list[subprocess.Popen[bytes]] = []

    async def run() -> bytes:
        client = MultiplexedRedis(url, timeout=5)
        await client.execute("SET", "k", "before")
        stop(proc)
        with pytest.raises(redis.exceptions.ConnectionError):
            await client.execute("GET", "k")
        restarted.append(start_redis(tmp_path, port=port)[0])
        await client.execute("SET", "k", "after")
        value = await client.execute("GET", "k")
        await client.aclose()
        return value

    try:
        assert asyncio.run(run()) == b"after"
    finally:
        for p in restarted:
            stop(p)


def test_password_and_database_from_the_url(tmp_path: Path) -> None:
    proc, url = start_redis(tmp_path, options=("--requirepass", "s3cret"))
    base = url.rsplit("/", 1)[0].replace("redis://", "redis://:s3cret@")
    try:

        async def run(target: str) -> None:
            client = MultiplexedRedis(target)
            try:
                await client.execute("SET", "where", "db3")
            finally:
                await client.aclose()

        asyncio.run(run(f"{base}/3"))
        assert redis.Redis.from_url(f"{base}/3").get("where") == b"db3"
        assert redis.Redis.from_url(f"{base}/0").get("where") is None
        with pytest.raises(redis.exceptions.ConnectionError, match="refused AUTH"):
            asyncio.run(run(url.replace("redis://", "redis://:wrong@")))
    finally:
        stop(proc)


def test_a_command_not_answered_in_time_times_out_and_the_next_one_works(server: tuple[subprocess.Popen[bytes], str]) -> None:
    _, url = server

    async def run() -> bytes:
        client = MultiplexedRedis(url, timeout=0.3)
        with pytest.raises(redis.exceptions.TimeoutError):
            await client.execute("BLPOP", "empty", 2)  # the server holds the reply for 2 s
        value = await client.execute("ECHO", "next")
        await client.aclose()
        return value

    assert asyncio.run(run()) == b"next"


def test_options_it_cannot_honour_are_refused_at_once() -> None:
    with pytest.raises(ValueError, match="socket_timeout"):
        MultiplexedRedis("redis://127.0.0.1:6379/0?socket_timeout=5")
