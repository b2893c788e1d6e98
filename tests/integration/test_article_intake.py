"""The intake's accept against a real redis-server of its own: articles submitted together are
accepted in one transaction, each with its own answer, as if each had come alone."""

from __future__ import annotations

import asyncio
import subprocess
from datetime import datetime, timezone

import pytest
import redis
import redis.exceptions

from newswire.models import ArticleIn
from newswire.multiplexed import MultiplexedRedis
from newswire.store import DUE_ARTICLES, METRICS, ArticleIntake, StaleVersion
from newswire.submissions import NewArticle, new_article
from tests.support.processes import stop

pytestmark = pytest.mark.integration
QUEUE = "tasks"



def _article(n: int, **fields: object) -> NewArticle:
    submitted = ArticleIn.model_validate({"body_text": f"Story {n}.", **fields})
    return new_article(submitted, article_id=f"a{n:04d}", now=datetime.now(timezone.utc))


async def _accept_all(url: str, articles: list[NewArticle], keys: list[str | None] | None = None) -> list[object]:
    """Accept the articles concurrently (submitted in one turn of the event loop); each call's
    answer, or the exception it raised."""
    intake = ArticleIntake(MultiplexedRedis(url))
    keys = keys or [None] * len(articles)
    try:
        calls = (
            intake.accept(a, idempotency_key=k, due_at=1000.0 + i, task=(QUEUE, f"task {a.id}".encode()))
            for i, (a, k) in enumerate(zip(articles, keys, strict=True))
        )
        return await asyncio.gather(*calls, return_exceptions=True)
    finally:
        await intake.redis.aclose()


def test_articles_submitted_together_are_stored_scheduled_and_queued_in_one_call(
    server: tuple[subprocess.Popen[bytes], str],
) -> None:
    _, url = server
    direct = redis.Redis.from_url(url)
    assert asyncio.run(_accept_all(url, [_article(9999)])) == [None]  # Redis now knows the script
    direct.config_resetstat()
    direct.delete(DUE_ARTICLES, METRICS, QUEUE)
    articles = [_article(n) for n in range(300)]  # more than one call takes: the rest go in the next

    assert asyncio.run(_accept_all(url, articles)) == [None] * 300

    assert direct.info("commandstats")["cmdstat_evalsha"]["calls"] == 2
    assert all(direct.get(f"nw:article:{a.id}") == a.record for a in articles)
    assert direct.zrange(DUE_ARTICLES, 0, -1, withscores=True) == [(a.id.encode(), 1000.0 + i) for i, a in enumerate(articles)]
    assert direct.hget(METRICS, "articles_accepted") == b"300"
    assert direct.lrange(QUEUE, 0, -1)[::-1] == [f"task {a.id}".encode() for a in articles]  # FIFO for BRPOP


def test_repeats_and_stale_versions_in_the_same_call_are_answered_as_if_sent_apart(
    server: tuple[subprocess.Popen[bytes], str],
) -> None:
    _, url = server
    direct = redis.Redis.from_url(url)
    first = _article(1, guid="urn:test:story", version=2)
    repeat = _article(2, guid="urn:test:story", version=2)
    older = _article(3, guid="urn:test:story", version=1)
    newer = _article(4, guid="urn:test:story", version=3)
    keyed, keyed_again = _article(5), _article(6)

    answers = asyncio.run(
        _accept_all(url, [first, repeat, older, newer, keyed, keyed_again], [None, None, None, None, "key", "key"])
    )

    assert answers[0] is None and answers[1] == first.id
    assert isinstance(answers[2], StaleVersion) and answers[2].newer == 2
    assert answers[3] is None and answers[4] is None and answers[5] == keyed.id
    for dropped in (repeat, older, keyed_again):  # nothing of a refused article is left behind
        assert direct.get(f"nw:article:{dropped.id}") is None
    queued = {m.decode() for m in direct.lrange(QUEUE, 0, -1)}
    assert queued == {f"task {a.id}" for a in (first, newer, keyed)}
    assert direct.hgetall("nw:guid:urn:test:story") == {b"2": first.id.encode(), b"3": newer.id.encode()}
    assert direct.hget(METRICS, "articles_accepted") == b"3"


def test_when_redis_is_gone_every_waiting_caller_hears_of_it(server: tuple[subprocess.Popen[bytes], str]) -> None:
    proc, url = server
    stop(proc)

    answers = asyncio.run(_accept_all(url, [_article(n) for n in range(5)]))

    assert all(isinstance(a, redis.exceptions.ConnectionError) for a in answers), answers
