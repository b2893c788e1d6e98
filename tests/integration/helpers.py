"""Small steps the integration tests share."""

from __future__ import annotations

import json
from typing import Any

import httpx
from standardwebhooks.webhooks import Webhook

from tests.support.processes import wait_for
from tests.support.receiver import Received, Receiver


def add_subscriber(admin: httpx.Client, receiver: Receiver, path: str, **fields: Any) -> dict[str, Any]:
    body = {"name": path.strip("/"), "webhook": {"url": receiver.url(path), **fields.pop("webhook", {})}, **fields}
    response = admin.post("/v1/subscribers", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def post_article(client: httpx.Client, article: dict[str, Any] | bytes, **headers: str) -> httpx.Response:
    if isinstance(article, bytes):
        return client.post("/v1/articles", content=article, headers={"content-type": "text/plain", **headers})
    return client.post("/v1/articles", json=article, headers=headers)


def verified(request: Received, secret: str) -> dict[str, Any]:
    """The payload, after the reference Standard Webhooks library has verified the signature."""
    payload = Webhook(secret).verify(request.body, request.headers)
    assert json.loads(request.body) == payload
    return payload


def wait_processed(client: httpx.Client, article_id: str, timeout: float = 15) -> dict[str, Any]:
    def processed() -> dict[str, Any] | None:
        article = client.get(f"/v1/articles/{article_id}").json()
        return article if article["status"] in ("processed", "killed") and article["deliveries"]["pending"] == 0 else None

    return wait_for(processed, timeout=timeout, interval=0.1, what=f"article {article_id} to be fully delivered")
