"""All settings, read from ``NEWSWIRE_*`` environment variables.

Built through the cached :func:`get_settings` rather than at import time, so tests and
launchers can set the environment first.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_RETRY_SCHEDULE = (0, 5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSWIRE_", extra="ignore")

    redis_url: str = "redis://127.0.0.1:6379/0"
    broker_url: str | None = None  # defaults to redis_url; amqp:// works too
    http_port: int = 8000
    admin_token: str = Field(default="", repr=False)
    newsroom_token: str = Field(default="", repr=False)
    # Key that encrypts webhook secrets at rest and signs unsubscribe links.
    secret_key: str = Field(default="", repr=False)
    smtp_host: str = "127.0.0.1"
    smtp_port: int = 8025
    smtp_user: str = ""
    smtp_password: str = Field(default="", repr=False)
    smtp_tls: str = "none"  # none | starttls | tls
    mail_from: str = "Newswire <newswire@localhost>"
    public_url: str = "http://127.0.0.1:8000"
    allow_private_targets: bool = False
    target_allowlist: Annotated[list[str], NoDecode] = Field(default_factory=list)  # CIDRs exempt from the SSRF guard
    retry_schedule: Annotated[tuple[float, ...], NoDecode] = DEFAULT_RETRY_SCHEDULE
    delivery_timeout: float = 10.0
    visibility_timeout: int = 300
    max_article_bytes: int = 2_000_000
    webhook_batch_size: int = 100
    webhook_concurrency: int = 128  # at least the batch size: a batch goes out in one round
    delivery_retention_days: int = 30
    data_dir: Path = Path("data")

    @field_validator("retry_schedule", mode="before")
    @classmethod
    def _parse_schedule(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(float(part) for part in value.split(",") if part.strip())
        return value

    @field_validator("target_allowlist", mode="before")
    @classmethod
    def _parse_allowlist(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @property
    def broker(self) -> str:
        return self.broker_url or self.redis_url


@cache
def get_settings() -> Settings:
    return Settings()
