"""How records are shown by the API."""

from __future__ import annotations

from typing import Any

from newswire.models import Article
from newswire.store import Store

MAX_PAGE = 1000


def article_view(article: Article, delivery_counts: dict[str, int]) -> dict[str, Any]:
    enrichment = article.enrichment.model_dump(mode="json") if article.enrichment else None
    return {
        "id": article.id,
        "guid": article.guid,
        "version": article.version,
        "status": article.status.value,
        "event": article.event.value,
        "received_at": article.received_at.isoformat(),
        "headline": article.headline_or_enriched or None,
        "byline": article.byline,
        "slugline": article.slugline or (article.enrichment.slugline if article.enrichment else None),
        "urgency": article.urgency,
        "language": article.language or (article.enrichment.language if article.enrichment else None),
        "embargoed": article.embargoed.isoformat() if article.embargoed else None,
        "subjects": article.subjects,
        "enrichment": enrichment,
        "deliveries": {"total": sum(delivery_counts.values()), **delivery_counts},
    }


def page_bounds(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(limit, MAX_PAGE)), max(0, offset)


def deliveries_page(store: Store, page_ids: list[str], *, total: int, limit: int, offset: int) -> dict[str, Any]:
    return {
        "total": total,
        "offset": offset,
        "limit": limit,
        "deliveries": [d.model_dump(mode="json") for d in store.get_deliveries(page_ids)],
    }
