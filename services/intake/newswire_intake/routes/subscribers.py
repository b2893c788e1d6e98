"""Managing subscribers: who gets which articles, where, and in which format."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

from fastapi import APIRouter, Response

from newswire.netguard import BlockedTarget, TargetPolicy
from newswire.subscribers import SecretBox, Subscriber, SubscriberIn, SubscriberPatch, new_webhook_secret, valid_secrets
from newswire_intake.deps import Admin, SettingsDep, StoreDep
from newswire_intake.errors import ApiError, not_found
from newswire_intake.views import deliveries_page, page_bounds

router = APIRouter(prefix="/v1/subscribers", tags=["subscribers"])
ROTATION_GRACE = timedelta(hours=24)  # the old secret keeps signing this long after a rotation


def subscriber_view(subscriber: Subscriber) -> dict[str, Any]:
    return subscriber.model_dump(mode="json", exclude={"secrets"})


def _check_target(subscriber: SubscriberIn | SubscriberPatch, settings: SettingsDep) -> None:
    if subscriber.webhook is not None:
        try:
            TargetPolicy.from_settings(settings).check_url(subscriber.webhook.url)
        except BlockedTarget as exc:
            raise ApiError(422, "invalid_webhook_url", str(exc)) from exc


def _load(store: StoreDep, subscriber_id: str) -> Subscriber:
    subscriber = store.get_subscriber(subscriber_id)
    if subscriber is None:
        raise not_found("subscriber")
    return subscriber


@router.post("", status_code=201, summary="Add a subscriber (its webhook secret is shown only now)")
def create_subscriber(body: SubscriberIn, _: Admin, store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    if body.webhook is None and body.email is None:
        raise ApiError(422, "invalid_subscriber", "give a webhook, an email, or both")
    _check_target(body, settings)
    now = datetime.now(timezone.utc)
    secret = new_webhook_secret()
    subscriber = Subscriber(
        **body.model_dump(), id=uuid.uuid4().hex, created_at=now, updated_at=now,
        secrets=[SecretBox.from_settings(settings).seal(secret)],
    )  # fmt: skip
    store.put_subscriber(subscriber)
    return {**subscriber_view(subscriber), "secret": secret}


@router.get("", summary="List subscribers, a page at a time")
def list_subscribers(_: Admin, store: StoreDep, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    limit, offset = page_bounds(limit, offset)
    ids = store.subscriber_ids()
    page = store.get_subscribers(ids[offset : offset + limit]).values()
    return {"total": len(ids), "offset": offset, "limit": limit, "subscribers": [subscriber_view(s) for s in page]}


@router.get("/{subscriber_id}", summary="A subscriber")
def get_subscriber(subscriber_id: str, _: Admin, store: StoreDep) -> dict[str, Any]:
    return subscriber_view(_load(store, subscriber_id))


@router.patch("/{subscriber_id}", summary="Change a subscriber; fields not given stay as they are")
def update_subscriber(
    subscriber_id: str, body: SubscriberPatch, _: Admin, store: StoreDep, settings: SettingsDep
) -> dict[str, Any]:
    subscriber = _load(store, subscriber_id)
    _check_target(body, settings)
    changes = body.model_dump(exclude_unset=True)
    updated = subscriber.model_copy(update={k: getattr(body, k) for k in changes})
    if updated.webhook is None and updated.email is None:
        raise ApiError(422, "invalid_subscriber", "a subscriber needs a webhook, an email, or both")
    if "webhook" in changes:
        updated.webhook_disabled = None  # a new or corrected endpoint gets a fresh start
    updated.updated_at = datetime.now(timezone.utc)
    store.put_subscriber(updated)
    return subscriber_view(updated)


@router.delete("/{subscriber_id}", status_code=204, summary="Remove a subscriber")
def delete_subscriber(subscriber_id: str, _: Admin, store: StoreDep) -> Response:
    if not store.delete_subscriber(subscriber_id):
        raise not_found("subscriber")
    return Response(status_code=204)


@router.post("/{subscriber_id}/rotate-secret", summary="New webhook secret; the old one signs too for 24 h")
def rotate_secret(subscriber_id: str, _: Admin, store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    subscriber = _load(store, subscriber_id)
    now = datetime.now(timezone.utc)
    box = SecretBox.from_settings(settings)
    old = [
        s.model_copy(update={"expires_at": s.expires_at or now + ROTATION_GRACE})
        for s in valid_secrets(subscriber, now)
    ]
    secret = new_webhook_secret()
    subscriber.secrets = [box.seal(secret), *old]
    subscriber.updated_at = now
    store.put_subscriber(subscriber)
    return {
        **subscriber_view(subscriber),
        "secret": secret,
        "previous_secret_expires_at": (now + ROTATION_GRACE).isoformat(),
    }


@router.get("/{subscriber_id}/deliveries", summary="The subscriber's latest deliveries")
def subscriber_deliveries(
    subscriber_id: str, _: Admin, store: StoreDep, limit: int = 100, offset: int = 0
) -> dict[str, Any]:
    _load(store, subscriber_id)
    limit, offset = page_bounds(limit, offset)
    ids, total = store.subscriber_delivery_ids(subscriber_id, offset=offset, limit=limit)
    return deliveries_page(store, ids, total=total, limit=limit, offset=offset)
