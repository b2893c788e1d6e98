"""The intake application.

uvicorn newswire_intake.main:create_app --factory --port 8000
"""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from newswire import queue
from newswire.config import Settings, get_settings
from newswire.store import ArticleIntake, Store
from newswire_intake import errors
from newswire_intake.routes import articles, deliveries, health, subscribers, unsubscribe

log = logging.getLogger("newswire.intake")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    if not settings.admin_token:
        raise RuntimeError("NEWSWIRE_ADMIN_TOKEN must be set")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.store = Store.from_settings(settings)
        app.state.intake = ArticleIntake.from_settings(settings)
        app.state.celery = queue.make_celery(settings)
        same_redis = settings.broker == settings.redis_url
        app.state.task_messages = queue.ArticleTaskMessages(app.state.celery) if same_redis else None
        # The app and its libraries live as long as the process: keep the collector from walking
        # them on every full collection (about 9% of an intake request's CPU, docs/benchmarks.md).
        gc.collect()
        gc.freeze()
        yield
        app.state.store.redis.close()
        await app.state.intake.redis.aclose()

    app = FastAPI(
        title="Newswire",
        version="1.0.0",
        summary="Post articles once; subscribers receive them enriched, in their formats, signed.",
        lifespan=lifespan,
    )
    errors.install(app)
    app.add_middleware(articles.ServeArticlePosts)
    for module in (articles, subscribers, deliveries, unsubscribe, health):
        app.include_router(module.router)
    return app
