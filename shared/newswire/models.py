"""The domain records: what a newsroom submits, what enrichment finds, and delivery state.

Records are pydantic models; they are stored in Redis as JSON (see ``newswire.store``).
"""

from __future__ import annotations

import enum
from datetime import date, datetime, timezone
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from newswire.bodies import text_to_html

Urgency = Annotated[int, Field(ge=1, le=9)]


class Format(str, enum.Enum):
    """Output formats a subscriber may ask for."""

    NINJS2 = "ninjs2"
    NINJS3 = "ninjs3"
    NEWSMLG2 = "newsmlg2"
    NITF = "nitf"
    HTML = "html"
    TEXT = "text"


class ArticleStatus(str, enum.Enum):
    QUEUED = "queued"  # stored, task queued
    EMBARGOED = "embargoed"  # stored, released by the scheduler at its embargo time
    PROCESSED = "processed"  # enriched, rendered, deliveries created
    KILLED = "killed"


class EventType(str, enum.Enum):
    PUBLISHED = "article.published"
    UPDATED = "article.updated"
    KILLED = "article.killed"


class ArticleIn(BaseModel):
    """An article as a newsroom submits it, whatever form it came in (wire text, JSON, ninjs)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    guid: str | None = Field(default=None, max_length=512)
    version: int = Field(default=1, ge=1)
    headline: str | None = Field(default=None, max_length=1000)
    byline: str | None = Field(default=None, max_length=1000)
    slugline: str | None = Field(default=None, max_length=200)
    language: str | None = Field(default=None, max_length=35)
    urgency: Urgency | None = None
    embargoed: datetime | None = None
    located: str | None = Field(default=None, max_length=200)
    genre: str | None = Field(default=None, max_length=100)
    subjects: list[str] = Field(default_factory=list, max_length=100)
    source: str | None = Field(default=None, max_length=200)
    ednote: str | None = Field(default=None, max_length=2000)
    signal: str | None = Field(default=None, max_length=200)
    dateline_date: date | None = None
    body_text: str | None = None
    body_html: str | None = None

    @field_validator("embargoed")
    @classmethod
    def _utc_when_naive(cls, value: datetime | None) -> datetime | None:
        return value.replace(tzinfo=timezone.utc) if value and value.tzinfo is None else value


class Entity(BaseModel):
    """A person or organisation found in the text, under its canonical name."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    mentions: int = 1


class Place(Entity):
    country_code: str | None = None  # ISO 3166-1 alpha-2
    geonames_id: int | None = None


class Topic(BaseModel):
    """An IPTC Media Topic, e.g. ``{"code": "medtop:11000000", "name": "politics"}``."""

    code: str
    name: str
    relevance: float = 1.0


class Enrichment(BaseModel):
    language: str
    wordcount: int
    reading_time: int  # seconds
    headline: str
    slugline: str
    summary: str = ""
    keywords: list[str] = Field(default_factory=list)
    people: list[Entity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    organisations: list[Entity] = Field(default_factory=list)
    subjects: list[Topic] = Field(default_factory=list)
    located: str | None = None
    genre: str | None = None  # news | analysis | opinion


class Article(ArticleIn):
    """A stored article: the submission plus identity, state and (once processed) enrichment.

    Both bodies are always there, so every format can use either: submitted HTML is sanitized
    and its text derived at intake; HTML for a text submission is derived here, when the record
    is read (the intake stores it without, which keeps the busiest path short).
    """

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=False)

    id: str
    guid: str  # type: ignore[assignment]  # always set once stored
    body_text: str  # type: ignore[assignment]
    body_html: str = ""  # type: ignore[assignment]
    received_at: datetime
    status: ArticleStatus = ArticleStatus.QUEUED
    event: EventType = EventType.PUBLISHED
    enrichment: Enrichment | None = None

    @model_validator(mode="after")
    def _html_from_text(self) -> Article:
        if not self.body_html:
            self.body_html = text_to_html(self.body_text)
        return self

    @property
    def headline_or_enriched(self) -> str:
        if self.headline:
            return self.headline
        return self.enrichment.headline if self.enrichment else ""
