import base64
import json
import time

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from newswire.signing import secret_key, sign
from newswire.subscribers import new_webhook_secret


def headers(msg_id: str, timestamp: int, signature: str) -> dict[str, str]:
    return {"webhook-id": msg_id, "webhook-timestamp": str(timestamp), "webhook-signature": signature}


def test_reference_library_verifies_our_signature() -> None:
    secret = new_webhook_secret()
    body = json.dumps({"type": "article.published", "data": {"x": "é"}}).encode()
    now = int(time.time())
    signature = sign([secret_key(secret)], "wh_1", now, body)
    assert Webhook(secret).verify(body, headers("wh_1", now, signature)) == json.loads(body)


def test_every_valid_secret_signs_during_a_rotation() -> None:
    old, new = new_webhook_secret(), new_webhook_secret()
    body, now = b'{"a":1}', int(time.time())
    signature = sign([secret_key(new), secret_key(old)], "wh_2", now, body)
    assert len(signature.split(" ")) == 2
    for secret in (old, new):
        Webhook(secret).verify(body, headers("wh_2", now, signature))
    with pytest.raises(WebhookVerificationError):
        Webhook(new_webhook_secret()).verify(body, headers("wh_2", now, signature))


def test_a_changed_body_or_id_fails_verification() -> None:
    secret = new_webhook_secret()
    now = int(time.time())
    signature = sign([secret_key(secret)], "wh_3", now, b'{"a":1}')
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(b'{"a":2}', headers("wh_3", now, signature))
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(b'{"a":1}', headers("wh_4", now, signature))


def test_secrets_are_32_random_bytes() -> None:
    secret = new_webhook_secret()
    assert secret.startswith("whsec_") and len(base64.b64decode(secret[6:])) == 32
    assert secret != new_webhook_secret()


def test_a_rotated_out_secret_stops_signing_when_it_expires() -> None:
    from datetime import datetime, timedelta, timezone

    from newswire.subscribers import SecretBox, Subscriber, valid_secrets

    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    box = SecretBox("key")
    current, old = box.seal(new_webhook_secret()), box.seal(new_webhook_secret(), expires_at=now + timedelta(hours=24))
    subscriber = Subscriber(id="s", name="s", created_at=now, updated_at=now, secrets=[current, old])
    assert valid_secrets(subscriber, now) == [current, old]
    assert valid_secrets(subscriber, now + timedelta(hours=25)) == [current]
    assert box.open(current) != box.open(old) and box.open(current).startswith("whsec_")
