"""Redis storage of articles, rendered formats, subscribers, deliveries and schedules.

The store is the source of truth (Celery results are ignored). Every multi-key change is one
round trip: a MULTI pipeline or a Lua script, so a crash never leaves half a change behind.

Two sorted sets drive the scheduler; a member's score is when it must next be looked at:
``nw:due:articles`` holds articles until processed (embargoed ones until their release time),
``nw:due:deliveries`` holds deliveries until final (retries until their next attempt). Taking
due members re-scores them a visibility timeout ahead, so work lost in a crash comes back.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

import redis

from newswire.config import Settings
from newswire.deliveries import Delivery, DeliveryStatus
from newswire.models import Article, ArticleStatus, Format
from newswire.multiplexed import MultiplexedRedis
from newswire.submissions import NewArticle
from newswire.subscribers import Subscriber

DUE_ARTICLES = "nw:due:articles"
DUE_DELIVERIES = "nw:due:deliveries"
SUBSCRIBERS = "nw:subscribers"
SUBSCRIBERS_VERSION = "nw:subscribers:version"
METRICS = "nw:metrics"
IDEMPOTENCY_TTL = 7 * 24 * 3600


def _str(value: bytes | str) -> str:
    """Redis answers bytes here (no ``decode_responses``: formats are stored as bytes)."""
    return value.decode() if isinstance(value, bytes) else value


def _article(article_id: str) -> str:
    return f"nw:article:{article_id}"


def _format(article_id: str, fmt: Format) -> str:
    return f"nw:article:{article_id}:format:{fmt.value}"


def _article_deliveries(article_id: str) -> str:
    return f"nw:article:{article_id}:deliveries"


def _article_counts(article_id: str) -> str:
    return f"nw:article:{article_id}:counts"


def _guid(guid: str) -> str:
    return f"nw:guid:{guid}"


def _idempotency(key: str) -> str:
    return f"nw:idem:{key}"


def _subscriber(subscriber_id: str) -> str:
    return f"nw:subscriber:{subscriber_id}"


def _subscriber_deliveries(subscriber_id: str) -> str:
    return f"nw:subscriber:{subscriber_id}:deliveries"


def _delivery(delivery_id: str) -> str:
    return f"nw:delivery:{delivery_id}"


def _claim(delivery_id: str) -> str:
    return f"nw:claim:{delivery_id}"


# Accepts a batch of articles. Runs in one transaction right after `MSET` of their records: a
# record stays only when its article is new. (Handing records to Lua cost Redis more than storing
# them: a script that does nothing took 1.9 us of Redis CPU with small arguments and 8.2 us given
# a 4.5 kB record.) One call for the articles the intake has in hand at once: the script call,
# the transaction, the due set, the metric and each queue's push are shared among them.
# KEYS: due set, metrics. ARGV: idempotency ttl, then per article 8 fields: record key, guid hash,
# idempotency key (or ""), id, version, due score, task queue and task message (or "", "").
# Returns per article, in order: the id of the article already stored for its guid+version or
# key, {"stale", newer version} when a newer version of the guid was accepted before, or 0 when new.
_ACCEPT = """
local results, due, tasks, accepted = {}, {}, {}, 0
for i = 2, #ARGV, 8 do
  local record, guid, idem, id, version = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4]
  local result = redis.call('HGET', guid, version)
  if not result and idem ~= '' then result = redis.call('GET', idem) end
  if not result then
    for _, other in ipairs(redis.call('HKEYS', guid)) do
      if tonumber(other) > tonumber(version) then result = {'stale', other} break end
    end
  end
  if result then
    redis.call('DEL', record)
  else
    result = 0
    redis.call('HSET', guid, version, id)
    if idem ~= '' then redis.call('SET', idem, id, 'EX', ARGV[1]) end
    due[#due + 1] = ARGV[i + 5]
    due[#due + 1] = id
    if ARGV[i + 7] ~= '' then
      tasks[ARGV[i + 6]] = tasks[ARGV[i + 6]] or {}
      table.insert(tasks[ARGV[i + 6]], ARGV[i + 7])
    end
    accepted = accepted + 1
  end
  results[#results + 1] = result
end
if accepted > 0 then
  redis.call('ZADD', KEYS[1], unpack(due))
  redis.call('HINCRBY', KEYS[2], 'articles_accepted', accepted)
end
for queue, messages in pairs(tasks) do redis.call('LPUSH', queue, unpack(messages)) end
return results
"""

# KEYS: due set. ARGV: now, new score, limit. Takes due members and pushes them a timeout ahead.
_TAKE_DUE = """
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(ids) do redis.call('ZADD', KEYS[1], ARGV[2], id) end
return ids
"""

# KEYS: article deliveries set, article counts, due set.
# ARGV: due score, created score, then (id, subscriber id, json) triples.
# Creates each delivery that does not exist yet; returns how many were new.
_CREATE_DELIVERIES = """
local ids, due = {}, {}
for i = 3, #ARGV, 3 do
  local id = ARGV[i]
  if redis.call('SET', 'nw:delivery:' .. id, ARGV[i + 2], 'NX') then
    ids[#ids + 1] = id
    due[#due + 1] = ARGV[1]
    due[#due + 1] = id
    redis.call('ZADD', 'nw:subscriber:' .. ARGV[i + 1] .. ':deliveries', ARGV[2], id)
  end
end
-- the article's set and the due set in a few large commands, not one per delivery
for i = 1, #ids, 2000 do
  redis.call('SADD', KEYS[1], unpack(ids, i, math.min(i + 1999, #ids)))
end
for i = 1, #due, 4000 do
  redis.call('ZADD', KEYS[3], unpack(due, i, math.min(i + 3999, #due)))
end
if #ids > 0 then redis.call('HINCRBY', KEYS[2], 'pending', #ids) end
return #ids
"""


# ARGV: claim ttl (ms), then delivery ids. Claims each delivery that nobody else holds and
# returns, per id, its record ("" when it no longer exists), or 0 when the claim is held elsewhere.
_CLAIM = """
local out = {}
for i = 2, #ARGV do
  if redis.call('SET', 'nw:claim:' .. ARGV[i], '1', 'NX', 'PX', ARGV[1]) then
    out[#out + 1] = redis.call('GET', 'nw:delivery:' .. ARGV[i]) or ''
  else
    out[#out + 1] = 0
  end
end
return out
"""


class StaleVersion(Exception):
    """A newer version of this guid was accepted before: this one would overwrite it downstream."""

    def __init__(self, newer: int) -> None:
        super().__init__(f"version {newer} of this guid was already accepted")
        self.newer = newer


def _accepted_id(result: object) -> str | None:
    if isinstance(result, list):
        raise StaleVersion(int(result[1]))
    return _str(result) if isinstance(result, bytes | str) else None


@dataclass(frozen=True)
class _Submission:
    """One article waiting to be accepted: what ``_ACCEPT`` needs of it."""

    article: NewArticle
    idempotency_key: str | None
    due_at: float
    task: tuple[str, bytes] | None  # (queue list, message) to push when new

    def records(self) -> tuple[str, bytes]:
        return _article(self.article.id), self.article.record

    def fields(self) -> tuple[str | bytes | float | int, ...]:
        queue_key, message = self.task or ("", b"")
        idempotency = _idempotency(self.idempotency_key) if self.idempotency_key else ""
        article = self.article
        return (_article(article.id), _guid(article.guid), idempotency, article.id, article.version, self.due_at,
                queue_key, message)  # fmt: skip


def _accept_call(batch: Sequence[_Submission]) -> tuple[tuple[str, ...], list[str | bytes | float | int], tuple[str | bytes, ...]]:
    """KEYS, ARGV and the MSET of the records for one ``_ACCEPT`` of the batch."""
    args: list[str | bytes | float | int] = [IDEMPOTENCY_TTL]
    records: list[str | bytes] = ["MSET"]
    for submission in batch:
        args += submission.fields()
        records += submission.records()
    return (DUE_ARTICLES, METRICS), args, tuple(records)


class ArticleIntake:
    """The intake's side of the store, on asyncio: accepting an article is one Redis transaction
    that stores it, puts it on the due set and (given a task message) queues its task, sent over
    the process's one multiplexed connection. Articles submitted in the same turn of the event
    loop (concurrent posts) are accepted in one such transaction (group commit): per article,
    Redis then spends about a third less CPU (docs/benchmarks.md). Serves one event loop, as its
    connection does."""

    _MAX_BATCH = 256  # bounds the script's arguments; more waiting go in the next call

    def __init__(self, client: MultiplexedRedis) -> None:
        self.redis = client
        self._waiting: list[tuple[_Submission, asyncio.Future[object]]] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._commits: set[asyncio.Task[None]] = set()  # held so they are not collected mid-way

    @classmethod
    def from_settings(cls, settings: Settings) -> ArticleIntake:
        return cls(MultiplexedRedis(settings.redis_url))

    async def accept(
        self, article: NewArticle, *, idempotency_key: str | None, due_at: float, task: tuple[str, bytes] | None
    ) -> str | None:
        """As ``Store.accept_article``; ``task`` is (queue list, message) to push when new."""
        # kept: on Python 3.11 each asyncio.get_running_loop() is a getpid() system call
        loop = self._loop = self._loop or asyncio.get_running_loop()
        waiter = loop.create_future()
        if not self._waiting:
            loop.call_soon(self._commit_waiting)
        self._waiting.append((_Submission(article, idempotency_key, due_at, task), waiter))
        return _accepted_id(await waiter)

    def _commit_waiting(self) -> None:
        assert self._loop is not None
        while self._waiting:
            batch, self._waiting = self._waiting[: self._MAX_BATCH], self._waiting[self._MAX_BATCH :]
            commit = self._loop.create_task(self._commit(batch))
            self._commits.add(commit)
            commit.add_done_callback(self._commits.discard)

    async def _commit(self, batch: list[tuple[_Submission, asyncio.Future[object]]]) -> None:
        keys, args, records = _accept_call([submission for submission, _ in batch])
        try:  # the records' keys are fresh: safe to store again if the script must be sent anew
            results = await self.redis.run_script(_ACCEPT, keys, args, after=[records])
            answered = list(zip(batch, results, strict=True))
        except Exception as exc:  # every caller hears of it: none of them may be left waiting
            answered = [(item, exc) for item in batch]
        for (_, waiter), result in answered:
            if waiter.done():  # its caller gave up meanwhile
                continue
            if isinstance(result, Exception):
                waiter.set_exception(result)
            else:
                waiter.set_result(result)

    async def get_article(self, article_id: str) -> Article | None:
        raw = await self.redis.execute("GET", _article(article_id))
        return Article.model_validate_json(raw) if raw else None


@dataclass(frozen=True)
class ClaimedBatch:
    deliveries: list[Delivery]
    subscribers: dict[str, Subscriber]
    articles: dict[str, Article]  # an article that no longer exists is absent

    @property
    def killed(self) -> set[str]:
        """Articles killed since their deliveries were made."""
        return {i for i, article in self.articles.items() if article.status is ArticleStatus.KILLED}


class Store:
    def __init__(self, client: redis.Redis, *, visibility_timeout: float, retention_days: int = 30) -> None:
        self.redis = client
        self.visibility_timeout = visibility_timeout
        self.retention_seconds = retention_days * 86400
        self._accept = client.register_script(_ACCEPT)
        self._take_due = client.register_script(_TAKE_DUE)
        self._create_deliveries = client.register_script(_CREATE_DELIVERIES)
        self._claim = client.register_script(_CLAIM)

    @classmethod
    def from_url(cls, url: str, *, visibility_timeout: float, retention_days: int = 30) -> Store:
        client = redis.Redis.from_url(url, health_check_interval=30)
        return cls(client, visibility_timeout=visibility_timeout, retention_days=retention_days)

    @classmethod
    def from_settings(cls, settings: Settings) -> Store:
        return cls.from_url(
            settings.redis_url,
            visibility_timeout=settings.visibility_timeout,
            retention_days=settings.delivery_retention_days,
        )

    def ping(self) -> bool:
        return bool(self.redis.ping())

    # -- articles --------------------------------------------------------------------------

    def accept_article(self, article: NewArticle, *, idempotency_key: str | None, due_at: float) -> str | None:
        """Store a new article and schedule it, unless this guid+version or idempotency key was
        accepted before: then return the earlier article's id and change nothing."""
        keys, args, records = _accept_call([_Submission(article, idempotency_key, due_at, None)])
        with self.redis.pipeline(transaction=True) as pipe:
            pipe.execute_command(*records)
            self._accept(keys=keys, args=args, client=pipe)
            return _accepted_id(pipe.execute()[-1][0])

    def get_article(self, article_id: str) -> Article | None:
        raw = self.redis.get(_article(article_id))
        return Article.model_validate_json(raw) if raw else None

    def put_article(self, article: Article) -> None:
        self.redis.set(_article(article.id), article.model_dump_json())

    def guid_versions(self, guid: str) -> dict[int, str]:
        """Every stored version of a guid, mapped to its article id."""
        return {int(v): _str(i) for v, i in self.redis.hgetall(_guid(guid)).items()}

    def get_format(self, article_id: str, fmt: Format) -> bytes | None:
        return cast("bytes | None", self.redis.get(_format(article_id, fmt)))

    def get_formats(self, pairs: Sequence[tuple[str, Format]]) -> list[bytes | None]:
        return cast("list[bytes | None]", self.redis.mget([_format(a, f) for a, f in pairs])) if pairs else []

    def put_format(self, article_id: str, fmt: Format, body: bytes) -> None:
        self.redis.set(_format(article_id, fmt), body)

    def create_deliveries(
        self, article: Article, deliveries: Sequence[Delivery], *, formats: dict[Format, bytes] | None = None
    ) -> int:
        """Create those of the article's deliveries that do not exist yet, due after the
        visibility timeout (their tasks are queued meanwhile); returns how many were new.
        ``formats`` (the article's renderings) are stored in the same round trip, first."""
        args: list[str | float] = [self._deadline(), article.received_at.timestamp()]
        for delivery in deliveries:
            args += [delivery.id, delivery.subscriber_id, delivery.model_dump_json()]
        keys = [_article_deliveries(article.id), _article_counts(article.id), DUE_DELIVERIES]

        def record() -> int:
            pipe = self.redis.pipeline(transaction=True)
            if formats:
                pipe.mset({_format(article.id, fmt): body for fmt, body in formats.items()})
            if deliveries:
                # EVALSHA itself: through the Script object every transaction would cost a
                # SCRIPT EXISTS round trip first.
                pipe.evalsha(self._create_deliveries.sha, len(keys), *keys, *args)
            results = pipe.execute() if len(pipe) else []
            return int(results[-1]) if deliveries else 0

        try:
            return record()
        except redis.exceptions.NoScriptError:
            # Redis forgot the script (it restarted): load it and run the whole transaction
            # again; both parts are idempotent (formats overwritten, deliveries only if missing).
            self.redis.script_load(_CREATE_DELIVERIES)
            return record()

    def save_processed(self, article: Article) -> None:
        """Store the processed article and take it off the due set, once its formats and
        deliveries are recorded: until then a crashed worker's article comes back, and
        processing it again creates only the deliveries that are missing."""
        pipe = self.redis.pipeline(transaction=True)
        pipe.set(_article(article.id), article.model_dump_json())
        pipe.zrem(DUE_ARTICLES, article.id)
        pipe.hincrby(METRICS, "articles_processed", 1)
        pipe.execute()

    def schedule_article(self, article_id: str, at: float) -> None:
        self.redis.zadd(DUE_ARTICLES, {article_id: at})

    def delivery_counts(self, article_id: str) -> dict[str, int]:
        counts = {_str(k): int(v) for k, v in self.redis.hgetall(_article_counts(article_id)).items()}
        return {status.value: counts.get(status.value, 0) for status in DeliveryStatus}

    # -- subscribers ----------------------------------------------------------------------

    def put_subscriber(self, subscriber: Subscriber) -> None:
        pipe = self.redis.pipeline(transaction=True)
        pipe.set(_subscriber(subscriber.id), subscriber.model_dump_json())
        pipe.sadd(SUBSCRIBERS, subscriber.id)
        pipe.set(SUBSCRIBERS_VERSION, uuid.uuid4().hex)
        pipe.execute()

    def get_subscriber(self, subscriber_id: str) -> Subscriber | None:
        raw = self.redis.get(_subscriber(subscriber_id))
        return Subscriber.model_validate_json(raw) if raw else None

    def get_subscribers(self, ids: Sequence[str]) -> dict[str, Subscriber]:
        raws = self.redis.mget([_subscriber(i) for i in ids]) if ids else []
        return {i: Subscriber.model_validate_json(raw) for i, raw in zip(ids, raws, strict=True) if raw}

    def subscriber_ids(self) -> list[str]:
        return sorted(_str(member) for member in self.redis.smembers(SUBSCRIBERS))

    def all_subscribers(self) -> list[Subscriber]:
        return list(self.get_subscribers(self.subscriber_ids()).values())

    def delete_subscriber(self, subscriber_id: str) -> bool:
        pipe = self.redis.pipeline(transaction=True)
        pipe.delete(_subscriber(subscriber_id))
        pipe.srem(SUBSCRIBERS, subscriber_id)
        pipe.set(SUBSCRIBERS_VERSION, uuid.uuid4().hex)
        return bool(pipe.execute()[0])

    def subscribers_version(self) -> bytes:
        """Changes with every subscriber change (random, so it never repeats after a flush)."""
        return cast(bytes, self.redis.get(SUBSCRIBERS_VERSION) or b"")

    # -- deliveries -----------------------------------------------------------------------

    def get_deliveries(self, ids: Sequence[str]) -> list[Delivery]:
        raws = self.redis.mget([_delivery(i) for i in ids]) if ids else []
        return [Delivery.model_validate_json(raw) for raw in raws if raw]

    def article_delivery_ids(self, article_id: str) -> list[str]:
        return sorted(_str(member) for member in self.redis.smembers(_article_deliveries(article_id)))

    def subscriber_delivery_ids(self, subscriber_id: str, *, offset: int, limit: int) -> tuple[list[str], int]:
        """A page of the subscriber's deliveries, newest first, and how many there are."""
        pipe = self.redis.pipeline(transaction=False)
        pipe.zrevrange(_subscriber_deliveries(subscriber_id), offset, offset + limit - 1)
        pipe.zcard(_subscriber_deliveries(subscriber_id))
        members, total = pipe.execute()
        return [_str(m) for m in members], int(total)

    def claim_deliveries(self, ids: Sequence[str], ttl: float) -> list[Delivery]:
        """Claim each delivery for ``ttl`` seconds; return those claimed here that still need
        sending. A claim held elsewhere means another worker is sending it right now.

        Claims last the visibility timeout: exactly the time before the due set hands an
        unfinished delivery out again, so a crashed worker's claims lapse when it does."""
        if not ids:
            return []
        results = self._claim(args=[int(ttl * 1000), *ids])
        claimed: list[Delivery] = []
        release: list[str] = []
        for delivery_id, raw in zip(ids, results, strict=True):
            if raw == 0:
                continue
            delivery = Delivery.model_validate_json(raw) if raw else None
            if delivery is None or delivery.status.final:
                release.append(delivery_id)
                continue
            claimed.append(delivery)
        if release:
            self._forget_due(release)
        return claimed

    def claim_batch(self, ids: Sequence[str], ttl: float) -> ClaimedBatch:
        """Claim a batch (see ``claim_deliveries``) and read its subscribers and articles: what
        either channel needs before sending, in three round trips whatever the batch size."""
        deliveries = self.claim_deliveries(ids, ttl)
        if not deliveries:
            return ClaimedBatch([], {}, {})
        article_ids = sorted({d.article_id for d in deliveries})
        raws = self.redis.mget([_article(i) for i in article_ids])
        articles = {i: Article.model_validate_json(raw) for i, raw in zip(article_ids, raws, strict=True) if raw}
        return ClaimedBatch(deliveries, self.get_subscribers(sorted({d.subscriber_id for d in deliveries})), articles)

    def _forget_due(self, ids: Sequence[str]) -> None:
        pipe = self.redis.pipeline(transaction=False)
        pipe.zrem(DUE_DELIVERIES, *ids)
        pipe.delete(*(_claim(i) for i in ids))
        pipe.execute()

    def finish_attempts(self, deliveries: Iterable[Delivery]) -> None:
        """Write deliveries back after their attempts: final ones leave the due set (and expire
        after the retention period); pending ones are due again at ``next_attempt_at``."""
        deliveries = list(deliveries)
        if not deliveries:
            return
        pipe = self.redis.pipeline(transaction=True)
        final: list[str] = []
        retries: dict[str, float] = {}
        per_article: Counter[tuple[str, str]] = Counter()
        for delivery in deliveries:
            key = _delivery(delivery.id)
            if delivery.status.final:
                pipe.set(key, delivery.model_dump_json(), ex=self.retention_seconds)
                final.append(delivery.id)
                per_article[(delivery.article_id, delivery.status.value)] += 1
            else:
                assert delivery.next_attempt_at is not None
                pipe.set(key, delivery.model_dump_json())
                retries[delivery.id] = delivery.next_attempt_at.timestamp()
        if final:
            pipe.zrem(DUE_DELIVERIES, *final)
        if retries:
            pipe.zadd(DUE_DELIVERIES, retries)
            pipe.hincrby(METRICS, "deliveries_retries_scheduled", len(retries))
        for (article_id, status), count in per_article.items():
            pipe.hincrby(_article_counts(article_id), DeliveryStatus.PENDING.value, -count)
            pipe.hincrby(_article_counts(article_id), status, count)
            pipe.hincrby(METRICS, f"deliveries_{status}", count)
        pipe.delete(*(_claim(d.id) for d in deliveries))
        pipe.execute()

    def reset_for_retry(self, delivery: Delivery, now: datetime) -> None:
        """Operator retry: a failed delivery becomes pending and due now."""
        pipe = self.redis.pipeline(transaction=True)
        counts = _article_counts(delivery.article_id)
        if delivery.status.final:
            pipe.hincrby(counts, delivery.status.value, -1)
            pipe.hincrby(counts, DeliveryStatus.PENDING.value, 1)
        delivery.status = DeliveryStatus.PENDING
        delivery.next_attempt_at = now
        delivery.updated_at = now
        pipe.set(_delivery(delivery.id), delivery.model_dump_json())
        pipe.zadd(DUE_DELIVERIES, {delivery.id: now.timestamp()})
        pipe.execute()

    # -- the scheduler's sets ---------------------------------------------------------------

    def _deadline(self, now: float | None = None) -> float:
        return (now if now is not None else time.time()) + self.visibility_timeout

    def take_due_articles(self, now: float, limit: int = 500) -> list[str]:
        return [_str(i) for i in self._take_due(keys=[DUE_ARTICLES], args=[now, self._deadline(now), limit])]

    def take_due_deliveries(self, now: float, limit: int = 5000) -> list[str]:
        return [_str(i) for i in self._take_due(keys=[DUE_DELIVERIES], args=[now, self._deadline(now), limit])]

    def trim_history(self, now: float) -> None:
        """Drop expired deliveries from the per-subscriber indexes."""
        cutoff = now - self.retention_seconds
        pipe = self.redis.pipeline(transaction=False)
        for subscriber_id in self.subscriber_ids():
            pipe.zremrangebyscore(_subscriber_deliveries(subscriber_id), "-inf", cutoff)
        pipe.execute()

    # -- metrics --------------------------------------------------------------------------

    def metrics(self) -> dict[str, int]:
        return {_str(k): int(v) for k, v in self.redis.hgetall(METRICS).items()}

    def backlog(self, queues: Sequence[str]) -> dict[str, int]:
        pipe = self.redis.pipeline(transaction=False)
        pipe.zcard(DUE_ARTICLES)
        pipe.zcard(DUE_DELIVERIES)
        for queue in queues:
            pipe.llen(queue)
        due_articles, due_deliveries, *lengths = pipe.execute()
        return {"due_articles": due_articles, "due_deliveries": due_deliveries, **dict(zip(queues, lengths, strict=True))}
