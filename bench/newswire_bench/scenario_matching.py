"""Scenario 5: finding the matching subscribers among many with varied filters, per article,
through the real index (``newswire.matching``) against a scan of every filter.

Filters draw on the same vocabularies enrichment uses (topics, people, places, organisations)
plus the articles' own keywords, so they hit at realistic rates; every answer of the index is
checked against the scan."""

from __future__ import annotations

import random
import statistics
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

from newswire_bench.report import Scenario

from newswire.enrichment import broader_topics, enrich
from newswire.matching import Facets, SubscriberIndex, article_facets
from newswire.models import Article
from newswire.submissions import new_article, parse_submission
from newswire.subscribers import Filters, Subscriber

DATA = Path(__import__("newswire.enrichment", fromlist=["x"]).__file__).parent / "data"
LANGUAGES = ["en", "en", "en", "fr", "de", "es", "uk", "ru"]


def _column(name: str) -> list[str]:
    path = DATA / name
    if not path.exists():
        return []
    rows = (line.split("\t")[0].strip() for line in path.read_text().splitlines() if line and not line.startswith("#"))
    return [row for row in rows if row]


def articles(paths: list[Path]) -> list[Article]:
    now = datetime.now(timezone.utc)
    found = []
    for path in paths:
        article = new_article(parse_submission("text/plain", path.read_bytes()), article_id=uuid.uuid4().hex, now=now).article()
        article.enrichment = enrich(article)
        found.append(article)
    return found


def make_subscribers(count: int, facets: list[Facets], seed: int = 5) -> list[Subscriber]:
    rng = random.Random(seed)
    pools = {
        "topics": [c for c in _column("mediatopics.tsv") if c.startswith("medtop:")],
        "people": _column("people.tsv"),
        "places": _column("places.tsv"),
        "organisations": _column("organisations.tsv"),
        "keywords": sorted({k for f in facets for k in f.values.get("keywords", ())}) + [f"term{i}" for i in range(500)],
    }
    for key in ("topics", "people", "places", "organisations"):  # make sure the articles' own values appear too
        pools[key] = sorted(set(pools[key]) | {v for f in facets for v in f.values.get(key, ())}) or [f"{key}-{i}" for i in range(50)]
    now = datetime.now(timezone.utc)
    subscribers = []
    for i in range(count):
        filters: dict[str, object] = {}
        if rng.random() > 0.05:  # 5% take everything
            for key in rng.sample(list(pools), rng.choice((1, 1, 2, 2, 3))):
                filters[key] = rng.sample(pools[key], min(len(pools[key]), rng.choice((1, 2, 3, 5, 10))))
            if rng.random() < 0.3:
                filters["languages"] = rng.sample(LANGUAGES, 2)
            if rng.random() < 0.2:
                filters["max_urgency"] = rng.randint(1, 9)
        subscribers.append(Subscriber(name=f"m{i}", filters=Filters(**filters), id=f"sub{i:05d}",
                                      webhook={"url": f"http://127.0.0.1/{i}"}, created_at=now, updated_at=now))  # type: ignore[arg-type]  # fmt: skip
    return subscribers


def scan(subscribers: list[Subscriber], facets: Facets) -> list[str]:
    """The baseline: check every subscriber's filters against the article."""
    from newswire.matching import _filter_values  # the same normalisation the index uses

    matched = []
    for subscriber in subscribers:
        ok = True
        for key, values in _filter_values(subscriber.filters).items():
            if values and not values & facets.values.get(key, frozenset()):
                ok = False
                break
        if ok and subscriber.filters.max_urgency is not None and facets.urgency > subscriber.filters.max_urgency:
            ok = False
        if ok:
            matched.append(subscriber.id)
    return matched


def _timed(fn: object, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return times


def run(paths: list[Path], *, subscribers_count: int, repeat: int) -> Scenario:
    scenario = Scenario("matching", "5. Matching")
    docs = articles(paths)
    facets = [article_facets(a, broader_topics) for a in docs]
    subscribers = make_subscribers(subscribers_count, facets)
    started = time.perf_counter()
    index = SubscriberIndex(subscribers)
    build_ms = (time.perf_counter() - started) * 1000

    index_ms: list[float] = []
    scan_ms: list[float] = []
    matches = []
    for article, article_facet in zip(docs, facets, strict=False):
        got = sorted(index.match(article_facets(article, broader_topics)))
        expected = sorted(scan(subscribers, article_facet))
        if got != expected:
            raise AssertionError(f"the index and the scan disagree on {article.id}: {len(got)} vs {len(expected)}")
        matches.append(len(got))
        index_ms += _timed(lambda a=article: index.match(article_facets(a, broader_topics)), repeat)
        scan_ms += _timed(lambda f=article_facet: scan(subscribers, f), max(1, repeat // 10))
    p99 = statistics.quantiles(index_ms, n=100)[98]
    scenario.add(f"per article among {subscribers_count:,} (median)", statistics.median(index_ms), "ms",
                 statistics.median(scan_ms), "scan of every filter", ratio=statistics.median(scan_ms) / statistics.median(index_ms))  # fmt: skip
    scenario.add(f"per article among {subscribers_count:,} (p99)", p99, "ms", target="<= 5")
    scenario.details = {
        "articles": len(docs),
        "repeat_per_article": repeat,
        "matches_per_article": matches,
        "index_build_ms": round(build_ms, 1),
        "note": "timed: article facets (with broader topics) plus index lookup; ratio = scan time / index time",
    }
    return scenario
