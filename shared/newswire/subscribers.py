"""Subscribers: who receives what, where, and in which format."""

from __future__ import annotations

import base64
import hashlib
import secrets
from datetime import datetime
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from newswire.config import Settings
from newswire.models import Format

SECRET_PREFIX = "whsec_"


class Filters(BaseModel):
    """What a subscriber wants. Each list matches when any entry does; all given keys must
    match; no filters means everything."""

    model_config = ConfigDict(extra="forbid")

    topics: list[str] = Field(default_factory=list, max_length=500)
    people: list[str] = Field(default_factory=list, max_length=500)
    places: list[str] = Field(default_factory=list, max_length=500)
    organisations: list[str] = Field(default_factory=list, max_length=500)
    keywords: list[str] = Field(default_factory=list, max_length=500)
    languages: list[str] = Field(default_factory=list, max_length=50)
    max_urgency: int | None = Field(default=None, ge=1, le=9)

    @field_validator("topics")
    @classmethod
    def _medtop_codes(cls, codes: list[str]) -> list[str]:
        for code in codes:
            if not code.startswith("medtop:") or not code[7:].isdigit():
                raise ValueError(f"topics take IPTC Media Topic codes like 'medtop:11000000', not {code!r}")
        return codes


class WebhookTarget(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(max_length=2048)
    format: Format = Format.NINJS2


class EmailTarget(BaseModel):
    model_config = ConfigDict(extra="forbid")

    to: list[EmailStr] = Field(min_length=1, max_length=100)
    format: Format = Format.HTML


class SubscriberIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    webhook: WebhookTarget | None = None
    email: EmailTarget | None = None
    filters: Filters = Field(default_factory=Filters)


class SubscriberPatch(BaseModel):
    """A partial update: only the fields given change."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    webhook: WebhookTarget | None = None
    email: EmailTarget | None = None
    filters: Filters | None = None


class StoredSecret(BaseModel):
    """A webhook secret, encrypted at rest; ``expires_at`` is set on the old one when rotated."""

    ciphertext: str
    expires_at: datetime | None = None


class Subscriber(SubscriberIn):
    model_config = ConfigDict(extra="ignore")

    id: str
    created_at: datetime
    updated_at: datetime
    secrets: list[StoredSecret] = Field(default_factory=list)
    webhook_disabled: str | None = None  # why the endpoint was disabled (e.g. it answered 410)
    unsubscribed: list[str] = Field(default_factory=list)  # addresses that clicked unsubscribe


class SecretBox:
    """Encrypts webhook secrets at rest with a key derived from the configured secret key."""

    def __init__(self, key_material: str) -> None:
        digest = hashlib.sha256(b"newswire-secrets:" + key_material.encode()).digest()
        self._fernet = Fernet(base64.urlsafe_b64encode(digest))

    @classmethod
    def from_settings(cls, settings: Settings) -> SecretBox:
        """Keyed by NEWSWIRE_SECRET_KEY, or by the admin token when no secret key is set."""
        return cls(settings.secret_key or settings.admin_token)

    def seal(self, secret: str, expires_at: datetime | None = None) -> StoredSecret:
        return StoredSecret(ciphertext=self._fernet.encrypt(secret.encode()).decode(), expires_at=expires_at)

    def open(self, stored: StoredSecret) -> str:
        return self._decrypt(stored.ciphertext)

    @lru_cache(maxsize=100_000)  # noqa: B019 (one box per process, kept for its lifetime)
    def _decrypt(self, ciphertext: str) -> str:
        """Decrypting is the costly part of signing a batch; secrets rarely change."""
        try:
            return self._fernet.decrypt(ciphertext.encode()).decode()
        except InvalidToken as exc:
            raise RuntimeError("a webhook secret cannot be decrypted: NEWSWIRE_SECRET_KEY changed") from exc


def new_webhook_secret() -> str:
    """A Standard Webhooks secret: ``whsec_`` and 32 random bytes in base64."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def valid_secrets(subscriber: Subscriber, now: datetime) -> list[StoredSecret]:
    return [s for s in subscriber.secrets if s.expires_at is None or s.expires_at > now]
