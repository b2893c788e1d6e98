"""Operator actions on deliveries: retry one, or replay every failed one of a subscriber."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from fastapi import APIRouter

from newswire import queue
from newswire.deliveries import DeliveryStatus
from newswire_intake.deps import Admin, CeleryDep, SettingsDep, StoreDep
from newswire_intake.errors import ApiError, not_found

router = APIRouter(prefix="/v1", tags=["deliveries"])
REPLAY_LIMIT = 10_000


@router.get("/deliveries/{delivery_id}", summary="A delivery and its attempts")
def get_delivery(delivery_id: str, _: Admin, store: StoreDep) -> dict[str, Any]:
    found = store.get_deliveries([delivery_id])
    if not found:
        raise not_found("delivery")
    return found[0].model_dump(mode="json")


@router.post("/deliveries/{delivery_id}/retry", status_code=202, summary="Send a delivery again now")
def retry_delivery(
    delivery_id: str, _: Admin, store: StoreDep, celery: CeleryDep, settings: SettingsDep
) -> dict[str, Any]:
    found = store.get_deliveries([delivery_id])
    if not found:
        raise not_found("delivery")
    delivery = found[0]
    if delivery.status is DeliveryStatus.DELIVERED:
        raise ApiError(409, "already_delivered", "this delivery already succeeded")
    store.reset_for_retry(delivery, datetime.now(timezone.utc))
    queue.enqueue_deliveries(celery, [delivery.id], webhook_batch_size=settings.webhook_batch_size)
    return delivery.model_dump(mode="json")


@router.post("/subscribers/{subscriber_id}/replay", status_code=202, summary="Send every failed delivery again")
def replay_failed(
    subscriber_id: str, _: Admin, store: StoreDep, celery: CeleryDep, settings: SettingsDep
) -> dict[str, Any]:
    if store.get_subscriber(subscriber_id) is None:
        raise not_found("subscriber")
    now = datetime.now(timezone.utc)
    recent, _total = store.subscriber_delivery_ids(subscriber_id, offset=0, limit=REPLAY_LIMIT)
    failed = [d for d in store.get_deliveries(recent) if d.status is DeliveryStatus.FAILED]
    for delivery in failed:
        store.reset_for_retry(delivery, now)
    queue.enqueue_deliveries(celery, [d.id for d in failed], webhook_batch_size=settings.webhook_batch_size)
    return {"replayed": len(failed)}
