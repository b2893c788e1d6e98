"""Reading what a newsroom posts — wire text, the project's JSON article, or ninjs — into an
``ArticleIn``, and turning that into the article record that is stored."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
from pydantic import ValidationError

from newswire.bodies import html_to_text, sanitize_html
from newswire.models import Article, ArticleIn, ArticleStatus
from newswire.textclean import clean
from newswire.wiretext import WireTextError, parse_wire_text

_MEDTOP_URI = "http://cv.iptc.org/newscodes/mediatopic/"


class SubmissionError(ValueError):
    """The submission cannot be accepted; ``status`` is the HTTP status that says why."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def parse_submission(content_type: str, body: bytes) -> ArticleIn:
    media_type, _, params = content_type.partition(";")
    media_type = media_type.strip().lower()
    charset = "utf-8"
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"')
    try:
        text = body.decode(charset)
    except (LookupError, UnicodeDecodeError) as exc:
        raise SubmissionError(400, "bad_encoding", f"the body is not valid {charset} text") from exc

    if media_type == "text/plain":
        try:
            fields = parse_wire_text(clean(text))
        except WireTextError as exc:
            raise SubmissionError(422, "invalid_article", str(exc)) from exc
    elif media_type == "application/json" or media_type.endswith("+json"):
        fields = _json_fields(text)
    else:
        raise SubmissionError(415, "unsupported_media_type", "post text/plain wire text or application/json")
    try:
        article = ArticleIn.model_validate(fields)
    except ValidationError as exc:
        raise SubmissionError(422, "invalid_article", _describe(exc)) from exc
    if not (article.body_text or article.body_html):
        raise SubmissionError(422, "invalid_article", "body_text or body_html is required")
    return article


def _json_fields(text: str) -> dict[str, Any]:
    try:
        document = json.loads(text)  # unlike orjson, keeps lone surrogates, which are cleaned below
    except (ValueError, RecursionError) as exc:
        raise SubmissionError(400, "malformed_json", f"the body is not valid JSON: {exc}") from exc
    if not isinstance(document, dict):
        raise SubmissionError(422, "invalid_article", "the JSON body must be an object")
    document = _clean_strings(document)
    return from_ninjs(document) if _is_ninjs(document) else document


def _clean_strings(value: Any) -> Any:
    """Every string through ``clean``: JSON text may carry lone surrogates and control
    characters that no stored or rendered document can hold."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_clean_strings(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean_strings(v) for k, v in value.items()}
    return value


def _is_ninjs(document: dict[str, Any]) -> bool:
    return "uri" in document or "headlines" in document or "ninjs" in str(document.get("$schema", ""))


def from_ninjs(doc: dict[str, Any]) -> dict[str, Any]:
    """Map a ninjs 2.x document (3.x headlines/bodies where present) onto article fields."""
    fields: dict[str, Any] = {}
    for ninjs_key, key in (("uri", "guid"), ("headline", "headline"), ("byline", "byline"), ("slugline", "slugline"),
                           ("language", "language"), ("urgency", "urgency"), ("embargoed", "embargoed"),
                           ("located", "located"), ("body_text", "body_text"), ("body_html", "body_html"),
                           ("ednote", "ednote")):  # fmt: skip
        if doc.get(ninjs_key) not in (None, ""):
            fields[key] = doc[ninjs_key]
    version = doc.get("version")
    if isinstance(version, int) or (isinstance(version, str) and version.isdigit()):
        fields["version"] = int(version)
    headlines = doc.get("headlines")
    if "headline" not in fields and isinstance(headlines, list) and headlines and isinstance(headlines[0], dict):
        fields["headline"] = headlines[0].get("value")
    for body in doc.get("bodies") or []:
        if isinstance(body, dict) and isinstance(body.get("value"), str):
            key = "body_html" if "html" in str(body.get("contenttype", "")) else "body_text"
            fields.setdefault(key, body["value"])
    subjects = []
    for subject in doc.get("subject") or doc.get("subjects") or []:
        if isinstance(subject, dict):
            code = str(subject.get("code") or "")
            uri = str(subject.get("uri") or "")
            if code.startswith("medtop:"):
                subjects.append(code)
            elif uri.startswith(_MEDTOP_URI):
                subjects.append("medtop:" + uri.removeprefix(_MEDTOP_URI))
    if subjects:
        fields["subjects"] = subjects
    return fields


def _describe(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors()[:5]:
        where = ".".join(str(p) for p in error["loc"]) or "body"
        parts.append(f"{where}: {error['msg']}")
    return "; ".join(parts)


@dataclass(frozen=True)
class NewArticle:
    """An accepted submission ready to store: what the intake answers with, and the stored
    record as JSON, built straight from the submission (validated once, serialized once)."""

    id: str
    guid: str
    version: int
    status: ArticleStatus
    embargoed: datetime | None  # set only while the embargo lasts
    record: bytes

    def article(self) -> Article:
        """The record as every reader of the store sees it."""
        return Article.model_validate_json(self.record)


def new_article(submitted: ArticleIn, *, article_id: str, now: datetime) -> NewArticle:
    """The stored form: a guid, sanitized HTML with its text, or the text alone (``Article``
    derives its HTML when the record is read)."""
    body_text = submitted.body_text or ""
    body_html = sanitize_html(submitted.body_html) if submitted.body_html else ""
    if body_html and not body_text:
        body_text = html_to_text(body_html)
    if not body_text.strip():
        raise SubmissionError(422, "invalid_article", "the article has no body text")
    embargoed = submitted.embargoed if submitted.embargoed is not None and submitted.embargoed > now else None
    guid = submitted.guid or f"urn:newswire:{article_id}"
    status = ArticleStatus.EMBARGOED if embargoed else ArticleStatus.QUEUED
    record = submitted.model_dump(exclude_none=True, exclude={"guid", "body_text", "body_html"})
    record.update(id=article_id, guid=guid, body_text=body_text, received_at=now, status=status)
    if body_html:
        record["body_html"] = body_html
    return NewArticle(article_id, guid, submitted.version, status, embargoed, orjson.dumps(record))
