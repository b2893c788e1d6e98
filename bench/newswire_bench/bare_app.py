"""The intake baselines, served by the same uvicorn setup as the intake:

- ``POST /v1/articles``: a bare FastAPI endpoint that only parses the same body, so the intake's
  ratio to it is the cost of auth, building, storing and queueing;
- ``POST /v1/articles-stored``: the same, plus one ``SET`` of the body on the intake's Redis
  over the connection the intake uses (``MultiplexedRedis``): the least any intake that stores
  what it accepts pays per request.

    NEWSWIRE_REDIS_URL=redis://... uvicorn newswire_bench.bare_app:create_app --factory
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from newswire.multiplexed import MultiplexedRedis
from newswire.submissions import parse_submission

STORED_PREFIX = "bench:stored:"


def create_app() -> FastAPI:
    client = MultiplexedRedis(os.environ.get("NEWSWIRE_REDIS_URL", "redis://127.0.0.1:6379/0"))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        await client.aclose()

    app = FastAPI(lifespan=lifespan)

    @app.post("/v1/articles", status_code=202)
    async def post_article(request: Request) -> JSONResponse:
        body = await request.body()
        article = parse_submission(request.headers.get("content-type", "text/plain"), body)
        return JSONResponse({"status": "parsed", "headline": article.headline}, status_code=202)

    @app.post("/v1/articles-stored", status_code=202)
    async def post_article_stored(request: Request) -> JSONResponse:
        body = await request.body()
        article = parse_submission(request.headers.get("content-type", "text/plain"), body)
        await client.execute("SET", STORED_PREFIX + uuid.uuid4().hex, body)
        return JSONResponse({"status": "stored", "headline": article.headline}, status_code=202)

    @app.get("/readyz")
    async def readyz() -> dict[str, str]:
        return {"status": "ready"}

    return app
