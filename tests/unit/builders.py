"""Builders of domain records for unit tests."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from newswire.models import Article, Enrichment, Entity, Place, Topic
from newswire.subscribers import Filters, Subscriber, WebhookTarget

NOW = datetime(2026, 1, 1, 12, tzinfo=timezone.utc)


def subscriber(sid: str, **filters: Any) -> Subscriber:
    return Subscriber(
        id=sid, name=sid, created_at=NOW, updated_at=NOW, filters=Filters(**filters),
        webhook=WebhookTarget(url=f"https://example.org/{sid}"),
    )  # fmt: skip


def article(
    *,
    people: tuple[str, ...] = (),
    places: tuple[str, ...] = (),
    organisations: tuple[str, ...] = (),
    topics: tuple[str, ...] = (),
    keywords: tuple[str, ...] = (),
    language: str = "en",
    urgency: int | None = None,
    subjects: tuple[str, ...] = (),
) -> Article:
    enrichment = Enrichment(
        language=language, wordcount=3, reading_time=1, headline="h", slugline="s", keywords=list(keywords),
        people=[Entity(name=p) for p in people], places=[Place(name=p) for p in places],
        organisations=[Entity(name=o) for o in organisations], subjects=[Topic(code=t, name=t) for t in topics],
    )  # fmt: skip
    return Article(
        id="a", guid="g", body_text="b", body_html="<p>b</p>", received_at=NOW, urgency=urgency,
        subjects=list(subjects), enrichment=enrichment,
    )  # fmt: skip
