"""The article as every renderer sees it: supplied fields first, enrichment as the fallback,
every string cleaned once, identifiers made valid for the standards.

Renderers read an :class:`ArticleView` and never touch :class:`~newswire.models.Article`
directly, so the field mapping (and its precedence rules) lives in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from urllib.parse import quote

from newswire.models import Article, ArticleStatus, Entity, EventType, Place
from newswire.textclean import clean, clean_line

MEDIATOPIC_URI = "http://cv.iptc.org/newscodes/mediatopic/"
GENRE_URI = "http://cv.iptc.org/newscodes/genre/"
GEONAMES_URI = "http://sws.geonames.org/"

# xs:language, which BCP 47 tags satisfy; anything else is dropped rather than emitted invalid.
_LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")
# An absolute URI made only of characters RFC 3986 allows (percent escapes well formed).
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})+")
_QCODE = re.compile(r"[^\s:]+:\S+")
_MEDTOP = re.compile(r"medtop:(\d{8})")
# IPTC genre codes for the enrichment's genre values.
_GENRES = {"news": "Current", "analysis": "Analysis", "opinion": "Opinion"}


@dataclass(frozen=True, slots=True)
class Named:
    """A person, organisation or place as the formats emit it."""

    name: str
    uri: str | None = None  # a complete URI when one is known
    country_code: str | None = None


@dataclass(frozen=True, slots=True)
class Subject:
    qcode: str  # e.g. "medtop:11000000"
    name: str
    uri: str | None  # the IPTC URI for Media Topics; None for other schemes


@dataclass(frozen=True, slots=True)
class ArticleView:
    guid: str
    uri: str  # a valid absolute URI identifying the item (the guid when it already is one)
    version: int
    first_created: datetime  # UTC
    version_created: datetime  # UTC
    embargoed: datetime | None
    pubstatus: str  # usable | canceled
    event: EventType
    urgency: int | None
    headline: str
    slugline: str
    byline: str
    located: str
    dateline_date: date | None
    language: str  # valid BCP 47 or ""
    genre: str
    genre_code: str | None  # IPTC genre code, e.g. "Current"
    source: str
    ednote: str
    signal: str
    summary: str
    keywords: tuple[str, ...]
    people: tuple[Named, ...]
    organisations: tuple[Named, ...]
    places: tuple[Named, ...]
    subjects: tuple[Subject, ...]
    body_text: str
    body_html: str  # sanitized at intake; cleaned of forbidden characters
    wordcount: int
    charcount: int


def item_uri(guid: str) -> str:
    """The guid when it is a valid absolute URI, else a URN that carries it percent-encoded."""
    if _URI.fullmatch(guid):
        return guid
    return "urn:newswire:" + quote(guid, safe="")


def utc(moment: datetime) -> datetime:
    """Naive datetimes are taken as UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def iso(moment: datetime) -> str:
    """RFC 3339 / xs:dateTime text in UTC with a ``Z`` suffix."""
    return utc(moment).isoformat().replace("+00:00", "Z")


def valid_language(tag: str | None) -> str:
    tag = (tag or "").strip().replace("_", "-")
    return tag if _LANGUAGE.fullmatch(tag) else ""


def _named(entities: list[Entity] | list[Place]) -> tuple[Named, ...]:
    seen: set[str] = set()
    out: list[Named] = []
    for entity in entities:
        name = clean_line(entity.name)
        if not name or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        uri = country = None
        if isinstance(entity, Place):
            if entity.geonames_id is not None:
                uri = f"{GEONAMES_URI}{entity.geonames_id}/"
            code = (entity.country_code or "").strip().upper()
            country = code if re.fullmatch(r"[A-Z]{2}", code) else None
        out.append(Named(name=name, uri=uri, country_code=country))
    return tuple(out)


def _subjects(article: Article) -> tuple[Subject, ...]:
    """Newsroom-given codes first, then the enrichment's topics; one entry per qcode."""
    names: dict[str, str] = {}
    order: list[str] = []
    for code in article.subjects:
        code = clean_line(code)
        if _QCODE.fullmatch(code) and code not in names:
            names[code] = ""
            order.append(code)
    if article.enrichment:
        for topic in article.enrichment.subjects:
            code = clean_line(topic.code)
            if not _QCODE.fullmatch(code):
                continue
            if code not in names:
                order.append(code)
            if not names.get(code):
                names[code] = clean_line(topic.name)
    out = []
    for code in order:
        medtop = _MEDTOP.fullmatch(code)
        uri = MEDIATOPIC_URI + medtop.group(1) if medtop else None
        out.append(Subject(qcode=code, name=names[code], uri=uri))
    return tuple(out)


def view(article: Article) -> ArticleView:
    enr = article.enrichment
    body_text = clean(article.body_text)
    genre = clean_line(article.genre or (enr.genre if enr else None))
    received = utc(article.received_at)
    return ArticleView(
        guid=clean_line(article.guid),
        uri=item_uri(clean_line(article.guid)),
        version=article.version,
        first_created=received,
        version_created=received,
        embargoed=utc(article.embargoed) if article.embargoed else None,
        pubstatus="canceled"
        if article.status is ArticleStatus.KILLED or article.event is EventType.KILLED
        else "usable",
        event=article.event,
        urgency=article.urgency,
        headline=clean_line(article.headline or (enr.headline if enr else "")),
        slugline=clean_line(article.slugline or (enr.slugline if enr else "")),
        byline=clean_line(article.byline),
        located=clean_line(article.located or (enr.located if enr else None)),
        dateline_date=article.dateline_date,
        language=valid_language(article.language) or valid_language(enr.language if enr else None),
        genre=genre,
        genre_code=_GENRES.get(genre.casefold()),
        source=clean_line(article.source),
        ednote=clean(article.ednote).strip(),
        signal=clean_line(article.signal),
        summary=clean(enr.summary).strip() if enr else "",
        keywords=tuple(dict.fromkeys(k for k in (clean_line(k) for k in enr.keywords) if k)) if enr else (),
        people=_named(enr.people) if enr else (),
        organisations=_named(enr.organisations) if enr else (),
        places=_named(enr.places) if enr else (),
        subjects=_subjects(article),
        body_text=body_text,
        body_html=clean(article.body_html),
        wordcount=enr.wordcount if enr else len(body_text.split()),
        charcount=len(body_text),
    )
