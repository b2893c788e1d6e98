"""Posting articles and reading what became of them."""

from __future__ import annotations

import secrets
import time
from datetime import datetime, timezone
from typing import Any

import orjson
from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from newswire import queue
from newswire.config import Settings
from newswire.formats import MEDIA_TYPES, render
from newswire.models import Article, ArticleStatus, Format
from newswire.queue import ArticleTaskMessages
from newswire.store import ArticleIntake, StaleVersion
from newswire.submissions import NewArticle, new_article, parse_submission
from newswire_intake.deps import AnyRole, CeleryDep, SettingsDep, StoreDep, authorize
from newswire_intake.errors import ApiError, not_found
from newswire_intake.views import article_view, deliveries_page, page_bounds

router = APIRouter(prefix="/v1/articles", tags=["articles"])
_MAX_IDEMPOTENCY_KEY = 255

_POST_OPENAPI = {
    "parameters": [
        {
            "name": "Idempotency-Key",
            "in": "header",
            "required": False,
            "schema": {"type": "string", "maxLength": _MAX_IDEMPOTENCY_KEY},
            "description": "A repeated post with the same key gets the first answer",
        }
    ],
    "requestBody": {
        "required": True,
        "content": {
            "text/plain": {"schema": {"type": "string"}, "example": "headline: Example\n\nFirst paragraph."},
            "application/json": {
                "schema": {"type": "object"},
                "example": {"headline": "Example", "body_text": "Text."},
            },
        },
    },
}


async def _read_limited(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "too_large", f"articles are limited to {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ApiError(413, "too_large", f"articles are limited to {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _accepted(article: Article | NewArticle, status: ArticleStatus) -> dict[str, Any]:
    base = f"/v1/articles/{article.id}"
    return {
        "id": article.id,
        "guid": article.guid,
        "version": article.version,
        "status": status.value,
        "links": {"self": base, "deliveries": f"{base}/deliveries", "formats": f"{base}/formats/{{format}}"},
    }


@router.post("", status_code=202, openapi_extra=_POST_OPENAPI, summary="Post an article")
async def post_article(request: Request) -> Response:
    """Accept wire text (`text/plain`), the JSON article, or ninjs. Answers 202 once the article
    is stored and queued. The same guid and version (or Idempotency-Key) again returns the
    first answer and distributes nothing twice."""
    # Takes the request alone, as ServeArticlePosts calls it, and what it needs from app.state.
    authorize(request)
    state = request.app.state
    settings: Settings = state.settings
    intake: ArticleIntake = state.intake
    idempotency_key = request.headers.get("idempotency-key")
    if idempotency_key is not None and len(idempotency_key) > _MAX_IDEMPOTENCY_KEY:
        raise ApiError(422, "invalid_request", f"Idempotency-Key: at most {_MAX_IDEMPOTENCY_KEY} characters")
    body = await _read_limited(request, settings.max_article_bytes)
    submitted = parse_submission(request.headers.get("content-type", "text/plain"), body)
    now = datetime.now(timezone.utc)
    # 128 random bits, as uuid4().hex carries, without building a UUID object on the busiest path
    article = new_article(submitted, article_id=secrets.token_hex(16), now=now)

    embargo = article.embargoed
    due_at = embargo.timestamp() if embargo else time.time() + settings.visibility_timeout
    messages: ArticleTaskMessages | None = state.task_messages
    # Where the broker is the store's Redis, the task is queued in the same call as the store.
    task = (messages.queue_key, messages.for_article(article.id)) if messages and embargo is None else None
    try:
        existing_id = await intake.accept(article, idempotency_key=idempotency_key, due_at=due_at, task=task)
    except StaleVersion as exc:
        raise ApiError(409, "stale_version", f"{exc}; send a higher version to update the story") from None
    if existing_id is None:
        if task is None and embargo is None:
            await run_in_threadpool(queue.enqueue_articles, state.celery, [article.id])
        return _answer(_accepted(article, article.status), _location(article.id))
    found = await intake.get_article(existing_id)
    if found is None:
        raise ApiError(409, "conflict", "an article with this guid and version is being removed")
    # A repeated post gets the first answer: the status the article was accepted with.
    held = found.embargoed is not None and found.embargoed > found.received_at
    headers = {**_location(found.id), "Idempotent-Replayed": "true"}
    return _answer(_accepted(found, ArticleStatus.EMBARGOED if held else ArticleStatus.QUEUED), headers)


class ServeArticlePosts:
    """ASGI middleware that answers POST /v1/articles itself, with the route's own endpoint,
    ahead of routing, the exception middleware and the route's wrappers: about a sixth of an
    accepted post's CPU (docs/benchmarks.md). Errors are answered by the app's exception
    handlers, as on any route; the middleware outside it (server errors, body limit) still
    applies. The route stays registered: it documents the request, and serves it when the
    app runs without this middleware."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or _route_path(scope) != router.prefix:
            await self.app(scope, receive, send)
            return
        request = Request(scope, receive, send)
        try:
            response = await post_article(request)
        except Exception as exc:
            handler = _exception_handler(request.app.exception_handlers, exc)
            if handler is None:
                raise
            response = await handler(request, exc)
        await response(scope, receive, send)


def _route_path(scope: Scope) -> str:
    """The path the routes match, as Starlette reads it: without the proxy's root path where the
    server put it in front (uvicorn does; other servers may not)."""
    path, root = scope["path"], scope.get("root_path", "")
    return path[len(root):] if root and path.startswith(root + "/") else path


def _exception_handler(handlers: dict[Any, Any], exc: Exception) -> Any:
    """The handler registered for the exception's class or its nearest base, as Starlette finds it."""
    return next((handlers[cls] for cls in type(exc).__mro__ if cls in handlers), None)


def _answer(accepted: dict[str, Any], headers: dict[str, str]) -> Response:
    # orjson: the standard library's encoder took about 3% of an accepted post's CPU
    return Response(orjson.dumps(accepted), status_code=202, media_type="application/json", headers=headers)


def _location(article_id: str) -> dict[str, str]:
    return {"Location": f"/v1/articles/{article_id}"}


def _load(store: StoreDep, article_id: str) -> Article:
    article = store.get_article(article_id)
    if article is None:
        raise not_found("article")
    return article


@router.get("/{article_id}", summary="An article: status, enrichment and delivery summary")
def get_article(article_id: str, _: AnyRole, store: StoreDep) -> dict[str, Any]:
    article = _load(store, article_id)
    return article_view(article, store.delivery_counts(article_id))


@router.get("/{article_id}/formats/{fmt}", summary="The article rendered in a format")
def get_format(article_id: str, fmt: str, _: AnyRole, store: StoreDep) -> Response:
    try:
        format_ = Format(fmt)
    except ValueError:
        raise ApiError(
            404, "unknown_format", f"unknown format {fmt!r}; known: {', '.join(f.value for f in Format)}"
        ) from None
    if format_ not in MEDIA_TYPES:
        raise ApiError(404, "unknown_format", f"the {fmt} format is not available")
    body = store.get_format(article_id, format_)
    if body is None:
        article = _load(store, article_id)
        body = render(article, format_).body
        if article.enrichment is not None:  # keep only renderings of the processed article
            store.put_format(article_id, format_, body)
    return Response(body, media_type=MEDIA_TYPES[format_])


@router.get("/{article_id}/deliveries", summary="The article's deliveries and their attempts")
def get_deliveries(article_id: str, _: AnyRole, store: StoreDep, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    _load(store, article_id)
    limit, offset = page_bounds(limit, offset)
    ids = store.article_delivery_ids(article_id)
    return deliveries_page(store, ids[offset : offset + limit], total=len(ids), limit=limit, offset=offset)


@router.post("/{article_id}/kill", status_code=202, summary="Kill an article: subscribers are told to remove it")
def kill_article(
    article_id: str, _: AnyRole, store: StoreDep, celery: CeleryDep, settings: SettingsDep
) -> dict[str, Any]:
    article = _load(store, article_id)
    if article.status is not ArticleStatus.KILLED:
        article.status = ArticleStatus.KILLED
        store.put_article(article)
        store.schedule_article(article.id, time.time() + settings.visibility_timeout)
        queue.enqueue_articles(celery, [article.id])
    return _accepted(article, article.status)
